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

int DeliveryEngine::aheadOf(const AnswerPace &pace) const
{
    // As many as on the wire; at the destination's pace, as many as it answers in AheadMs if
    // that is more, unless deliveries wait for a slot of maxInFlight.
    const int onWire = m_settings.maxPerHost;
    if (!startsAheadAtPace() || !m_waitingForSlot.isEmpty())
        return onWire;
    return std::max(onWire, pace.answeredInAheadMs);
}

namespace {

// Monotonic: a change of the system's clock does not make a rate.
qint64 steadyMs()
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

} // namespace

void DeliveryEngine::countAnswer(AnswerPace &pace)
{
    const qint64 nowMs = steadyMs();
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

void DeliveryEngine::pausePace(const QString &destination)
{
    if (!startsAheadAtPace())
        return;
    if (const auto it = m_answering.find(destination); it != m_answering.end())
        it->pausedSinceMs = steadyMs();
}

void DeliveryEngine::resumePace(const QString &destination)
{
    const auto it = m_answering.find(destination);
    if (it == m_answering.end() || it->pausedSinceMs < 0)
        return;
    // A short pause (one group of deliveries done before the next came, or this thread's turn
    // taking the last answers before its next starts) keeps the pace; after a longer one the
    // destination may have changed, and its pace is counted anew. Either way the pause is not
    // counted as the destination's silence: the next window starts at its next answer.
    const int answered = steadyMs() - it->pausedSinceMs <= KeepPaceMs ? it->answeredInAheadMs : 0;
    *it = AnswerPace{};
    it->answeredInAheadMs = answered;
}

} // namespace Kanca
