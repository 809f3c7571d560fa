// The event side of PostgresStore (see EventStore): an event is accepted once across every
// server sharing the database. The primary key decides: INSERT … ON CONFLICT DO NOTHING waits
// for a concurrent insert of the same id to commit or roll back, so a duplicate posted to
// another server at the same moment reads the deliveries of the first.
#include "history/HistoryRows.h"
#include "outbox/DeliveryIdList.h"
#include "postgres/PostgresPrivate.h"
#include "postgres/PostgresRows.h"

#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

using namespace Qt::StringLiterals;

namespace Kanca {

std::optional<QList<EventStore::Accepted>>
PostgresStore::acceptEvents(const QList<IncomingEvent> &events, const Outbox::Claim *claim,
                            QString *error)
{
    if (!d->checkOpen(error))
        return std::nullopt;
    QSqlError sqlError;
    const auto fail = [&] {
        setError(error, tr("Cannot accept events into the database %1: %2; none was accepted.")
                            .arg(d->shown(), Private::explain(sqlError)));
        return std::nullopt;
    };
    QList<Accepted> accepted;
    if (events.isEmpty())
        return accepted;
    // One statement, its own transaction, in one round trip: the first of each id in the batch
    // is inserted, and the deliveries of the events inserted now (those it returns) with them.
    // Every other event (an id accepted before, here or by another server that committed
    // meanwhile, or repeated in the batch) is a duplicate. Its commit waits for the flush as
    // the database is configured to (see Private::Flush): set_config(…, true) sets
    // synchronous_commit for this statement's transaction, as SET LOCAL does in a block.
    static const QStringList eventColumns = QString(HistoryRows::EventColumns).split(u", "_s);
    const QStringList &deliveryColumns = Private::newDeliveryColumns();
    // The event of each delivery row comes in a list of its own (any text: event ids are the
    // platform's), in the same order, read beside the rows (ROWS FROM pairs them by position),
    // so that the rows' JSON is read once. The ids inserted now are gathered once into a JSON
    // object, whose keys are found by binary search: the session joins by nested loops only
    // (see Private::connect), and neither step grows with the square of the batch.
    static const QString sql =
        u"WITH flush AS MATERIALIZED (SELECT set_config('synchronous_commit', CAST(? AS text), "
        u"true) AS value), accepted AS (INSERT INTO events ("_s
        + eventColumns.join(u", "_s) + u") SELECT e."_s + eventColumns.join(u", e."_s)
        + u" FROM json_populate_recordset(NULL::events, CAST(? AS json)) AS e, flush "
          u"ON CONFLICT (id) DO NOTHING RETURNING id), "
          u"made AS (INSERT INTO deliveries ("_s
        + deliveryColumns.join(u", "_s) + u") SELECT "_s + u"r."_s + deliveryColumns.join(u", r."_s)
        + u" FROM ROWS FROM (json_array_elements_text(CAST(? AS json)), "
          u"json_populate_recordset(NULL::deliveries, CAST(? AS json))) AS r (of_event) "
          u"WHERE ((SELECT jsonb_object_agg(id, true) FROM accepted) -> r.of_event) IS NOT NULL) "
          u"SELECT id FROM accepted"_s;

    QHash<QString, qsizetype> first; // id -> index of its first event in the batch
    QList<QList<QVariant>> rows;
    QList<QList<QVariant>> deliveryRows;
    QStringList deliveryEvents; // the event of each row of deliveryRows
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (qsizetype i = 0; i < events.size(); ++i) {
        const IncomingEvent &event = events.at(i);
        if (first.contains(event.id))
            continue;
        first.insert(event.id, i);
        rows.append(HistoryRows::eventValues(event));
        for (const Delivery &delivery : event.deliveries) {
            deliveryRows.append(HistoryRows::newDeliveryValues(delivery, claim, now));
            deliveryEvents.append(event.id);
        }
    }
    std::optional<PostgresResult> result =
        d->runDirectAlone(sql,
                          {d->flushedCommit.toUtf8(), PostgresRows::json(eventColumns, rows),
                           PostgresRows::jsonTexts(deliveryEvents),
                           PostgresRows::json(deliveryColumns, deliveryRows)},
                          &sqlError);
    if (!result)
        return fail();
    const QSet<QString> inserted = result->remainingTexts(0);

    QStringList earlier; // the ids accepted before this batch
    for (auto it = first.cbegin(); it != first.cend(); ++it) {
        if (!inserted.contains(it.key()))
            earlier.append(it.key());
    }

    // What was accepted before: the delivery ids it made then.
    QHash<QString, QStringList> before;
    if (!earlier.isEmpty()) {
        // Read after the commit, so that an id another server committed while this statement
        // waited for it is seen. Should this fail, the new events of the batch are kept: the
        // batch is refused all the same, and posted again it is answered as duplicates with the
        // same delivery ids.
        QSqlQuery *query =
            d->runAlone(u"SELECT id, delivery_ids FROM events "
                        u"WHERE id IN (SELECT json_array_elements_text(CAST(? AS json)))"_s,
                        {QString::fromUtf8(PostgresRows::jsonTexts(earlier))}, &sqlError);
        if (!query) {
            setError(error, tr("Cannot read events accepted before from the database %1: %2; "
                               "post the events again.")
                                .arg(d->shown(), Private::explain(sqlError)));
            return std::nullopt;
        }
        while (query->next())
            before.insert(query->value(0).toString(),
                          deliveryIdsFromJson(query->value(1).toString()));
        query->finish();
    }

    bool forOthers = false;
    for (qsizetype i = 0; i < events.size(); ++i) {
        const IncomingEvent &event = events.at(i);
        Accepted outcome;
        QStringList ownIds;
        for (const Delivery &delivery : event.deliveries)
            ownIds.append(delivery.id);
        // Accepted now, or by this very statement on a first try whose answer was lost with the
        // connection (runAlone tried again on a new one): the ids it stored are this batch's own,
        // made for this post and no other.
        const bool acceptedNow = first.value(event.id) == i
                                 && (inserted.contains(event.id)
                                     || (!ownIds.isEmpty() && before.value(event.id) == ownIds));
        if (acceptedNow) {
            outcome.deliveryIds = ownIds;
            forOthers = forOthers || (!claim && !event.deliveries.isEmpty());
        } else {
            outcome.deliveryIds = inserted.contains(event.id)
                                      ? accepted.at(first.value(event.id)).deliveryIds
                                      : before.value(event.id);
            outcome.duplicate = true;
        }
        accepted.append(outcome);
    }
    // Wakes the engines listening; they also look for work on their own, so a failure here
    // costs a delay at most, and the events are committed already.
    QSqlError ignored;
    if (forOthers)
        d->notify(&ignored);
    return accepted;
}

std::optional<QList<EventStore::StoredEvent>> PostgresStore::events(const QDateTime &from,
                                                                    const QDateTime &to, int limit,
                                                                    qint64 offset,
                                                                    QString *error) const
{
    if (!d->checkOpen(error))
        return std::nullopt;
    const QList<QVariant> values = {
        from.isValid() ? 0 : 1,
        from.isValid() ? from.toMSecsSinceEpoch() : qint64(0),
        to.isValid() ? 0 : 1,
        to.isValid() ? to.toMSecsSinceEpoch() : qint64(0),
        limit > 0 ? qint64(limit) : std::numeric_limits<qint64>::max(),
        offset,
    };
    QSqlError sqlError;
    QSqlQuery *query = d->runAlone(
        u"SELECT "_s + HistoryRows::StoredEventColumns
            + u" FROM events "
              u"WHERE (CAST(? AS integer) = 1 OR received_at >= CAST(? AS bigint)) "
              u"AND (CAST(? AS integer) = 1 OR received_at < CAST(? AS bigint)) "
              u"ORDER BY received_at, id LIMIT CAST(? AS bigint) OFFSET CAST(? AS bigint)"_s,
        values, &sqlError);
    if (!query) {
        setError(error,
                 tr("Cannot read the database %1: %2").arg(d->shown(), Private::explain(sqlError)));
        return std::nullopt;
    }
    QList<StoredEvent> out;
    while (query->next())
        out.append(HistoryRows::readStoredEvent(*query));
    query->finish();
    return out;
}

std::optional<qint64> PostgresStore::pruneEvents(const QDateTime &before, int batch, QString *error)
{
    if (!d->checkOpen(error))
        return std::nullopt;
    QSqlError sqlError;
    const auto fail = [&] {
        d->rollback();
        setError(error, tr("Cannot forget old events in the database %1: %2")
                            .arg(d->shown(), Private::explain(sqlError)));
        return std::nullopt;
    };
    // The oldest events of a table of any size: planned for the values and the table of now.
    if (!d->begin(Private::Flush::DontWait, &sqlError, Private::Planning::PerCall))
        return fail();
    QSqlQuery *query =
        d->run(u"WITH gone AS (DELETE FROM events WHERE id IN (SELECT id FROM events "
               u"WHERE received_at < ? ORDER BY received_at LIMIT ? FOR UPDATE SKIP LOCKED) "
               u"RETURNING 1) SELECT count(*) FROM gone"_s,
               {before.toMSecsSinceEpoch(), qMax(1, batch)}, &sqlError);
    if (!query || !query->next())
        return fail();
    const qint64 count = query->value(0).toLongLong();
    query->finish();
    if (!d->commit(&sqlError))
        return fail();
    return count;
}

} // namespace Kanca
