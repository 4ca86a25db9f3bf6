// The provider's metadata (/.well-known/openid-configuration) and userinfo.
// The discovery document's "issuer" must equal the configured issuer exactly.
#pragma once

#include "jsonfetch.h"

#include <QtCore/QList>
#include <QtCore/QObject>

QT_BEGIN_NAMESPACE
class QNetworkAccessManager;
QT_END_NAMESPACE

namespace apiserver {

class OidcDiscovery : public QObject
{
    Q_OBJECT
public:
    struct Metadata
    {
        QUrl jwksUri;
        QUrl userinfoEndpoint;
    };
    using MetadataCallback = std::function<void(bool ok, const Metadata &, const QString &error)>;
    using UserInfoCallback = std::function<void(const QJsonObject &claims)>;

    OidcDiscovery(const QString &issuer, QNetworkAccessManager *nam, int timeoutMs,
                  QObject *parent = nullptr);

    QUrl discoveryUrl() const;
    // Cached after the first success; concurrent callers share one fetch.
    void metadata(MetadataCallback callback);
    // Empty object when there is no userinfo endpoint or it fails.
    void fetchUserInfo(const QByteArray &accessToken, UserInfoCallback callback);

private:
    void finish(bool ok, const QString &error);

    QString m_issuer;
    QNetworkAccessManager *m_nam;
    int m_timeoutMs;
    bool m_loaded = false;
    bool m_fetching = false;
    Metadata m_metadata;
    QList<MetadataCallback> m_waiting;
};

} // namespace apiserver
