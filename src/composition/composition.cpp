#include "composition/composition.h"

#include "api/apiclient.h"
#include "auth/authcontroller.h"
#include "auth/sessionmanager.h"
#include "auth/sessionvault.h"
#include "storage/keychainsecretstore.h"

#include <QNetworkAccessManager>

namespace clipshelf {

Composition::Composition(Config config, Options options)
    : m_config(std::move(config)), m_network(std::make_unique<QNetworkAccessManager>()),
      m_store(options.secretStore ? std::move(options.secretStore)
                                  : std::make_unique<KeychainSecretStore>(
                                        SessionVault::serviceName(m_config.profile()))),
      m_auth(std::make_unique<AuthController>(m_config, m_store.get(), m_network.get()))
{
    if (options.withWorkspace) {
        m_workspace = std::make_unique<Workspace>(m_config, m_auth.get(), m_network.get(),
                                                  options.directories);
    }
}

Composition::Composition(Config config) : Composition(std::move(config), Options{}) {}

Composition::Composition(Config config, bool withWorkspace)
    : Composition(std::move(config), Options{withWorkspace, nullptr, {}})
{}

Composition::~Composition()
{
    // The Workspace's controllers use the session: they go before the AuthController.
    m_workspace.reset();
    m_api.reset();
}

SessionManager *Composition::sessions() const
{
    return m_auth->sessions();
}

ApiClient *Composition::api()
{
    if (m_workspace)
        return m_workspace->api();
    if (!m_api) {
        // The CLI's: its commands end on the first network failure, so no Connectivity
        // follows it (the Workspace wires one for the app).
        m_api = std::make_unique<ApiClient>(m_config.apiUrl(), m_auth->sessions(), m_network.get());
    }
    return m_api.get();
}

void Composition::start(LibraryController::CacheLoading loading,
                        const std::function<void()> &beforeRestore)
{
    if (m_workspace)
        m_workspace->start(loading);
    if (beforeRestore)
        beforeRestore();
    m_auth->restore();
}

bool Composition::shutdown(QDeadlineTimer deadline)
{
    if (m_shutDown)
        return *m_shutDown;
    if (m_workspace)
        m_workspace->shutdown();
    m_shutDown = m_auth->sessions()->finishPendingWork(deadline);
    return *m_shutDown;
}

} // namespace clipshelf
