#include "validation.h"

#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>

namespace apiserver {

std::optional<QJsonObject> parseJsonObject(const QByteArray &body)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return std::nullopt;
    return doc.object();
}

HttpResponse badJson()
{
    return HttpResponse::error(400, QStringLiteral("The request body must be a JSON object"));
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

std::optional<QString> readNullableString(const QJsonObject &o, const QString &field, qsizetype maxLength,
                                      ValidationErrors &errors)
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

std::optional<QStringList> readTags(const QJsonObject &o, const QString &field, ValidationErrors &errors)
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

QStringList tagFilter(const QString &query)
{
    QStringList tags;
    const QStringList parts = query.split(u',');
    for (const QString &p : parts) {
        const QString t = p.trimmed().toLower();
        if (!t.isEmpty() && !tags.contains(t))
            tags.append(t);
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
