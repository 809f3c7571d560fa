#include "delivery/DeliveryEngine.h"

#include <algorithm>
#include <chrono>

// How many attempts the engine starts ahead to a destination that answers (see Start ahead in
// DeliveryEngine.h), from how fast it answers.

namespace Kanca {

int DeliveryEngine::aheadOf(const Host &host, int onWire) const
{
    // On the engine's own thread, or while deliveries wait for a slot of maxInFlight: as many as
    // are on the wire. With delivery threads of their own, whose connections would otherwise
    // stand idle through this thread's longer turns (a group of new deliveries planned and
    // committed, a batch of results written), as many as the destination answers in AheadMs.
    if (m_threads->count() <= 1 || !m_waitingForSlot.isEmpty())
        return onWire;
    return std::max(onWire, host.answeredInAheadMs);
}

void DeliveryEngine::countAnswer(Host &host)
{
    // Monotonic: a change of the system's clock does not make a rate.
    const qint64 nowMs = std::chrono::duration_cast<std::chrono::milliseconds>(
                             std::chrono::steady_clock::now().time_since_epoch())
                             .count();
    // Windows of at least AnswerRateMs, each from the answer that ended the one before: an
    // answer after a longer silence ends a window at once, with the slower rate.
    if (host.answersSinceMs < 0) {
        host.answersSinceMs = nowMs;
        return;
    }
    ++host.answers;
    const qint64 elapsed = nowMs - host.answersSinceMs;
    if (elapsed < AnswerRateMs)
        return;
    host.answeredInAheadMs = int(std::min<qint64>(MaxAhead, host.answers * AheadMs / elapsed));
    host.answers = 0;
    host.answersSinceMs = nowMs;
}

} // namespace Kanca
