#pragma once

#include "doctorcheck.h"

#include <optional>

namespace clipshelf::cli::doctor {

/// "api.health": GET /health on the configured API answers {"status":"ok"}.
class ApiHealthCheck : public DoctorCheck
{
    Q_OBJECT
public:
    using DoctorCheck::DoctorCheck;
    void start() override;
    QList<CheckResult> timedOut() const override;
};

/**
 * "clock": this computer's clock against the API's /timer and the provider's
 * Date header. Tokens carry times: beyond 2 minutes of difference, sign-in
 * fails (ID tokens look expired or issued in the future).
 */
class ClockCheck : public DoctorCheck
{
    Q_OBJECT
public:
    using DoctorCheck::DoctorCheck;
    void start() override;
    QList<CheckResult> timedOut() const override;

    static constexpr qint64 kOkSeconds = 30;
    static constexpr qint64 kFailSeconds = 120;

private:
    void maybeReport();

    int m_pending = 0;
    std::optional<double> m_apiSkew; ///< seconds; positive: the server is ahead
    std::optional<double> m_providerSkew;
};

} // namespace clipshelf::cli::doctor
