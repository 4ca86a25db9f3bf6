#pragma once

#include <QByteArray>
#include <QSize>
#include <QString>

namespace clipshelf::cli {

/// An avatar ready to upload: PNG or JPEG, at most kMaxSide pixels a side and kMaxBytes.
struct AvatarImage
{
    static constexpr int kMaxSide = 512;
    static constexpr qint64 kMaxBytes = 2 * 1024 * 1024;

    QByteArray data;
    QByteArray contentType;   ///< "image/png" or "image/jpeg"
    QSize size;
    QString error;            ///< one sentence when the file cannot be used

    bool isValid() const { return error.isEmpty(); }

    /**
     * Reads \a path (a PNG or JPEG, recognised by its content), applies the
     * EXIF orientation, scales it down to fit kMaxSide and encodes it again in
     * its own format. Re-encoding also drops metadata such as GPS positions.
     */
    static AvatarImage prepare(const QString &path);
};

} // namespace clipshelf::cli
