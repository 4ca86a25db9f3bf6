#pragma once

#include "api/apitypes.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

class QThreadPool;

namespace clipshelf {

/**
 * The last loaded library, tags, settings and profile of one app profile, on
 * disk, so that a start shows them at once and the app stays readable offline.
 * Never holds a secret (no token, no API-key secret).
 *
 * Layout under directory() (default: AppDataLocation/<profile>/cache):
 *   library.json  the videos as a GET /videos body ({"videos":[…],"count":n,"next_cursor":…})
 *   state.json    {"owner_sub", "library": {"next_cursor","complete","count"}, "tags", "settings", "me"}
 *   avatar-<ms>.img the user's avatar as last downloaded (a new name per image)
 * Every write is atomic (QSaveFile); large writes run on one background
 * thread, in order, so the UI thread never waits for the disk.
 */
class LibraryCache
{
public:
    /// \a directory is created on first write. Tests pass a temporary directory.
    explicit LibraryCache(const QString &directory);
    ~LibraryCache();
    LibraryCache(const LibraryCache &) = delete;
    LibraryCache &operator=(const LibraryCache &) = delete;

    /// AppDataLocation/<profile>/cache (QStandardPaths, so test mode is honoured).
    static QString defaultDirectory(const QString &profile);
    QString directory() const { return m_dir; }

    /// Whose data this is (the provider's subject), "" when nothing is cached.
    QString ownerSub() const;
    /// Sets the owner; when it differs from the stored one, everything else is dropped first.
    void setOwnerSub(const QString &sub);

    /// Where the unfiltered listing stopped paging (empty + complete = everything loaded).
    struct LibraryState
    {
        QString nextCursor;
        bool complete = false;
        int count = 0;            ///< the server's count of the whole library
    };
    LibraryState libraryState() const;
    void setLibraryState(const LibraryState &state);

    /// The cached library as JSON (GET /videos shape), or empty.
    QByteArray readLibraryJson() const;
    /// Writes the library on the background thread; \a produce builds the bytes there.
    void writeLibraryAsync(std::function<QByteArray()> produce);
    /// Blocks until every background write finished (tests, shutdown).
    void waitForWrites();

    QList<TagCount> tags() const;
    void setTags(const QList<TagCount> &tags);

    std::optional<UserSettings> settings() const;   ///< with its ETag (not a secret)
    void setSettings(const UserSettings &settings);

    std::optional<UserInfo> me() const;
    void setMe(const UserInfo &me);

    /// The cached avatar image file ("" when none).
    QString avatarPath() const;
    /// Stores \a image as the avatar file (empty removes it); returns its path.
    QString writeAvatar(const QByteArray &image);

    /// Removes every cached file of this profile.
    void clear();

private:
    QJsonObject readState() const;
    void writeState(const QJsonObject &state) const;
    QString filePath(const QString &name) const;

    QString m_dir;
    std::unique_ptr<QThreadPool> m_writer;
    mutable std::optional<QJsonObject> m_state;   ///< state.json, read once
};

} // namespace clipshelf
