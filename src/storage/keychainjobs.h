#pragma once

#include <functional>
#include <QByteArray>
#include <QString>

class QObject;
namespace QKeychain {
class Job;
}

namespace clipshelf {

/// What one qtkeychain job answered.
struct KeychainJobOutcome
{
    int error = 0; // QKeychain::Error
    QString errorString;
    QByteArray data; ///< a successful read's value
};

/**
 * Starts single qtkeychain jobs (read, write, delete of one entry) for one
 * service name, never with a plain-text fallback. Answers arrive from the event
 * loop and are dropped unrun when the context object is destroyed.
 */
class KeychainJobs
{
public:
    using Done = std::function<void(const KeychainJobOutcome &)>;

    KeychainJobs(const QString &service, QObject *context);

    QString service() const { return m_service; }

    void read(const QString &key, Done done) const;
    void write(const QString &key, const QByteArray &data, Done done) const;
    void remove(const QString &key, Done done) const;

private:
    void launch(QKeychain::Job *job, Done done) const;

    QString m_service;
    QObject *m_context;
};

} // namespace clipshelf
