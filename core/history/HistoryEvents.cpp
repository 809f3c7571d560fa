// The event side of HistoryDatabase (see EventStore): events accepted once, with their
// deliveries, in one transaction; read back by time; forgotten after their retention.
#include "history/HistoryDatabase.h"
#include "history/HistoryPrivate.h"
#include "history/HistoryRows.h"
#include "history/HistorySelect.h"
#include "outbox/DeliveryIdList.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace Kanca {

using namespace HistoryErrors;

std::optional<QList<EventStore::Accepted>>
HistoryDatabase::acceptEvents(const QList<IncomingEvent> &events, const Outbox::Claim *claim,
                              QString *error)
{
    if (!d->checkOpen(error))
        return std::nullopt;
    const QString shown = native(d->path);
    QSqlError sqlError;
    // The commit of events waits for the disk when asked; the connection's other commits do not.
    const auto synchronous = [&](bool full) {
        QSqlError ignored;
        return !d->durableEvents
               || d->exec(full ? u"PRAGMA synchronous = FULL"_s : u"PRAGMA synchronous = NORMAL"_s,
                          full ? &sqlError : &ignored);
    };
    const auto fail = [&] {
        d->rollback();
        synchronous(false);
        setError(error, tr("Cannot accept events into the history %1: %2; none was accepted.")
                            .arg(shown, explain(sqlError)));
        return std::nullopt;
    };
    QList<Accepted> accepted;
    if (events.isEmpty())
        return accepted;
    if (!synchronous(true) || !d->begin(&sqlError))
        return fail();
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (const IncomingEvent &event : events) {
        if (!d->write(Private::InsertEvent, HistoryRows::eventValues(event), &sqlError))
            return fail();
        Accepted outcome;
        if (d->changes() == 0) {
            // Accepted before: the first answer, nothing more.
            QSqlQuery *query = d->run(Private::EventDeliveries, {event.id}, &sqlError);
            if (!query)
                return fail();
            if (query->next())
                outcome.deliveryIds = deliveryIdsFromJson(query->value(0).toString());
            if (query->lastError().isValid()) {
                sqlError = query->lastError();
                return fail();
            }
            query->finish();
            outcome.duplicate = true;
        } else {
            for (const Delivery &delivery : event.deliveries) {
                if (!d->insertDelivery(delivery, claim, now, &sqlError))
                    return fail();
                outcome.deliveryIds.append(delivery.id);
            }
        }
        accepted.append(outcome);
    }
    if (!d->commit(&sqlError))
        return fail();
    synchronous(false);
    return accepted;
}

std::optional<QList<EventStore::StoredEvent>> HistoryDatabase::events(const QDateTime &from,
                                                                      const QDateTime &to,
                                                                      int limit, qint64 offset,
                                                                      QString *error) const
{
    if (!d->checkOpen(error))
        return std::nullopt;
    QString sql = u"SELECT "_s + HistoryRows::StoredEventColumns + u" FROM events"_s;
    QStringList conditions;
    QList<QVariant> values;
    if (from.isValid()) {
        conditions.append(u"received_at >= ?"_s);
        values.append(from.toMSecsSinceEpoch());
    }
    if (to.isValid()) {
        conditions.append(u"received_at < ?"_s);
        values.append(to.toMSecsSinceEpoch());
    }
    if (!conditions.isEmpty())
        sql += u" WHERE "_s + conditions.join(u" AND "_s);
    sql += u" ORDER BY received_at, id"_s;
    if (limit > 0 || offset > 0) {
        sql += u" LIMIT ? OFFSET ?"_s;
        values.append(limit > 0 ? qint64(limit) : std::numeric_limits<qint64>::max());
        values.append(offset);
    }
    QList<StoredEvent> out;
    QSqlError sqlError;
    const bool ok = HistorySelect::rows(
        d->db, {sql, values},
        [&](const QSqlQuery &query) { out.append(HistoryRows::readStoredEvent(query)); },
        &sqlError);
    if (!ok) {
        setError(error, d->readError(sqlError));
        return std::nullopt;
    }
    return out;
}

std::optional<qint64> HistoryDatabase::pruneEvents(const QDateTime &before, int batch,
                                                   QString *error)
{
    if (!d->checkOpen(error))
        return std::nullopt;
    QSqlQuery query(d->db);
    if (!query.prepare(u"DELETE FROM events WHERE id IN (SELECT id FROM events "
                       u"WHERE received_at < ? ORDER BY received_at LIMIT ?)"_s)) {
        setError(error, tr("Cannot forget old events in the history %1: %2")
                            .arg(native(d->path), explain(query.lastError())));
        return std::nullopt;
    }
    query.bindValue(0, before.toMSecsSinceEpoch());
    query.bindValue(1, qMax(1, batch));
    if (!query.exec()) {
        setError(error, tr("Cannot forget old events in the history %1: %2")
                            .arg(native(d->path), explain(query.lastError())));
        return std::nullopt;
    }
    return query.numRowsAffected();
}

} // namespace Kanca
