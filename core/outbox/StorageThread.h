#pragma once

#include <QMutex>
#include <QObject>
#include <QThread>
#include <QWaitCondition>

#include <functional>
#include <memory>

namespace Kanca {

class OutboxStorage;

// A connection of its own to the storage (a second PostgresStore), on a thread of its own, for
// writes that would otherwise keep the caller's thread waiting for the database: a server's
// commits of accepted events (EventIngest), an engine's records of attempts (DeliveryEngine).
// The caller's thread goes on meanwhile: it reads requests, starts attempts, and so on. Measured
// on a 2-core machine, those two writes kept a server's one thread waiting most of its time
// (docs/performance.md).
//
// One job at a time, in the order given. A job runs on the thread with the storage; its `done`
// follows in the caller's thread (its event loop), or at once in finish().
class StorageThread final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StorageThread)

public:
    // Opens the connection (called on the thread); null with why in `error`.
    using Opener = std::function<std::unique_ptr<OutboxStorage>(QString *error)>;
    using Job = std::function<void(OutboxStorage &storage)>; // on the thread
    using Done = std::function<void()>;                      // in the caller's thread

    explicit StorageThread(const QString &name, QObject *parent = nullptr);
    // Waits for the job in flight (its `done` is not called), then closes the connection on the
    // thread and ends it.
    ~StorageThread() override;

    // Starts the thread and opens the connection there; false (and why) if it cannot be opened.
    bool start(const Opener &opener, QString *error);

    // Whether a job is in flight (its `done` not yet called).
    bool isBusy() const { return bool(m_done); }
    // Runs `job` on the thread, then `done` in this object's thread. Only when not busy. What
    // the job finds out reaches `done` through what both hold (a shared_ptr): the job has ended
    // before `done` starts.
    void run(Job job, Done done);
    // Waits for the job in flight, if any, and calls its `done` now.
    void finish();

private:
    void jobEnded(); // in this object's thread: calls `done`, unless finish() did
    void waitForJob();

    QThread m_thread;
    QObject *m_worker = nullptr;            // lives in m_thread
    std::unique_ptr<OutboxStorage> m_store; // opened, used and closed in m_thread only
    QMutex m_mutex;                         // guards m_jobEnded
    QWaitCondition m_ended;
    bool m_jobEnded = false;
    Done m_done; // of the job in flight
};

} // namespace Kanca
