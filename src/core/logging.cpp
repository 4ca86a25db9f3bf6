#include "core/logging.h"

#include <QUrlQuery>

Q_LOGGING_CATEGORY(lcAuth, "clipshelf.auth", QtInfoMsg)
Q_LOGGING_CATEGORY(lcApi, "clipshelf.api", QtInfoMsg)
Q_LOGGING_CATEGORY(lcCore, "clipshelf.core", QtInfoMsg)
Q_LOGGING_CATEGORY(lcUi, "clipshelf.ui", QtInfoMsg)

namespace clipshelf::logging {

namespace {

// Plain constant data and hand-written scanning, no QRegularExpression and no
// function-local statics with destructors: the message handler must keep working
// while static objects are destroyed at exit, when Qt (and qtkeychain, D-Bus…)
// still log through it.

/// Query parameters and fields whose values are secrets.
constexpr const char *kSensitiveNames[] = {
    "code",          "state",         "nonce",       "code_verifier", "code_challenge",
    "access_token",  "refresh_token", "id_token",    "client_secret", "token",
    "id_token_hint", "secret",        "password",    "assertion",     "client_assertion",
    "api_key",       "subject_token", "device_code", "user_code",
};

/// Free-text fields, longest first so that "code_verifier" wins over "code".
constexpr const char *kSensitiveFields[] = {
    "client_assertion",
    "code_challenge",
    "code_verifier",
    "refresh_token",
    "subject_token",
    "id_token_hint",
    "client_secret",
    "access_token",
    "device_code",
    "user_code",
    "assertion",
    "id_token",
    "password",
    "api_key",
    "secret",
    "nonce",
    "state",
    "token",
    "code",
};

/// Prefixes of opaque credentials with a well-known shape (Google, GitHub).
constexpr const char *kOpaquePrefixes[] = {
    "ya29.", "1//", "GOCSPX-", "ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_",
};

/// A function, not a global QString: nothing here may be destroyed before the last message.
QString redactedMark()
{
    return QStringLiteral("<redacted>");
}

QtMessageHandler g_previous = nullptr;

bool isAsciiAlnum(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9');
}
bool isBase64Url(QChar c)
{
    return isAsciiAlnum(c) || c == u'_' || c == u'-';
}
bool isOpaqueChar(QChar c)
{
    return isBase64Url(c) || c == u'.' || c == u'/' || c == u'~' || c == u'+';
}

bool startsWithAt(QStringView text, qsizetype at, QLatin1StringView word)
{
    return text.mid(at).startsWith(word, Qt::CaseInsensitive);
}

/// Length of a run of characters from \a at for which \a accept holds.
template <typename Accept> qsizetype runLength(QStringView text, qsizetype at, Accept accept)
{
    qsizetype n = 0;
    while (at + n < text.size() && accept(text[at + n]))
        ++n;
    return n;
}

/// "eyJ…​.….…" at \a at: its length, else 0.
qsizetype jwtLength(QStringView text, qsizetype at)
{
    if (!text.mid(at).startsWith(u"eyJ"))
        return 0;
    qsizetype n = 3;
    const qsizetype header = runLength(text, at + n, isBase64Url);
    if (header < 4 || at + n + header >= text.size() || text[at + n + header] != u'.')
        return 0;
    n += header + 1;
    const qsizetype payload = runLength(text, at + n, isBase64Url);
    if (payload < 2 || at + n + payload >= text.size() || text[at + n + payload] != u'.')
        return 0;
    n += payload + 1;
    return n + runLength(text, at + n, isBase64Url);
}

/// Quotes around a field name or value: ", \", %22 (any number of them).
qsizetype quotesLength(QStringView text, qsizetype at)
{
    qsizetype n = 0;
    for (;;) {
        if (at + n < text.size() &&
            (text[at + n] == u'"' || text[at + n] == u'\\' || text[at + n] == u'\''))
            ++n;
        else if (startsWithAt(text, at + n, QLatin1StringView("%22")))
            n += 3;
        else
            return n;
    }
}

/// The separator between a field and its value (`:`, `=`, `%3A`, `%3D`, with quotes and spaces):
/// its length, else 0.
qsizetype separatorLength(QStringView text, qsizetype at)
{
    qsizetype n = quotesLength(text, at);
    n += runLength(text, at + n, [](QChar c) { return c == u' ' || c == u'\t'; });
    if (at + n < text.size() && (text[at + n] == u':' || text[at + n] == u'='))
        n += 1;
    else if (startsWithAt(text, at + n, QLatin1StringView("%3A")) ||
             startsWithAt(text, at + n, QLatin1StringView("%3D")))
        n += 3;
    else
        return 0;
    n += runLength(text, at + n, [](QChar c) { return c == u' ' || c == u'\t'; });
    return n + quotesLength(text, at + n);
}

bool endsFieldValue(QChar c)
{
    return c.isSpace() || c == u'"' || c == u'\'' || c == u'\\' || c == u'&' || c == u',' ||
           c == u';' || c == u'}' || c == u')' || c == u']';
}

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
        bool secret = false;
        for (const char *name : kSensitiveNames)
            secret =
                secret || item.first.compare(QLatin1StringView(name), Qt::CaseInsensitive) == 0;
        out.addQueryItem(item.first, secret ? redactedMark() : item.second);
    }
    copy.setQuery(out);
    return copy.toString();
}

