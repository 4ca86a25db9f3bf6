#include "auth/callbackrequest.h"

#include "core/providertext.h"
#include "core/tokensyntax.h"

#include <algorithm>
#include <QList>
#include <QPair>
#include <QUrl>
#include <QUrlQuery>

namespace clipshelf::callbackrequest {

namespace {

/// The query's key=value pairs as sent (keys decoded, values still encoded).
QList<QPair<QString, QByteArray>> queryPairs(const QByteArray &query)
{
    QList<QPair<QString, QByteArray>> pairs;
    for (const QByteArray &part : query.split('&')) {
        if (part.isEmpty())
            continue;
        const qsizetype eq = part.indexOf('=');
        const QByteArray key = eq < 0 ? part : part.left(eq);
        pairs.append({QUrl::fromPercentEncoding(QByteArray(key).replace('+', ' ')),
                      eq < 0 ? QByteArray() : part.mid(eq + 1)});
    }
    return pairs;
}

Decision of(Decision::Kind kind)
{
    Decision d;
    d.kind = kind;
    return d;
}

} // namespace

int Decision::refusalStatus() const
{
    switch (kind) {
    case Kind::MethodNotAllowed:
        return 405;
    case Kind::NotFound:
        return 404;
    case Kind::BadRequest:
    case Kind::UnknownSignIn:
        return 400;
    default:
        return 0;
    }
}

Decision decide(const QByteArray &head, const Expectation &expect)
{
    using Kind = Decision::Kind;
    const qsizetype lineEnd = head.indexOf("\r\n");
    const QList<QByteArray> requestLine = (lineEnd < 0 ? head : head.left(lineEnd)).split(' ');
    if (requestLine.size() != 3 || !requestLine[2].startsWith("HTTP/1."))
        return of(Kind::BadRequest);
    if (requestLine[0] != "GET")
        return of(Kind::MethodNotAllowed);
    const QUrl target(QString::fromLatin1(requestLine[1]), QUrl::StrictMode);
    if (!target.isValid() || target.path() != QLatin1String("/callback"))
        return of(Kind::NotFound);
    const QByteArray rawQuery = target.query(QUrl::FullyEncoded).toLatin1();
    const auto pairs = queryPairs(rawQuery);
    auto count = [&pairs](QLatin1String key) {
        return std::count_if(pairs.begin(), pairs.end(),
                             [key](const auto &p) { return p.first == key; });
    };
    // A parameter given twice is ambiguous (which code?): refused like a wrong state.
    bool duplicated = false;
    for (const char *key : {"code", "state", "iss", "error", "error_description"})
        duplicated = duplicated || count(QLatin1String(key)) > 1;
    const QUrlQuery query(target);
    const QByteArray state =
        query.queryItemValue(QStringLiteral("state"), QUrl::FullyDecoded).toUtf8();
    if (duplicated || expect.consumed || expect.state.isEmpty() ||
        !tokensyntax::isVisibleAscii(QString::fromUtf8(state)) ||
        !tokensyntax::constantTimeEquals(state, expect.state))
        return of(Kind::UnknownSignIn);

    const QString iss = query.queryItemValue(QStringLiteral("iss"), QUrl::FullyDecoded);
    if ((expect.issuerRequired || query.hasQueryItem(QStringLiteral("iss"))) &&
        iss != expect.issuer) {
        Decision d = of(Kind::WrongIssuer);
        d.issuer = iss;
        return d;
    }
    if (query.hasQueryItem(QStringLiteral("error"))) {
        // Form-encoded ('+' is a space) and from the provider: kept as short plain text.
        Decision d = of(Kind::ProviderError);
        for (const auto &[key, value] : pairs) {
            if (key == QLatin1String("error"))
                d.error = providertext::fromFormEncoded(value, 64);
            else if (key == QLatin1String("error_description"))
                d.errorDescription = providertext::fromFormEncoded(value);
        }
        return d;
    }
    const QString code = query.queryItemValue(QStringLiteral("code"), QUrl::FullyDecoded);
    if (code.isEmpty())
        return of(Kind::NoCode);
    if (!tokensyntax::isVisibleAscii(code))
        return of(Kind::BadCode);
    Decision d = of(Kind::Code);
    d.code = code;
    return d;
}

} // namespace clipshelf::callbackrequest
