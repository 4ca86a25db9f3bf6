#pragma once

#include "doctorcheck.h"

#include <QObject>
#include <QTimer>

namespace clipshelf::cli::doctor {

/**
 * Runs every check at once and reports all results, in the checks' order,
 * when the last one finishes or when the deadline passes (then the
 * unfinished checks report their timedOut() results): doctor never hangs.
 */
class DoctorRunner : public QObject
{
    Q_OBJECT
public:
    /// Takes ownership of \a checks.
    explicit DoctorRunner(QList<DoctorCheck *> checks, int deadlineMs = 5000,
                          QObject *parent = nullptr);

    void start();
    QList<CheckResult> results() const;

signals:
    void finished();

private:
    void onCheckFinished();
    void finish();

    QList<DoctorCheck *> m_checks;
    QTimer m_deadline;
    bool m_done = false;
};

} // namespace clipshelf::cli::doctor
