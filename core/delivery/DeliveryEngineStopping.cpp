#include "delivery/DeliveryEngine.h"
#include "outbox/StorageThread.h"

// How the engine stops: drained gracefully (nothing new started, the rest given back), stopped
// at once when the outbox cannot be written, or going away with attempts still on the wire.

namespace Kanca {

void DeliveryEngine::drain()
{
    if (m_draining)
        return;
    m_draining = true;
    m_pollTimer.stop();
    m_timer.stop();
    m_schedule.clear();
    m_waitingForSlot.clear();
    for (Host &host : m_hosts)
        host.waiting.clear();
    // Prepared but not started: their slots are given up with them.
    for (const Start &start : m_starts) {
        if (const auto it = m_active.constFind(start.id); it != m_active.cend()) {
            --m_inFlight;
            --m_hosts[it->destination].inFlight;
        }
    }
    m_starts.clear();
    m_startTimer.stop();
    QStringList waiting;
    for (auto it = m_active.cbegin(); it != m_active.cend(); ++it) {
        if (it->state != State::InFlight)
            waiting.append(it.key());
    }
    if (!m_failed)
        giveBack(waiting);
    flushHistory();
    if (m_fleet)
        armSlots(0); // slots nothing waits for any more go back
    checkDrained();
}

void DeliveryEngine::checkDrained()
{
    if (m_draining && m_active.isEmpty() && m_pendingWrites.empty() && !writing())
        QMetaObject::invokeMethod(this, &DeliveryEngine::drained, Qt::QueuedConnection);
}

void DeliveryEngine::stop(const QString &error, const QStringList &unrecorded)
{
    if (!m_failed) {
        m_failed = true;
        m_pollTimer.stop();
        m_renewTimer.stop();
        m_timer.stop();
        m_schedule.clear();
        // Everything not in flight stays in the outbox as it is, for whoever continues it.
        for (auto it = m_active.begin(); it != m_active.end();) {
            if (it->state == State::InFlight)
                ++it;
            else
                it = m_active.erase(it);
        }
        for (Host &host : m_hosts)
            host.waiting.clear();
        m_waitingForSlot.clear();
    }
    Q_EMIT storageFailed(error, unrecorded);
}

Attempt DeliveryEngine::interruptedAttempt(const Active &active, const QString &why) const
{
    Attempt attempt;
    attempt.deliveryId = active.delivery.id;
    attempt.number = active.delivery.attemptCount + 1;
    attempt.startedAt = active.startedAt;
    attempt.durationMs = active.startedAt.msecsTo(QDateTime::currentDateTimeUtc());
    attempt.request = active.sent;
    attempt.requestBodySize = active.sent.body.size();
    attempt.request.body.truncate(Attempt::BodyCap);
    attempt.error = why;
    return attempt;
}

// The engine goes away: results waiting are written, attempts in flight are cut off and
// recorded as interrupted (they may have reached their receiver), and every other claim is
// given back so that any engine can continue at once.
void DeliveryEngine::shutDown()
{
    m_pollTimer.stop();
    m_renewTimer.stop();
    m_timer.stop();
    m_startTimer.stop();
    m_starts.clear();
    m_shuttingDown = true;
    flushHistory(); // the write in flight ends first; the rest is written here, in order
    if (m_failed)
        return;
    // Attempts still on the wire are cut off; results already on their way are dropped. Those
    // that waited on their thread for a connection never left.
    const QStringList unsentList = m_threads->stop();
    const QSet<QString> unsent(unsentList.cbegin(), unsentList.cend());
    QList<Outbox::AttemptResult> interrupted;
    QStringList waiting;
    for (auto it = m_active.cbegin(); it != m_active.cend(); ++it) {
        if (it->state != State::InFlight) {
            waiting.append(it.key());
            continue;
        }
        if (!m_sending.contains(it.key()) || unsent.contains(it.key()))
            continue; // not sent (its result is on its way), or never left
        Outbox::AttemptResult result;
        result.attempt = interruptedAttempt(
            *it, tr("Interrupted: the program stopped during this attempt; the receiver may "
                    "have received it (webhook-id %1).")
                     .arg(it.key()));
        const int number = result.attempt.number;
        if (number < it->delivery.retry.maxAttempts) {
            result.attempt.outcome = Attempt::Outcome::WillRetry;
            result.attempt.retryDelayMs = 0;
            result.status = DeliveryStatus::Pending;
            result.nextAttemptAt = QDateTime::currentDateTimeUtc();
        } else {
            result.attempt.outcome = Attempt::Outcome::Failed;
            result.status = DeliveryStatus::Failed;
        }
        result.release = true;
        interrupted.append(result);
    }
    m_sending.clear();
    QString ignored; // nobody is left to tell: the next engine records what this one could not
    m_outbox.recordAttempts(interrupted, m_claim, nullptr, &ignored);
    m_outbox.releaseUnsent(unsentList, m_claim, &ignored);
    m_outbox.releaseClaims(waiting, m_claim, &ignored);
    m_active.clear();
    if (m_fleet) {
        m_slotTimer.stop();
        QHash<QString, int> all;
        for (auto it = m_hosts.cbegin(); it != m_hosts.cend(); ++it)
            all.insert(it.key(), -1);
        for (auto it = m_slotsToGive.cbegin(); it != m_slotsToGive.cend(); ++it)
            all.insert(it.key(), -1);
        m_fleet->releaseSlots(all, m_claim, &ignored);
        m_hosts.clear();
        m_slotsToGive.clear();
    }
}

} // namespace Kanca
