#include "core/configsyntax.h"

#include <algorithm>
#include <QObject>
#include <QUrl>

namespace clipshelf::configsyntax {

bool isValidProfileName(const QString &name)
{
    // Every character checked: "$" of a regular expression also matched before a final "\n".
    if (name.isEmpty() || name.size() > 64)
        return false;
    return std::all_of(name.cbegin(), name.cend(), [](QChar c) {
        const char16_t u = c.unicode();
        return (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') ||
               u == '_' || u == '-';
    });
}

std::optional<QList<quint16>> parsePorts(const QString &text, QString *error)
{
    QList<quint16> ports;
    for (const QString &part : text.split(',', Qt::SkipEmptyParts)) {
        bool ok = false;
        const uint port = part.trimmed().toUInt(&ok);
        if (!ok || port == 0 || port > 65535) {
            *error = QObject::tr("\"%1\" is not a port number (1-65535).").arg(part.trimmed());
            return std::nullopt;
        }
        ports << quint16(port);
    }
    return ports;
}

std::optional<QString> joinAuthParamFlags(const QStringList &flags, QString *error)
{
    QStringList parts;
    for (const QString &p : flags) {
        const qsizetype eq = p.indexOf('=');
        if (eq <= 0) {
            *error = QObject::tr("--auth-param expects key=value, got \"%1\".").arg(p);
            return std::nullopt;
        }
        parts << QString::fromUtf8(QUrl::toPercentEncoding(p.left(eq))) + '=' +
                     QString::fromUtf8(QUrl::toPercentEncoding(p.mid(eq + 1)));
    }
    return parts.join('&');
}

std::optional<QList<QPair<QString, QString>>> parseAuthParams(const QString &text, QString *error)
{
    // Parameters the sign-in flow owns; letting config override them would break its checks.
    static const QStringList reserved = {QStringLiteral("client_id"),
                                         QStringLiteral("redirect_uri"),
                                         QStringLiteral("response_type"),
                                         QStringLiteral("state"),
                                         QStringLiteral("nonce"),
                                         QStringLiteral("code_challenge"),
                                         QStringLiteral("code_challenge_method"),
                                         QStringLiteral("scope"),
                                         QStringLiteral("resource")};
    QList<QPair<QString, QString>> params;
    for (const QString &part : text.split('&', Qt::SkipEmptyParts)) {
        const qsizetype eq = part.indexOf('=');
        if (eq <= 0) {
            *error = QObject::tr("expected key=value, got \"%1\".").arg(part);
            return std::nullopt;
        }
        const QString key = QUrl::fromPercentEncoding(part.left(eq).toUtf8());
        if (reserved.contains(key)) {
            *error =
                QObject::tr("\"%1\" is set by Clipshelf itself and cannot be overridden.").arg(key);
            return std::nullopt;
        }
        params.append({key, QUrl::fromPercentEncoding(part.mid(eq + 1).toUtf8())});
    }
    return params;
}

} // namespace clipshelf::configsyntax
