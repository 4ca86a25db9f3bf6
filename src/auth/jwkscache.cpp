#include "auth/jwkscache.h"

#include "core/boundedreply.h"
#include "core/logging.h"
#include "core/transportsecurity.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPointer>
#include <QTimer>

namespace clipshelf {

namespace {
constexpr qint64 kMaxAgeSeconds = 24 * 3600;
} // namespace

JwksCache::JwksCache(QNetworkAccessManager *nam, QObject *parent) : QObject(parent), m_nam(nam) {}

JwksCache::~JwksCache() = default;

void JwksCache::fetchBounded(QNetworkAccessManager *nam, const QUrl &url, qint64 maxBytes,
                             int deadlineMs, QObject *context,
                             std::function<void(const QByteArray &, const QString &)> done)
{
    QNetworkRequest request(url);
    request.setRawHeader("Accept", "application/jwk-set+json, application/json");
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::SameOriginRedirectPolicy);
    request.setTransferTimeout(deadlineMs);
    QNetworkReply *reply = nam->get(request);
    connect(reply, &QNetworkReply::finished, reply, &QObject::deleteLater);
    // Size cap and overall deadline: a transfer timeout alone restarts with every byte.
    BoundedReply::bound(reply, maxBytes, deadlineMs);
    connect(
        reply, &QNetworkReply::finished, context,
        [reply, maxBytes, deadlineMs, done = std::move(done)] {
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            const BoundedReply::Failure bound = BoundedReply::failure(reply);
            if (bound == BoundedReply::Failure::TooLarge) {
                done({}, tr("its answer is larger than %1 KiB").arg(maxBytes / 1024));
            } else if (bound == BoundedReply::Failure::DeadlinePassed) {
                done({}, tr("it did not answer within %n s", nullptr, (deadlineMs + 999) / 1000));
            } else if (reply->error() != QNetworkReply::NoError && status == 0) {
                done({}, reply->errorString());
            } else if (status != 200) {
                done({}, tr("it answered HTTP %1").arg(status));
            } else {
                const QByteArray body = reply->read(maxBytes + 1);
                if (body.size() > maxBytes)
                    done({}, tr("its answer is larger than %1 KiB").arg(maxBytes / 1024));
                else
                    done(body, {});
            }
        });
}

JwksCache::Result JwksCache::check(const QByteArray &token, const Entry &entry,
                                   bool *unknownKey) const
{
    const jws::Verification v = jws::verify(token, entry.keys ? *entry.keys : jws::JwkSet());
    *unknownKey = v.outcome == jws::Outcome::UnknownKey;
    Result r;
    r.outcome = v.outcome;
    r.error = v.error;
    if (v.ok()) {
        r.kind = Result::Verified;
        r.claims = v.payload;
    }
    return r;
}

void JwksCache::verify(const QByteArray &token, const QUrl &jwksUri, Callback done)
{
    if (jwksUri.isEmpty() || !jwksUri.isValid() || jwksUri.host().isEmpty() ||
        (jwksUri.scheme() != QLatin1String("https") && !transport::isLoopbackHttp(jwksUri))) {
        Result r;
        r.outcome = jws::Outcome::UnknownKey;
        r.error = QStringLiteral("the provider publishes no usable signing keys (jwks_uri)");
        done(r);
        return;
    }
    const QString key = jwksUri.toString();
    Entry &entry = m_entries[key];
    bool unknown = false;
    Result result = check(token, entry, &unknown);
    if (!unknown) {
        done(result); // verified, or refused for a reason no key set can change
        return;
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const bool fresh = entry.keys && entry.fetchedAt.secsTo(now) < kMaxAgeSeconds;
    if (fresh) {
        // Unknown key: the provider may have rotated its keys. Look again, but not often.
        if (entry.lastUnknownKeyFetch.isValid() &&
            entry.lastUnknownKeyFetch.msecsTo(now) < m_minRefetchMs) {
            done(result);
            return;
        }
        entry.lastUnknownKeyFetch = now;
    }
    load(jwksUri,
         [this, self = QPointer(this), token, key, done = std::move(done)](const QString &error) {
             if (!self)
                 return;
             if (!error.isEmpty()) {
                 Result r;
                 r.kind = Result::Unavailable;
                 r.error = error;
                 done(r);
                 return;
             }
             bool unknownAgain = false;
             done(check(token, m_entries[key], &unknownAgain));
         });
}

void JwksCache::load(const QUrl &jwksUri, std::function<void(const QString &)> done)
{
    const QString key = jwksUri.toString();
    Entry &entry = m_entries[key];
    entry.waiting.append(std::move(done));
    if (entry.fetching)
        return;
    entry.fetching = true;
    ++m_fetchCount;
    qCInfo(lcAuth) << "Fetching the provider's signing keys:" << key;
    fetchBounded(
        m_nam, jwksUri, kMaxBytes, m_timeoutMs, this,
        [this, key](const QByteArray &body, const QString &fetchError) {
            Entry &e = m_entries[key];
            e.fetching = false;
            QString error;
            if (fetchError.isEmpty()) {
                QString why;
                if (auto set = jws::JwkSet::parse(body, &why)) {
                    e.keys = std::move(*set);
                    e.fetchedAt = QDateTime::currentDateTimeUtc();
                } else {
                    error = tr("Clipshelf could not use the provider's signing keys: %1.").arg(why);
                }
            } else {
                error =
                    tr("Clipshelf could not load the provider's signing keys: %1.").arg(fetchError);
            }
            if (!error.isEmpty())
                qCWarning(lcAuth) << error;
            const auto waiting = std::exchange(e.waiting, {});
            for (const auto &w : waiting)
                w(error);
        });
}

} // namespace clipshelf
