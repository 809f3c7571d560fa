#include "delivery/DeliveryEngine.h"

#include <QSet>

#include <algorithm>
#include <limits>

// The engine's part in a fleet of engines sharing one outbox (Outbox::destinationCoordination()):
// each destination's slots held together, so that the fleet has at most maxPerHost attempts in
// flight to it, and its breaker opened, probed and closed together.

namespace Kanca {

int DeliveryEngine::slotLimit(const QString &destination, const Host &host) const
{
    // More than the limit are started to a destination whose last attempt succeeded: the
    // delivery thread keeps maxPerHost on the wire and sends the others as those end (see Start
    // ahead in DeliveryEngine.h).
    const auto answering = m_answering.constFind(destination);
    const bool ahead = answering != m_answering.cend() && m_breaker.failures(destination) == 0;
    // In a fleet the slots are the fleet's attempts on the wire: an engine keeps as many of its
    // attempts on the wire as it holds slots (the delivery thread holds the others back, see
    // onWireLimit) and, while no other engine waits with none, starts as many again ahead of
    // them: not at the destination's pace (aheadOf), which measured servers sharing PostgreSQL
    // answering their posts later (docs/performance.md, round seventeen). Slots are given up only
    // once fewer attempts than those held are started (releaseSlot).
    if (m_fleet) {
        const int held = std::min(host.held, m_settings.maxPerHost);
        const bool nobodyWaits = host.keep == std::numeric_limits<int>::max();
        return ahead && nobodyWaits ? 2 * held : held;
    }
    return ahead ? m_settings.maxPerHost + aheadOf(*answering) : m_settings.maxPerHost;
}

int DeliveryEngine::onWireLimit(const QString &destination) const
{
    if (!m_fleet)
        return m_settings.maxPerHost;
    // The slots held now (at least one: an attempt is started only with a slot).
    const auto it = m_hosts.constFind(destination);
    const int held = it == m_hosts.cend() ? 1 : std::min(it->held, m_settings.maxPerHost);
    return std::max(1, held);
}

void DeliveryEngine::armSlots(int delayMs)
{
    if (!m_fleet || m_failed)
        return;
    if (m_slotTimer.isActive() && m_slotTimer.remainingTime() <= delayMs)
        return;
    m_slotTimer.start(delayMs);
}

void DeliveryEngine::passSlots()
{
    if (!m_fleet || m_failed)
        return;
    const qint64 now = nowMs();
    // Slots unused since the last pass, with nothing waiting for them, go back.
    for (auto it = m_hosts.begin(); it != m_hosts.end(); ++it) {
        const int spare = it->held - it->inFlight;
        if (spare > 0 && it->waiting.isEmpty() && (it->spareSeen || m_draining)) {
            it->held -= spare;
            m_slotsToGive[it.key()] += spare;
            it->spareSeen = false;
        } else {
            it->spareSeen = spare > 0 && it->waiting.isEmpty();
        }
    }
    giveSlotsBack();
    if (m_failed)
        return;

    // Slots for the attempts waiting here; who else waits for them.
    QList<DestinationCoordination::SlotNeed> needs;
    for (auto it = m_hosts.cbegin(); it != m_hosts.cend(); ++it) {
        if (it->waiting.isEmpty() || m_draining)
            continue;
        DestinationCoordination::SlotNeed need;
        need.destination = it.key();
        const int useful =
            int(std::min<qsizetype>(m_settings.maxPerHost, it->inFlight + it->waiting.size()));
        need.more = now < it->yieldUntilMs ? 0 : std::max(0, useful - it->held);
        need.starved = it->held == 0;
        needs.append(need);
    }
    if (!needs.isEmpty()) {
        QString error;
        const std::optional<DestinationCoordination::SlotAnswer> answer =
            m_fleet->takeSlots(needs, m_settings.maxPerHost, m_claim, now, &error);
        if (!answer) {
            coordinationFailed(error);
            if (!m_failed)
                armSlots(m_settings.pollMs);
            return;
        }
        for (const DestinationCoordination::SlotNeed &need : std::as_const(needs)) {
            const auto it = m_hosts.find(need.destination);
            if (it == m_hosts.end())
                continue;
            it->held += answer->granted.value(need.destination);
            const int others = answer->starvedElsewhere.value(need.destination);
            if (others == 0) {
                it->keep = std::numeric_limits<int>::max();
            } else if (now >= it->yieldUntilMs && it->held > 0) {
                // Slots go to the engines that wait with none, one each, as attempts end.
                it->keep = std::max(0, it->held - others);
                it->yieldUntilMs = now + YieldMs;
            }
            // Unused slots above what to keep go at once.
            const int spare = std::min(it->held - it->inFlight, it->held - it->keep);
            if (spare > 0) {
                it->held -= spare;
                m_slotsToGive[need.destination] += spare;
            }
        }
        giveSlotsBack();
        for (const DestinationCoordination::SlotNeed &need : std::as_const(needs))
            dispatchWaiting(need.destination);
    }
    // Again while attempts wait or slots lie unused.
    const bool again = !m_slotsToGive.isEmpty()
                       || std::any_of(m_hosts.cbegin(), m_hosts.cend(), [](const Host &host) {
                              return !host.waiting.isEmpty() || host.held > host.inFlight;
                          });
    if (again)
        armSlots(SlotPassMs);
    for (auto it = m_hosts.begin(); it != m_hosts.end();) {
        if (!it->hasAttempts() && it->held == 0)
            it = m_hosts.erase(it);
        else
            ++it;
    }
}

void DeliveryEngine::giveSlotsBack()
{
    if (m_slotsToGive.isEmpty())
        return;
    QString error;
    if (!m_fleet->releaseSlots(m_slotsToGive, m_claim, &error)) {
        // Kept in mind and given back on a later pass.
        coordinationFailed(error);
        armSlots(m_settings.pollMs);
        return;
    }
    m_slotsToGive.clear();
}

void DeliveryEngine::dispatchWaiting(const QString &destination)
{
    for (;;) {
        const auto it = m_hosts.find(destination);
        if (it == m_hosts.end() || it->waiting.isEmpty() || it->inFlight >= slotLimit(it.key(), *it)
            || m_inFlight >= m_settings.maxInFlight || m_failed || m_draining) {
            return;
        }
        dispatch(it->waiting.dequeue());
    }
}

bool DeliveryEngine::sharesBreakers() const
{
    return m_fleet && m_settings.breaker.failureThreshold > 0;
}

void DeliveryEngine::readSharedBreakers(bool now)
{
    if (!sharesBreakers())
        return;
    const qint64 at = nowMs();
    if (!now && at - m_breakersReadAtMs < BreakerReadMs)
        return;
    m_breakersReadAtMs = at;
    QString error;
    const std::optional<QList<DestinationCoordination::Breaker>> shared =
        m_fleet->openBreakers(at, &error);
    if (!shared) {
        coordinationFailed(error);
        return;
    }
    QSet<QString> open;
    for (const DestinationCoordination::Breaker &breaker : *shared) {
        open.insert(breaker.destination);
        if (m_breaker.adoptOpen(breaker.destination, breaker.reopensAtMs, breaker.coolDownMs,
                                breaker.failures)) {
            Q_EMIT circuitChanged(breaker.destination, CircuitBreaker::State::Open);
        }
    }
    // Every breaker opened here is shared: one open here that the others no longer list was
    // closed by a success elsewhere.
    const QHash<QString, CircuitBreaker::State> states = m_breaker.states();
    for (auto it = states.cbegin(); it != states.cend(); ++it) {
        if (it.value() == CircuitBreaker::State::Open && !open.contains(it.key())) {
            m_breaker.recordSuccess(it.key());
            Q_EMIT circuitChanged(it.key(), CircuitBreaker::State::Closed);
        }
    }
}

void DeliveryEngine::shareBreakerChange(const QString &destination)
{
    if (!sharesBreakers())
        return;
    QString error;
    bool ok = true;
    if (m_breaker.state(destination) == CircuitBreaker::State::Open) {
        ok = m_fleet->openBreaker({destination, m_breaker.failures(destination),
                                   m_breaker.coolDown(destination),
                                   m_breaker.reopensAt(destination)},
                                  m_claim, &error);
    } else if (m_breaker.state(destination) == CircuitBreaker::State::Closed) {
        ok = m_fleet->closeBreaker(destination, &error);
    }
    if (!ok)
        coordinationFailed(error);
}

// Sharing a destination's slots or breaker failed (a lost connection, a deadlock between two
// servers): nothing of the outbox is lost, so the engine goes on with what it holds and tries
// again later; a storage that cannot be written stops it through the outbox's own writes.
void DeliveryEngine::coordinationFailed(const QString &error)
{
    Q_EMIT storageUnavailable(error);
}

} // namespace Kanca
