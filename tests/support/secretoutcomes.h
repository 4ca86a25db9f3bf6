#pragma once
// The asynchronous SecretStore and SessionVault calls as values a test can
// wait on and look at, shared by the storage tests (tests/unit/storage/tst_secretstore,
// tst_sessionvault; tests/integration/tst_keychain, tst_keychain_nobackend).

#include "auth/sessionvault.h"
#include "storage/secretmessages.h"
#include "storage/secretstore.h"

#include <functional>
#include <memory>
#include <QEventLoop>
#include <QPointer>
#include <QRandomGenerator>
#include <QTest>

namespace clipshelf {

/// Readable QCOMPARE output for statuses (found by argument-dependent lookup).
inline char *toString(SecretResult::Status status)
{
    return qstrdup(secretStatusName(status));
}

} // namespace clipshelf

namespace clipshelf::test {

/**
 * Set once an asynchronous call has answered. A test that waits in its own
 * QEventLoop (to time the call without polling) sets \a loop, and finish()
 * quits it at once; otherwise settle() polls \a done.
 */
struct Waitable
{
    bool done = false;
    QPointer<QEventLoop> loop;

    void finish()
    {
        done = true;
        if (loop)
            loop->quit();
    }
};

/// The answer to a write or remove (SecretStore) or a save or clear (SessionVault).
struct WriteOutcome : Waitable
{
    SecretResult result;
};

/// The answer to SecretStore::read().
struct ReadOutcome : WriteOutcome
{
    QByteArray value;
};

/// The answer to SessionVault::load().
struct LoadOutcome : WriteOutcome
{
    Session session;
};

/// A SecretStore or SessionVault callback that fills in \a out.
inline std::function<void(SecretResult)> fillIn(std::shared_ptr<WriteOutcome> out)
{
    return [out](SecretResult r) {
        out->result = r;
        out->finish();
    };
}

/// Starts store.read(\a key); the outcome fills in when it answers.
inline std::shared_ptr<ReadOutcome> startRead(SecretStore &store, const QString &key)
{
    auto out = std::make_shared<ReadOutcome>();
    store.read(key, [out](SecretResult r, QByteArray v) {
        out->value = v;
        fillIn(out)(r);
    });
    return out;
}

/// Starts store.write(\a key, \a value).
inline std::shared_ptr<WriteOutcome> startWrite(SecretStore &store, const QString &key,
                                                const QByteArray &value)
{
    auto out = std::make_shared<WriteOutcome>();
    store.write(key, value, fillIn(out));
    return out;
}

/// Starts store.remove(\a key).
inline std::shared_ptr<WriteOutcome> startRemove(SecretStore &store, const QString &key)
{
    auto out = std::make_shared<WriteOutcome>();
    store.remove(key, fillIn(out));
    return out;
}

/// Starts vault.load().
inline std::shared_ptr<LoadOutcome> startLoad(const SessionVault &vault)
{
    auto out = std::make_shared<LoadOutcome>();
    vault.load([out](SecretResult r, Session s) {
        out->session = s;
        fillIn(out)(r);
    });
    return out;
}

/// Starts vault.save(\a session).
inline std::shared_ptr<WriteOutcome> startSave(SessionVault &vault, const Session &session)
{
    auto out = std::make_shared<WriteOutcome>();
    vault.save(session, fillIn(out));
    return out;
}

/// Starts vault.clear().
inline std::shared_ptr<WriteOutcome> startClear(SessionVault &vault)
{
    auto out = std::make_shared<WriteOutcome>();
    vault.clear(fillIn(out));
    return out;
}

/// Runs the event loop until \a out has answered; false after \a timeoutMs.
template <typename Outcome> bool settle(const std::shared_ptr<Outcome> &out, int timeoutMs = 10000)
{
    return QTest::qWaitFor([&] { return out->done; }, timeoutMs);
}

/// \a size bytes of noise, the same for the same \a seed (values that compress badly).
inline QByteArray randomBytes(qsizetype size, quint32 seed)
{
    QRandomGenerator gen(seed);
    QByteArray bytes(size, Qt::Uninitialized);
    for (qsizetype i = 0; i < size; ++i)
        bytes[i] = char(gen.bounded(256));
    return bytes;
}

} // namespace clipshelf::test
