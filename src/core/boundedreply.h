#pragma once

#include <QString>
#include <QtGlobal>

class QNetworkReply;

namespace clipshelf {

/// How much of an answer Clipshelf reads, and how long a whole request may take.
/// README.md ("Sizes and deadlines") lists these; keep the two in step.
namespace limits {
constexpr qint64 kKiB = 1024;
constexpr qint64 kMiB = 1024 * kKiB;
constexpr qint64 kTokenBytes = 64 * kKiB; ///< token and revocation responses
constexpr qint64 kUserinfoBytes = 64 * kKiB;
constexpr qint64 kDiscoveryBytes = 256 * kKiB;
constexpr qint64 kJwksBytes = 64 * kKiB;    ///< jws::kMaxJwksBytes
constexpr qint64 kApiJsonBytes = 32 * kMiB; ///< a whole library in one page fits
constexpr qint64 kAvatarBytes = 4 * kMiB;
constexpr qint64 kThumbnailBytes = 4 * kMiB;
constexpr int kProviderDeadlineMs = 60'000; ///< discovery, JWKS, token, userinfo, revocation
constexpr int kApiDeadlineMs = 120'000;     ///< one API request (uploads included)
constexpr int kThumbnailDeadlineMs = 60'000;
} // namespace limits

/**
 * Bounds a QNetworkReply: aborts it as soon as its body is declared or found
 * to be larger than a cap, or when an overall deadline passes (a server that
 * drips one byte every few seconds never trips an inactivity timeout).
 * Usage: call bound() right after QNetworkAccessManager::get()/post(); in the
 * finished() handler, check failure() before reading and show message().
 */
class BoundedReply
{
public:
    enum class Failure { None, TooLarge, DeadlinePassed };

    /// Caps \a reply's body at \a maxBytes and, when \a deadlineMs > 0, aborts
    /// it that long from now. Costs two signal connections and one timer.
    static void bound(QNetworkReply *reply, qint64 maxBytes, int deadlineMs);
    /// The size cap alone (for callers that keep their own deadline clock).
    static void capBody(QNetworkReply *reply, qint64 maxBytes);
    /// Aborts \a reply now because its overall deadline passed (for such callers).
    static void abortForDeadline(QNetworkReply *reply);
    /// Why bound() aborted \a reply, or None.
    static Failure failure(const QNetworkReply *reply);
    /// One plain sentence about \a failure, naming \a who ("the provider", "the service").
    static QString message(Failure failure, const QString &who, qint64 maxBytes);

private:
    static void abortWith(QNetworkReply *reply, Failure failure);
};

} // namespace clipshelf
