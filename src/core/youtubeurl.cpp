#include "core/youtubeurl.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QStringList>
#include <QtCore/QUrl>
#include <QtCore/QUrlQuery>

namespace clipshelf {

namespace {

bool isIdChar(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') || (u >= u'0' && u <= u'9') ||
           u == u'_' || u == u'-';
}

bool isOneOf(const QString &value, std::initializer_list<QLatin1String> options)
{
    for (const QLatin1String &o : options) {
        if (value == o)
            return true;
    }
    return false;
}

// The first path segment of pages that are about a channel, not one video.
bool isChannelPath(const QString &path)
{
    if (path.startsWith(QLatin1String("/@")))
        return true;
    const QString first = path.section(u'/', 1, 1);
    return isOneOf(first, {QLatin1String("channel"), QLatin1String("c"), QLatin1String("user")});
}

} // namespace

bool YoutubeUrl::isValidId(QStringView id)
{
    if (id.size() != 11)
        return false;
    for (QChar c : id) {
        if (!isIdChar(c))
            return false;
    }
    return true;
}

QString YoutubeUrl::canonicalUrlForId(const QString &id)
{
    return QStringLiteral("https://www.youtube.com/watch?v=") + id;
}

QString YoutubeUrl::thumbnailUrlForId(const QString &id)
{
    return QStringLiteral("https://img.youtube.com/vi/%1/hqdefault.jpg").arg(id);
}

YoutubeUrl YoutubeUrl::ok(const QString &id)
{
    YoutubeUrl u;
    u.m_id = id;
    return u;
}

YoutubeUrl YoutubeUrl::fail(const char *reason)
{
    YoutubeUrl u;
    u.m_error = QCoreApplication::translate("clipshelf::YoutubeUrl", reason);
    return u;
}

YoutubeUrl YoutubeUrl::parse(QStringView input)
{
    const QString text = input.trimmed().toString();
    if (text.isEmpty())
        return fail(QT_TRANSLATE_NOOP("clipshelf::YoutubeUrl", "is empty"));
    for (QChar c : text) {
        if (c.unicode() <= 0x20 || c.unicode() >= 0x7f)
            return fail(QT_TRANSLATE_NOOP("clipshelf::YoutubeUrl",
                                          "contains spaces or characters that a link cannot have"));
    }
    const QUrl url(text, QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || url.host().isEmpty() ||
        !isOneOf(scheme, {QLatin1String("https"), QLatin1String("http")}))
        return fail(
            QT_TRANSLATE_NOOP("clipshelf::YoutubeUrl", "is not a web link starting with https://"));
    if (!url.userInfo().isEmpty() || url.port() != -1)
        return fail(QT_TRANSLATE_NOOP("clipshelf::YoutubeUrl",
                                      "has a user name or a port, which YouTube links never have"));

    // Extra query parameters (si, t, list, feature, ...) and the fragment are dropped.
    const QString host = url.host(QUrl::FullyEncoded).toLower();
    const QString path = url.path(QUrl::FullyEncoded);
    const bool main =
        isOneOf(host, {QLatin1String("www.youtube.com"), QLatin1String("youtube.com")});
    const bool watchOnly =
        isOneOf(host, {QLatin1String("m.youtube.com"), QLatin1String("music.youtube.com")});
    const bool shortHost = host == QLatin1String("youtu.be");
    if (!main && !watchOnly && !shortHost)
        return fail(
            QT_TRANSLATE_NOOP("clipshelf::YoutubeUrl", "is not a youtube.com or youtu.be address"));

    const QUrlQuery query(url.query(QUrl::FullyEncoded));
    if ((main || watchOnly) && path == QLatin1String("/watch")) {
        const QStringList values =
            query.allQueryItemValues(QStringLiteral("v"), QUrl::FullyEncoded);
        if (values.isEmpty()) {
            return query.hasQueryItem(QStringLiteral("list"))
                       ? fail(QT_TRANSLATE_NOOP("clipshelf::YoutubeUrl",
                                                "is a playlist, not one video"))
                       : fail(QT_TRANSLATE_NOOP("clipshelf::YoutubeUrl",
                                                "does not say which video (v=)"));
        }
        if (values.size() != 1)
            return fail(QT_TRANSLATE_NOOP("clipshelf::YoutubeUrl", "names more than one video"));
        if (!isValidId(values.first()))
            return fail(QT_TRANSLATE_NOOP("clipshelf::YoutubeUrl",
                                          "has a video id that is not 11 letters, digits, - or _"));
        return ok(values.first());
    }

    QString id;
    if (shortHost) {
        id = path.mid(1);
    } else if (main) {
        if (path == QLatin1String("/playlist"))
            return fail(QT_TRANSLATE_NOOP("clipshelf::YoutubeUrl", "is a playlist, not one video"));
        if (isChannelPath(path))
            return fail(
                QT_TRANSLATE_NOOP("clipshelf::YoutubeUrl", "is a channel page, not one video"));
        for (const QLatin1String prefix :
             {QLatin1String("/shorts/"), QLatin1String("/live/"), QLatin1String("/embed/")}) {
            if (path.startsWith(prefix)) {
                id = path.mid(prefix.size());
                break;
            }
        }
    }
    if (id.isEmpty() || id.contains(u'/'))
        return fail(
            QT_TRANSLATE_NOOP("clipshelf::YoutubeUrl", "is not a link to one YouTube video"));
    if (!isValidId(id))
        return fail(QT_TRANSLATE_NOOP("clipshelf::YoutubeUrl",
                                      "has a video id that is not 11 letters, digits, - or _"));
    return ok(id);
}

} // namespace clipshelf
