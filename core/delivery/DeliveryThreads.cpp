#include "delivery/DeliveryThreads.h"

#include <QThread>

#include <algorithm>
#include <openssl/crypto.h>

using namespace Qt::StringLiterals;

namespace Kanca {

namespace {

// Destinations remembered with their thread; past this, those with nothing in flight are
// forgotten (a destination seen again then may go to another thread).
constexpr qsizetype MaxAssignments = 4096;

} // namespace

DeliveryThreads::DeliveryThreads(QObject *parent)
    : QObject(parent)
{}

DeliveryThreads::~DeliveryThreads()
{
    stop();
}

void DeliveryThreads::start(int count)
{
    if (isStarted())
        return;
    if (count <= 0)
        count = QThread::idealThreadCount();
    count = std::clamp(count, 1, 256);
    m_batches.resize(std::size_t(count));
    m_assigned.assign(std::size_t(count), 0);
    m_unsent.assign(std::size_t(count), {});
    if (count == 1) {
        auto *sender = new DeliverySender(this);
        connect(sender, &DeliverySender::sending, this, &DeliveryThreads::sending);
        connect(sender, &DeliverySender::finished, this, &DeliveryThreads::sent);
        m_senders.push_back(sender);
        return;
    }
    for (int i = 0; i < count; ++i) {
        auto *thread = new QThread(this);
        // The name Linux shows (top -H, perf) keeps 15 bytes: "Kanca deliver 1".
        thread->setObjectName(u"Kanca deliver %1"_s.arg(i + 1));
        auto *sender = new DeliverySender; // deleted on its thread as the thread ends
        sender->moveToThread(thread);
        // On the thread, as it ends: its sender (and libcurl's handles) go, then what OpenSSL
        // keeps for the thread (its error queue, its random generators). OpenSSL would free
        // those itself when the thread exits, but that is after QThread::wait() returns: a
        // process that exits at once could end before they are freed (LeakSanitizer saw it).
        connect(
            thread, &QThread::finished, thread,
            [this, sender, i] {
                m_unsent[std::size_t(i)] = sender->takeWaiting(); // read once wait() returned
                delete sender;
                OPENSSL_thread_stop();
            },
            Qt::DirectConnection);
        connect(sender, &DeliverySender::sending, this, &DeliveryThreads::sending,
                Qt::DirectConnection);
        connect(sender, &DeliverySender::finished, this, &DeliveryThreads::sent,
                Qt::QueuedConnection);
        thread->start();
        m_threads.push_back(thread);
        m_senders.push_back(sender);
    }
}

QStringList DeliveryThreads::stop()
{
    if (!isStarted())
        return {};
    for (DeliverySender *sender : m_senders)
        sender->disconnect(this);
    QStringList unsent;
    if (m_threads.empty()) {
        unsent = m_senders.front()->takeWaiting();
        delete m_senders.front();
    } else {
        for (QThread *thread : m_threads)
            thread->quit();
        for (QThread *thread : m_threads) {
            thread->wait(); // its sender is deleted there as it ends
            delete thread;
        }
        for (const QStringList &ids : m_unsent)
            unsent += ids;
    }
    m_threads.clear();
    m_senders.clear();
    m_batches.clear();
    m_assignments.clear();
    m_assigned.clear();
    m_unsent.clear();
    return unsent;
}

int DeliveryThreads::threadFor(const QString &destination)
{
    if (m_senders.size() <= 1)
        return 0;
    if (const auto it = m_assignments.constFind(destination); it != m_assignments.cend())
        return it->thread;
    if (m_assignments.size() >= MaxAssignments) {
        for (auto it = m_assignments.begin(); it != m_assignments.end();) {
            if (it->inFlight == 0) {
                --m_assigned[std::size_t(it->thread)];
                it = m_assignments.erase(it);
            } else {
                ++it;
            }
        }
    }
    const int thread =
        int(std::min_element(m_assigned.cbegin(), m_assigned.cend()) - m_assigned.cbegin());
    ++m_assigned[std::size_t(thread)];
    m_assignments.insert(destination, {thread, 0});
    return thread;
}

void DeliveryThreads::send(const DeliverySender::Outgoing &outgoing)
{
    const int thread = threadFor(outgoing.destination);
    if (m_senders.size() > 1)
        ++m_assignments[outgoing.destination].inFlight;
    m_batches[std::size_t(thread)].append(outgoing);
}

void DeliveryThreads::flush()
{
    for (std::size_t i = 0; i < m_batches.size(); ++i) {
        if (m_batches[i].isEmpty())
            continue;
        QList<DeliverySender::Outgoing> batch;
        batch.swap(m_batches[i]);
        DeliverySender *sender = m_senders[i];
        if (m_threads.empty()) {
            sender->send(batch);
        } else {
            QMetaObject::invokeMethod(
                sender, [sender, batch] { sender->send(batch); }, Qt::QueuedConnection);
        }
    }
}

void DeliveryThreads::sent(const QList<DeliverySender::Ended> &ended)
{
    for (const DeliverySender::Ended &attempt : ended) {
        if (const auto it = m_assignments.find(attempt.destination); it != m_assignments.end())
            --it->inFlight;
    }
    Q_EMIT finished(ended);
}

} // namespace Kanca
