#include "core/boundedreply.h"

#include <QCoreApplication>
#include <QNetworkReply>
#include <QTimer>

namespace clipshelf {

namespace {
constexpr char kFailureProperty[] = "_clipshelf_bound_failure";

QString sizeText(qint64 bytes)
{
    if (bytes >= limits::kMiB && bytes % limits::kMiB == 0)
        return QStringLiteral("%1 MiB").arg(bytes / limits::kMiB);
    if (bytes >= limits::kKiB && bytes % limits::kKiB == 0)
        return QStringLiteral("%1 KiB").arg(bytes / limits::kKiB);
    return QStringLiteral("%1 bytes").arg(bytes);
}
} // namespace

void BoundedReply::abortWith(QNetworkReply *reply, Failure failure)
{
    if (reply->isFinished() || BoundedReply::failure(reply) != Failure::None)
        return;
    reply->setProperty(kFailureProperty, int(failure));
    reply->abort(); // finished() follows at once, with OperationCanceledError
}

void BoundedReply::capBody(QNetworkReply *reply, qint64 maxBytes)
{
    // The declared length refuses a large body before any of it is read...
    QObject::connect(reply, &QNetworkReply::metaDataChanged, reply, [reply, maxBytes] {
        bool ok = false;
        const qint64 declared = reply->header(QNetworkRequest::ContentLengthHeader).toLongLong(&ok);
        if (ok && declared > maxBytes)
            abortWith(reply, Failure::TooLarge);
    });
    // ...and what arrived counts too (no or a false Content-Length, compression).
    QObject::connect(reply, &QNetworkReply::readyRead, reply, [reply, maxBytes] {
        if (reply->bytesAvailable() > maxBytes)
            abortWith(reply, Failure::TooLarge);
    });
}

void BoundedReply::bound(QNetworkReply *reply, qint64 maxBytes, int deadlineMs)
{
    capBody(reply, maxBytes);
    if (deadlineMs > 0)
        QTimer::singleShot(deadlineMs, reply, [reply] { abortForDeadline(reply); });
}

void BoundedReply::abortForDeadline(QNetworkReply *reply)
{
    abortWith(reply, Failure::DeadlinePassed);
}

BoundedReply::Failure BoundedReply::failure(const QNetworkReply *reply)
{
    return Failure(reply->property(kFailureProperty).toInt());
}

QString BoundedReply::message(Failure failure, const QString &who, qint64 maxBytes)
{
    switch (failure) {
    case Failure::TooLarge:
        return QCoreApplication::translate("BoundedReply",
                                           "The answer from %1 is larger than %2, so Clipshelf "
                                           "stopped reading it.")
            .arg(who, sizeText(maxBytes));
    case Failure::DeadlinePassed:
        return QCoreApplication::translate("BoundedReply",
                                           "%1 took too long to answer, so Clipshelf gave up.")
            .arg(who.left(1).toUpper() + who.mid(1));
    case Failure::None:
        break;
    }
    return {};
}

} // namespace clipshelf
