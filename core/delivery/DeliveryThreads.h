#pragma once

#include "delivery/DeliverySender.h"

#include <QHash>
#include <QList>
#include <QObject>

#include <vector>

class QThread;

namespace Kanca {

// The threads the delivery engine's HTTP exchanges run on, each with a DeliverySender (its own
// libcurl multi and event loop). Deliveries are partitioned by destination: a
// destination always goes to the same thread, so its connections are reused and its attempts
// leave in the order they were started; a new destination goes to the thread with the fewest.
// Everything else of the engine (storage, limits, breakers) stays on the engine's thread; the
// results come back by a queued signal once per turn of a sender's event loop, all that ended in
// it together, and finished() hands them to the engine together too. With one thread, the sender
// lives on the engine's own thread and no thread is started: the engine works exactly as it did
// without them.
class DeliveryThreads final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DeliveryThreads)

public:
    explicit DeliveryThreads(QObject *parent = nullptr);
    // Stops the threads; attempts still on the wire are cut off, and nothing more is emitted.
    ~DeliveryThreads() override;

    // Starts `count` threads (at least one; 0: one per core), unless already started.
    void start(int count);
    bool isStarted() const { return !m_senders.empty(); }
    int count() const { return int(m_senders.size()); }

    // Queues an attempt for its destination's thread; flush() hands over what was queued.
    void send(const DeliverySender::Outgoing &outgoing);
    void flush();

    // Stops the threads now (see the destructor). Returns the deliveries whose attempts were
    // given to a thread but never went on the wire (they waited for a connection).
    QStringList stop();

    // Which thread (0 to count() - 1) the destination goes to, choosing one if it has none.
    int threadFor(const QString &destination);

Q_SIGNALS:
    // Emitted on the sending thread as the attempt's request is handed to libcurl.
    void sending(const QString &id);
    // On the engine's thread: the attempts that ended in one turn of a sender's event loop.
    void finished(const QList<Kanca::DeliverySender::Ended> &ended);

private:
    struct Assignment
    {
        int thread = 0;
        int inFlight = 0;
    };

    void sent(const QList<DeliverySender::Ended> &ended);

    std::vector<DeliverySender *> m_senders;
    std::vector<QThread *> m_threads; // empty with one sender (it lives on this thread)
    std::vector<QList<DeliverySender::Outgoing>> m_batches; // per thread, until flush()
    QHash<QString, Assignment> m_assignments;
    std::vector<int> m_assigned;       // destinations per thread
    std::vector<QStringList> m_unsent; // per thread, written on it as it ends
};

} // namespace Kanca
