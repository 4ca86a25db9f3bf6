#include "settings/avatarimage.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QFile>
#include <QImageReader>

namespace clipshelf {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("clipshelf::AvatarImage", text);
}

QByteArray encode(const QImage &image, const char *format, int quality)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, format, quality);
    return bytes;
}

} // namespace

std::optional<PreparedAvatar> AvatarImage::prepare(const QString &path, QString *message,
                                                   Encoding encoding)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *message = tr("The file could not be opened: %1").arg(file.errorString());
        return std::nullopt;
    }
    // Any sensible picture is far below this; a bigger file is not read into memory.
    if (file.size() > 64LL * 1024 * 1024) {
        *message = tr("The file is too large to be a picture.");
        return std::nullopt;
    }
    return prepare(file.readAll(), message, encoding);
}

std::optional<PreparedAvatar> AvatarImage::prepare(const QByteArray &data, QString *message,
                                                   Encoding encoding)
{
    QBuffer buffer;
    buffer.setData(data);
    buffer.open(QIODevice::ReadOnly);
    QImageReader reader(&buffer);
    reader.setAutoTransform(true); // photos keep their EXIF orientation
    const QSize size = reader.size();
    if (size.isValid() && qint64(size.width()) * size.height() > 100LL * 1000 * 1000) {
        *message =
            tr("The picture is too large (%1 × %2 pixels).").arg(size.width()).arg(size.height());
        return std::nullopt;
    }
    bool keepJpeg = encoding == Encoding::KeepJpeg && reader.format().toLower() == "jpeg";
    QImage image = reader.read();
    if (image.isNull()) {
        *message = tr("This file is not a picture Clipshelf can read (PNG, JPEG, GIF, BMP…).");
        return std::nullopt;
    }
    if (image.width() > kMaxSide || image.height() > kMaxSide)
        image = image.scaled(kMaxSide, kMaxSide, Qt::KeepAspectRatio, Qt::SmoothTransformation);

    PreparedAvatar avatar;
    avatar.image = image;
    if (!keepJpeg) {
        avatar.bytes = encode(image, "PNG", -1);
        avatar.contentType = "image/png";
    }
    // PNG keeps transparency; photos may need JPEG to fit the limit.
    for (int quality = 90; (keepJpeg || avatar.bytes.size() > kMaxBytes) && quality >= 30;
         quality -= 15) {
        keepJpeg = false; // from here on, only the size decides
        avatar.bytes = encode(image.convertToFormat(QImage::Format_RGB32), "JPEG", quality);
        avatar.contentType = "image/jpeg";
    }
    if (avatar.bytes.isEmpty() || avatar.bytes.size() > kMaxBytes) {
        *message = tr("The picture could not be made small enough to upload.");
        return std::nullopt;
    }
    return avatar;
}

} // namespace clipshelf
