#pragma once

#include "core/config.h"

#include <QObject>
#include <QPointer>
#include <QUrl>

namespace clipshelf {

class SignOutLanding;

/**
 * The sign-out at the provider of "Sign out and forget this device" (RP-initiated
 * logout): opens the provider's end_session_endpoint in the browser, waits for it to
 * come back to a local page, and says in notice() what it did.
 */
class ProviderSignOut : public QObject
{
    Q_OBJECT

public:
    explicit ProviderSignOut(const Config &config, QObject *parent = nullptr);

    /// Opens \a endpoint with \a idToken as hint, or says why it cannot.
    void start(const QUrl &endpoint, const QString &idToken);
    /// True while the provider's sign-out page is open and not come back yet.
    bool isRunning() const { return !m_landing.isNull(); }
    /// What the sign-out at the provider did ("" before one).
    QString notice() const { return m_notice; }
    /// Sets notice() (emits noticeChanged() when it changes).
    void setNotice(const QString &notice);

signals:
    void noticeChanged();
    /// The browser came back from the provider's sign-out page (\a reached), or did not in time.
    void finished(bool reached);

private:
    void finish(SignOutLanding *landing, bool reached, const QString &notice);

    Config m_config;
    QString m_notice;
    QPointer<SignOutLanding> m_landing;
};

} // namespace clipshelf
