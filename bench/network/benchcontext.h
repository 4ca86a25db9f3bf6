#pragma once

#include "auth/providermetadata.h"
#include "core/config.h"
#include "storage/keychainsecretstore.h"
#include "timingnetwork.h"

#include <functional>
#include <memory>
#include <optional>
#include <QJsonObject>

namespace clipshelf::bench {

/**
 * A SecretStore that times the operations of the keychain store it wraps
 * (monotonicNs at the call and at the callback). Secrets pass straight through.
 */
class TimingSecretStore : public SecretStore
{
    Q_OBJECT
public:
    explicit TimingSecretStore(SecretStore *inner, QObject *parent = nullptr)
        : SecretStore(parent), m_inner(inner)
    {}

    void read(const QString &key, ReadCallback done) override;
    void write(const QString &key, const QByteArray &value, WriteCallback done) override;
    void remove(const QString &key, WriteCallback done) override;
    QString backendName() const override { return m_inner->backendName(); }
    bool isPersistent() const override { return m_inner->isPersistent(); }

    /// Milliseconds of the writes that started after \a sinceNs.
    double writeMsSince(qint64 sinceNs) const;

private:
    SecretStore *m_inner;
    QList<QPair<qint64, qint64>> m_writes; ///< start, end (ns)
};

/// What every network benchmark shares: configuration for the local stack, the
/// network, the profile's keychain store, and waiting without sleeping.
class BenchContext
{
public:
    struct Options
    {
        QString issuer;
        QString apiUrl;
        QString profile;
        QString browser;
    };
    explicit BenchContext(const Options &options);
    ~BenchContext();

    const Config &config() const { return m_config; }
    TimingNetwork *network() { return &m_network; }
    KeychainSecretStore *keychain() { return &m_keychain; }
    TimingSecretStore *timedKeychain() { return &m_timedKeychain; }

    /// The provider's discovery document (fetched once), or nullopt with \a error.
    std::optional<ProviderMetadata> metadata(QString *error);

    /// Runs the event loop until \a done() is true or \a timeoutMs passed; false on timeout.
    static bool waitUntil(const std::function<bool()> &done, int timeoutMs);

private:
    Config m_config;
    TimingNetwork m_network;
    KeychainSecretStore m_keychain;
    TimingSecretStore m_timedKeychain;
    std::optional<ProviderMetadata> m_metadata;
};

} // namespace clipshelf::bench
