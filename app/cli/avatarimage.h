#pragma once

#include "settings/avatarimage.h"

#include <QByteArray>
#include <QSize>
#include <QString>

namespace clipshelf::cli {

/**
 * An avatar ready to upload: PNG or JPEG, at most kMaxSide pixels a side and
 * kMaxBytes. The limits are the app's (clipshelf::AvatarImage); the preparing
 * is the CLI's own, because `avatar set` promises more than the app does: a
 * JPEG stays a JPEG, any other format is refused, and messages name the file.
 */
struct AvatarImage
{
    static constexpr int kMaxSide = clipshelf::AvatarImage::kMaxSide;
    static constexpr qint64 kMaxBytes = clipshelf::AvatarImage::kMaxBytes;

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
