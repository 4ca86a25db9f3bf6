#include "sync/outboxreplayer.h"

#include "api/endpoints.h"
#include "auth/sessionmanager.h"
#include "core/httpdate.h"
#include "core/logging.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace clipshelf {

namespace {

bool isTransientOrEnded(const ApiError &e)
{
    return e.isTransient() || e.kind == ApiError::SessionEnded ||
           e.kind == ApiError::Unauthorized || e.kind == ApiError::Redirected ||
           e.kind == ApiError::Tls;
}

/// True when every field of \a patch already has that value in \a settings (a JSON merge patch).
bool alreadyApplied(const QJsonObject &patch, const QJsonObject &settings)
{
    for (auto it = patch.constBegin(); it != patch.constEnd(); ++it) {
        const QJsonValue have = settings.value(it.key());
        if (it.value().isObject() && have.isObject()) {
            if (!alreadyApplied(it.value().toObject(), have.toObject()))
                return false;
        } else if (it.value() != have) {
            return false;
        }
    }
    return true;
}

} // namespace

OutboxReplayer::OutboxReplayer(ApiClient *api, SessionManager *sessions, Outbox *outbox,
                               QObject *parent)
    : QObject(parent), m_api(api), m_sessions(sessions), m_outbox(outbox)
{
    m_retry.setSingleShot(true);
    connect(&m_retry, &QTimer::timeout, this, &OutboxReplayer::kick);
    m_probe.setSingleShot(true);
    connect(&m_probe, &QTimer::timeout, this, &OutboxReplayer::probe);
    connect(sessions, &SessionManager::sessionChanged, this, &OutboxReplayer::onSessionChanged);
    connect(sessions, &SessionManager::connectionStateChanged, this,
            &OutboxReplayer::onConnectionChanged);
    m_sub = sessions->session().profile.subject;
    m_wasOnline = sessions->connectionState() == SessionManager::Online;
}

void OutboxReplayer::setProbeIntervals(int firstMs, int maxMs)
{
    m_probeFirstMs = firstMs;
    m_probeMaxMs = maxMs;
    m_probeDelayMs = firstMs;
}

bool OutboxReplayer::canSendNow() const
{
    return m_sessions && m_sessions->isActive() &&
           m_sessions->connectionState() == SessionManager::Online && !m_retry.isActive();
}

void OutboxReplayer::onSessionChanged()
{
    const QString sub = m_sessions->session().profile.subject;
    if (!sub.isEmpty() && sub != m_sub) {
        m_sub = sub;
        emit ownerSubChanged();
    }
    if (m_sessions->isActive())
        kick();
}

void OutboxReplayer::onConnectionChanged()
{
    const bool online = m_sessions->connectionState() == SessionManager::Online;
    if (online && !m_wasOnline) {
        qCInfo(lcApi) << "Back online; sending waiting changes";
        m_probe.stop();
        m_probeDelayMs = m_probeFirstMs;
        m_retry.stop();
        m_wasOnline = true;
        emit backOnline();
        kick();
    } else if (!online) {
        m_wasOnline = false;
        if (m_sessions->connectionState() == SessionManager::Offline)
            scheduleProbe();
    }
}

void OutboxReplayer::scheduleProbe()
{
    if (!m_probe.isActive())
        m_probe.start(m_probeDelayMs);
}

void OutboxReplayer::probe()
{
    if (!m_api || m_sessions->connectionState() != SessionManager::Offline)
        return;
    m_probeDelayMs = std::min(m_probeDelayMs * 2, m_probeMaxMs);
    // A successful answer marks the connection Online (ApiClient tells the SessionManager).
    m_api->sendAnonymous(endpoints::health(), this, [this](const ApiResult &result) {
        if (!result.ok() && m_sessions->connectionState() == SessionManager::Offline)
            scheduleProbe();
    });
}

void OutboxReplayer::stop()
{
    m_stopped = true;
    m_retry.stop();
    m_probe.stop();
}

void OutboxReplayer::kick()
{
    if (m_stopped || m_inFlight || !m_outbox || !m_api || !m_sessions)
        return;
    if (!m_sessions->isActive())
        return; // waits for a session of m_sub
    if (m_sessions->connectionState() == SessionManager::Offline) {
        scheduleProbe();
        return;
    }
    if (m_retry.isActive())
        return;
    const QString sub = m_sessions->session().profile.subject;
    for (const OutboxEntry &e : m_outbox->entries()) {
        if (e.state != OutboxEntry::Waiting || e.ownerSub != sub)
            continue;
        // A change to a video whose add has not reached the server waits for that add.
        if (e.kind != OutboxEntry::AddVideo && e.videoId < 0) {
            qCWarning(lcApi) << "Outbox: change" << e.seq << "targets an unsent add; waiting";
            continue;
        }
        send(e);
        return;
    }
}

