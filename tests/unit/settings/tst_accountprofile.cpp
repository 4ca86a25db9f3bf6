// AccountProfile against a scripted API: who the user is, and their picture (fetched, previewed,
// queued).
#include "scriptedapi.h"
#include "settings/accountprofile.h"

#include <QBuffer>
#include <QFile>
#include <QImage>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

using namespace clipshelf;
using namespace clipshelf::test;

namespace {

QByteArray png(int w, int h)
{
    QImage image(w, h, QImage::Format_RGB32);
    image.fill(Qt::blue);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

} // namespace

class TestAccountProfile : public QObject
{
    Q_OBJECT

    QNetworkAccessManager m_nam;

    struct Fixture
    {
        explicit Fixture(QNetworkAccessManager &nam)
            : backend(api.base(), api.server.issuer(), &nam),
              profile(backend.client.get(), backend.cache.get(), backend.outbox.get(),
                      backend.replayer.get())
        {
            backend.replayer->stop(); // queued changes stay in the outbox, where the tests look
            backend.cache->setOwnerSub("user_alice");
            profile.setOwner("user_alice");
            api.answer = [this](const FakeRequest &r) {
                if (r.path == "/api/v1/me")
                    return ScriptedApi::json(
                        QJsonDocument(
                            QJsonObject{{"id", 1},
                                        {"sub", "user_alice"},
                                        {"email", "alice@example.com"},
                                        {"name", "Alice"},
                                        {"avatar_url", avatarUrl.isEmpty() ? QJsonValue()
                                                                           : QJsonValue(avatarUrl)},
                                        {"created_at", "2026-01-01T00:00:00Z"}})
                            .toJson());
                if (r.path == "/api/v1/me/avatar")
                    return FakeResponse{200, png(64, 64), "image/png"};
                return FakeResponse{404, "{}"};
            };
        }
        ScriptedApi api;
        ControllerBackend backend;
        AccountProfile profile;
        QString avatarUrl;
    };

private slots:
    void reloadReadsMeAndFetchesThePicture()
    {
        Fixture f(m_nam);
        f.avatarUrl = "/api/v1/me/avatar?v=3";
        QSignalSpy profile(&f.profile, &AccountProfile::profileChanged);
        QSignalSpy avatar(&f.profile, &AccountProfile::avatarUrlChanged);
        f.profile.reload();
        QVERIFY(profile.wait(5000));
        QCOMPARE(f.profile.me().email, QString("alice@example.com"));
        QCOMPARE(f.backend.cache->me()->email,
                 QString("alice@example.com")); // cached for offline starts
        QVERIFY(avatar.wait(5000));
        QVERIFY(f.profile.avatarUrl().isLocalFile());
        QVERIFY(QFile::exists(f.profile.avatarUrl().toLocalFile()));
    }

    void noPictureOnTheServerClearsTheShownOne()
    {
        Fixture f(m_nam);
        f.backend.cache->writeAvatar(png(8, 8));
        f.profile.loadCache();
        QVERIFY(!f.profile.avatarUrl().isEmpty());
        QSignalSpy avatar(&f.profile, &AccountProfile::avatarUrlChanged);
        f.profile.reload();
        QVERIFY(avatar.wait(5000));
        QVERIFY(f.profile.avatarUrl().isEmpty());
    }

    void aPreparedPictureIsPreviewedAndQueued()
    {
        Fixture f(m_nam);
        QCOMPARE(f.profile.upload("user_alice"), QString("Choose a picture first."));
        const QString source = f.backend.dir + "/big.png";
        QFile file(source);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(png(1024, 512));
        file.close();
        const QVariantMap prepared = f.profile.prepare(QUrl::fromLocalFile(source));
        QVERIFY(prepared.value("ok").toBool());
        QCOMPARE(prepared.value("width").toInt(), 512);
        QCOMPARE(prepared.value("height").toInt(), 256);
        const QString preview = prepared.value("previewUrl").toUrl().toLocalFile();
        QVERIFY(QFile::exists(preview));
        QVERIFY(!f.profile.upload({}).isEmpty()); // no one signed in
        QCOMPARE(f.profile.upload("user_alice"), QString());
        QCOMPARE(f.profile.avatarUrl().toLocalFile(), preview); // shown at once
        QCOMPARE(f.backend.outbox->entries().size(), 1);
        const OutboxEntry e = f.backend.outbox->entries().first();
        QCOMPARE(e.kind, OutboxEntry::PutAvatar);
        QCOMPARE(e.ownerSub, QString("user_alice"));
        QCOMPARE(e.payload.value("content_type").toString(), QString("image/png"));
        QCOMPARE(QImage::fromData(e.blob).size(), QSize(512, 256));
        f.profile.forget();
        QVERIFY(!QFile::exists(preview));
        QVERIFY(f.profile.avatarUrl().isEmpty());
    }

    void anUnusableFileSaysWhy()
    {
        Fixture f(m_nam);
        const QVariantMap prepared =
            f.profile.prepare(QUrl::fromLocalFile(f.backend.dir + "/missing.png"));
        QVERIFY(!prepared.value("ok").toBool());
        QVERIFY(!prepared.value("message").toString().isEmpty());
    }

    void removingIsQueuedAndShownAtOnce()
    {
        Fixture f(m_nam);
        f.backend.cache->writeAvatar(png(8, 8));
        f.profile.loadCache();
        f.profile.remove("user_alice");
        QVERIFY(f.profile.avatarUrl().isEmpty());
        QCOMPARE(f.backend.outbox->entries().first().kind, OutboxEntry::DeleteAvatar);
        f.profile.onRefused(); // the server said no: the cached picture again
        QVERIFY(!f.profile.avatarUrl().isEmpty());
    }
};

QTEST_MAIN(TestAccountProfile)
#include "tst_accountprofile.moc"
