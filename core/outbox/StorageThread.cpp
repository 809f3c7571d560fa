#include "outbox/StorageThread.h"

#include "outbox/OutboxStorage.h"

#include <QMutexLocker>

#include <openssl/crypto.h>
#include <utility>

namespace Kanca {

StorageThread::StorageThread(const QString &name, QObject *parent)
    : QObject(parent)
{
    m_thread.setObjectName(name);
}

StorageThread::~StorageThread()
{
    if (!m_thread.isRunning())
        return;
    if (m_done)
        waitForJob();
    QMetaObject::invokeMethod(
        m_worker, [this] { m_store.reset(); }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

bool StorageThread::start(const Opener &opener, QString *error)
{
    m_worker = new QObject;
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    // On the thread, as it ends: what OpenSSL keeps for the thread (libpq draws SCRAM's nonce
    // from OpenSSL's per-thread random generators, and uses its error queue). OpenSSL would free
    // it itself when the thread exits, but that is after QThread::wait() returns: a process that
    // exits at once could end before it is freed (LeakSanitizer saw it once, in the fleet chaos
    // test, from a server stopped while its database shut down). As DeliveryThreads does.
    connect(
        &m_thread, &QThread::finished, &m_thread, [] { OPENSSL_thread_stop(); },
        Qt::DirectConnection);
    m_thread.start();
    QString why;
    QMetaObject::invokeMethod(
        m_worker, [&] { m_store = opener(&why); }, Qt::BlockingQueuedConnection);
    if (!m_store && error)
        *error = why;
    return bool(m_store);
}

void StorageThread::run(Job job, Done done)
{
    Q_ASSERT(!m_done && m_store);
    m_done = std::move(done);
    {
        QMutexLocker lock(&m_mutex);
        m_jobEnded = false;
    }
    QMetaObject::invokeMethod(
        m_worker,
        [this, job = std::move(job)] {
            job(*m_store);
            {
                QMutexLocker lock(&m_mutex);
                m_jobEnded = true;
                m_ended.wakeAll();
            }
            QMetaObject::invokeMethod(this, &StorageThread::jobEnded, Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

void StorageThread::waitForJob()
{
    QMutexLocker lock(&m_mutex);
    while (!m_jobEnded)
        m_ended.wait(&m_mutex);
}

void StorageThread::finish()
{
    if (!m_done)
        return;
    waitForJob();
    jobEnded();
}

void StorageThread::jobEnded()
{
    if (!m_done)
        return; // called already by finish()
    {
        QMutexLocker lock(&m_mutex);
        if (!m_jobEnded)
            return; // a later job's (this one's was taken by finish()), still running
    }
    const Done done = std::exchange(m_done, Done());
    done();
}

} // namespace Kanca
