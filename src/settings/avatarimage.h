#pragma once

#include <optional>
#include <QByteArray>
#include <QImage>
#include <QString>

namespace clipshelf {

/// An avatar ready to upload: at most kMaxSide pixels on each side and at most kMaxBytes.
struct PreparedAvatar
{
    QByteArray bytes;
    QByteArray contentType; ///< "image/png" or "image/jpeg"
    QImage image;           ///< the scaled image, for the preview
};

/// Turns a local image file into an avatar the API accepts (scaled on the client),
/// for the app's settings and `clipshelf-cli avatar set` alike.
class AvatarImage
{
public:
    static constexpr int kMaxSide = 512;
    static constexpr qint64 kMaxBytes = 2 * 1024 * 1024;

    /// How the scaled picture is encoded.
    enum class Encoding {
        Png,      ///< PNG, or JPEG when PNG would be too large (the app)
        KeepJpeg, ///< the same, but a JPEG stays a JPEG (the CLI promises so)
    };

    /// Reads \a path (any format Qt reads, EXIF orientation applied), scales it down
    /// to kMaxSide keeping the aspect ratio, and encodes it as \a encoding says;
    /// re-encoding also drops metadata such as GPS positions. std::nullopt with a
    /// plain-words \a message when the file is unusable.
    static std::optional<PreparedAvatar> prepare(const QString &path, QString *message,
                                                 Encoding encoding = Encoding::Png);
    /// The same from image bytes (the tests, and files already read).
    static std::optional<PreparedAvatar> prepare(const QByteArray &data, QString *message,
                                                 Encoding encoding = Encoding::Png);
};

} // namespace clipshelf
