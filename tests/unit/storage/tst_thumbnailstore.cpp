// ThumbnailStore against a local image server: downloads once, caches on
// disk, sends no Authorization, fails gracefully offline or on bad data.
#include "fakeprovider.h"
#include "storage/thumbnailstore.h"

#include <QBuffer>
#include <QImage>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace clipshelf;
using namespace clipshelf::test;

namespace {

QByteArray pngBytes()
{
    QImage image(48, 36, QImage::Format_RGB32);
    image.fill(Qt::red);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

const QString kId = QStringLiteral("abcdefghijk");

} // namespace

class TestThumbnailStore : public QObject
{
    Q_OBJECT

    QNetworkAccessManager m_nam;

private slots:
    void downloadsOnceAndServesFromDisk()
    {
        FakeProvider images;
        const QByteArray png = pngBytes();
        images.other = [&](const FakeRequest &r) {
            if (r.path != "/vi/" + kId + "/hqdefault.jpg" || r.headers.contains("authorization"))
                return FakeResponse{404, "{}"};
            return FakeResponse{200, png, "image/png"};
        };
        QTemporaryDir dir;
        ThumbnailStore store(dir.filePath("thumbs"), &m_nam);
        store.setBaseUrl(QUrl(images.issuer() + "/vi/"));
        QCOMPARE(store.cachedPath(kId), QString());
        QSignalSpy ready(&store, &ThumbnailStore::ready);
        QSignalSpy failed(&store, &ThumbnailStore::failed);
        store.request(kId);
        store.request(kId); // one download for both
        QVERIFY(ready.wait(10'000));
        QCOMPARE(ready.at(0).at(0).toString(), kId);
        const QString path = ready.at(0).at(1).toString();
        QCOMPARE(store.cachedPath(kId), path);
        QCOMPARE(QImage(path).size(), QSize(48, 36));
        QCOMPARE(images.count("/vi/" + kId + "/hqdefault.jpg"), 1);
        QVERIFY(!images.requests.at(0).headers.contains("authorization"));

        store.request(kId); // from disk: no second download
        QTRY_COMPARE(ready.count(), 2);
        QCOMPARE(images.count("/vi/" + kId + "/hqdefault.jpg"), 1);
        QCOMPARE(failed.count(), 0);

        store.clear();
        QCOMPARE(store.cachedPath(kId), QString());
    }

    void failsGracefully()
    {
        FakeProvider images;
        images.other = [](const FakeRequest &r) {
            if (r.path.contains("notanimage"))
                return FakeResponse{200, "<html>nope</html>", "text/html"};
            return FakeResponse{404, "{}"};
        };
        QTemporaryDir dir;
        ThumbnailStore store(dir.path(), &m_nam);
        store.setBaseUrl(QUrl(images.issuer() + "/vi"));
        QSignalSpy failed(&store, &ThumbnailStore::failed);
        store.request("missingvid1");
        QVERIFY(failed.wait(10'000));
        store.request("notanimage1");
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 2, 10'000);
        QCOMPARE(store.cachedPath("notanimage1"), QString());
        store.request("../../etc/x"); // not an id: never a path
        QTRY_COMPARE(failed.count(), 3);

        // A recent failure is not retried at once (offline: no hammering) …
        const int before = images.count("/vi/missingvid1/hqdefault.jpg");
        store.request("missingvid1");
        QTRY_COMPARE(failed.count(), 4);
        QCOMPARE(images.count("/vi/missingvid1/hqdefault.jpg"), before);
        // … until the failures are forgotten (the connection is back).
        store.resetFailures();
        store.request("missingvid1");
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 5, 10'000);
        QCOMPARE(images.count("/vi/missingvid1/hqdefault.jpg"), before + 1);
    }

    void offlineMeansPlaceholder()
    {
        QTemporaryDir dir;
        ThumbnailStore store(dir.path(), &m_nam);
        quint16 port = 0;
        {
            QTcpServer closed;
            QVERIFY(closed.listen(QHostAddress::LocalHost, 0));
            port = closed.serverPort();
        }
        store.setBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:%1/vi").arg(port)));
        QSignalSpy failed(&store, &ThumbnailStore::failed);
        store.request(kId);
        QVERIFY(failed.wait(10'000));
        QVERIFY(!failed.at(0).at(1).toString().isEmpty());
    }
};

QTEST_MAIN(TestThumbnailStore)
#include "tst_thumbnailstore.moc"
