#pragma once

#include "api/apiclient.h"
#include "storage/outbox.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

namespace clipshelf {

class SessionManager;

/**
 * Sends the outbox, one change at a time in seq order, for the signed-in user
 * only (entries of another subject are never sent). Tries again when the
 * connection comes back (SessionManager::connectionState becomes Online —
 * while offline it probes GET /health with a growing pause), when a session
 * becomes active again, after a transient failure (with backoff), and when
 * kick() is called after a new change.
 *
 * Outcomes: entrySucceeded (removed from the outbox), entryRejected (the
 * server refused it for good — 404, 409, 412, 422…: removed, and the caller
 * must explain it), entryDeferred (transient or the session ended: it stays
 * and is sent later). A delete answered 404 counts as succeeded (it is gone);
 * a settings patch answered 412 whose values the server already holds counts
 * as succeeded (an earlier attempt's answer was lost).
 */
class OutboxReplayer : public QObject
{
    Q_OBJECT
public:
    OutboxReplayer(ApiClient *api, SessionManager *sessions, Outbox *outbox,
                   QObject *parent = nullptr);

    /// The subject whose entries are sent: the active session's, else the last one seen.
    QString ownerSub() const { return m_sub; }
    /// True when a change would be sent right now (active session, online).
    bool canSendNow() const;
    /// True while a change is on the wire.
    bool isSending() const { return m_inFlight != 0; }
    qint64 inFlightSeq() const { return m_inFlight; }

    /// The ETag the next settings patch is sent with (If-Match).
    QString settingsEtag() const { return m_settingsEtag; }
    void setSettingsEtag(const QString &etag) { m_settingsEtag = etag; }

    /// First pause between /health probes while offline, and the longest (tests shorten them).
    void setProbeIntervals(int firstMs, int maxMs);
    /// Sends nothing more (the app is shutting down: what waits stays in the outbox for the next
    /// start).
    void stop();

public slots:
    /// Sends the next waiting change if possible.
    void kick();

signals:
    void entrySucceeded(const clipshelf::OutboxEntry &entry, const clipshelf::ApiResult &result);
    void entryRejected(const clipshelf::OutboxEntry &entry, const clipshelf::ApiError &error);
    void entryDeferred(const clipshelf::OutboxEntry &entry, const clipshelf::ApiError &error);
    /// The settings ETag changed (after a successful settings patch).
    void settingsEtagChanged(const QString &etag);
    /// The connection is back (a probe or a request succeeded): time to reload.
    void backOnline();
    void ownerSubChanged();

private:
    void onSessionChanged();
    void onConnectionChanged();
    void send(const OutboxEntry &entry);
    void finish(const OutboxEntry &entry, const ApiResult &result);
    void resolveSettingsConflict(const OutboxEntry &entry, const ApiResult &conflict);
    void scheduleProbe();
    void probe();
    ApiRequest requestFor(const OutboxEntry &entry) const;

    QPointer<ApiClient> m_api;
    QPointer<SessionManager> m_sessions;
    QPointer<Outbox> m_outbox;
    QString m_sub;
    QString m_settingsEtag;
    qint64 m_inFlight = 0;
    QTimer m_retry; ///< after a transient failure while online
    QTimer m_probe; ///< while offline
    int m_probeFirstMs = 2'000;
    int m_probeMaxMs = 30'000;
    int m_probeDelayMs = 2'000;
    int m_retryDelayMs = 1'000;
    bool m_wasOnline = true;
    bool m_stopped = false;
};

} // namespace clipshelf
