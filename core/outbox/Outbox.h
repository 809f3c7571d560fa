#pragma once

#include "delivery/Delivery.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace Kanca {

class DestinationCoordination;

// What the delivery engine needs from storage, and nothing more: commit new deliveries, claim
// due work, mark an attempt as started, record attempts, keep and give back claims, and say when
// work is due next. The SQLite history implements it; any number of engines, in one process or
// many, may share one outbox.
//
// Claims. An engine claims the deliveries it sends under its claim token, with a lease: a
// delivery claimed by a live engine is never claimed by another. The engine renews its leases
// while it holds them; a lease that expires (its engine died or hung) makes the delivery
// claimable again. Every write of an attempt's result is guarded by the claim token, so an
// engine whose lease expired cannot overwrite the work of the one that took over: its result is
// refused and reported as lost.
//
// Started attempts. Before a request leaves, its attempt is marked as started (durably). If the
// engine dies before the attempt's result is recorded, whoever claims the delivery next records
// that attempt as interrupted ("the receiver may have received it"), so the history lists every
// attempt that may have reached a receiver, and only those can be repeated.
class Outbox
{
public:
    virtual ~Outbox() = default;

    // Who holds a claim, and until when its leases run.
    struct Claim
    {
        QString token;           // unique per engine and run
        qint64 leaseMs = 60'000; // a lease lasts this long from its claim or renewal, and
                                 // always at least the delivery's timeout plus LeaseMarginMs
    };
    static constexpr qint64 LeaseMarginMs = 30'000;

    // What to claim: due deliveries, soonest due first, at most `limit`. Deliveries to the
    // destinations in `skipDestinations` (see deliveryDestination()) are left for later: their
    // engine has enough of them waiting. With `onlyIds`, only those deliveries are claimed.
    struct ClaimRequest
    {
        int limit = 100;
        QDateTime now;
        QStringList skipDestinations;
        std::optional<QStringList> onlyIds;
    };

    // The start of an attempt: delivery `deliveryId`'s attempt number `number`, at `startedAt`.
    struct AttemptStart
    {
        QString deliveryId;
        int number = 1;
        QDateTime startedAt;
    };

    // What an attempt changed: the attempt, and its delivery's new state. With `release`, a
    // delivery that stays pending (a retry later) is given back to the outbox, to be claimed
    // again when due, by any engine.
    struct AttemptResult
    {
        Attempt attempt;
        DeliveryStatus status = DeliveryStatus::Pending;
        QDateTime nextAttemptAt; // Pending only
        bool release = false;
    };

    // Where the outbox is, for messages: a file name, or a URL without its password.
    virtual QString location() const = 0;

    // Commits new deliveries in one transaction, all or none. With `claim`, they are committed
    // already claimed by it, so the engine that commits them sends them without reading them
    // back.
    virtual bool insertDeliveries(const QList<Delivery> &deliveries, const Claim *claim,
                                  QString *error) = 0;

    // Claims due deliveries for `claim` (see ClaimRequest). Deliveries left with an interrupted
    // attempt by an engine whose lease expired get that attempt recorded first (and those with
    // no attempts left are failed, not claimed). Returns the claimed deliveries, soonest due first.
    virtual std::optional<QList<Delivery>> claimDue(const ClaimRequest &request, const Claim &claim,
                                                    QString *error) = 0;
    // The order claimDue() returns: the soonest due first, then the oldest, then by id.
    static void sortSoonestDueFirst(QList<Delivery> &deliveries);

    // Marks attempts as started, all in one transaction, before their requests leave. Returns
    // the ids of the deliveries whose claim no longer holds in `lost` (they must not be sent).
    virtual bool startAttempts(const QList<AttemptStart> &starts, const Claim &claim,
                               QStringList *lost, QString *error) = 0;

    // Records attempts and updates their deliveries, all in one transaction. A result whose
    // delivery is no longer claimed by `claim` is not recorded: its delivery id is appended to
    // `lost`.
    virtual bool recordAttempts(const QList<AttemptResult> &results, const Claim &claim,
                                QStringList *lost, QString *error) = 0;

    // Extends the lease of every delivery `claim` holds.
    virtual bool renewClaims(const Claim &claim, const QDateTime &now, QString *error) = 0;

    // Gives deliveries back unsent (attempts not started): they stay pending, claimable by
    // anyone at once.
    virtual bool releaseClaims(const QStringList &deliveryIds, const Claim &claim,
                               QString *error) = 0;

    // Gives back deliveries whose attempts were marked as started but are known never to have
    // left (they waited for a connection when their engine stopped): the starts are forgotten,
    // no attempt is recorded, and they stay pending, claimable by anyone at once.
    virtual bool releaseUnsent(const QStringList &deliveryIds, const Claim &claim,
                               QString *error) = 0;

    // When the soonest delivery that `claim` could claim is due (now or later), or nothing
    // when no pending delivery is claimable (all finished, or held by live claims).
    virtual std::optional<QDateTime> nextDue(const Claim &claim, QString *error) = 0;

    // How many pending deliveries other live claims hold (for "N are being sent elsewhere").
    virtual qint64 heldElsewhere(const Claim &claim, const QDateTime &now, QString *error) = 0;

    // The pending deliveries: how many, and when the oldest was made (for a server's metrics).
    struct Depth
    {
        qint64 pending = 0;
        QDateTime oldestCreatedAt; // invalid when none is pending
    };
    virtual std::optional<Depth> depth(QString *error) = 0;

    // Whether the storage answers now (a server's readiness), and if not why.
    virtual bool isReachable(QString *error) = 0;

    // Calls `wake` (in this thread, from the event loop) when another program commits work to
    // the outbox, so that an idle engine claims it at once. A storage that cannot tell (SQLite)
    // never calls it: the engine's polling finds the work.
    virtual void onNewWork(std::function<void()> wake) { Q_UNUSED(wake); }

    // Whether the storage lost its connection and is opening it again (PostgreSQL): a claim
    // that failed for this is tried again later instead of stopping the engine. A file (SQLite)
    // never is.
    virtual bool isReconnecting() const { return false; }

    // How engines in several processes share each destination's limits (PostgreSQL), or null
    // when every engine keeps them by itself (SQLite: one process sends per file).
    virtual DestinationCoordination *destinationCoordination() { return nullptr; }
};

// The destination a delivery is limited by: "scheme://host:port" of its URL (the unit of the
// per-host limit).
QString deliveryDestination(const QString &url);

// How the stores say why something failed: the message goes to `error` when the caller gave one.
inline void setError(QString *error, const QString &message)
{
    if (error)
        *error = message;
}

} // namespace Kanca
