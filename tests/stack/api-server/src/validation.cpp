#include "validation.h"

#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>

namespace apiserver {

std::optional<QJsonObject> parseJsonObject(const QByteArray &body)
{
    if (!QUtf8StringView(body).isValidUtf8())
        return std::nullopt;
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return std::nullopt;
    return doc.object();
}

HttpResponse badJson(const QByteArray &body)
{
    QString why;
    QJsonParseError error{};
    if (!QUtf8StringView(body).isValidUtf8()) {
        why = QStringLiteral("is not valid UTF-8");
    } else if (body.trimmed().isEmpty()) {
        why = QStringLiteral("is empty; send a JSON object");
    } else {
        const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
        why = error.error != QJsonParseError::NoError
                  ? QStringLiteral("is not valid JSON (%1 at offset %2)")
                        .arg(error.errorString())
                        .arg(error.offset)
                  : QStringLiteral("must be a JSON object");
    }
    return HttpResponse::invalid({{QStringLiteral("body"), why}},
                                 QStringLiteral("The request body must be a JSON object"));
}

namespace {

bool isAlpha(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z');
}
bool isDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}
bool allOf(QStringView s, bool (*pred)(QChar))
{
    for (QChar c : s) {
        if (!pred(c))
            return false;
    }
    return true;
}
bool isAlnum(QChar c)
{
    return isAlpha(c) || isDigit(c);
}
bool alpha(QStringView s, qsizetype min, qsizetype max)
{
    return s.size() >= min && s.size() <= max && allOf(s, isAlpha);
}
bool alnum(QStringView s, qsizetype min, qsizetype max)
{
    return s.size() >= min && s.size() <= max && allOf(s, isAlnum);
}

// privateuse = "x" 1*("-" (1*8alphanum)), starting at parts[i].
bool privateUse(const QList<QStringView> &parts, qsizetype i)
{
    if (i >= parts.size() || parts.at(i).compare(u"x", Qt::CaseInsensitive) != 0 ||
        i + 1 >= parts.size())
        return false;
    for (qsizetype j = i + 1; j < parts.size(); ++j) {
        if (!alnum(parts.at(j), 1, 8))
            return false;
    }
    return true;
}

} // namespace

bool isLanguageTag(const QString &tag)
{
    static const QStringList grandfathered{
        // irregular
        QStringLiteral("en-gb-oed"), QStringLiteral("i-ami"), QStringLiteral("i-bnn"),
        QStringLiteral("i-default"), QStringLiteral("i-enochian"), QStringLiteral("i-hak"),
        QStringLiteral("i-klingon"), QStringLiteral("i-lux"), QStringLiteral("i-mingo"),
        QStringLiteral("i-navajo"), QStringLiteral("i-pwn"), QStringLiteral("i-tao"),
        QStringLiteral("i-tay"), QStringLiteral("i-tsu"), QStringLiteral("sgn-be-fr"),
        QStringLiteral("sgn-be-nl"), QStringLiteral("sgn-ch-de"),
        // regular
        QStringLiteral("art-lojban"), QStringLiteral("cel-gaulish"), QStringLiteral("no-bok"),
        QStringLiteral("no-nyn"), QStringLiteral("zh-guoyu"), QStringLiteral("zh-hakka"),
        QStringLiteral("zh-min"), QStringLiteral("zh-min-nan"), QStringLiteral("zh-xiang")};
    if (grandfathered.contains(tag.toLower()))
        return true;
    const QList<QStringView> parts = QStringView(tag).split(u'-');
    if (privateUse(parts, 0))
        return true;
    // language = 2*3ALPHA ["-" extlang] / 4ALPHA / 5*8ALPHA ; extlang = 3ALPHA *2("-" 3ALPHA)
    qsizetype i = 0;
    const QStringView language = parts.at(i++);
    if (!alpha(language, 2, 8))
        return false;
    if (language.size() <= 3) {
        for (int n = 0; n < 3 && i < parts.size() && alpha(parts.at(i), 3, 3); ++n)
            ++i;
    }
    if (i < parts.size() && alpha(parts.at(i), 4, 4)) // script
        ++i;
    if (i < parts.size() &&
        (alpha(parts.at(i), 2, 2) || (parts.at(i).size() == 3 && allOf(parts.at(i), isDigit))))
        ++i; // region
    // variant = 5*8alphanum / (DIGIT 3alphanum)
    while (i < parts.size() &&
           (alnum(parts.at(i), 5, 8) ||
            (parts.at(i).size() == 4 && isDigit(parts.at(i).at(0)) && alnum(parts.at(i), 4, 4))))
        ++i;
    // extension = singleton 1*("-" (2*8alphanum)); singleton = alphanum other than x
    while (i < parts.size() && parts.at(i).size() == 1 && isAlnum(parts.at(i).at(0)) &&
           parts.at(i).compare(u"x", Qt::CaseInsensitive) != 0) {
        qsizetype j = i + 1;
        while (j < parts.size() && alnum(parts.at(j), 2, 8))
            ++j;
        if (j == i + 1)
            return false;
        i = j;
    }
    if (i < parts.size())
        return privateUse(parts, i);
    return true;
}

