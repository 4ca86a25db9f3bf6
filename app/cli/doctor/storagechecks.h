#pragma once

#include "doctorcheck.h"
#include "storage/secretstore.h"

#include <memory>

namespace clipshelf::cli::doctor {

/**
 * "keychain": the OS keychain is there and unlocked. Writes, reads back and
 * deletes a random probe entry under its own service name
 * ("<app id>/<profile>/doctor-probe"), so the session entry is never touched.
 */
class KeychainCheck : public DoctorCheck
{
    Q_OBJECT
public:
    explicit KeychainCheck(const DoctorEnv &env, QObject *parent = nullptr);
    ~KeychainCheck() override;
    void start() override;
    QList<CheckResult> timedOut() const override;

    static QString probeServiceName(const QString &profile);

private:
    void failWith(const QString &step, const SecretResult &result);

    std::unique_ptr<SecretStore> m_store;
};

/// "session": who is signed in for this profile, when the access token
/// expires and whether a refresh token is present (never any token value).
class SessionCheck : public DoctorCheck
{
    Q_OBJECT
public:
    using DoctorCheck::DoctorCheck;
    void start() override;
    QList<CheckResult> timedOut() const override;

private:
    void evaluate();
};

} // namespace clipshelf::cli::doctor
