#pragma once

#include "format/Problem.h"
#include "outbox/EventStore.h"
#include "server/EventBatch.h"
#include "server/ServedRuleSet.h"

#include <QCoreApplication>
#include <QObject>
#include <QTimer>

#include <functional>
#include <memory>
#include <vector>

namespace Kanca {

class DeliveryEngine;
class SecretProvider;
class StorageThread;

// Accepting events: every event planned with the rule set of the moment (the dispatch step),
// then the events and all their deliveries committed in one transaction, before anyone is
// answered. Requests that arrive together are committed together (group commit): submit() only
// queues, and the queue is committed in the next turn of the event loop, so that one commit
// (one fsync) serves every request read meanwhile. New deliveries go to the delivery engine,
// claimed by it as they are committed when it has room.
//
// With a thread of its own for the commits (setCommitThread(): PostgreSQL), a group is committed
// there while this thread goes on, and the requests read meanwhile form the next group,
// committed the moment the one in flight is done; without one (SQLite), in this thread.
class EventIngest final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EventIngest)

public:
    // What became of one event.
    struct Answer
    {
        QString id;
        bool duplicate = false;  // accepted before: the deliveries it made then
        QStringList rules;       // the rules it fired (not known for a duplicate)
        QStringList deliveryIds; // its deliveries
    };
    struct Outcome
    {
        enum class Kind {
            Accepted,      // committed (new ones and duplicates alike)
            Unprocessable, // a rule cannot decide, or a request cannot be rendered: `problems`
            Failed,        // the storage refused the commit: `error`; nothing was accepted
        };
        Kind kind = Kind::Accepted;
        QList<Answer> answers;
        Problems problems;
        QString error;
        int newEvents() const;
    };
    using Done = std::function<void(const Outcome &)>;

    EventIngest(EventStore &store, DeliveryEngine &engine, const SecretProvider &secrets,
                QObject *parent = nullptr);
    ~EventIngest() override;

    void setRuleSet(std::shared_ptr<const ServedRuleSet> ruleSet);
    std::shared_ptr<const ServedRuleSet> ruleSet() const { return m_ruleSet; }

    // Commits on `thread` from now on (started; it must outlive this object).
    void setCommitThread(StorageThread *thread) { m_commitThread = thread; }

    // Plans the events now; `done` is called once they are committed, or at once when they
    // cannot be planned. At most MaxGroup events go into one commit (unless one request holds
    // more).
    void submit(const QList<EventBatch::Event> &events, Done done);
    // Commits what is queued now, or right after the group in flight (the queue is also
    // committed on its own).
    void flush();
    // Commits everything queued and in flight before it returns, every `done` called (a server
    // stopping).
    void finish();
    qsizetype queuedEvents() const { return m_queuedEvents; }

    static constexpr qsizetype MaxGroup = 5000;

Q_SIGNALS:
    // One group was committed: how many events (new and duplicate) and how long it took.
    void committed(int events, qint64 commitMs);

private:
    struct Queued;
    using Group = std::vector<std::unique_ptr<Queued>>;
    // What the commit of a group came to: the answers, or none and why; how long it took.
    struct Committed
    {
        std::optional<QList<EventStore::Accepted>> accepted;
        QString error;
        qint64 ms = 0;
    };
    // Commits a group's events to `store` (this thread's, or the commit thread's).
    static Committed commit(EventStore &store, const QList<EventStore::IncomingEvent> &events,
                            const Outbox::Claim *claim);
    // A group committed (or refused): each request answered, new deliveries to the engine
    // (adopted if they were committed `claimed` by it).
    void answer(Group &group, bool claimed, const Committed &result);

    EventStore &m_store;
    DeliveryEngine &m_engine;
    const SecretProvider &m_secrets;
    std::shared_ptr<const ServedRuleSet> m_ruleSet;
    StorageThread *m_commitThread = nullptr;
    Group m_queue;
    qsizetype m_queuedEvents = 0;
    QTimer m_flushTimer;
};

} // namespace Kanca
