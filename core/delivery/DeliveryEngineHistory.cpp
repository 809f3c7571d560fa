#include "delivery/DeliveryEngine.h"
#include "outbox/OutboxStorage.h"
#include "outbox/StorageThread.h"

// The history of the engine's attempts: results batched and written (on this thread, or on the
// history thread while this one goes on), the deliveries reported once their results are
// committed, and the results kept to be written again while a lost connection is opened again.

namespace Kanca {

void DeliveryEngine::recordLater(PendingWrite write)
{
    m_unwritten.insert(write.result.attempt.deliveryId);
    m_pendingWrites.push_back(std::move(write));
    // While a delivery thread's results are taken, a full batch waits for the starts of the
    // attempts they made room for (attemptsSent() writes it then).
    if (m_pendingWrites.size() >= MaxBatch && !m_takingResults)
        flushHistory();
    else if (!m_flushTimer.isActive())
        m_flushTimer.start(m_settings.historyBatchMs);
}

bool DeliveryEngine::writing() const
{
    return m_historyThread && m_historyThread->isBusy();
}

void DeliveryEngine::flushHistory()
{
    m_flushTimer.stop();
    // Draining or going away, results are written here, at once (the write in flight first):
    // nothing may wait for a later turn of the event loop.
    const bool here = !m_historyThread || m_draining || m_shuttingDown;
    if (here && m_historyThread)
        m_historyThread->finish();
    if (m_pendingWrites.empty() || writing())
        return; // a write in flight: these follow it
    std::vector<PendingWrite> writes;
    writes.swap(m_pendingWrites);
    QList<Outbox::AttemptResult> results;
    results.reserve(qsizetype(writes.size()));
    for (const PendingWrite &write : writes)
        results.append(write.result);
    if (!here) {
        auto outcome = std::make_shared<Written>();
        m_historyThread->run(
            [outcome, results, claim = m_claim](OutboxStorage &storage) {
                *outcome = recordIn(storage, results, claim);
            },
            [this, outcome, writes = std::move(writes)]() mutable {
                written(std::move(writes), *outcome);
                if (!m_pendingWrites.empty() && !m_flushTimer.isActive())
                    m_flushTimer.start(0); // what came meanwhile
            });
        return;
    }
    written(std::move(writes), recordIn(m_outbox, results, m_claim));
}

DeliveryEngine::Written DeliveryEngine::recordIn(Outbox &outbox,
                                                 const QList<Outbox::AttemptResult> &results,
                                                 const Outbox::Claim &claim)
{
    Written outcome;
    outcome.ok = outbox.recordAttempts(results, claim, &outcome.lost, &outcome.error);
    outcome.reconnecting = !outcome.ok && outbox.isReconnecting();
    return outcome;
}

void DeliveryEngine::written(std::vector<PendingWrite> writes, const Written &outcome)
{
    m_unwritten.clear();
    for (const PendingWrite &write : m_pendingWrites)
        m_unwritten.insert(write.result.attempt.deliveryId);
    if (!outcome.ok && outcome.reconnecting && !m_draining) {
        // A lost connection being opened again: the results wait here and are written later
        // (should this process die meanwhile, their deliveries are sent again once their leases
        // expire, with the same webhook-id).
        Q_EMIT storageUnavailable(outcome.error);
        for (const PendingWrite &write : writes)
            m_unwritten.insert(write.result.attempt.deliveryId);
        writes.insert(writes.end(), std::make_move_iterator(m_pendingWrites.begin()),
                      std::make_move_iterator(m_pendingWrites.end()));
        m_pendingWrites = std::move(writes);
        m_flushTimer.start(m_settings.pollMs);
        return;
    }
    if (!outcome.ok) {
        QStringList unrecorded;
        for (const PendingWrite &write : writes)
            unrecorded.append(write.result.attempt.deliveryId);
        stop(outcome.error, unrecorded);
        checkIdle();
        return;
    }
    const QStringList &lost = outcome.lost;
    for (const PendingWrite &write : writes) {
        if (write.finished && !lost.contains(write.finished->id))
            Q_EMIT deliveryFinished(*write.finished);
    }
    if (!lost.isEmpty()) {
        for (const QString &id : std::as_const(lost)) {
            // Another engine holds it now: nothing more of it is ours to do.
            if (const auto it = m_active.find(id);
                it != m_active.end() && it->state == State::Scheduled) {
                m_active.erase(it);
            }
        }
        Q_EMIT claimsLost(lost);
    }
    if (m_fromOutbox && !m_pollTimer.isActive())
        armPoll(0); // a retry given back may be due before the next look
    checkIdle();
    checkDrained();
}

} // namespace Kanca
