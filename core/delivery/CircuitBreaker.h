#pragma once

#include <QHash>
#include <QString>

namespace Kanca {

// One breaker per destination (scheme://host:port): after `failureThreshold` consecutive failed
// attempts (no answer, a timeout, 408, 429 or 5xx), attempts to it pause for a cool-down; then
// one attempt probes it. The probe's success closes the breaker; its failure opens it again for
// twice as long, up to `maxCoolDownMs`. Any answer that shows the receiver alive (2xx, or a 4xx
// that is the request's fault) counts as a success. Deliveries to other destinations are never
// held up by it.
class CircuitBreaker final
{
public:
    struct Settings
    {
        int failureThreshold = 5;       // 0 turns the breaker off
        qint64 coolDownMs = 30'000;     // the first pause
        qint64 maxCoolDownMs = 600'000; // the longest pause
    };
    enum class State { Closed, Open, HalfOpen };

    void setSettings(const Settings &settings) { m_settings = settings; }
    const Settings &settings() const { return m_settings; }

    // Whether an attempt to the destination may start at `nowMs`. An open breaker whose
    // cool-down is over lets exactly one through (it turns half-open until its result).
    bool allows(const QString &destination, qint64 nowMs);
    // The attempt's result. Returns true when the destination's state changed.
    bool recordSuccess(const QString &destination);
    bool recordFailure(const QString &destination, qint64 nowMs);

    // Another engine's breaker for the destination is open (engines in several processes share
    // their breakers, see DestinationCoordination): open here too, until `reopensAtMs` (the
    // shared state decides), with its cool-down. A probe out from here is left to its result.
    // Returns true when the state changed.
    bool adoptOpen(const QString &destination, qint64 reopensAtMs, qint64 coolDownMs, int failures);
    // Another engine sends the probe: open again until `untilMs`, the cool-down unchanged.
    void holdOpen(const QString &destination, qint64 untilMs);

    State state(const QString &destination) const;
    int failures(const QString &destination) const;
    qint64 coolDown(const QString &destination) const;
    // When an open breaker lets its probe through (ms since the epoch); 0 when not open.
    qint64 reopensAt(const QString &destination) const;
    // The destinations that are not closed, for metrics.
    QHash<QString, State> states() const;
    static QString stateName(State state); // "closed", "open", "half-open"

private:
    struct Entry
    {
        State state = State::Closed;
        int consecutiveFailures = 0;
        qint64 coolDownMs = 0;
        qint64 reopensAtMs = 0;
    };

    Settings m_settings;
    QHash<QString, Entry> m_entries; // only destinations with failures or not closed
};

} // namespace Kanca
