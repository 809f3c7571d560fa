#include "dispatch/DispatchThread.h"

#include <QMutexLocker>

#include <utility>

namespace Kanca {

DispatchThread::DispatchThread(const QString &name, QObject *parent)
    : QObject(parent)
{
    m_thread.setObjectName(name);
    m_worker = new QObject;
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.start();
}

DispatchThread::~DispatchThread()
{
    m_stopping = true;
    m_thread.quit();
    m_thread.wait();
}

void DispatchThread::run(Job job, Done done)
{
    m_dones.push_back(std::move(done));
    ++m_given;
    QMetaObject::invokeMethod(
        m_worker,
        [this, job = std::move(job)] {
            if (m_stopping)
                return;
            job();
            bool post = false;
            {
                QMutexLocker lock(&m_mutex);
                ++m_ran;
                m_ended.wakeAll();
                post = !std::exchange(m_deliverPosted, true);
            }
            if (post)
                QMetaObject::invokeMethod(this, &DispatchThread::deliver, Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

void DispatchThread::deliver()
{
    qint64 ran = 0;
    {
        QMutexLocker lock(&m_mutex);
        m_deliverPosted = false;
        ran = m_ran;
    }
    // A `done` may give more jobs or call finish(): each is taken off before it is called.
    while (m_delivered < ran && !m_dones.empty()) {
        const Done done = std::move(m_dones.front());
        m_dones.pop_front();
        ++m_delivered;
        done();
    }
}

void DispatchThread::finish()
{
    while (m_delivered < m_given) {
        {
            QMutexLocker lock(&m_mutex);
            while (m_ran < m_given)
                m_ended.wait(&m_mutex);
        }
        deliver();
    }
}

} // namespace Kanca
