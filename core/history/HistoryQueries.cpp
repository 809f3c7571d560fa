#include "history/HistoryDatabase.h"
#include "history/HistoryPrivate.h"
#include "history/HistoryRows.h"
#include "history/HistorySelect.h"
#include "history/HistorySqlite.h"

using namespace Qt::StringLiterals;

// The reads of HistoryDatabase: the outbox, one delivery and its attempts, and the filtered,
// paged list of deliveries with its counts (built by HistoryQueryBuilder). In a delivery, its
// attempts and the lists, a step that fails part-way through the rows is an error, never the end
// of the rows.

namespace Kanca {

using namespace HistoryErrors;
using namespace HistoryRows;

QList<Delivery> HistoryDatabase::unfinishedDeliveries(QString *error) const
{
    if (!d->checkOpen(error))
        return {};
    QSqlError sqlError;
    QSqlQuery *query = d->run(Private::SelectUnfinished, {}, &sqlError);
    if (!query) {
        setError(error, d->readError(sqlError));
        return {};
    }
    QList<Delivery> deliveries;
    while (query->next())
        deliveries.append(readDelivery(*query));
    // A damaged page met part-way is an error, not the end of the outbox.
    if (query->lastError().isValid()) {
        setError(error, d->readError(query->lastError()));
        query->finish();
        return {};
    }
    query->finish();
    return deliveries;
}

std::optional<bool> HistoryDatabase::hasResend(const QString &id, QString *error) const
{
    if (!d->checkOpen(error))
        return std::nullopt;
    QVariant found;
    QSqlError sqlError;
    if (!HistorySelect::value(d->db, HistoryQueryBuilder::resendsOf(id), &found, &sqlError)) {
        setError(error, d->readError(sqlError));
        return std::nullopt;
    }
    return found.toLongLong() > 0;
}

std::optional<Delivery> HistoryDatabase::delivery(const QString &id, QString *error) const
{
    if (!d->checkOpen(error))
        return std::nullopt;
    QSqlError sqlError;
    QSqlQuery *query = d->run(Private::SelectDelivery, {id}, &sqlError);
    if (!query) {
        setError(error, d->readError(sqlError));
        return std::nullopt;
    }
    std::optional<Delivery> found;
    if (query->next())
        found = readDelivery(*query);
    else if (query->lastError().isValid())
        setError(error, d->readError(query->lastError()));
    else
        setError(error, tr("The history %1 has no delivery %2.").arg(native(d->path), id));
    query->finish();
    return found;
}

QList<Attempt> HistoryDatabase::attempts(const QString &deliveryId, QString *error) const
{
    if (!d->checkOpen(error))
        return {};
    QSqlError sqlError;
    QSqlQuery *query = d->run(Private::SelectAttempts, {deliveryId}, &sqlError);
    if (!query) {
        setError(error, d->readError(sqlError));
        return {};
    }
    QList<Attempt> attempts;
    while (query->next())
        attempts.append(readAttempt(*query));
    if (query->lastError().isValid()) {
        setError(error, d->readError(query->lastError()));
        attempts.clear();
    }
    query->finish();
    return attempts;
}

QList<Delivery> HistoryDatabase::deliveries(const HistoryFilter &filter, const HistoryRange &range,
                                            QString *error) const
{
    if (!d->checkOpen(error))
        return {};
    QList<Delivery> deliveries;
    QSqlError sqlError;
    if (!HistorySelect::rows(
            d->db, HistoryQueryBuilder(filter, dialect()).select(DeliveryColumns, range),
            [&](const QSqlQuery &query) { deliveries.append(readDelivery(query)); }, &sqlError)) {
        setError(error, d->readError(sqlError));
        return {};
    }
    return deliveries;
}

std::optional<EventStore::StoredEvent> HistoryDatabase::event(const QString &eventId,
                                                              QString *error) const
{
    if (!d->checkOpen(error))
        return std::nullopt;
    std::optional<StoredEvent> found;
    QSqlError sqlError;
    if (!HistorySelect::rows(
            d->db, HistoryQueryBuilder::event(eventId),
            [&](const QSqlQuery &query) { found = readStoredEvent(query); }, &sqlError)) {
        setError(error, d->readError(sqlError));
        return std::nullopt;
    }
    return found;
}

qint64 HistoryDatabase::countDeliveries(const HistoryFilter &filter, QString *error) const
{
    if (!d->checkOpen(error))
        return 0;
    QVariant count;
    QSqlError sqlError;
    if (!HistorySelect::value(d->db, HistoryQueryBuilder(filter, dialect()).count(), &count,
                              &sqlError)) {
        setError(error, d->readError(sqlError));
        return 0;
    }
    return count.toLongLong();
}

bool HistoryDatabase::checkIntegrity(QString *error) const
{
    if (!d->checkOpen(error))
        return false;
    QSqlError sqlError;
    if (!HistorySqlite::checkIntegrity(d->db, d->path, &sqlError)) {
        setError(error, d->readError(sqlError));
        return false;
    }
    return true;
}

qint64 HistoryDatabase::countAttempts(QString *error) const
{
    if (!d->checkOpen(error))
        return 0;
    return d->count(Private::CountAttempts, {}, error);
}

} // namespace Kanca
