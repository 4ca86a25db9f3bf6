#pragma once

#include "api/apitypes.h"

#include <functional>
#include <memory>
#include <optional>
#include <QByteArray>
#include <QByteArrayView>
#include <QFile>
#include <QJsonObject>
#include <QString>

class QThreadPool;

namespace clipshelf {

/**
 * The last loaded library, tags, settings and profile of one app profile, on
 * disk, so that a start shows them at once and the app stays readable offline.
 * Never holds a secret (no token, no API-key secret).
 *
 * Layout under directory() (default: AppDataLocation/<profile>/cache):
 *   library.json  the videos as a GET /videos body ({"videos":[…],"count":n,"next_cursor":…})
 *   state.json    {"owner_sub", "library": {"next_cursor","complete","count"}, "tags", "settings",
 * "me"} avatar-<ms>.img the user's avatar as last downloaded (a new name per image) Every write is
 * atomic (QSaveFile); large writes run on one background thread, in order, so the UI thread never
 * waits for the disk.
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
        int count = 0; ///< the server's count of the whole library
    };
    LibraryState libraryState() const;
    void setLibraryState(const LibraryState &state);

    /// The cached library as JSON (GET /videos shape), or empty.
    QByteArray readLibraryJson() const;
    /// Where that JSON is (for MappedFile on another thread).
    QString libraryFilePath() const;
    /// Writes the library on the background thread; \a produce builds the bytes there.
    void writeLibraryAsync(std::function<QByteArray()> produce);
    /// Blocks until every background write finished (tests, shutdown).
    void waitForWrites();

    QList<TagCount> tags() const;
    void setTags(const QList<TagCount> &tags);

    std::optional<UserSettings> settings() const; ///< with its ETag (not a secret)
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
    mutable std::optional<QJsonObject> m_state; ///< state.json, read once
};

/**
 * A file read through a read-only memory map (or read whole where mapping is
 * not possible). releaseBefore() gives the pages before a point back to the
 * system: a parser going through a large file then never holds all of it in
 * memory; reading those bytes again still works (they come back from the
 * file). Usable on any thread, one thread at a time.
 */
class MappedFile
{
public:
    explicit MappedFile(const QString &path);
    ~MappedFile();
    MappedFile(const MappedFile &) = delete;
    MappedFile &operator=(const MappedFile &) = delete;

    /// The file's bytes; empty when it is missing or empty.
    QByteArrayView bytes() const { return m_bytes; }
    /// The pages wholly before \a position (inside bytes()) are no longer needed for now.
    void releaseBefore(const char *position);

private:
    QFile m_file;
    uchar *m_map = nullptr;
    QByteArray m_copy; ///< when mapping failed
    QByteArrayView m_bytes;
    qsizetype m_released = 0; ///< bytes from the start already released
};

} // namespace clipshelf
