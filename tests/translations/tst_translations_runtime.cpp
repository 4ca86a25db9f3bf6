// The translation App installs when the language changes is one QTranslator
// on the application, from the module's resources: it must serve the core
// library's messages too (QObject::tr(), the tr() of its Q_OBJECT classes, the
// contexts passed to QCoreApplication::translate()), not only the pages'. And
// App.storageWarning, built by Workspace with tr(), follows a switch at once.
#include "api/apierror.h"
#include "auth/authcontroller.h"
#include "bridge/app.h"
#include "composition/workspace.h"
#include "core/config.h"
#include "settings/avatarimage.h"
#include "storage/memorysecretstore.h"
#include "storage/secretmessages.h"

#include <QCoreApplication>
#include <QFile>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace clipshelf;

class TestTranslationsRuntime : public QObject
{
    Q_OBJECT

private slots:
    void coreMessagesInGerman()
    {
        App app(nullptr);
        QCOMPARE(Config().providerName(), QStringLiteral("your provider"));
        app.setLanguage(QStringLiteral("de"));
        QCOMPARE(app.language(), QStringLiteral("de"));

        // A page's message: the translation is installed.
        QCOMPARE(QCoreApplication::translate("HomePage", "Sign out"), QStringLiteral("Abmelden"));
        // QObject::tr() (configuration, ID token, provider metadata, token client).
        QCOMPARE(Config().providerName(), QStringLiteral("deinem Anmeldedienst"));
        // tr() of a Q_OBJECT class of the core.
        MemorySecretStore store;
        QCOMPARE(store.backendName(),
                 QStringLiteral("Arbeitsspeicher (nur bis Clipshelf beendet wird)"));
        // A %n message has both German forms.
        QCOMPARE(QCoreApplication::translate("clipshelf::SessionManager",
                                             "%1 Trying again in %n s.", nullptr, 1)
                     .arg(QStringLiteral("Offline.")),
                 QStringLiteral("Offline. Neuer Versuch in 1 Sekunde."));
        QCOMPARE(QCoreApplication::translate("clipshelf::SessionManager",
                                             "%1 Trying again in %n s.", nullptr, 30)
                     .arg(QStringLiteral("Offline.")),
                 QStringLiteral("Offline. Neuer Versuch in 30 Sekunden."));

        // Helpers named tr() that pass their own context to QCoreApplication::translate():
        // lupdate files their calls under the enclosing class, so the context must match it.
        QCOMPARE(ApiError::fromHttp(403, {}, 0).message, QStringLiteral("Das darfst du nicht."));
        QCOMPARE(SecretMessages::notFound(),
                 QStringLiteral("Für dieses Profil ist nichts im Schlüsselbund gespeichert."));
        QString message;
        QVERIFY(!AvatarImage::prepare(QByteArray("not a picture"), &message));
        QCOMPARE(
            message,
            QStringLiteral(
                "Diese Datei ist kein Bild, das Clipshelf lesen kann (PNG, JPEG, GIF, BMP …)."));

        // Back to English: the translator is gone.
        app.setLanguage(QStringLiteral("en"));
        QCOMPARE(Config().providerName(), QStringLiteral("your provider"));
    }

    void storageWarningFollowsLanguage()
    {
        // The data directory cannot be created (a file is in the way): the
        // outbox lives in memory.
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QFile blocker(dir.filePath(QStringLiteral("blocked")));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        const QString dataDir = dir.filePath(QStringLiteral("blocked/data"));

        Config config;
        MemorySecretStore store;
        QNetworkAccessManager nam;
        AuthController auth(config, &store, &nam);
        Workspace workspace(config, &auth, &nam,
                            {dataDir, dir.filePath(QStringLiteral("thumbnails"))});
        QVERIFY(workspace.storageWarning().startsWith(
            QStringLiteral("Clipshelf cannot store changes on this computer (")));
        QVERIFY(workspace.storageWarning().contains(dataDir));
        QVERIFY(workspace.storageWarning().contains(QStringLiteral("lost when Clipshelf closes")));

        App app(nullptr);
        QSignalSpy changed(&app, &App::storageWarningChanged);
        QCOMPARE(app.storageWarning(), QString());
        app.setWorkspace(&workspace);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(app.storageWarning(), workspace.storageWarning());

        app.setLanguage(QStringLiteral("de"));
        QCOMPARE(changed.count(), 2);
        QVERIFY2(app.storageWarning().startsWith(QStringLiteral(
                     "Clipshelf kann auf diesem Computer keine Änderungen speichern (")),
                 qPrintable(app.storageWarning()));
        QVERIFY(app.storageWarning().contains(QStringLiteral("gehen verloren")));

        app.setLanguage(QStringLiteral("en"));
        QCOMPARE(changed.count(), 3);
        QVERIFY(app.storageWarning().startsWith(QStringLiteral("Clipshelf cannot store changes")));
    }

    void noStorageWarningWhenStored()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        Config config;
        MemorySecretStore store;
        QNetworkAccessManager nam;
        AuthController auth(config, &store, &nam);
        Workspace workspace(
            config, &auth, &nam,
            {dir.filePath(QStringLiteral("data")), dir.filePath(QStringLiteral("thumbnails"))});
        QCOMPARE(workspace.storageWarning(), QString());
        App app(nullptr);
        app.setWorkspace(&workspace);
        QCOMPARE(app.storageWarning(), QString());
    }
};

QTEST_GUILESS_MAIN(TestTranslationsRuntime)

#include "tst_translations_runtime.moc"
