#include "delivery/CircuitBreaker.h"

#include <algorithm>

namespace Kanca {

bool CircuitBreaker::allows(const QString &destination, qint64 nowMs)
{
    const auto it = m_entries.find(destination);
    if (it == m_entries.end() || m_settings.failureThreshold <= 0)
        return true;
    switch (it->state) {
    case State::Closed:
        return true;
    case State::HalfOpen:
        return false; // its probe is out
    case State::Open:
        if (nowMs < it->reopensAtMs)
            return false;
        it->state = State::HalfOpen;
        return true;
    }
    return true;
}

bool CircuitBreaker::recordSuccess(const QString &destination)
{
    const auto it = m_entries.find(destination);
    if (it == m_entries.end())
        return false;
    const bool changed = it->state != State::Closed;
    m_entries.erase(it);
    return changed;
}

bool CircuitBreaker::recordFailure(const QString &destination, qint64 nowMs)
{
    if (m_settings.failureThreshold <= 0)
        return false;
    Entry &entry = m_entries[destination];
    switch (entry.state) {
    case State::Closed:
        if (++entry.consecutiveFailures < m_settings.failureThreshold)
            return false;
        entry.coolDownMs = m_settings.coolDownMs;
        break;
    case State::HalfOpen:
        // The probe failed: a longer pause.
        entry.coolDownMs = std::min(entry.coolDownMs * 2, m_settings.maxCoolDownMs);
        break;
    case State::Open:
        return false; // an attempt that started before it opened
    }
    entry.state = State::Open;
    entry.reopensAtMs = nowMs + entry.coolDownMs;
    return true;
}

bool CircuitBreaker::adoptOpen(const QString &destination, qint64 reopensAtMs, qint64 coolDownMs,
                               int failures)
{
    if (m_settings.failureThreshold <= 0)
        return false;
    Entry &entry = m_entries[destination];
    if (entry.state == State::HalfOpen)
        return false;
    const bool changed = entry.state != State::Open;
    entry.state = State::Open;
    entry.consecutiveFailures = std::max({entry.consecutiveFailures, failures, 1});
    entry.coolDownMs = std::max(entry.coolDownMs, coolDownMs);
    entry.reopensAtMs = reopensAtMs;
    return changed;
}

void CircuitBreaker::holdOpen(const QString &destination, qint64 untilMs)
{
    Entry &entry = m_entries[destination];
    entry.state = State::Open;
    entry.reopensAtMs = untilMs;
    if (entry.coolDownMs <= 0)
        entry.coolDownMs = m_settings.coolDownMs;
}

int CircuitBreaker::failures(const QString &destination) const
{
    const auto it = m_entries.constFind(destination);
    return it == m_entries.cend() ? 0 : it->consecutiveFailures;
}

qint64 CircuitBreaker::coolDown(const QString &destination) const
{
    const auto it = m_entries.constFind(destination);
    return it == m_entries.cend() ? 0 : it->coolDownMs;
}

CircuitBreaker::State CircuitBreaker::state(const QString &destination) const
{
    const auto it = m_entries.constFind(destination);
    return it == m_entries.cend() ? State::Closed : it->state;
}

qint64 CircuitBreaker::reopensAt(const QString &destination) const
{
    const auto it = m_entries.constFind(destination);
    return it != m_entries.cend() && it->state == State::Open ? it->reopensAtMs : 0;
}

QHash<QString, CircuitBreaker::State> CircuitBreaker::states() const
{
    QHash<QString, State> out;
    for (auto it = m_entries.cbegin(); it != m_entries.cend(); ++it) {
        if (it->state != State::Closed)
            out.insert(it.key(), it->state);
    }
    return out;
}

QString CircuitBreaker::stateName(State state)
{
    switch (state) {
    case State::Closed:
        return QStringLiteral("closed");
    case State::Open:
        return QStringLiteral("open");
    case State::HalfOpen:
        return QStringLiteral("half-open");
    }
    return {};
}

} // namespace Kanca
