#include "storage/outbox.h"

#include "storage/storagelogging.h"

#include <algorithm>
#include <QDir>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QUuid>

namespace clipshelf {

namespace {
const QString kFile = QStringLiteral("outbox.sqlite");
}

Outbox::Outbox(const QString &directory, QObject *parent)
    : QObject(parent), m_dir(directory),
      m_connection(QStringLiteral("clipshelf-outbox-") +
                   QUuid::createUuid().toString(QUuid::WithoutBraces))
{}

Outbox::~Outbox()
{
    if (QSqlDatabase::contains(m_connection)) {
        QSqlDatabase::database(m_connection).close();
        QSqlDatabase::removeDatabase(m_connection);
    }
}

QString Outbox::defaultDirectory(const QString &profile)
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QLatin1Char('/') +
           profile;
}

QString Outbox::filePath() const
{
    return m_dir + QLatin1Char('/') + kFile;
}

bool Outbox::open(QString *error)
{
    if (m_open)
        return true;
    if (!QDir().mkpath(m_dir)) {
        if (error)
            *error = tr("Could not create %1").arg(m_dir);
        return false;
    }
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
    db.setDatabaseName(filePath());
    if (!db.open()) {
        if (error)
            *error = db.lastError().text();
        return false;
    }
    // Every change is committed before enqueue() returns: durable across crashes and SIGKILL.
    // Several processes of one profile may share the file, so wait for locks a while.
    m_open = exec(QStringLiteral("PRAGMA busy_timeout = 5000")) &&
             exec(QStringLiteral("PRAGMA journal_mode = WAL")) &&
             exec(QStringLiteral("PRAGMA synchronous = FULL")) &&
             exec(QStringLiteral("CREATE TABLE IF NOT EXISTS outbox ("
                                 " seq INTEGER PRIMARY KEY AUTOINCREMENT,"
                                 " kind INTEGER NOT NULL, state INTEGER NOT NULL,"
                                 " owner_sub TEXT NOT NULL, video_id INTEGER NOT NULL DEFAULT 0,"
                                 " payload TEXT NOT NULL, blob BLOB, idempotency_key TEXT,"
                                 " created_ms INTEGER NOT NULL)")) &&
             reload();
    if (!m_open && error)
        *error = db.lastError().text();
    return m_open;
}

void Outbox::useMemoryOnly()
{
    m_memoryOnly = true;
    m_open = true;
}

bool Outbox::exec(const QString &sql, const QVariantList &binds)
{
    if (m_memoryOnly)
        return true;
    QSqlQuery q(QSqlDatabase::database(m_connection));
    if (!q.prepare(sql)) {
        qCWarning(lcStorage) << "Outbox: cannot prepare:" << q.lastError().text();
        return false;
    }
    for (const QVariant &b : binds)
        q.addBindValue(b);
    if (!q.exec()) {
        qCWarning(lcStorage) << "Outbox: statement failed:" << q.lastError().text();
        return false;
    }
    return true;
}

bool Outbox::reload()
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    if (!q.exec(QStringLiteral(
            "SELECT seq, kind, state, owner_sub, video_id, payload, blob, idempotency_key,"
            " created_ms FROM outbox ORDER BY seq")))
        return false;
    QList<OutboxEntry> entries;
    while (q.next()) {
        OutboxEntry e;
        e.seq = q.value(0).toLongLong();
        e.kind = OutboxEntry::Kind(q.value(1).toInt());
        e.state = OutboxEntry::State(q.value(2).toInt());
        e.ownerSub = q.value(3).toString();
        e.videoId = q.value(4).toLongLong();
        e.payload = QJsonDocument::fromJson(q.value(5).toByteArray()).object();
        e.blob = q.value(6).toByteArray();
        e.idempotencyKey = q.value(7).toString();
        e.createdAt = QDateTime::fromMSecsSinceEpoch(q.value(8).toLongLong()).toUTC();
        entries.append(e);
    }
    m_entries = std::move(entries);
    return true;
}

