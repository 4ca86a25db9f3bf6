// AvatarImage's encodings: the app sends PNG (JPEG only when PNG is too large);
// `clipshelf-cli avatar set` keeps a JPEG a JPEG. Both scale the same way.
#include "settings/avatarimage.h"

#include <QImage>
#include <QTemporaryDir>
#include <QTest>

using namespace clipshelf;

class TestAvatarEncoding : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    /// \a image saved as \a name (its format from the suffix), as the CLI gets it.
    QString file(const QImage &image, const QString &name) const
    {
        const QString path = m_dir.filePath(name);
        return image.save(path) ? path : QString();
    }

private slots:
    void aJpegStaysAJpegWhenAsked()
    {
        QImage tall(900, 1400, QImage::Format_RGB32);
        tall.fill(Qt::darkCyan);
        QString message;
        const auto kept =
            AvatarImage::prepare(file(tall, "tall.jpg"), &message, AvatarImage::Encoding::KeepJpeg);
        QVERIFY2(kept, qPrintable(message));
        QCOMPARE(kept->contentType, QByteArray("image/jpeg"));
        QCOMPARE(QImage::fromData(kept->bytes, "JPEG").size(), QSize(329, 512));

        const auto app = AvatarImage::prepare(file(tall, "tall.jpg"), &message);
        QVERIFY2(app, qPrintable(message));
        QCOMPARE(app->contentType, QByteArray("image/png"));
        QCOMPARE(app->image.size(), QSize(329, 512));
    }

    void aPngStaysAPngEitherWay()
    {
        QImage wide(1600, 900, QImage::Format_ARGB32);
        wide.fill(QColor(10, 120, 200, 128));
        QString message;
        const auto kept =
            AvatarImage::prepare(file(wide, "wide.png"), &message, AvatarImage::Encoding::KeepJpeg);
        QVERIFY2(kept, qPrintable(message));
        QCOMPARE(kept->contentType, QByteArray("image/png"));
        QCOMPARE(QImage::fromData(kept->bytes).size(), QSize(512, 288));
    }
};

QTEST_GUILESS_MAIN(TestAvatarEncoding)
#include "tst_avatarencoding.moc"
