#include "core/logging.h"

#include <QRegularExpression>
#include <QUrlQuery>

Q_LOGGING_CATEGORY(lcAuth, "clipshelf.auth", QtInfoMsg)
Q_LOGGING_CATEGORY(lcApi, "clipshelf.api", QtInfoMsg)
Q_LOGGING_CATEGORY(lcCore, "clipshelf.core", QtInfoMsg)
Q_LOGGING_CATEGORY(lcUi, "clipshelf.ui", QtInfoMsg)

namespace clipshelf::logging {

namespace {

const QStringList &sensitiveNames()
{
    static const QStringList names = {
        QStringLiteral("code"),          QStringLiteral("state"),
        QStringLiteral("nonce"),         QStringLiteral("code_verifier"),
        QStringLiteral("code_challenge"), QStringLiteral("access_token"),
        QStringLiteral("refresh_token"), QStringLiteral("id_token"),
        QStringLiteral("client_secret"), QStringLiteral("token"),
        QStringLiteral("id_token_hint"), QStringLiteral("secret"),
        QStringLiteral("password"),
    };
    return names;
}

QtMessageHandler g_previous = nullptr;

void redactingHandler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    const QString safe = redactText(message);
    if (g_previous)
        g_previous(type, context, safe);
    else
        qt_message_output(type, context, safe);
}

} // namespace

QString redactUrl(const QUrl &url)
{
    QUrl copy = url.adjusted(QUrl::RemoveUserInfo | QUrl::RemoveFragment);
    if (!copy.hasQuery())
        return copy.toString();
    QUrlQuery query(copy);
    QUrlQuery out;
    for (const auto &item : query.queryItems(QUrl::FullyEncoded)) {
        const bool secret = sensitiveNames().contains(item.first.toLower());
        out.addQueryItem(item.first, secret ? QStringLiteral("<redacted>") : item.second);
    }
    copy.setQuery(out);
    return copy.toString();
}

QString redactText(const QString &text)
{
    static const QRegularExpression jwt(
        QStringLiteral("eyJ[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]{2,}\\.[A-Za-z0-9_-]*"));
    static const QRegularExpression bearer(QStringLiteral("(Bearer\\s+)[^\\s\"',;]+"),
                                           QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression pairs(
        QStringLiteral("((?:code|state|nonce|code_verifier|code_challenge|access_token|refresh_token|"
                       "id_token|client_secret|password|secret)\"?\\s*[:=]\\s*\"?)"
                       "([^\\s\"&,;}]+)"),
        QRegularExpression::CaseInsensitiveOption);
    QString out = text;
    out.replace(jwt, QStringLiteral("<redacted-jwt>"));
    out.replace(bearer, QStringLiteral("\\1<redacted>"));
    out.replace(pairs, QStringLiteral("\\1<redacted>"));
    return out;
}

void installRedactingMessageHandler()
{
    QtMessageHandler previous = qInstallMessageHandler(redactingHandler);
    if (previous != redactingHandler)
        g_previous = previous;
}

} // namespace clipshelf::logging
