// AvatarImage: a local picture turned into an avatar the API accepts.
#include "settings/avatarimage.h"

#include <QBuffer>
#include <QColor>
#include <QImage>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

using namespace clipshelf;

namespace {

QByteArray encode(const QImage &image, const char *format)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, format);
    return bytes;
}

} // namespace

class TestAvatarImage : public QObject
{
    Q_OBJECT
private slots:
    void avatarIsScaledToFitTheLimits()
    {
        QString message;
        QImage wide(2000, 1000, QImage::Format_ARGB32);
        wide.fill(QColor(10, 120, 200, 128));
        auto a = AvatarImage::prepare(encode(wide, "PNG"), &message);
        QVERIFY2(a, qPrintable(message));
        QCOMPARE(a->image.size(), QSize(512, 256));
        QCOMPARE(a->contentType, QByteArray("image/png"));
        QCOMPARE(QImage::fromData(a->bytes).size(), QSize(512, 256));

        // Noise does not compress: PNG would pass 2 MiB, so it becomes JPEG.
        QImage noise(512, 512, QImage::Format_RGB32);
        for (int y = 0; y < 512; ++y)
            for (int x = 0; x < 512; ++x)
                noise.setPixel(x, y, QRandomGenerator::global()->generate());
        QImage big = noise.scaled(1536, 1536);
        for (int y = 0; y < big.height(); y += 1)
            for (int x = 0; x < big.width(); x += 7)
                big.setPixel(x, y, QRandomGenerator::global()->generate());
        auto b = AvatarImage::prepare(encode(big, "BMP"), &message);
        QVERIFY2(b, qPrintable(message));
        QVERIFY(b->bytes.size() <= AvatarImage::kMaxBytes);
        QCOMPARE(b->image.size(), QSize(512, 512));

        QImage small(40, 30, QImage::Format_RGB32);
        small.fill(Qt::green);
        auto c = AvatarImage::prepare(encode(small, "JPEG"), &message);
        QVERIFY(c);
        QCOMPARE(c->image.size(), QSize(40, 30)); // never scaled up

        QVERIFY(!AvatarImage::prepare(QByteArray("not a picture"), &message));
        QVERIFY(message.contains("not a picture"));
        QVERIFY(!AvatarImage::prepare(QStringLiteral("/nonexistent/file.png"), &message));
        QVERIFY(!message.isEmpty());
    }

    void readsAFile()
    {
        QTemporaryDir dir;
        QImage square(800, 800, QImage::Format_RGB32);
        square.fill(Qt::red);
        const QString path = dir.filePath("me.png");
        QVERIFY(square.save(path));
        QString message;
        const auto a = AvatarImage::prepare(path, &message);
        QVERIFY2(a, qPrintable(message));
        QCOMPARE(a->image.size(), QSize(512, 512));
    }
};

QTEST_MAIN(TestAvatarImage)
#include "tst_avatarimage.moc"
