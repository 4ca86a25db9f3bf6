#pragma once

#include "doctorcheck.h"

namespace clipshelf::cli::doctor {

/**
 * The provider's discovery document: "provider.discovery" (reachable and
 * usable), "provider.issuer" (its issuer equals the configured one exactly),
 * "provider.pkce" (S256 supported) and "provider.revocation" (a revocation
 * endpoint, so that signing out also ends the session at the provider).
 */
class DiscoveryCheck : public DoctorCheck
{
    Q_OBJECT
public:
    using DoctorCheck::DoctorCheck;
    void start() override;
    QList<CheckResult> timedOut() const override;

private:
    void evaluate(const QByteArray &body, const QString &url, qint64 elapsedMs);
    /// The three dependent checks as "not checked" warnings.
    static QList<CheckResult> notChecked(const QString &why);
};

} // namespace clipshelf::cli::doctor
