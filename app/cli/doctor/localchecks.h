#pragma once

#include "doctorcheck.h"

#include <QJsonObject>

namespace clipshelf::cli::doctor {

/// "config": whether what sign-in and the API need is configured.
class ConfigCheck : public DoctorCheck
{
    Q_OBJECT
public:
    using DoctorCheck::DoctorCheck;
    void start() override;
    QList<CheckResult> timedOut() const override { return {}; }

    /// Every configuration value with its source; the client secret only as "set"/"not set".
    static QJsonObject describe(const Config &config);
};

/// "redirect_ports": the configured loopback redirect ports can be listened on.
class RedirectPortsCheck : public DoctorCheck
{
    Q_OBJECT
public:
    using DoctorCheck::DoctorCheck;
    void start() override;
    QList<CheckResult> timedOut() const override { return {}; }
};

/// "versions": Clipshelf, Qt, qtkeychain and the OS.
class VersionsCheck : public DoctorCheck
{
    Q_OBJECT
public:
    using DoctorCheck::DoctorCheck;
    void start() override;
    QList<CheckResult> timedOut() const override { return {}; }

    static QJsonObject versions();
};

/// "proxy": proxy environment variables (credentials removed) and whether Qt
/// connects to the provider and the API directly or through a proxy.
class ProxyCheck : public DoctorCheck
{
    Q_OBJECT
public:
    using DoctorCheck::DoctorCheck;
    void start() override;
    QList<CheckResult> timedOut() const override { return {}; }
};

} // namespace clipshelf::cli::doctor
