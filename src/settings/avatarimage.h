#pragma once

#include <QByteArray>
#include <QImage>
#include <QString>

#include <optional>

namespace clipshelf {

/// An avatar ready to upload: at most kMaxSide pixels on each side and at most kMaxBytes.
struct PreparedAvatar
{
    QByteArray bytes;
    QByteArray contentType;   ///< "image/png" or "image/jpeg"
    QImage image;             ///< the scaled image, for the preview
};

/// Turns a local image file into an avatar the API accepts (scaled on the client).
class AvatarImage
{
public:
    static constexpr int kMaxSide = 512;
    static constexpr qint64 kMaxBytes = 2 * 1024 * 1024;

    /// Reads \a path (any format Qt reads), scales it down to kMaxSide keeping
    /// the aspect ratio, and encodes PNG (or JPEG when PNG would be too large).
    /// std::nullopt with a plain-words \a message when the file is unusable.
    static std::optional<PreparedAvatar> prepare(const QString &path, QString *message);
    /// The same from image bytes (the tests, and files already read).
    static std::optional<PreparedAvatar> prepare(const QByteArray &data, QString *message);
};

} // namespace clipshelf
