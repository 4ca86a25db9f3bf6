#include "doctorrunner.h"

namespace clipshelf::cli::doctor {

DoctorRunner::DoctorRunner(QList<DoctorCheck *> checks, int deadlineMs, QObject *parent)
    : QObject(parent), m_checks(std::move(checks))
{
    for (DoctorCheck *check : std::as_const(m_checks)) {
        check->setParent(this);
        connect(check, &DoctorCheck::finished, this, &DoctorRunner::onCheckFinished);
    }
    m_deadline.setSingleShot(true);
    m_deadline.setInterval(deadlineMs);
    connect(&m_deadline, &QTimer::timeout, this, &DoctorRunner::finish);
}

void DoctorRunner::start()
{
    m_deadline.start();
    for (DoctorCheck *check : std::as_const(m_checks))
        check->start();
    onCheckFinished(); // every check may have finished synchronously
}

void DoctorRunner::onCheckFinished()
{
    if (!m_deadline.isActive())
        return; // start() has not got there yet, or it is all over
    for (const DoctorCheck *check : std::as_const(m_checks)) {
        if (!check->isFinished())
            return;
    }
    finish();
}

void DoctorRunner::finish()
{
    if (m_done)
        return;
    m_done = true;
    m_deadline.stop();
    emit finished();
}

QList<CheckResult> DoctorRunner::results() const
{
    QList<CheckResult> all;
    for (const DoctorCheck *check : m_checks)
        all += check->isFinished() ? check->results() : check->timedOut();
    return all;
}

} // namespace clipshelf::cli::doctor
