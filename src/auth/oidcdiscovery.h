#pragma once

#include "auth/providermetadata.h"

#include <QObject>

#include <optional>

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

signals:
    /// Either metadata, or an error in plain words.
    void finished(const std::optional<ProviderMetadata> &metadata, const QString &error);

private:
    QNetworkAccessManager *m_nam;
    int m_timeoutMs = 15'000;
    int m_deadlineMs = 60'000;
};

} // namespace clipshelf
