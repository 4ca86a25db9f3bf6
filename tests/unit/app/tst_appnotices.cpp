// App.notices is fed by the app's own sources: a storage problem and the
// reason the connection is down (a TLS failure during a refresh stays a TLS
// problem on its way to the UI), each as one notice whose text follows the
// interface language.
#include "auth/authcontroller.h"
#include "auth/tokenclient.h"
#include "bridge/app.h"
#include "composition/workspace.h"
#include "nottlsserver.h"
#include "storage/memorysecretstore.h"
#include "unitsession.h"

#include <QFile>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace clipshelf;
using namespace clipshelf::test;

class TestAppNotices : public QObject
{
    Q_OBJECT

    static QVariantMap bannerOf(const Notices &notices, const QString &topic)
    {
        for (const QVariant &v : notices.banners()) {
            if (v.toMap().value(QStringLiteral("topic")).toString() == topic)
                return v.toMap();
        }
        return {};
    }

private slots:
    void storageProblemIsABanner()
    {
        // The data directory cannot be created (a file is in the way): the outbox lives in memory.
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QFile blocker(dir.filePath(QStringLiteral("blocked")));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        Config config;
        MemorySecretStore store;
        QNetworkAccessManager nam;
        AuthController auth(config, &store, &nam);
        Workspace workspace(config, &auth, &nam,
                            {dir.filePath(QStringLiteral("blocked/data")),
                             dir.filePath(QStringLiteral("thumbnails"))});
        QVERIFY(!workspace.storageWarning().isEmpty());

        App app(&auth);
        app.setWorkspace(&workspace);
        QVariantMap banner = bannerOf(*app.notices(), QStringLiteral("storage"));
        QCOMPARE(banner.value("kind").toString(), QString("StorageFailure"));
        QCOMPARE(banner.value("text").toString(),
                 QString("This computer could not store Clipshelf’s data."));
        QVERIFY(banner.value("detail").toString().contains(QStringLiteral("blocked/data")));

        app.setLanguage(QStringLiteral("de"));
        banner = bannerOf(*app.notices(), QStringLiteral("storage"));
        QCOMPARE(banner.value("text").toString(),
                 QString("Dieser Computer konnte die Daten von Clipshelf nicht speichern."));
        app.setLanguage(QStringLiteral("en"));
    }

    void tlsFailureDuringRefreshIsAConnectionBanner()
    {
        NotTlsServer provider;
        QVERIFY(provider.isListening());
        const QString issuer = provider.httpsUrl({});
        MemorySecretStore store;
        QNetworkAccessManager nam;
        AuthController auth(unitConfig(issuer), &store, &nam);
        App app(&auth);
        SessionManager *sessions = auth.sessions();
        ProviderMetadata metadata;
        metadata.issuer = issuer;
        metadata.tokenEndpoint = QUrl(provider.httpsUrl("/token"));
        sessions->tokenClient()->setMetadata(metadata);
        sessions->adopt(unitSession(issuer, "AT-0", "RT-0", -1),
                        [](const SecretResult &) {}); // expired

        QSignalSpy raised(app.notices(), &Notices::problemRaised);
        const TokenAnswer answer = waitForAccessToken(*sessions);
        QVERIFY(answer.problem);
        QCOMPARE(answer.problem->problem.kind(), Problem::Kind::TlsFailure);
        const QVariantMap banner = bannerOf(*app.notices(), QStringLiteral("connection"));
        QCOMPARE(banner.value("kind").toString(), QString("TlsFailure"));
        QCOMPARE(banner.value("presentation").toString(), QString("banner"));
        QCOMPARE(
            banner.value("text").toString(),
            QString("The sign-in service’s certificate could not be verified, so Clipshelf did not "
                    "connect to it."));

        // The backoff's next retry fails the same way: the same notice stays, none is added.
        QSignalSpy state(sessions, &SessionManager::connectionStateChanged);
        QVERIFY(state.wait(10'000));
        QTRY_VERIFY_WITH_TIMEOUT(!sessions->isRefreshing(), 10'000);
        QCOMPARE(raised.count(), 1);
        QCOMPARE(bannerOf(*app.notices(), QStringLiteral("connection")).value("id"),
                 banner.value("id"));
    }
};

QTEST_GUILESS_MAIN(TestAppNotices)

#include "tst_appnotices.moc"
