#include "delivery/DeliveryEngine.h"

#include <QSet>

#include <algorithm>

// What the engine takes from the outbox and gives back to it: due deliveries claimed (polled,
// leaving out destinations that have enough waiting here or whose breaker holds them), the
// claims' leases renewed, and deliveries given back when they cannot be sent from here.

namespace Kanca {

// A destination with this many attempts waiting here is left out of claims, so that one slow
// destination cannot fill this engine's capacity while others wait in the outbox; once its queue
// is down to half, the outbox is looked at again. Large enough for claims to come in batches.
qsizetype DeliveryEngine::skipWaitingAt() const
{
    return std::max<qsizetype>(64, 8 * qsizetype(m_settings.maxPerHost));
}

void DeliveryEngine::armPoll(int delayMs)
{
    if (!m_fromOutbox || m_failed || m_draining)
        return;
    if (m_pollTimer.isActive() && m_pollTimer.remainingTime() <= delayMs)
        return;
    m_pollTimer.start(delayMs);
}

void DeliveryEngine::workCommitted(const QList<Delivery> &deliveries)
{
    if (!m_fromOutbox || deliveries.isEmpty())
        return;
    m_outboxEmpty = false;
    // A look now would claim nothing: releaseSlot() looks again once there is room.
    if (m_pollStarved)
        return;
    // Their destinations, each once (a group's deliveries mostly share a few URLs).
    QSet<QString> urls;
    for (const Delivery &delivery : deliveries) {
        if (urls.contains(delivery.request.url))
            continue;
        urls.insert(delivery.request.url);
        const auto host = m_hosts.constFind(deliveryDestination(delivery.request.url));
        if (host == m_hosts.cend() || host->waiting.size() < skipWaitingAt()) {
            armPoll(0);
            return;
        }
    }
}

void DeliveryEngine::pollOutbox()
{
    if (!m_fromOutbox || m_failed || m_draining)
        return;
    readSharedBreakers(false);
    if (m_failed)
        return;
    const qsizetype room = 2 * qsizetype(m_settings.maxInFlight) - m_active.size();
    const int limit = int(std::min<qsizetype>(room, m_settings.claimBatch));
    int claimedCount = 0;
    QString error;
    if (limit > 0) {
        Outbox::ClaimRequest request;
        request.limit = limit;
        request.now = QDateTime::currentDateTimeUtc();
        // A destination with enough attempts waiting here is left to later (or to others), so
        // that deliveries to other hosts are not held up behind it.
        for (auto host = m_hosts.cbegin(); host != m_hosts.cend(); ++host) {
            if (host->waiting.size() >= skipWaitingAt())
                request.skipDestinations.append(host.key());
        }
        // Nor are deliveries to a destination whose breaker holds them back.
        const qint64 now = nowMs();
        const QHash<QString, CircuitBreaker::State> circuits = m_breaker.states();
        for (auto circuit = circuits.cbegin(); circuit != circuits.cend(); ++circuit) {
            if (circuit.value() == CircuitBreaker::State::HalfOpen
                || m_breaker.reopensAt(circuit.key()) > now) {
                request.skipDestinations.append(circuit.key());
            }
        }
        const std::optional<QList<Delivery>> claimed = m_outbox.claimDue(request, m_claim, &error);
        if (!claimed && m_outbox.isReconnecting()) {
            Q_EMIT storageUnavailable(error);
            armPoll(m_settings.pollMs);
            return;
        }
        if (!claimed) {
            stop(error, {});
            checkIdle();
            return;
        }
        claimedCount = int(claimed->size());
        for (const Delivery &delivery : *claimed) {
            if (!m_active.contains(delivery.id))
                activate(delivery);
        }
        armTimer();
        m_pollSkipped = !request.skipDestinations.isEmpty();
    }
    m_pollStarved = limit <= 0 || claimedCount == limit;
    if (m_pollStarved) {
        m_outboxEmpty = false;
        if (limit > 0)
            armPoll(0); // there may be more due already
        checkIdle();
        return;
    }
    const std::optional<QDateTime> due = m_outbox.nextDue(m_claim, &error);
    if (!error.isEmpty() && m_outbox.isReconnecting()) {
        Q_EMIT storageUnavailable(error);
        armPoll(m_settings.pollMs);
        return;
    }
    if (!error.isEmpty()) {
        stop(error, {});
        checkIdle();
        return;
    }
    m_outboxEmpty = !due.has_value() && !m_pollSkipped;
    qint64 wait =
        due ? std::max<qint64>(0, due->toMSecsSinceEpoch() - nowMs()) : qint64(m_settings.pollMs);
    // What is due now may be only the left-out destinations' (nextDue does not leave them out):
    // a slot of theirs coming free looks again (releaseSlot); this is the backstop.
    if (m_pollSkipped && wait == 0)
        wait = m_settings.pollMs;
    // Due now but nothing claimable: with a coordination, deliveries to a destination whose
    // breaker another engine opened (the claim leaves them out) until it is read here.
    if (m_fleet && claimedCount == 0 && wait == 0)
        wait = BreakerReadMs;
    armPoll(int(std::min<qint64>(wait, m_settings.pollMs)));
    checkIdle();
}

void DeliveryEngine::renewClaims()
{
    if (m_active.isEmpty()) {
        m_renewTimer.stop();
        return;
    }
    QString error;
    if (!m_outbox.renewClaims(m_claim, QDateTime::currentDateTimeUtc(), &error)) {
        if (m_outbox.isReconnecting()) {
            // The next renewal tries again; the leases outlast several of them.
            Q_EMIT storageUnavailable(error);
            return;
        }
        stop(error, {});
        checkIdle();
        return;
    }
    if (!m_fleet)
        return;
    // The slots' leases too; a slot another engine took over (this one's lease had run out) is
    // no longer this engine's to use.
    const std::optional<QHash<QString, int>> held = m_fleet->renewSlots(m_claim, nowMs(), &error);
    if (!held) {
        coordinationFailed(error);
        return;
    }
    for (auto it = m_hosts.begin(); it != m_hosts.end(); ++it)
        it->held = std::min(it->held, held->value(it.key()));
}

void DeliveryEngine::holdForBreaker(const QString &id)
{
    const auto it = m_active.find(id);
    if (it == m_active.end())
        return;
    if (m_fromOutbox) {
        // Back to the outbox; claims skip the destination until its breaker lets a probe by.
        const qint64 wait = m_breaker.reopensAt(it->destination) - nowMs();
        giveBack({id});
        armPoll(int(std::clamp<qint64>(wait, 0, m_settings.pollMs)));
        return;
    }
    it->state = State::Scheduled;
    schedule(id, std::max(m_breaker.reopensAt(it->destination), nowMs() + 1000));
    armTimer();
}

void DeliveryEngine::giveBack(const QStringList &ids)
{
    if (ids.isEmpty())
        return;
    // A claim whose last attempt is still waiting to be recorded is marked as sending, and the
    // outbox keeps such claims; the attempt is written first, or the delivery would stay claimed
    // (and its lease renewed) by an engine that no longer has it.
    const auto unwritten = [this](const QString &id) { return m_unwritten.contains(id); };
    if (std::any_of(ids.cbegin(), ids.cend(), unwritten)) {
        flushHistory();
        if (m_failed)
            return;
    }
    const auto keepForLater = [this](const QStringList &kept) {
        for (const QString &id : kept) {
            if (const auto it = m_active.find(id); it != m_active.end()) {
                it->state = State::Scheduled;
                schedule(id, nowMs() + m_settings.pollMs);
            }
        }
        armTimer();
    };
    // Still unwritten (being written, or the storage is being reconnected): kept here, and
    // given back later.
    QStringList release;
    QStringList kept;
    for (const QString &id : ids)
        (unwritten(id) ? kept : release).append(id);
    if (!kept.isEmpty())
        keepForLater(kept);
    QString error;
    if (!m_outbox.releaseClaims(release, m_claim, &error)) {
        if (!m_outbox.isReconnecting() || m_draining) {
            stop(error, {});
            return;
        }
        // A lost connection being opened again: kept here too, given back (or sent) later.
        Q_EMIT storageUnavailable(error);
        keepForLater(release);
        return;
    }
    for (const QString &id : std::as_const(release))
        m_active.remove(id);
    checkIdle();
}

} // namespace Kanca
