#pragma once

#include "core/config.h"

#include <functional>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QString>
#include <QUrl>

class QNetworkAccessManager;
class QNetworkReply;

namespace clipshelf {
class AuthController;
}

namespace clipshelf::cli::doctor {

/// One line of the doctor's report. Nothing in it may be secret: it is meant
/// to be pasted into public bug reports.
struct CheckResult
{
    enum class Status { Ok, Warn, Fail };

    QString id; ///< stable, e.g. "provider.issuer"
    Status status = Status::Ok;
    QString summary; ///< what was found, one sentence
    QString fix;     ///< what to do about it, one sentence ("" when ok)

    static CheckResult ok(const QString &id, const QString &summary)
    {
        return {id, Status::Ok, summary, {}};
    }
    static CheckResult warn(const QString &id, const QString &summary, const QString &fix)
    {
        return {id, Status::Warn, summary, fix};
    }
    static CheckResult fail(const QString &id, const QString &summary, const QString &fix)
    {
        return {id, Status::Fail, summary, fix};
    }
    static QString statusName(Status status);
    QJsonObject toJson() const;
};

/// What the checks may use.
struct DoctorEnv
{
    Config config;
    QNetworkAccessManager *network = nullptr;
    AuthController *auth = nullptr; ///< for the session check (restore only)
    int networkTimeoutMs = 4000;    ///< per request; the runner stops waiting at 5 s
};

/**
 * One check of `clipshelf-cli doctor`. start() begins it; it reports one or
 * more CheckResults through report() (which emits finished()), possibly
 * before start() returns. A check that has not reported when the runner's
 * deadline passes is reported with timedOut() instead.
 */
class DoctorCheck : public QObject
{
    Q_OBJECT
public:
    explicit DoctorCheck(const DoctorEnv &env, QObject *parent = nullptr)
        : QObject(parent), m_env(env)
    {}

    virtual void start() = 0;
    /// The results to show when the check did not finish in time.
    virtual QList<CheckResult> timedOut() const = 0;

    bool isFinished() const { return m_finished; }
    QList<CheckResult> results() const { return m_results; }

signals:
    void finished();

protected:
    const DoctorEnv &env() const { return m_env; }
    void report(QList<CheckResult> results);
    /// GET \a url with the network timeout; \a done gets the reply (deleted afterwards).
    void get(const QUrl &url, std::function<void(QNetworkReply *)> done);
    /// "flag --issuer", "environment CLIPSHELF_ISSUER", … for fix texts.
    QString whereSet(Config::Key key) const;

private:
    DoctorEnv m_env;
    bool m_finished = false;
    QList<CheckResult> m_results;
};

} // namespace clipshelf::cli::doctor
