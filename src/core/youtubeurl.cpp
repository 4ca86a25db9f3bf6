#include "core/youtubeurl.h"

#include <QtCore/QStringList>
#include <QtCore/QUrl>
#include <QtCore/QUrlQuery>

namespace clipshelf {

namespace {

const QString kExpected = QStringLiteral(
    "expected a YouTube video link such as https://www.youtube.com/watch?v=ID, "
    "https://youtu.be/ID, https://www.youtube.com/shorts/ID or https://www.youtube.com/embed/ID");

bool isIdChar(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') || (u >= u'0' && u <= u'9')
        || u == u'_' || u == u'-';
}

// "/prefix/ID" with nothing after ID.
QString idAfterPrefix(const QString &path, QStringView prefix)
{
    if (!path.startsWith(prefix))
        return {};
    const QString id = path.mid(prefix.size());
    return YoutubeUrl::isValidId(id) ? id : QString();
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

YoutubeUrl YoutubeUrl::fail(const QString &reason)
{
    YoutubeUrl u;
    u.m_error = reason;
    return u;
}

YoutubeUrl YoutubeUrl::parse(QStringView input)
{
    const QString text = input.trimmed().toString();
    if (text.isEmpty())
        return fail(QStringLiteral("must not be empty; ") + kExpected);
    for (QChar c : text) {
        if (c.unicode() <= 0x20 || c.unicode() >= 0x7f)
            return fail(QStringLiteral("must not contain spaces or non-ASCII characters; ") + kExpected);
    }
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid())
        return fail(QStringLiteral("is not a valid URL; ") + kExpected);
    if (url.scheme() != QLatin1String("https"))
        return fail(QStringLiteral("must be an https:// link; ") + kExpected);
    if (!url.userInfo().isEmpty() || url.port() != -1)
        return fail(QStringLiteral("must not contain user info or a port; ") + kExpected);
    if (url.hasFragment())
        return fail(QStringLiteral("must not contain a #fragment; ") + kExpected);

    const QString host = url.host(QUrl::FullyEncoded).toLower();
    const QString path = url.path(QUrl::FullyEncoded);
    const bool www = host == QLatin1String("www.youtube.com");
    const bool mobile = host == QLatin1String("m.youtube.com");

    if ((www || mobile) && path == QLatin1String("/watch")) {
        const QUrlQuery query(url.query(QUrl::FullyEncoded));
        const QStringList values = query.allQueryItemValues(QStringLiteral("v"), QUrl::FullyEncoded);
        if (values.size() != 1)
            return fail(QStringLiteral("needs exactly one v=ID query parameter; ") + kExpected);
        if (!isValidId(values.first()))
            return fail(QStringLiteral("has an invalid video id (11 characters of A-Z, a-z, 0-9, _ and -)"));
        return ok(values.first());
    }

    QString id;
    if (host == QLatin1String("youtu.be"))
        id = idAfterPrefix(path, u"/");
    else if (www)
        id = path.startsWith(QLatin1String("/shorts/")) ? idAfterPrefix(path, u"/shorts/")
                                                         : idAfterPrefix(path, u"/embed/");
    else if (!mobile)
        return fail(QStringLiteral("is not a YouTube link; ") + kExpected);

    if (id.isEmpty())
        return fail(QStringLiteral("is not a supported YouTube video link; ") + kExpected);
    if (url.hasQuery())
        return fail(QStringLiteral("must not have query parameters in this form; ") + kExpected);
    return ok(id);
}

} // namespace clipshelf
