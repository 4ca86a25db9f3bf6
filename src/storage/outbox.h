#pragma once

#include <optional>
#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QString>

namespace clipshelf {

/// One change the server has not confirmed yet.
struct OutboxEntry
{
    enum Kind {
        AddVideo,      ///< payload: VideoDraft JSON (url, title, notes, tags)
        EditVideo,     ///< payload: {"patch": {title?, notes?, tags?}}
        DeleteVideo,   ///< payload: {"title": "…"} for messages
        PatchSettings, ///< payload: {"patch": {…}} (JSON merge patch)
        PutAvatar,     ///< blob: the image; payload: {"content_type": "image/png"}
        DeleteAvatar,
    };
    enum State {
        Waiting, ///< to be sent, in seq order
        Held,    ///< a delete inside its undo window: not sent until released
    };

    qint64 seq = 0; ///< order of the changes, assigned by enqueue()
    Kind kind = AddVideo;
    State state = Waiting;
    QString ownerSub; ///< whose change this is; never sent for anyone else
    qint64 videoId =
        0; ///< target video; negative = the local id of a queued add (-seq of that add)
    QJsonObject payload;
    QByteArray blob;
    QString idempotencyKey; ///< for AddVideo: created when the user pressed Add
    QDateTime createdAt;

    /// The local id shown for a queued AddVideo until the server assigns one.
    qint64 localId() const { return -seq; }
    bool isVideoChange() const
    {
        return kind == AddVideo || kind == EditVideo || kind == DeleteVideo;
    }
};

/**
 * The persistent outbox of one profile (SQLite, one row per change). Every
 * call commits before it returns, so the changes survive restarts, crashes and
 * SIGKILL. Entries are kept in memory as well for fast reads; the file is
 * AppDataLocation/<profile>/outbox.sqlite by default. Holds no secrets.
 */
class Outbox : public QObject
{
    Q_OBJECT
public:
    /// \a directory holds outbox.sqlite (created when missing).
    explicit Outbox(const QString &directory, QObject *parent = nullptr);
    ~Outbox() override;

    /// AppDataLocation/<profile> (QStandardPaths, so test mode is honoured).
    static QString defaultDirectory(const QString &profile);
    /// Opens (and creates) the database; false with \a error when it cannot.
    bool open(QString *error = nullptr);
    bool isOpen() const { return m_open; }
    /// When the file cannot be used: keep the changes in memory for this run only.
    void useMemoryOnly();
    bool isMemoryOnly() const { return m_memoryOnly; }
    QString filePath() const;

    /// Appends \a entry (seq and createdAt are filled in); false when it could not be stored.
    bool enqueue(OutboxEntry &entry);
    /// Stores a changed payload, blob, state or target of an existing entry.
    bool update(const OutboxEntry &entry);
    bool remove(qint64 seq);
    /// Points every entry that targets \a fromVideoId at \a toVideoId (a queued add got its server
    /// id).
    bool retarget(qint64 fromVideoId, qint64 toVideoId);
    /// Releases held entries (undo windows over, or the app closes); \a seq 0 = all.
    bool release(qint64 seq = 0);

    /// All entries in seq order.
    const QList<OutboxEntry> &entries() const { return m_entries; }
    std::optional<OutboxEntry> entry(qint64 seq) const;
    /// The entries of \a sub in seq order (held ones only with \a includeHeld).
    QList<OutboxEntry> entriesFor(const QString &sub, bool includeHeld = false) const;
    /// How many waiting changes \a sub has (held deletes not counted).
    int countFor(const QString &sub) const;
    /// How many entries belong to someone other than \a sub.
    int countNotFor(const QString &sub) const;

    /// Removes the entries of everyone but \a sub.
    bool removeAllNotFor(const QString &sub);
    /// Removes everything (sign out and forget).
    bool clear();

signals:
    /// Any entry was added, changed or removed.
    void changed();

private:
    bool exec(const QString &sql, const QVariantList &binds = {});
    bool reload();

    QString m_dir;
    QString m_connection;
    bool m_open = false;
    bool m_memoryOnly = false;
    QList<OutboxEntry> m_entries;
};

} // namespace clipshelf
