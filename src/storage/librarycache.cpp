#include "storage/librarycache.h"

#include "storage/storagelogging.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>
#include <QStandardPaths>
#include <QThreadPool>

#ifdef Q_OS_UNIX
#include <sys/mman.h>
#include <unistd.h>
#endif

namespace clipshelf {

namespace {

bool writeFileAtomically(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        qCWarning(lcStorage) << "Could not write" << QFileInfo(path).fileName()
                             << file.errorString();
        return false;
    }
    return true;
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

const QString kLibraryFile = QStringLiteral("library.json");
const QString kStateFile = QStringLiteral("state.json");
const QString kAvatarPattern = QStringLiteral("avatar-*.img");

} // namespace

LibraryCache::LibraryCache(const QString &directory)
    : m_dir(directory), m_writer(std::make_unique<QThreadPool>())
{
    m_writer->setMaxThreadCount(1); // one writer: the files are written in order
}

LibraryCache::~LibraryCache()
{
    waitForWrites();
}

QString LibraryCache::defaultDirectory(const QString &profile)
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QLatin1Char('/') +
           profile + QStringLiteral("/cache");
}

QString LibraryCache::filePath(const QString &name) const
{
    return m_dir + QLatin1Char('/') + name;
}

QJsonObject LibraryCache::readState() const
{
    if (!m_state)
        m_state = QJsonDocument::fromJson(readFile(filePath(kStateFile))).object();
    return *m_state;
}

void LibraryCache::writeState(const QJsonObject &state) const
{
    m_state = state;
    writeFileAtomically(filePath(kStateFile), QJsonDocument(state).toJson(QJsonDocument::Compact));
}

QString LibraryCache::ownerSub() const
{
    return readState().value(QLatin1String("owner_sub")).toString();
}

void LibraryCache::setOwnerSub(const QString &sub)
{
    if (ownerSub() == sub)
        return;
    if (!ownerSub().isEmpty())
        clear(); // another user's data never mixes with this one's
    writeState(QJsonObject{{QStringLiteral("owner_sub"), sub}});
}

LibraryCache::LibraryState LibraryCache::libraryState() const
{
    const QJsonObject o = readState().value(QLatin1String("library")).toObject();
    LibraryState s;
    s.nextCursor = o.value(QLatin1String("next_cursor")).toString();
    s.complete = o.value(QLatin1String("complete")).toBool();
    s.count = o.value(QLatin1String("count")).toInt();
    return s;
}

void LibraryCache::setLibraryState(const LibraryState &state)
{
    QJsonObject s = readState();
    s.insert(QStringLiteral("library"),
             QJsonObject{{QStringLiteral("next_cursor"), state.nextCursor},
                         {QStringLiteral("complete"), state.complete},
                         {QStringLiteral("count"), state.count}});
    writeState(s);
}

QByteArray LibraryCache::readLibraryJson() const
{
    return readFile(filePath(kLibraryFile));
}

QString LibraryCache::libraryFilePath() const
{
    return filePath(kLibraryFile);
}

void LibraryCache::writeLibraryAsync(std::function<QByteArray()> produce)
{
    const QString path = filePath(kLibraryFile);
    m_writer->start([path, produce = std::move(produce)] { writeFileAtomically(path, produce()); });
}

void LibraryCache::waitForWrites()
{
    m_writer->waitForDone();
}

QList<TagCount> LibraryCache::tags() const
{
    return TagCount::listFromJson(readState());
}

void LibraryCache::setTags(const QList<TagCount> &tags)
{
    QJsonArray list;
    for (const TagCount &t : tags)
        list.append(
            QJsonObject{{QStringLiteral("name"), t.name}, {QStringLiteral("count"), t.count}});
    QJsonObject s = readState();
    s.insert(QStringLiteral("tags"), list);
    writeState(s);
}

std::optional<UserSettings> LibraryCache::settings() const
{
    const QJsonObject s = readState();
    if (!s.contains(QLatin1String("settings")))
        return std::nullopt;
    return UserSettings::fromJson(s.value(QLatin1String("settings")).toObject(),
                                  s.value(QLatin1String("settings_etag")).toString());
}

void LibraryCache::setSettings(const UserSettings &settings)
{
    QJsonObject s = readState();
    s.insert(QStringLiteral("settings"), settings.toJson());
    s.insert(QStringLiteral("settings_etag"), settings.etag);
    writeState(s);
}

std::optional<UserInfo> LibraryCache::me() const
{
    const QJsonObject s = readState();
    if (!s.contains(QLatin1String("me")))
        return std::nullopt;
    return UserInfo::fromJson(s.value(QLatin1String("me")).toObject());
}

void LibraryCache::setMe(const UserInfo &me)
{
    QJsonObject s = readState();
    s.insert(QStringLiteral("me"),
             QJsonObject{{QStringLiteral("id"), double(me.id)},
                         {QStringLiteral("sub"), me.sub},
                         {QStringLiteral("email"), me.email},
                         {QStringLiteral("name"), me.name},
                         {QStringLiteral("avatar_url"), me.avatarUrl},
                         {QStringLiteral("created_at"), formatApiTime(me.createdAt)}});
    writeState(s);
}

QString LibraryCache::avatarPath() const
{
    const QStringList found = QDir(m_dir).entryList({kAvatarPattern}, QDir::Files, QDir::Name);
    return found.isEmpty() ? QString() : filePath(found.constLast());
}

QString LibraryCache::writeAvatar(const QByteArray &image)
{
    // A new name per image, so that views caching images by URL show the new one.
    for (const QString &old : QDir(m_dir).entryList({kAvatarPattern}, QDir::Files))
        QFile::remove(filePath(old));
    if (image.isEmpty())
        return {};
    const QString path =
        filePath(QStringLiteral("avatar-%1.img")
                     .arg(QDateTime::currentMSecsSinceEpoch(), 15, 10, QLatin1Char('0')));
    return writeFileAtomically(path, image) ? path : QString();
}

void LibraryCache::clear()
{
    waitForWrites();
    for (const QString &name : {kLibraryFile, kStateFile})
        QFile::remove(filePath(name));
    writeAvatar({});
    m_state = QJsonObject();
}

// --- MappedFile ----------------------------------------------------------------

MappedFile::MappedFile(const QString &path) : m_file(path)
{
    if (!m_file.open(QIODevice::ReadOnly) || m_file.size() == 0)
        return;
    m_map = m_file.map(0, m_file.size());
    if (m_map) {
        m_bytes = QByteArrayView(reinterpret_cast<const char *>(m_map), m_file.size());
#ifdef Q_OS_UNIX
        madvise(m_map, size_t(m_file.size()), MADV_SEQUENTIAL);
#endif
        return;
    }
    m_copy = m_file.readAll();
    m_bytes = m_copy;
}

MappedFile::~MappedFile()
{
    if (m_map)
        m_file.unmap(m_map);
}

void MappedFile::releaseBefore(const char *position)
{
#ifdef Q_OS_UNIX
    if (!m_map)
        return;
    static const qsizetype page = qsizetype(sysconf(_SC_PAGESIZE));
    const qsizetype upTo = (position - m_bytes.data()) / page * page;
    if (upTo <= m_released)
        return;
    // A read-only file mapping: the pages go back to the page cache, and come
    // back from there if they are read again.
    madvise(m_map + m_released, size_t(upTo - m_released), MADV_DONTNEED);
    m_released = upTo;
#else
    Q_UNUSED(position);
#endif
}

} // namespace clipshelf
