#include "server/EventIngest.h"

#include "delivery/DeliveryEngine.h"
#include "dispatch/Dispatcher.h"
#include "outbox/EventStore.h"
#include "outbox/OutboxStorage.h"
#include "outbox/StorageThread.h"

#include <QElapsedTimer>

namespace Kanca {

struct EventIngest::Queued
{
    QList<EventStore::IncomingEvent> events;
    QList<QStringList> rules; // per event
    Done done;
};

int EventIngest::Outcome::newEvents() const
{
    int count = 0;
    for (const Answer &answer : answers)
        count += answer.duplicate ? 0 : 1;
    return count;
}

EventIngest::EventIngest(EventStore &store, DeliveryEngine &engine, const SecretProvider &secrets,
                         QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_engine(engine)
    , m_secrets(secrets)
{
    m_flushTimer.setSingleShot(true);
    connect(&m_flushTimer, &QTimer::timeout, this, &EventIngest::flush);
}

EventIngest::~EventIngest()
{
    finish();
}

void EventIngest::setRuleSet(std::shared_ptr<const ServedRuleSet> ruleSet)
{
    m_ruleSet = std::move(ruleSet);
}

void EventIngest::submit(const QList<EventBatch::Event> &events, Done done)
{
    auto queued = std::make_unique<Queued>();
    queued->done = std::move(done);
    Problems problems;
    if (!m_ruleSet) {
        Outcome outcome;
        outcome.kind = Outcome::Kind::Failed;
        outcome.error = tr("no rule set is loaded");
        queued->done(outcome);
        return;
    }
    // The rule set of this moment plans every event of the request, also if a reload swaps it
    // before the commit: what was planned is what is committed.
    const std::shared_ptr<const ServedRuleSet> ruleSet = m_ruleSet;
    const Dispatcher dispatcher(ruleSet->compiled(), m_secrets);
    const QDateTime receivedAt = QDateTime::currentDateTimeUtc();
    for (qsizetype i = 0; i < events.size(); ++i) {
        const EventBatch::Event &event = events.at(i);
        const DispatchPlan plan = dispatcher.plan(event.event);
        const Problems blocking = plan.blockingProblems();
        if (!blocking.isEmpty()) {
            for (Problem problem : blocking) {
                // Where in the request, and which event.
                problem.message =
                    tr("event \"%1\" (%2): %3").arg(event.id).arg(i).arg(problem.message);
                problem.line = problem.column = 0;
                problems.append(problem);
            }
            continue;
        }
        EventStore::IncomingEvent incoming;
        incoming.id = event.id;
        incoming.type = event.type;
        incoming.receivedAt = receivedAt;
        incoming.json = event.stored;
        incoming.ruleSetHash = ruleSet->hash();
        QStringList rules;
        for (const RulePlan &rule : plan.rules) {
            if (rule.matched())
                rules.append(ruleSet->compiled().ruleSet().rules.at(rule.ruleIndex).id);
        }
        incoming.deliveries = plan.deliveries();
        for (Delivery &delivery : incoming.deliveries)
            delivery.ruleSetHash = ruleSet->hash();
        queued->events.append(std::move(incoming));
        queued->rules.append(rules);
    }
    if (!problems.isEmpty()) {
        Outcome outcome;
        outcome.kind = Outcome::Kind::Unprocessable;
        outcome.problems = problems;
        queued->done(outcome);
        return;
    }
    m_queuedEvents += queued->events.size();
    m_queue.push_back(std::move(queued));
    if (m_queuedEvents >= MaxGroup)
        flush();
    else if (!m_flushTimer.isActive())
        m_flushTimer.start(0);
}

void EventIngest::flush()
{
    m_flushTimer.stop();
    if (m_queue.empty() || (m_commitThread && m_commitThread->isBusy()))
        return; // a group in flight: this one follows it
    // The requests in the order they came, up to MaxGroup events (a request is never split);
    // the rest is the next group (what came while a group was in flight may be more).
    auto group = std::make_shared<Group>();
    QList<EventStore::IncomingEvent> all;
    qsizetype taken = 0;
    while (taken < qsizetype(m_queue.size())
           && (taken == 0 || all.size() + m_queue[size_t(taken)]->events.size() <= MaxGroup)) {
        all += m_queue[size_t(taken)]->events;
        ++taken;
    }
    std::move(m_queue.begin(), m_queue.begin() + taken, std::back_inserter(*group));
    m_queue.erase(m_queue.begin(), m_queue.begin() + taken);
    m_queuedEvents -= all.size();
    const Outbox::Claim *claim = m_engine.claimForNew();
    if (m_commitThread) {
        auto committed = std::make_shared<Committed>();
        m_commitThread->run(
            [committed, all = std::move(all),
             claimCopy = claim ? std::optional(*claim) : std::nullopt](OutboxStorage &storage) {
                *committed = commit(storage, all, claimCopy ? &*claimCopy : nullptr);
            },
            [this, group, committed, claimed = claim != nullptr] {
                answer(*group, claimed, *committed);
                if (!m_queue.empty())
                    flush();
            });
        return;
    }
    answer(*group, claim != nullptr, commit(m_store, all, claim));
    if (!m_queue.empty() && !m_flushTimer.isActive())
        m_flushTimer.start(0);
}

EventIngest::Committed EventIngest::commit(EventStore &store,
                                           const QList<EventStore::IncomingEvent> &events,
                                           const Outbox::Claim *claim)
{
    Committed committed;
    QElapsedTimer clock;
    clock.start();
    committed.accepted = store.acceptEvents(events, claim, &committed.error);
    committed.ms = clock.elapsed();
    return committed;
}

void EventIngest::finish()
{
    for (;;) {
        if (m_commitThread && m_commitThread->isBusy())
            m_commitThread->finish(); // the group in flight answered (the next one may be sent)
        else if (!m_queue.empty())
            flush();
        else
            break;
    }
    m_flushTimer.stop();
}

void EventIngest::answer(Group &group, bool claimed, const Committed &result)
{
    const std::optional<QList<EventStore::Accepted>> &accepted = result.accepted;
    if (!accepted) {
        for (const std::unique_ptr<Queued> &queued : group) {
            Outcome outcome;
            outcome.kind = Outcome::Kind::Failed;
            outcome.error = result.error;
            queued->done(outcome);
        }
        return;
    }
    Q_EMIT committed(int(accepted->size()), result.ms);

    // The engine sends what it claimed; the rest is in the outbox for when it has room.
    QList<Delivery> fresh;
    qsizetype offset = 0;
    for (const std::unique_ptr<Queued> &queued : group) {
        Outcome outcome;
        for (qsizetype i = 0; i < queued->events.size(); ++i) {
            const EventStore::Accepted &result = accepted->at(offset + i);
            Answer answer;
            answer.id = queued->events.at(i).id;
            answer.duplicate = result.duplicate;
            answer.deliveryIds = result.deliveryIds;
            if (!result.duplicate) {
                answer.rules = queued->rules.at(i);
                fresh += queued->events.at(i).deliveries;
            }
            outcome.answers.append(answer);
        }
        offset += queued->events.size();
        queued->done(outcome);
    }
    if (claimed)
        m_engine.adopt(fresh);
    else
        m_engine.workCommitted(fresh);
}

} // namespace Kanca
