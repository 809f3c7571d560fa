#include "history/HistoryPrivate.h"

#include "history/HistoryRows.h"

#include <QDir>

using namespace Qt::StringLiterals;

namespace Kanca {

namespace HistoryErrors {

int sqliteCode(const QSqlError &error)
{
    bool ok = false;
    const int code = error.nativeErrorCode().toInt(&ok);
    return ok ? code & 0xff : -1;
}

QString native(const QString &path)
{
    return QDir::toNativeSeparators(path);
}

QString explain(const QSqlError &error)
{
    const QString detail = error.databaseText().isEmpty() ? error.text() : error.databaseText();
    switch (sqliteCode(error)) {
    case SqliteBusy:
    case SqliteLocked:
        return HistoryDatabase::tr("the database is locked by another connection or program; "
                                   "try again later");
    case SqliteReadOnly:
        return HistoryDatabase::tr("the file or its folder cannot be written");
    case SqliteIoError:
        return HistoryDatabase::tr("the disk could not be read or written (%1)").arg(detail);
    case SqliteCorrupt:
        return HistoryDatabase::tr("the file is damaged (%1)").arg(detail);
    case SqliteFull:
        return HistoryDatabase::tr("the disk is full");
    case SqliteCantOpen:
        return HistoryDatabase::tr("the file cannot be opened or created (%1)").arg(detail);
    case SqliteNotADatabase:
        return HistoryDatabase::tr("the file is not a SQLite database");
    default:
        return detail;
    }
}

QString readError(const QString &path, const QSqlError &error)
{
    return HistoryDatabase::tr("Cannot read the history %1: %2").arg(native(path), explain(error));
}

bool isDamage(const QSqlError &error)
{
    const int code = sqliteCode(error);
    return code == SqliteCorrupt || code == SqliteNotADatabase;
}

} // namespace HistoryErrors

using namespace HistoryErrors;
using HistoryRows::AttemptColumns;
using HistoryRows::DeliveryColumns;

QString HistoryDatabase::Private::sql(Statement statement)
{
    switch (statement) {
    case Begin:
        // IMMEDIATE takes the write lock at once (waiting up to the busy timeout), so that a
        // transaction never fails half-way because another process wrote meanwhile.
        return u"BEGIN IMMEDIATE"_s;
    case Commit:
        return u"COMMIT"_s;
    case Rollback:
        return u"ROLLBACK"_s;
    case InsertDelivery:
        // The columns of a delivery, then its destination and its claim (or NULLs).
        return u"INSERT INTO deliveries ("_s + DeliveryColumns
               + u", destination, claim, lease_until) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                 u"?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s;
    case DeliveryAuth:
        return u"SELECT CASE json_extract(auth, '$.type') WHEN 'header' "
               u"THEN json_extract(auth, '$.headerName') ELSE '' END "
               u"FROM deliveries WHERE id = ?"_s;
    case InsertAttempt:
        return u"INSERT INTO attempts (delivery_id, number, started_at, duration_ms, "
               u"request_method, request_url, request_headers, request_body, request_body_size, "
               u"http_status, response_headers, response_body, response_body_size, body_cap, "
               u"error, outcome, retry_delay_ms) "
               u"VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s;
    case UpdateDelivery:
        // Guarded by the claim: nothing changes when another engine holds the delivery now. The
        // attempt is no longer in flight; the claim is given back when the delivery finished
        // or waits for a later attempt elsewhere (the 7th value, 1 or 0).
        return u"UPDATE deliveries SET status = ?, attempt_count = max(attempt_count, ?), "
               u"next_attempt_at = ?, last_http_status = ?, last_error = ?, finished_at = ?, "
               u"attempt_started_at = NULL, "
               u"lease_until = CASE WHEN ?7 THEN NULL ELSE lease_until END, "
               u"claim = CASE WHEN ?7 THEN NULL ELSE claim END "
               u"WHERE id = ?8 AND claim = ?9"_s;
    case SelectDelivery:
        return u"SELECT "_s + DeliveryColumns + u" FROM deliveries WHERE id = ?"_s;
    case SelectAttempts:
        return u"SELECT "_s + AttemptColumns
               + u" FROM attempts WHERE delivery_id = ? ORDER BY number, id"_s;
    case SelectUnfinished:
        return u"SELECT "_s + DeliveryColumns
               + u" FROM deliveries WHERE status = 'pending' "
                 u"ORDER BY next_attempt_at, created_at, id"_s;
    case CountAttempts:
        return u"SELECT count(*) FROM attempts"_s;
    case StartAttempt:
        return u"UPDATE deliveries SET attempt_started_at = ? "
               u"WHERE id = ? AND claim = ? AND status = 'pending' AND attempt_count = ?"_s;
    case RenewClaims:
        // ?1 now, ?2 the lease, ?3 the margin over the delivery's timeout, ?4 the claim.
        return u"UPDATE deliveries SET lease_until = ?1 + max(?2, timeout_ms + ?3) "
               u"WHERE claim = ?4 AND status = 'pending'"_s;
    case ReleaseClaim:
        return u"UPDATE deliveries SET claim = NULL, lease_until = NULL "
               u"WHERE id = ? AND claim = ? AND attempt_started_at IS NULL"_s;
    case ReleaseUnsent:
        return u"UPDATE deliveries SET claim = NULL, lease_until = NULL, attempt_started_at = NULL "
               u"WHERE id = ? AND claim = ? AND status = 'pending'"_s;
    case EndClaims:
        return u"UPDATE deliveries SET lease_until = ? WHERE claim = ? AND status = 'pending'"_s;
    case NextDue:
        // The claim, now. Deliveries held by another live claim are not counted.
        return u"SELECT min(next_attempt_at) FROM deliveries WHERE status = 'pending' "
               u"AND (claim IS NULL OR (claim <> ? AND lease_until <= ?))"_s;
    case InsertEvent:
        // An event accepted before keeps its first row: nothing changes.
        return u"INSERT INTO events ("_s + HistoryRows::EventColumns
               + u") VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING"_s;
    case EventDeliveries:
        return u"SELECT delivery_ids FROM events WHERE id = ?"_s;
    case HeldElsewhere:
        return u"SELECT count(*) FROM deliveries WHERE status = 'pending' "
               u"AND claim IS NOT NULL AND claim <> ? AND lease_until > ?"_s;
    case StatementCount:
        break;
    }
    return {};
}

QSqlQuery *HistoryDatabase::Private::prepared(Statement statement, QSqlError *sqlError)
{
    std::unique_ptr<QSqlQuery> &slot = statements[statement];
    if (!slot) {
        auto query = std::make_unique<QSqlQuery>(db);
        query->setForwardOnly(true);
        if (!query->prepare(sql(statement))) {
            *sqlError = query->lastError();
            return nullptr;
        }
        slot = std::move(query);
    }
    return slot.get();
}

// Binds and runs a prepared statement. A statement that failed is dropped and prepared anew the
// next time, whatever state the failure left it in.
QSqlQuery *HistoryDatabase::Private::run(Statement statement, const QList<QVariant> &values,
                                         QSqlError *sqlError)
{
    QSqlQuery *query = prepared(statement, sqlError);
    if (!query)
        return nullptr;
    for (qsizetype i = 0; i < values.size(); ++i)
        query->bindValue(int(i), values.at(i));
    if (!query->exec()) {
        *sqlError = query->lastError();
        statements[statement].reset();
        return nullptr;
    }
    return query;
}

qint64 HistoryDatabase::Private::count(Statement statement, const QList<QVariant> &values,
                                       QString *error)
{
    QSqlError sqlError;
    QSqlQuery *query = run(statement, values, &sqlError);
    if (!query || !query->next()) {
        setError(error, readError(query ? query->lastError() : sqlError));
        return 0;
    }
    const qint64 count = query->value(0).toLongLong();
    query->finish();
    return count;
}

bool HistoryDatabase::Private::exec(const QString &sql, QSqlError *sqlError, QVariant *result)
{
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (!query.exec(sql)) {
        *sqlError = query.lastError();
        return false;
    }
    if (result)
        *result = query.next() ? query.value(0) : QVariant();
    return true;
}

bool HistoryDatabase::Private::checkOpen(QString *error) const
{
    if (open)
        return true;
    setError(error, HistoryDatabase::tr("The history is not open."));
    return false;
}

} // namespace Kanca
