#pragma once

#include <QMutex>
#include <QObject>
#include <QThread>
#include <QWaitCondition>

#include <atomic>
#include <deque>
#include <functional>

namespace Kanca {

// The dispatch step (reading events, matching rules, rendering requests) on a thread of its
// own, so that the thread that commits and sends goes on meanwhile: a server's main thread
// plans each post here while it commits the ones before (EventIngest), as the delivery
// benchmark does with its events.
//
// Jobs run one at a time in the order given, and their `done` follow in the same order in this
// object's thread (its event loop, or at once in finish()). What a job finds out reaches its
// `done` through what both hold (a shared_ptr): the job has ended before its `done` starts. A
// job reads only what it holds or what does not change while it runs (a compiled rule set is
// immutable; each thread keeps its own caches).
class DispatchThread final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DispatchThread)

public:
    using Job = std::function<void()>;  // on the thread
    using Done = std::function<void()>; // in this object's thread, in order

    // Starts the thread.
    explicit DispatchThread(const QString &name, QObject *parent = nullptr);
    // Lets the job running end, drops those not started (their `done` are not called) and ends
    // the thread. Call finish() first for every `done` to be called.
    ~DispatchThread() override;

    // Runs `job` on the thread after the jobs given before, then `done` here.
    void run(Job job, Done done);
    // Jobs given whose `done` has not been called yet.
    qsizetype pending() const { return qsizetype(m_dones.size()); }
    // Waits for every job given (also those given by a `done` meanwhile) and calls their `done`
    // now, in order.
    void finish();

private:
    void deliver(); // in this object's thread: the `done` of every job that has ended

    QThread m_thread;
    QObject *m_worker = nullptr; // lives in m_thread
    std::deque<Done> m_dones;    // of the jobs given and not delivered, in order
    qint64 m_given = 0;          // jobs given (this object's thread)
    qint64 m_delivered = 0;      // `done` called (this object's thread)
    std::atomic<bool> m_stopping = false;

    QMutex m_mutex; // guards what follows
    QWaitCondition m_ended;
    qint64 m_ran = 0;             // jobs ended
    bool m_deliverPosted = false; // a deliver() is queued and has not yet run
};

} // namespace Kanca
