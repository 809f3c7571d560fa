// The history's reads on PostgreSQL (see HistoryStore): the same statements as on SQLite, from
// HistoryQueryBuilder in PostgreSQL's dialect, and the same conversion of rows (HistoryRows).
#include "history/HistoryRows.h"
#include "postgres/PostgresPrivate.h"
#include "postgres/PostgresSchema.h"

using namespace Qt::StringLiterals;

namespace Kanca {

using namespace HistoryRows;

bool PostgresStore::Private::select(const HistoryStatement &statement,
                                    const std::function<void(const QSqlQuery &)> &row,
                                    QSqlError *sqlError)
{
    // A writer's session plans by index alone (Planning::Keyed); the history's reads filter
    // and count any part of it, so on a writer's connection they run in a transaction planned
    // for their values, as a reader's session plans them.
    const bool inTransaction = !readExisting;
    if (inTransaction && !begin(Flush::DontWait, sqlError, Planning::PerCall))
        return false;
    QSqlQuery *query = inTransaction
                           ? run(statement.sql, statement.values, sqlError, Rows::Streamed)
                           : runAlone(statement.sql, statement.values, sqlError, Rows::Streamed);
    bool ok = query != nullptr;
    if (ok) {
        while (query->next())
            row(*query);
        ok = endRows(query, sqlError);
    }
    if (!inTransaction)
        return ok;
    if (!ok) {
        rollback();
        return false;
    }
    return commit(sqlError);
}

QString PostgresStore::Private::readError(const QSqlError &sqlError) const
{
    return PostgresStore::tr("Cannot read the database %1: %2").arg(shown(), explain(sqlError));
}

QList<Delivery> PostgresStore::deliveries(const HistoryFilter &filter, const HistoryRange &range,
                                          QString *error) const
{
    if (!d->checkOpen(error))
        return {};
    QList<Delivery> out;
    QSqlError sqlError;
    if (!d->select(
            HistoryQueryBuilder(filter, dialect()).select(DeliveryColumns, range),
            [&](const QSqlQuery &query) { out.append(readDelivery(query)); }, &sqlError)) {
        setError(error, d->readError(sqlError));
        return {};
    }
    return out;
}

qint64 PostgresStore::countDeliveries(const HistoryFilter &filter, QString *error) const
{
    if (!d->checkOpen(error))
        return 0;
    qint64 count = 0;
    QSqlError sqlError;
    if (!d->select(
            HistoryQueryBuilder(filter, dialect()).count(),
            [&](const QSqlQuery &query) { count = query.value(0).toLongLong(); }, &sqlError)) {
        setError(error, d->readError(sqlError));
        return 0;
    }
    return count;
}

std::optional<Delivery> PostgresStore::delivery(const QString &id, QString *error) const
{
    if (!d->checkOpen(error))
        return std::nullopt;
    std::optional<Delivery> found;
    QSqlError sqlError;
    if (!d->select(
            {u"SELECT "_s + DeliveryColumns + u" FROM deliveries WHERE id = ?"_s, {id}},
            [&](const QSqlQuery &query) { found = readDelivery(query); }, &sqlError)) {
        setError(error, d->readError(sqlError));
        return std::nullopt;
    }
    if (!found)
        setError(error, tr("The database %1 has no delivery %2.").arg(d->shown(), id));
    return found;
}

QList<Attempt> PostgresStore::attempts(const QString &deliveryId, QString *error) const
{
    if (!d->checkOpen(error))
        return {};
    QList<Attempt> out;
    QSqlError sqlError;
    if (!d->select(
            {u"SELECT "_s + AttemptColumns
                 + u" FROM attempts WHERE delivery_id = ? ORDER BY number, id"_s,
             {deliveryId}},
            [&](const QSqlQuery &query) { out.append(readAttempt(query)); }, &sqlError)) {
        setError(error, d->readError(sqlError));
        return {};
    }
    return out;
}

std::optional<EventStore::StoredEvent> PostgresStore::event(const QString &eventId,
                                                            QString *error) const
{
    if (!d->checkOpen(error))
        return std::nullopt;
    std::optional<StoredEvent> found;
    QSqlError sqlError;
    if (!d->select(
            HistoryQueryBuilder::event(eventId),
            [&](const QSqlQuery &query) { found = readStoredEvent(query); }, &sqlError)) {
        setError(error, d->readError(sqlError));
        return std::nullopt;
    }
    return found;
}

std::optional<bool> PostgresStore::hasResend(const QString &id, QString *error) const
{
    if (!d->checkOpen(error))
        return std::nullopt;
    qint64 count = 0;
    QSqlError sqlError;
    if (!d->select(
            HistoryQueryBuilder::resendsOf(id),
            [&](const QSqlQuery &query) { count = query.value(0).toLongLong(); }, &sqlError)) {
        setError(error, d->readError(sqlError));
        return std::nullopt;
    }
    return count > 0;
}

bool PostgresStore::checkIntegrity(QString *error) const
{
    if (!d->checkOpen(error))
        return false;
    qint64 version = -1;
    QSqlError sqlError;
    if (!d->select(
            {u"SELECT max(version) FROM schema_version"_s, {}},
            [&](const QSqlQuery &query) { version = query.value(0).toLongLong(); }, &sqlError)) {
        setError(error, d->readError(sqlError));
        return false;
    }
    if (version < 1 || version > PostgresSchema::Version) {
        setError(error, tr("Cannot read the database %1: its schema (version %2) is not one this "
                           "program reads (version %3).")
                            .arg(d->shown())
                            .arg(version)
                            .arg(PostgresSchema::Version));
        return false;
    }
    return true;
}

} // namespace Kanca