bool Outbox::enqueue(OutboxEntry &entry)
{
    if (!m_open)
        return false;
    entry.createdAt = QDateTime::currentDateTimeUtc();
    if (m_memoryOnly) {
        entry.seq = m_entries.isEmpty() ? 1 : m_entries.constLast().seq + 1;
        if (entry.kind == OutboxEntry::AddVideo && entry.videoId == 0)
            entry.videoId = entry.localId();
        m_entries.append(entry);
        emit changed();
        return true;
    }
    // An add's row and its local id (-seq, known only after the insert) in one transaction:
    // a process ended between the two statements leaves neither or both.
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    const bool setsLocalId = entry.kind == OutboxEntry::AddVideo && entry.videoId == 0;
    if (setsLocalId && !db.transaction()) {
        qCWarning(lcStorage) << "Outbox: could not start a transaction:" << db.lastError().text();
        return false;
    }
    QSqlQuery q(db);
    q.prepare(QStringLiteral(
        "INSERT INTO outbox (kind, state, owner_sub, video_id, payload, blob, idempotency_key,"
        " created_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
    q.addBindValue(int(entry.kind));
    q.addBindValue(int(entry.state));
    q.addBindValue(entry.ownerSub);
    q.addBindValue(entry.videoId);
    q.addBindValue(QJsonDocument(entry.payload).toJson(QJsonDocument::Compact));
    q.addBindValue(entry.blob.isNull() ? QVariant(QMetaType(QMetaType::QByteArray))
                                       : QVariant(entry.blob));
    q.addBindValue(entry.idempotencyKey);
    q.addBindValue(entry.createdAt.toMSecsSinceEpoch());
    if (!q.exec()) {
        qCWarning(lcStorage) << "Outbox: could not store a change:" << q.lastError().text();
        if (setsLocalId)
            db.rollback();
        return false;
    }
    entry.seq = q.lastInsertId().toLongLong();
    if (setsLocalId) {
        entry.videoId = entry.localId();
        if (!exec(QStringLiteral("UPDATE outbox SET video_id = ? WHERE seq = ?"),
                  {entry.videoId, entry.seq}) ||
            !db.commit()) {
            qCWarning(lcStorage) << "Outbox: could not store a change:" << db.lastError().text();
            db.rollback();
            entry.videoId = 0;
            return false;
        }
    }
    m_entries.append(entry);
    emit changed();
    return true;
}

bool Outbox::update(const OutboxEntry &entry)
{
    const bool ok =
        exec(QStringLiteral(
                 "UPDATE outbox SET state = ?, video_id = ?, payload = ?, blob = ? WHERE seq = ?"),
             {int(entry.state), entry.videoId,
              QJsonDocument(entry.payload).toJson(QJsonDocument::Compact), entry.blob, entry.seq});
    if (!ok)
        return false;
    for (OutboxEntry &e : m_entries) {
        if (e.seq == entry.seq) {
            e.state = entry.state;
            e.videoId = entry.videoId;
            e.payload = entry.payload;
            e.blob = entry.blob;
        }
    }
    emit changed();
    return true;
}

bool Outbox::remove(qint64 seq)
{
    // Gone from memory even if the file refuses: a done change must not be sent
    // again and again in this run (after a restart it is replayed, idempotently).
    const bool ok = exec(QStringLiteral("DELETE FROM outbox WHERE seq = ?"), {seq});
    m_entries.removeIf([seq](const OutboxEntry &e) { return e.seq == seq; });
    emit changed();
    return ok;
}

bool Outbox::retarget(qint64 fromVideoId, qint64 toVideoId)
{
    if (!exec(QStringLiteral("UPDATE outbox SET video_id = ? WHERE video_id = ?"),
              {toVideoId, fromVideoId}))
        return false;
    for (OutboxEntry &e : m_entries)
        if (e.videoId == fromVideoId)
            e.videoId = toVideoId;
    emit changed();
    return true;
}

bool Outbox::release(qint64 seq)
{
    const bool ok = seq == 0 ? exec(QStringLiteral("UPDATE outbox SET state = ? WHERE state = ?"),
                                    {int(OutboxEntry::Waiting), int(OutboxEntry::Held)})
                             : exec(QStringLiteral("UPDATE outbox SET state = ? WHERE seq = ?"),
                                    {int(OutboxEntry::Waiting), seq});
    if (!ok)
        return false;
    for (OutboxEntry &e : m_entries)
        if (seq == 0 || e.seq == seq)
            e.state = OutboxEntry::Waiting;
    emit changed();
    return true;
}

std::optional<OutboxEntry> Outbox::entry(qint64 seq) const
{
    for (const OutboxEntry &e : m_entries)
        if (e.seq == seq)
            return e;
    return std::nullopt;
}

QList<OutboxEntry> Outbox::entriesFor(const QString &sub, bool includeHeld) const
{
    QList<OutboxEntry> out;
    for (const OutboxEntry &e : m_entries)
        if (e.ownerSub == sub && (includeHeld || e.state != OutboxEntry::Held))
            out.append(e);
    return out;
}

int Outbox::countFor(const QString &sub) const
{
    return int(std::count_if(m_entries.cbegin(), m_entries.cend(), [&](const OutboxEntry &e) {
        return e.ownerSub == sub && e.state != OutboxEntry::Held;
    }));
}

int Outbox::countNotFor(const QString &sub) const
{
    return int(std::count_if(m_entries.cbegin(), m_entries.cend(),
                             [&](const OutboxEntry &e) { return e.ownerSub != sub; }));
}

bool Outbox::removeAllNotFor(const QString &sub)
{
    if (!exec(QStringLiteral("DELETE FROM outbox WHERE owner_sub <> ?"), {sub}))
        return false;
    m_entries.removeIf([&](const OutboxEntry &e) { return e.ownerSub != sub; });
    emit changed();
    return true;
}

bool Outbox::clear()
{
    if (m_open && !exec(QStringLiteral("DELETE FROM outbox")))
        return false;
    m_entries.clear();
    emit changed();
    return true;
}

} // namespace clipshelf
