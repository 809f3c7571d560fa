#pragma once

#include "outbox/Outbox.h"

#include <QHash>
#include <QList>
#include <QString>

#include <optional>

namespace Kanca {

// What engines sharing one outbox in several processes agree on per destination (see
// deliveryDestination()), so that a fleet of servers keeps one receiver's limits as one server
// would: the per-host in-flight limit and the circuit breaker. An optional part of a storage
// (Outbox::destinationCoordination()): a storage without it (SQLite, where one process sends
// per file) leaves both to each engine, in memory.
//
// Host slots. A destination has `maxPerHost` slots; an engine may have as many attempts in
// flight to it as slots it holds. Slots are held under the engine's claim token with a lease,
// renewed with its claims (renewSlots()) and taken over when the lease ends or, on the same
// machine, when the holding process is gone. An engine takes slots when it has attempts waiting
// for a destination and gives back those it does not use, so slots move to where the work is.
// An engine that waits for a destination and holds none of its slots says so (SlotNeed::starved);
// holders learn how many wait elsewhere (SlotAnswer::starvedElsewhere) and give slots back as
// their attempts end, so no engine waits for ever behind another that always has more to send.
//
// The breaker. When an engine opens a destination's breaker it records it (openBreaker()); the
// others read the open breakers (openBreakers()) and hold their deliveries to it too, and claims
// skip them. When the cool-down is over exactly one engine takes the probe (takeProbe()); its
// success closes the breaker for all (closeBreaker()), its failure opens it again for longer.
class DestinationCoordination
{
public:
    virtual ~DestinationCoordination() = default;

    struct SlotNeed
    {
        QString destination;
        int more = 0;         // slots wanted beyond those held (0: only asks who else waits)
        bool starved = false; // holds none of its slots and has attempts waiting for it
    };
    struct SlotAnswer
    {
        QHash<QString, int> granted;          // slots taken now, by destination
        QHash<QString, int> starvedElsewhere; // other engines waiting with none of its slots
    };
    // Takes up to `more` free slots of each destination (of `maxPerHost`), records or clears
    // this engine's starvation, and says who else waits. In one transaction.
    virtual std::optional<SlotAnswer> takeSlots(const QList<SlotNeed> &needs, int maxPerHost,
                                                const Outbox::Claim &claim, qint64 nowMs,
                                                QString *error) = 0;
    // Gives back `count` slots of each destination (all of them for a count below 0), and
    // clears this engine's starvation there.
    virtual bool releaseSlots(const QHash<QString, int> &counts, const Outbox::Claim &claim,
                              QString *error) = 0;
    // Extends the leases of the slots `claim` holds; returns how many it still holds of each
    // destination (fewer than the engine thinks when another engine took over expired ones).
    virtual std::optional<QHash<QString, int>> renewSlots(const Outbox::Claim &claim, qint64 nowMs,
                                                          QString *error) = 0;

    struct Breaker
    {
        QString destination;
        int failures = 0; // consecutive failed attempts that opened it
        qint64 coolDownMs = 0;
        qint64 reopensAtMs = 0; // when its probe may go (ms since the epoch)
    };
    // Every breaker that is not closed. One whose probe is out at `nowMs` reopens, at the
    // earliest, when the probe's lease ends (its result comes first).
    virtual std::optional<QList<Breaker>> openBreakers(qint64 nowMs, QString *error) = 0;
    // Records an open breaker (or one opened again after its probe failed: `claim`'s probe ends).
    // A breaker already open elsewhere keeps the later reopening and the longer cool-down.
    virtual bool openBreaker(const Breaker &breaker, const Outbox::Claim &claim,
                             QString *error) = 0;
    enum class Probe {
        Granted, // this engine sends the one probe
        Closed,  // the breaker is closed (a success elsewhere): send freely
        Held,    // not yet due, or another engine's probe is out
    };
    virtual std::optional<Probe> takeProbe(const QString &destination, const Outbox::Claim &claim,
                                           qint64 nowMs, QString *error) = 0;
    // A success: the breaker closes for every engine.
    virtual bool closeBreaker(const QString &destination, QString *error) = 0;
};

} // namespace Kanca
