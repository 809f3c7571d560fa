#include "delivery/DeliveryEngine.h"

#include <algorithm>
#include <chrono>

// How many attempts the engine starts ahead to a destination that answers (see Start ahead in
// DeliveryEngine.h), from how fast it answers.

namespace Kanca {

bool DeliveryEngine::startsAheadAtPace() const
{
    // The delivery threads' connections would otherwise stand idle through this thread's longer
    // turns (a group of new deliveries planned and committed, a batch of results written). On
    // the engine's own thread they cannot be busy meanwhile anyway; in a fleet, servers sharing
    // PostgreSQL answered their posts later with it (docs/performance.md, round seventeen).
    return !m_fleet && m_threads->count() > 1;
}

int DeliveryEngine::aheadOf(const Host &host) const
{
    // As many as on the wire; at the destination's pace, as many as it answers in AheadMs if
    // that is more, unless deliveries wait for a slot of maxInFlight.
    const int onWire = m_settings.maxPerHost;
    if (!startsAheadAtPace() || !m_waitingForSlot.isEmpty())
        return onWire;
    return std::max(onWire, host.pace.answeredInAheadMs);
}

void DeliveryEngine::countAnswer(AnswerPace &pace)
{
    // Monotonic: a change of the system's clock does not make a rate.
    const qint64 nowMs = std::chrono::duration_cast<std::chrono::milliseconds>(
                             std::chrono::steady_clock::now().time_since_epoch())
                             .count();
    // Windows of at least AnswerRateMs, each from the answer that ended the one before: an
    // answer after a longer silence ends a window at once, with the slower rate.
    if (pace.sinceMs < 0) {
        pace.sinceMs = nowMs;
        return;
    }
    ++pace.answers;
    const qint64 elapsed = nowMs - pace.sinceMs;
    if (elapsed < AnswerRateMs)
        return;
    pace.answeredInAheadMs = int(std::min<qint64>(MaxAhead, pace.answers * AheadMs / elapsed));
    pace.answers = 0;
    pace.sinceMs = nowMs;
}

} // namespace Kanca
