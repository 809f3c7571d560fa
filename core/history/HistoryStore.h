#pragma once

#include "delivery/Delivery.h"
#include "history/HistoryFilter.h"
#include "history/HistoryQueryBuilder.h"
#include "outbox/EventStore.h"

#include <QList>
#include <QString>

#include <optional>

namespace Kanca {

// The read side of a history, as `kanca history`, `kanca resend` and the designer's History
// panel need it: the filtered, paged lists (built by HistoryQueryBuilder in the store's
// dialect), their counts, one delivery with its attempts and its event, whether it was sent
// again, and whether the store is whole. Sending again is the outbox's part: a resent copy
// (Delivery::resentCopy) goes in through Outbox::insertDeliveries or an engine's submit.
// HistoryDatabase (a SQLite file) and PostgresStore (a shared PostgreSQL database) implement it.
// Every read is whole or not given: on an error, none of its rows, and `error` says why.
class HistoryStore
{
public:
    virtual ~HistoryStore() = default;

    // The dialect of the store's SQL, for HistoryQueryBuilder.
    virtual HistoryDialect dialect() const = 0;

    // The deliveries a filter lists, in its order, or the part of them in `range`.
    virtual QList<Delivery> deliveries(const HistoryFilter &filter, const HistoryRange &range,
                                       QString *error) const = 0;
    virtual qint64 countDeliveries(const HistoryFilter &filter, QString *error) const = 0;
    // One delivery; none, with `error` saying so, when there is no such delivery.
    virtual std::optional<Delivery> delivery(const QString &id, QString *error) const = 0;
    virtual QList<Attempt> attempts(const QString &deliveryId, QString *error) const = 0;
    // The event a server accepted with this id; none (and no error) if there is none, as for
    // deliveries made by `kanca send` or the designer, or an event forgotten after its retention.
    virtual std::optional<EventStore::StoredEvent> event(const QString &eventId,
                                                         QString *error) const = 0;
    // Whether some delivery sends this one again (kanca resend or Resend made one).
    virtual std::optional<bool> hasResend(const QString &id, QString *error) const = 0;
    // Whether the store can be read whole: a SQLite file is checked (see HistoryDatabase); a
    // PostgreSQL database keeps its own pages, and is checked to hold a Kanca history this
    // program reads.
    virtual bool checkIntegrity(QString *error) const = 0;
};

} // namespace Kanca
