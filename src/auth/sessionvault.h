#pragma once

#include "auth/session.h"
#include "storage/secretstore.h"

#include <functional>
#include <QPointer>
#include <QString>

namespace clipshelf {

class PendingSecretWork;

/**
 * Where one profile's Session is kept: the entry "session" of a SecretStore
 * (normally a KeychainSecretStore constructed with serviceName(profile)).
 *
 * load() reports NotFound both when nothing is saved and when the saved blob
 * cannot be parsed: either way the user is signed out. Store failures
 * (NoBackend, Locked, Error) are passed through with their messages; callers
 * treat every non-Ok load as "signed out". Nothing here logs session contents.
 *
 * Callbacks never capture the vault, so the vault may be destroyed while an
 * operation is in flight (the callback still runs while the store is alive).
 */
class SessionVault
{
public:
    using LoadCallback = std::function<void(SecretResult, Session)>;
    using DoneCallback = std::function<void(SecretResult)>;

    /// The entry key inside the profile's store.
    static QString entryKey();
    /// Keychain service name of a profile: CLIPSHELF_APP_ID + "/" + profile
    /// ("org.clipshelf.Clipshelf/<profile>"); an empty profile means "default".
    static QString serviceName(const QString &profile);

    /// \a pending, when given, counts this vault's saves and clears until they answer.
    explicit SessionVault(SecretStore *store, PendingSecretWork *pending = nullptr);

    SecretStore *store() const { return m_store; }

    void load(LoadCallback done) const;
    /// Saves `session`; an invalid session (no access token or subject) is refused with Error.
    void save(const Session &session, DoneCallback done);
    /// Forgets the saved session; succeeds when nothing was saved.
    void clear(DoneCallback done);

private:
    QPointer<SecretStore> m_store;
    QPointer<PendingSecretWork> m_pending;
};

} // namespace clipshelf
