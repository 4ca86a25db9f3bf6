#pragma once

#include "auth/providermetadata.h"

#include <optional>
#include <QObject>

class QNetworkAccessManager;

namespace clipshelf {

/// Fetches and checks an issuer's discovery document (one request, no retries).
class OidcDiscovery : public QObject
{
    Q_OBJECT
public:
    explicit OidcDiscovery(QNetworkAccessManager *nam, QObject *parent = nullptr);
    void setTimeout(int ms) { m_timeoutMs = ms; }
    /// The most the whole request may take (default limits::kProviderDeadlineMs).
    void setDeadline(int ms) { m_deadlineMs = ms; }
    void fetch(const QString &issuer);
    /// The HTTP status of the last answer (0: the provider could not be reached), once finished.
    int httpStatus() const { return m_httpStatus; }

signals:
    /// Either metadata, or an error in plain words.
    void finished(const std::optional<ProviderMetadata> &metadata, const QString &error);

private:
    QNetworkAccessManager *m_nam;
    int m_timeoutMs = 15'000;
    int m_deadlineMs = 60'000;
    int m_httpStatus = 0;
};

} // namespace clipshelf