ApiRequest OutboxReplayer::requestFor(const OutboxEntry &e) const
{
    switch (e.kind) {
    case OutboxEntry::AddVideo: {
        VideoDraft d;
        d.url = e.payload.value(QLatin1String("url")).toString();
        d.title = e.payload.value(QLatin1String("title")).toString();
        d.notes = e.payload.value(QLatin1String("notes")).toString();
        for (const QJsonValue &t : e.payload.value(QLatin1String("tags")).toArray())
            d.tags.append(t.toString());
        return endpoints::createVideo(d, e.idempotencyKey);
    }
    case OutboxEntry::EditVideo:
        return endpoints::patchVideo(e.videoId, e.payload.value(QLatin1String("patch")).toObject());
    case OutboxEntry::DeleteVideo:
        return endpoints::deleteVideo(e.videoId);
    case OutboxEntry::PatchSettings:
        return endpoints::patchSettings(e.payload.value(QLatin1String("patch")).toObject(),
                                        m_settingsEtag);
    case OutboxEntry::PutAvatar:
        return endpoints::putAvatar(
            e.blob, e.payload.value(QLatin1String("content_type")).toString().toLatin1());
    case OutboxEntry::DeleteAvatar:
        return endpoints::deleteAvatar();
    }
    return {};
}

void OutboxReplayer::send(const OutboxEntry &entry)
{
    if (entry.kind == OutboxEntry::PatchSettings && m_settingsEtag.isEmpty()) {
        // No ETag yet (never loaded): fetch one first, then send.
        m_inFlight = entry.seq;
        m_api->send(endpoints::getSettings(), this, [this, entry](const ApiResult &result) {
            m_inFlight = 0;
            if (result.ok()) {
                m_settingsEtag = QString::fromLatin1(result.headers.value("etag"));
                emit settingsEtagChanged(m_settingsEtag);
                kick();
            } else {
                finish(entry, result);
            }
        });
        return;
    }
    m_inFlight = entry.seq;
    m_api->send(requestFor(entry), this,
                [this, entry](const ApiResult &result) { finish(entry, result); });
}

void OutboxReplayer::finish(const OutboxEntry &entry, const ApiResult &result)
{
    m_inFlight = 0;
    if (!m_outbox->entry(entry.seq)) { // removed meanwhile (e.g. discarded): nothing to report
        kick();
        return;
    }
    const ApiError &error = result.error;
    if (!error.isError() ||
        (entry.kind == OutboxEntry::DeleteVideo && error.kind == ApiError::NotFound)) {
        if (entry.kind == OutboxEntry::PatchSettings) {
            m_settingsEtag = QString::fromLatin1(result.headers.value("etag"));
            emit settingsEtagChanged(m_settingsEtag);
        }
        m_outbox->remove(entry.seq);
        m_retryDelayMs = 1'000;
        emit entrySucceeded(entry, result);
        kick();
        return;
    }
    if (entry.kind == OutboxEntry::PatchSettings && error.kind == ApiError::PreconditionFailed) {
        resolveSettingsConflict(entry, result);
        return;
    }
    if (isTransientOrEnded(error)) {
        qCInfo(lcApi) << "Outbox: change" << entry.seq << "waits:" << error.message;
        if (m_sessions->connectionState() == SessionManager::Online &&
            error.kind != ApiError::SessionEnded && error.kind != ApiError::Unauthorized) {
            m_retry.start(error.retryAfterSeconds > 0
                              ? int(std::min<qint64>(qint64(error.retryAfterSeconds) * 1000,
                                                     qint64(kMaxRetryAfterSeconds) * 1000))
                              : m_retryDelayMs);
            m_retryDelayMs = std::min(m_retryDelayMs * 2, 60'000);
        } else if (m_sessions->connectionState() == SessionManager::Offline) {
            scheduleProbe();
        }
        emit entryDeferred(entry, error);
        return;
    }
    qCInfo(lcApi) << "Outbox: change" << entry.seq << "refused:" << error.httpStatus;
    m_outbox->remove(entry.seq);
    emit entryRejected(entry, error);
    kick();
}

void OutboxReplayer::resolveSettingsConflict(const OutboxEntry &entry, const ApiResult &conflict)
{
    // An earlier attempt may have been applied with its answer lost: then the
    // server already holds these values and nothing is in conflict.
    m_inFlight = entry.seq;
    m_api->send(endpoints::getSettings(), this, [this, entry, conflict](const ApiResult &result) {
        m_inFlight = 0;
        if (result.ok()) {
            m_settingsEtag = QString::fromLatin1(result.headers.value("etag"));
            emit settingsEtagChanged(m_settingsEtag);
            if (alreadyApplied(entry.payload.value(QLatin1String("patch")).toObject(),
                               result.json())) {
                m_outbox->remove(entry.seq);
                emit entrySucceeded(entry, result);
                kick();
                return;
            }
        }
        m_outbox->remove(entry.seq);
        emit entryRejected(entry, conflict.error);
        kick();
    });
}

} // namespace clipshelf
