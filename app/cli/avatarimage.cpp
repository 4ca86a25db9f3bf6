#include "avatarimage.h"

#include <QBuffer>
#include <QFileInfo>
#include <QImage>
#include <QImageReader>
#include <QImageWriter>

namespace clipshelf::cli {

namespace {

QByteArray encode(const QImage &image, const QByteArray &format, int quality)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QImageWriter writer(&buffer, format);
    writer.setQuality(quality);
    if (!writer.write(image))
        return {};
    return bytes;
}

AvatarImage failure(const QString &sentence)
{
    AvatarImage a;
    a.error = sentence;
    return a;
}

} // namespace

AvatarImage AvatarImage::prepare(const QString &path)
{
    const QFileInfo file(path);
    if (!file.exists())
        return failure(QStringLiteral("There is no file \"%1\".").arg(path));
    if (!file.isFile() || !file.isReadable())
        return failure(QStringLiteral("The file \"%1\" cannot be read.").arg(path));

    QImageReader reader(path);
    reader.setDecideFormatFromContent(true);
    reader.setAutoTransform(true);
    const QByteArray format = reader.format().toLower();
    if (format != "png" && format != "jpeg" && format != "jpg")
        return failure(QStringLiteral("\"%1\" is not a PNG or JPEG image; only those can be avatars.").arg(path));
    QImage image = reader.read();
    if (image.isNull())
        return failure(QStringLiteral("The image \"%1\" cannot be read: %2.").arg(path, reader.errorString()));
    if (image.width() > kMaxSide || image.height() > kMaxSide)
        image = image.scaled(kMaxSide, kMaxSide, Qt::KeepAspectRatio, Qt::SmoothTransformation);

    AvatarImage a;
    a.size = image.size();
    if (format == "png") {
        a.contentType = "image/png";
        a.data = encode(image, "png", -1);
    } else {
        a.contentType = "image/jpeg";
        for (int quality = 90; quality >= 30 && (a.data.isEmpty() || a.data.size() > kMaxBytes); quality -= 20)
            a.data = encode(image.convertToFormat(QImage::Format_RGB32), "jpeg", quality);
    }
    if (a.data.isEmpty())
        return failure(QStringLiteral("The image \"%1\" could not be converted for upload.").arg(path));
    if (a.data.size() > kMaxBytes)
        return failure(QStringLiteral("The image \"%1\" is still larger than 2 MiB after scaling it down.").arg(path));
    return a;
}

} // namespace clipshelf::cli
