// BrowserLauncher with a --browser command: the command gets the URL as its
// last argument, runs detached (it outlives the launcher), and a command that
// cannot start is reported with its name.

#include "auth/browserlauncher.h"

#include <memory>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

using namespace clipshelf;

class TestBrowserLauncher : public QObject
{
    Q_OBJECT

private slots:
    void commandGetsTheUrlAndOutlivesTheLauncher()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString out = dir.filePath(QStringLiteral("url.txt"));
        const QString done = dir.filePath(QStringLiteral("done"));
        // The script waits for the launcher to be gone, then records its argument.
        const QString script = dir.filePath(QStringLiteral("browser.sh"));
        QFile scriptFile(script);
        QVERIFY(scriptFile.open(QIODevice::WriteOnly));
        scriptFile.write(
            QStringLiteral("while [ ! -e '%1' ]; do sleep 0.05; done\nprintf %s \"$1\" > '%2'\n")
                .arg(done, out)
                .toUtf8());
        scriptFile.close();
        const QString command = QStringLiteral("sh \"%1\"").arg(script);
        const QUrl url(QStringLiteral("http://127.0.0.1:1/authorize?state=a%20b&x=1"));
        {
            auto launcher = std::make_unique<BrowserLauncher>(command);
            QSignalSpy failed(launcher.get(), &BrowserLauncher::failed);
            QVERIFY(launcher->launch(url));
            QCOMPARE(failed.count(), 0);
        } // launcher destroyed: a child process would be killed here, a detached one is not
        QFile flag(done);
        QVERIFY(flag.open(QIODevice::WriteOnly));
        flag.close();
        // A detached process sends no signal when it ends: poll for its output.
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(out), 10000);
        QFile result(out);
        QTRY_VERIFY_WITH_TIMEOUT(result.size() > 0, 10000);
        QVERIFY(result.open(QIODevice::ReadOnly));
        QCOMPARE(QString::fromUtf8(result.readAll()), url.toString(QUrl::FullyEncoded));
    }

    void commandThatCannotStartIsReportedByName()
    {
        BrowserLauncher launcher(QStringLiteral("/nonexistent/clipshelf-browser --flag"));
        QSignalSpy failed(&launcher, &BrowserLauncher::failed);
        QVERIFY(!launcher.launch(QUrl(QStringLiteral("http://127.0.0.1:1/authorize"))));
        QCOMPARE(failed.count(), 1);
        QVERIFY(failed.at(0).at(0).toString().contains(
            QStringLiteral("/nonexistent/clipshelf-browser")));
    }

    // Issue 13, item 9: a command that starts but exits with an error is reported at once.
    void commandThatExitsWithAnErrorIsReported()
    {
        BrowserLauncher launcher(QStringLiteral("sh -c \"exit 3\""));
        QSignalSpy failed(&launcher, &BrowserLauncher::failed);
        launcher.launch(QUrl(QStringLiteral("http://127.0.0.1:1/authorize")));
        QVERIFY(failed.count() == 1 || failed.wait(5000));
        QVERIFY2(failed.at(0).at(0).toString().contains(QStringLiteral("\"sh\"")),
                 qPrintable(failed.at(0).at(0).toString()));
    }

    void commandThatSucceedsIsNoFailure()
    {
        BrowserLauncher launcher(QStringLiteral("true"));
        QSignalSpy failed(&launcher, &BrowserLauncher::failed);
        QVERIFY(launcher.launch(QUrl(QStringLiteral("http://127.0.0.1:1/authorize"))));
        QTest::qWait(300); // nothing arrives, not even later
        QCOMPARE(failed.count(), 0);
    }
};

QTEST_GUILESS_MAIN(TestBrowserLauncher)
#include "tst_browserlauncher.moc"