QString redactText(const QString &text)
{
    const QStringView in(text);
    QString out;
    qsizetype copiedTo = 0; // in[copiedTo, i) is still to be copied to out
    auto replace = [&](qsizetype from, qsizetype keep, qsizetype end, const QString &with) {
        out += in.mid(copiedTo, from + keep - copiedTo);
        out += with;
        copiedTo = end;
    };
    qsizetype i = 0;
    while (i < in.size()) {
        const bool wordStart = i == 0 || !isAsciiAlnum(in[i - 1]);
        if (const qsizetype n = jwtLength(in, i)) {
            replace(i, 0, i + n, QStringLiteral("<redacted-jwt>"));
            i += n;
            continue;
        }
        qsizetype matched = 0;
        // "Bearer <token>", "Basic <base64 credentials>"
        for (QLatin1StringView scheme : {QLatin1StringView("bearer"), QLatin1StringView("basic")}) {
            if (matched || !wordStart || !startsWithAt(in, i, scheme))
                continue;
            const qsizetype spaces =
                runLength(in, i + scheme.size(), [](QChar c) { return c.isSpace(); });
            if (spaces == 0)
                continue;
            const qsizetype keep = scheme.size() + spaces;
            const qsizetype value = runLength(in, i + keep, [](QChar c) {
                return !c.isSpace() && c != u'"' && c != u'\'' && c != u',' && c != u';' &&
                       c != u'\\';
            });
            if (value > 0) {
                replace(i, keep, i + keep + value, redactedMark());
                matched = keep + value;
            }
        }
        for (const char *prefix : kOpaquePrefixes) {
            const QLatin1StringView p(prefix);
            if (matched || !wordStart || !in.mid(i).startsWith(p))
                continue;
            const qsizetype value = runLength(in, i + p.size(), isOpaqueChar);
            if (value >= 8) {
                replace(i, 0, i + p.size() + value, redactedMark());
                matched = p.size() + value;
            }
        }
        for (const char *field : kSensitiveFields) {
            const QLatin1StringView name(field);
            if (matched || !startsWithAt(in, i, name))
                continue;
            const qsizetype sep = separatorLength(in, i + name.size());
            if (sep == 0)
                continue;
            const qsizetype keep = name.size() + sep;
            const qsizetype value =
                runLength(in, i + keep, [](QChar c) { return !endsFieldValue(c); });
            if (value > 0) {
                replace(i, keep, i + keep + value, redactedMark());
                matched = keep + value;
            }
        }
        i += matched ? matched : 1;
    }
    if (copiedTo == 0)
        return text;
    out += in.mid(copiedTo);
    return out;
}

void installRedactingMessageHandler()
{
    QtMessageHandler previous = qInstallMessageHandler(redactingHandler);
    if (previous != redactingHandler)
        g_previous = previous;
}

} // namespace clipshelf::logging