qsizetype codePoints(const QString &s)
{
    qsizetype n = 0;
    for (qsizetype i = 0; i < s.size(); ++i) {
        if (!(s.at(i).isLowSurrogate() && i > 0 && s.at(i - 1).isHighSurrogate()))
            ++n;
    }
    return n;
}

std::optional<QString> readNullableString(const QJsonObject &o, const QString &field,
                                          qsizetype maxLength, ValidationErrors &errors)
{
    if (!o.contains(field))
        return std::nullopt;
    const QJsonValue v = o.value(field);
    if (v.isNull())
        return QString();
    if (!v.isString()) {
        errors.append({field, QStringLiteral("must be a string or null")});
        return std::nullopt;
    }
    const QString s = v.toString();
    if (codePoints(s) > maxLength) {
        errors.append({field, QStringLiteral("must be at most %1 characters").arg(maxLength)});
        return std::nullopt;
    }
    return s.isNull() ? QString(QLatin1String("")) : s;
}

std::optional<QStringList> readTags(const QJsonObject &o, const QString &field,
                                    ValidationErrors &errors)
{
    if (!o.contains(field))
        return std::nullopt;
    const QJsonValue v = o.value(field);
    if (!v.isArray()) {
        errors.append({field, QStringLiteral("must be an array of strings")});
        return std::nullopt;
    }
    const QJsonArray list = v.toArray();
    if (list.size() > 20) {
        errors.append({field, QStringLiteral("must have at most 20 tags")});
        return std::nullopt;
    }
    QStringList tags;
    bool ok = true;
    for (qsizetype i = 0; i < list.size(); ++i) {
        const QString where = QStringLiteral("%1[%2]").arg(field).arg(i);
        if (!list.at(i).isString()) {
            errors.append({where, QStringLiteral("must be a string")});
            ok = false;
            continue;
        }
        const QString tag = list.at(i).toString().trimmed().toLower();
        if (tag.isEmpty() || codePoints(tag) > 40) {
            errors.append({where, QStringLiteral("must be 1 to 40 characters after trimming")});
            ok = false;
            continue;
        }
        if (!tags.contains(tag))
            tags.append(tag);
    }
    return ok ? std::optional<QStringList>(tags) : std::nullopt;
}

std::optional<QStringList> tagFilter(const QString &query)
{
    QStringList tags;
    const QStringList parts = query.split(u',');
    for (const QString &p : parts) {
        const QString t = p.trimmed().toLower();
        if (codePoints(t) > 40)
            return std::nullopt;
        if (!t.isEmpty() && !tags.contains(t))
            tags.append(t);
        if (tags.size() > 20)
            return std::nullopt;
    }
    return tags;
}

std::optional<qint64> parseId(const QString &text)
{
    if (text.isEmpty() || text.size() > 18)
        return std::nullopt;
    for (QChar c : text) {
        if (c < u'0' || c > u'9')
            return std::nullopt;
    }
    const qint64 id = text.toLongLong();
    return id > 0 ? std::optional<qint64>(id) : std::nullopt;
}

} // namespace apiserver
