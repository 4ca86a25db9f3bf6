#include "storage/keychainjobs.h"

#include <QObject>
#include <qt6keychain/keychain.h>

namespace clipshelf {

KeychainJobs::KeychainJobs(const QString &service, QObject *context)
    : m_service(service), m_context(context)
{}

void KeychainJobs::launch(QKeychain::Job *job, Done done) const
{
    job->setAutoDelete(true);
    job->setInsecureFallback(false); // never a plain-text fallback
    QObject::connect(job, &QKeychain::Job::finished, m_context,
                     [done = std::move(done)](QKeychain::Job *finished) {
                         KeychainJobOutcome outcome;
                         outcome.error = int(finished->error());
                         if (outcome.error != QKeychain::NoError)
                             outcome.errorString = finished->errorString();
                         else if (auto *reader =
                                      qobject_cast<QKeychain::ReadPasswordJob *>(finished))
                             outcome.data = reader->binaryData();
                         done(outcome);
                     });
    job->start();
}

void KeychainJobs::read(const QString &key, Done done) const
{
    auto *job = new QKeychain::ReadPasswordJob(m_service);
    job->setKey(key);
    launch(job, std::move(done));
}

void KeychainJobs::write(const QString &key, const QByteArray &data, Done done) const
{
    auto *job = new QKeychain::WritePasswordJob(m_service);
    job->setKey(key);
    job->setBinaryData(data);
    launch(job, std::move(done));
}

void KeychainJobs::remove(const QString &key, Done done) const
{
    auto *job = new QKeychain::DeletePasswordJob(m_service);
    job->setKey(key);
    launch(job, std::move(done));
}

} // namespace clipshelf
