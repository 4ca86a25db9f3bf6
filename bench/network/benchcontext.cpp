#include "benchcontext.h"

#include "auth/oidcdiscovery.h"
#include "auth/sessionvault.h"
#include "benchclock.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QTimer>

namespace clipshelf::bench {

void TimingSecretStore::read(const QString &key, ReadCallback done)
{
    m_inner->read(key, std::move(done));
}

void TimingSecretStore::write(const QString &key, const QByteArray &value, WriteCallback done)
{
    const qsizetype index = m_writes.size();
    m_writes.append({monotonicNs(), -1});
    m_inner->write(key, value, [this, index, done = std::move(done)](SecretResult result) {
        m_writes[index].second = monotonicNs();
        done(result);
    });
}

void TimingSecretStore::remove(const QString &key, WriteCallback done)
{
    m_inner->remove(key, std::move(done));
}

double TimingSecretStore::writeMsSince(qint64 sinceNs) const
{
    double total = 0;
    for (const auto &[start, end] : m_writes) {
        if (start >= sinceNs && end >= 0)
            total += double(end - start) / 1e6;
    }
    return total;
}

BenchContext::BenchContext(const Options &options)
    : m_keychain(SessionVault::serviceName(options.profile)), m_timedKeychain(&m_keychain)
{
    m_config.set(Config::Key::Issuer, options.issuer, "bench");
    m_config.set(Config::Key::ClientId, QStringLiteral("clipshelf-desktop"), "bench");
    m_config.set(Config::Key::Scopes, QStringLiteral("openid profile email offline_access"),
                 "bench");
    m_config.set(Config::Key::Resource, QStringLiteral("urn:clipshelf:api"), "bench");
    m_config.set(Config::Key::ApiUrl, options.apiUrl, "bench");
    m_config.set(Config::Key::Profile, options.profile, "bench");
    m_config.set(Config::Key::Browser, options.browser, "bench");
}

BenchContext::~BenchContext() = default;

std::optional<ProviderMetadata> BenchContext::metadata(QString *error)
{
    if (m_metadata)
        return m_metadata;
    OidcDiscovery discovery(&m_network);
    bool finished = false;
    QObject::connect(&discovery, &OidcDiscovery::finished, &discovery,
                     [&](const std::optional<ProviderMetadata> &metadata, const QString &message) {
                         finished = true;
                         m_metadata = metadata;
                         if (!metadata && error)
                             *error = message;
                     });
    discovery.fetch(m_config.issuer());
    if (!waitUntil([&] { return finished; }, 20'000) && error)
        *error = QStringLiteral("the provider's discovery document did not arrive");
    return m_metadata;
}

bool BenchContext::waitUntil(const std::function<bool()> &done, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    // Wakes the loop at the deadline; everything else is driven by real events.
    QTimer wake;
    wake.setSingleShot(true);
    wake.start(timeoutMs);
    while (!done()) {
        if (deadline.hasExpired())
            return false;
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    }
    return true;
}

} // namespace clipshelf::bench
