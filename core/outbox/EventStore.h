#pragma once

#include "delivery/Delivery.h"
#include "outbox/Outbox.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace Kanca {

// Where a server keeps the events it accepted, each once, with the deliveries they made: what
// makes ingest idempotent (an event posted again gets the first answer, across restarts and,
// with a shared database, across servers) and what backtests read. The outbox's storage
// implements it, so that an event and its deliveries commit in one transaction.
class EventStore
{
public:
    virtual ~EventStore() = default;

    // An event to accept, with the deliveries it makes (possibly none).
    struct IncomingEvent
    {
        QString id;
        QString type;
        QDateTime receivedAt;
        QByteArray json; // the event as accepted
        QString ruleSetHash;
        QList<Delivery> deliveries;
    };
    struct Accepted
    {
        bool duplicate = false;  // accepted before: nothing was added now
        QStringList deliveryIds; // its deliveries, as first accepted
    };

    // Commits the events and their deliveries in one transaction, all or none, the deliveries
    // claimed by `claim` when one is given. An event whose id was accepted before (or earlier in
    // the same list) adds nothing and answers with the deliveries it made then. One answer per
    // event, in order.
    virtual std::optional<QList<Accepted>> acceptEvents(const QList<IncomingEvent> &events,
                                                        const Outbox::Claim *claim,
                                                        QString *error) = 0;

    // An accepted event, as backtests read it.
    struct StoredEvent
    {
        QString id;
        QString type;
        QDateTime receivedAt;
        QByteArray json;
    };
    // The events received in [from, to) (an invalid bound is open), oldest first, at most
    // `limit` (0: all) after the first `offset`.
    virtual std::optional<QList<StoredEvent>> events(const QDateTime &from, const QDateTime &to,
                                                     int limit, qint64 offset,
                                                     QString *error) const = 0;

    // Forgets at most `batch` events received before `before` (their deliveries stay in the
    // history). Returns how many were forgotten.
    virtual std::optional<qint64> pruneEvents(const QDateTime &before, int batch,
                                              QString *error) = 0;
};

} // namespace Kanca
