// The outbox side of PostgresStore (see Outbox): the same claims, leases, started attempts and
// guarded results as the SQLite history, with row locks instead of one writer. Claims lock
// their candidate rows with FOR UPDATE SKIP LOCKED, so that workers claiming at once never wait
// for each other and never take the same delivery.
#include "history/HistoryRows.h"
#include "outbox/ClaimToken.h"
#include "outbox/InterruptedAttempt.h"
#include "postgres/PostgresPrivate.h"
#include "postgres/PostgresRows.h"

#include <QChar>
#include <QHash>
#include <QSet>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace Kanca {

using namespace HistoryRows;

namespace {

const QString AttemptColumnList =
    u"delivery_id, number, started_at, duration_ms, request_method, request_url, "
    u"request_headers, request_body, request_body_size, http_status, response_headers, "
    u"response_body, response_body_size, body_cap, error, outcome, retry_delay_ms"_s;
const QString InsertAttempts = u"INSERT INTO attempts ("_s + AttemptColumnList + u") SELECT "_s
                               + AttemptColumnList
                               + u" FROM json_populate_recordset(NULL::attempts, "
                                 u"CAST(? AS json))"_s;

// Statements that change deliveries named by id find them by the primary key alone: their
// guards (the claim, the status) are written so that no other index can serve them
// (`IS NOT DISTINCT FROM` and `<>` are not index conditions, and do not imply the outbox's
// partial index). With statistics taken while the table was small (before autovacuum analysed
// a table that grew in a burst), a plan read every pending delivery through deliveries_due, or
// every delivery of the claim through deliveries_claim, for each statement: 3–4 ms instead of
// 0.1 ms for four rows (auto_explain during bench/server/run.sh).
const QString ClaimedBy = u"claim IS NOT DISTINCT FROM CAST(? AS text)"_s;
const QString StillPending = u"status <> 'succeeded' AND status <> 'failed'"_s;

// The results of a batch, guarded by the claim; the deliveries updated are returned, with the
// header each one's auth puts its secret in. The results come as one JSON object keyed by
// delivery id (PostgresRows::jsonByKey): the deliveries are found by their ids through the
// primary key, and each finds its result by its id (a binary search), so that no plan joins the
// table with the list (the session's plans are made once, see Private::connect).
const QStringList ResultColumns = {u"status"_s,      u"number"_s, u"next_attempt_at"_s,
                                   u"http_status"_s, u"error"_s,  u"finished_at"_s,
                                   u"release"_s};
const QString UpdateDeliveries =
    u"WITH v AS MATERIALIZED (SELECT CAST(? AS jsonb) AS rows) "
    u"UPDATE deliveries AS d SET attempt_started_at = NULL, (status, attempt_count, "
    u"next_attempt_at, last_http_status, last_error, finished_at, lease_until, claim) = "
    u"(SELECT r.status, GREATEST(d.attempt_count, r.number), r.next_attempt_at, r.http_status, "
    u"r.error, r.finished_at, CASE WHEN r.release = 1 THEN NULL ELSE d.lease_until END, "
    u"CASE WHEN r.release = 1 THEN NULL ELSE d.claim END "
    u"FROM jsonb_to_record(v.rows -> d.id) AS r (status text, number integer, "
    u"next_attempt_at bigint, http_status integer, error text, finished_at bigint, "
    u"release integer)) "
    u"FROM v WHERE d.id = ANY (ARRAY(SELECT jsonb_object_keys(rows) FROM v)) AND d."_s
    + ClaimedBy
    + u" RETURNING d.id, CASE WHEN CAST(d.auth AS jsonb) ->> 'type' = 'header' "
      u"THEN CAST(d.auth AS jsonb) ->> 'headerName' ELSE '' END"_s;

// Splits `items` where an id comes again, so that no statement touches one row twice and the
// parts, in order, keep the order of the whole.
template<typename Item, typename Id>
QList<QList<Item>> partsWithoutRepeats(const QList<Item> &items, Id id)
{
    QList<QList<Item>> parts(1);
    QSet<QString> seen;
    for (const Item &item : items) {
        if (seen.contains(id(item))) {
            parts.append(QList<Item>());
            seen.clear();
        }
        seen.insert(id(item));
        parts.last().append(item);
    }
    return parts;
}

} // namespace

const QStringList &PostgresStore::Private::newDeliveryColumns()
{
    static const QStringList columns = PostgresRows::columnNames(
        QString(DeliveryColumns) + u", destination, claim, lease_until"_s);
    return columns;
}

bool PostgresStore::Private::insertDeliveries(const QList<Delivery> &deliveries,
                                              const Outbox::Claim *claim, qint64 now,
                                              QSqlError *sqlError)
{
    const QStringList &columns = newDeliveryColumns();
    static const QString sql = u"INSERT INTO deliveries ("_s + columns.join(u", "_s)
                               + u") SELECT "_s + columns.join(u", "_s)
                               + u" FROM json_populate_recordset(NULL::deliveries, "
                                 u"CAST(? AS json))"_s;
    if (deliveries.isEmpty())
        return true;
    QList<QList<QVariant>> rows;
    rows.reserve(deliveries.size());
    for (const Delivery &delivery : deliveries)
        rows.append(newDeliveryValues(delivery, claim, now));
    return exec(sql, {QString::fromUtf8(PostgresRows::json(columns, rows))}, sqlError);
}

bool PostgresStore::Private::recordResults(const QList<Outbox::AttemptResult> &results,
                                           const QString &claimToken, QStringList *refused,
                                           bool *givenBack, QString *missing, QSqlError *sqlError)
{
    QStringList ids;
    QList<QList<QVariant>> updates;
    ids.reserve(results.size());
    updates.reserve(results.size());
    for (const Outbox::AttemptResult &result : results) {
        ids.append(result.attempt.deliveryId);
        updates.append(resultValues(result));
    }
    // The deliveries updated, with the header each one's auth puts its secret in (masked in
    // the attempt's request).
    QHash<QString, QString> updated;
    {
        std::optional<PostgresResult> result = runDirect(
            UpdateDeliveries,
            {PostgresRows::jsonByKey(ids, ResultColumns, updates), claimToken.toUtf8()}, sqlError);
        if (!result)
            return false;
        while (result->next())
            updated.insert(result->text(0), result->text(1));
    }
    // Those not updated: held by another claim now, or (a caller's mistake) not there at all.
    QStringList notUpdated;
    for (const Outbox::AttemptResult &result : results) {
        if (!updated.contains(result.attempt.deliveryId))
            notUpdated.append(result.attempt.deliveryId);
    }
    if (!notUpdated.isEmpty()) {
        std::optional<PostgresResult> result =
            runDirect(u"SELECT id FROM deliveries WHERE id = ANY (string_to_array(CAST(? AS text), "
                      u"chr(31)))"_s,
                      {PostgresRows::separated(notUpdated).toUtf8()}, sqlError);
        if (!result)
            return false;
        const QSet<QString> existing = result->remainingTexts(0);
        for (const QString &id : std::as_const(notUpdated)) {
            if (!existing.contains(id)) {
                *missing = id;
                return true;
            }
        }
    }

    QList<QList<QVariant>> attempts;
    for (const Outbox::AttemptResult &result : results) {
        const QString &id = result.attempt.deliveryId;
        if (!updated.contains(id)) {
            refused->append(id); // another engine holds it now
            continue;
        }
        if (result.release && result.status == DeliveryStatus::Pending)
            *givenBack = true;
        attempts.append(attemptValues(result.attempt, updated.value(id)));
    }
    if (attempts.isEmpty())
        return true;
    static const QStringList columns = PostgresRows::columnNames(AttemptColumnList);
    return runDirect(InsertAttempts, {PostgresRows::json(columns, attempts)}, sqlError).has_value();
}

bool PostgresStore::Private::recordInterrupted(const Outbox::Claim &claim, qint64 now,
                                               QSqlError *sqlError)
{
    // The claims of processes of this machine that are gone end now.
    {
        QSqlQuery *holders = run(u"SELECT DISTINCT claim FROM deliveries WHERE claim IS NOT NULL "
                                 u"AND claim <> ? AND status = 'pending' AND lease_until > ?"_s,
                                 {claim.token, now}, sqlError);
        if (!holders)
            return false;
        QStringList gone;
        while (holders->next()) {
            const QString token = holders->value(0).toString();
            if (ClaimToken::holderAlive(token) == false)
                gone.append(token);
        }
        holders->finish();
        for (const QString &token : std::as_const(gone)) {
            if (!exec(u"UPDATE deliveries SET lease_until = ? WHERE claim = ?"_s, {now, token},
                      sqlError)) {
                return false;
            }
        }
    }

    QSqlQuery *query = run(u"SELECT "_s + DeliveryColumns
                               + u", attempt_started_at, claim FROM deliveries "
                                 u"WHERE status = 'pending' AND claim IS NOT NULL AND claim <> ? "
                                 u"AND lease_until <= ? AND attempt_started_at IS NOT NULL "
                                 u"LIMIT 1000 FOR UPDATE SKIP LOCKED"_s,
                           {claim.token, now}, sqlError);
    if (!query)
        return false;
    struct Interrupted
    {
        Delivery delivery;
        qint64 startedAt = 0;
        QString claim;
    };
    QList<Interrupted> interrupted;
    const int extra = int(DeliveryColumnCount);
    while (query->next()) {
        interrupted.append({readDelivery(*query), query->value(extra).toLongLong(),
                            query->value(extra + 1).toString()});
    }
    query->finish();

    // Recorded for the claim that left them, so that a claim taken over meanwhile is respected.
    QHash<QString, QList<Outbox::AttemptResult>> byClaim;
    for (const Interrupted &item : std::as_const(interrupted))
        byClaim[item.claim].append(InterruptedAttempt::result(item.delivery, item.startedAt, now));
    for (auto it = byClaim.cbegin(); it != byClaim.cend(); ++it) {
        QStringList refused;
        bool givenBack = false;
        QString missing;
        if (!recordResults(it.value(), it.key(), &refused, &givenBack, &missing, sqlError))
            return false;
    }
    return true;
}

bool PostgresStore::insertDeliveries(const QList<Delivery> &deliveries, const Claim *claim,
                                     QString *error)
{
    if (!d->checkOpen(error))
        return false;
    for (const Delivery &delivery : deliveries) {
        if (delivery.id.isEmpty() || !delivery.createdAt.isValid()) {
            setError(error, tr("Cannot add deliveries to the database %1: a delivery has no id "
                               "or no creation time; none was added.")
                                .arg(d->shown()));
            return false;
        }
    }
    if (deliveries.isEmpty())
        return true;
    QSqlError sqlError;
    if (!d->begin(Private::Flush::Wait, &sqlError)) {
        setError(error, tr("Cannot add deliveries to the database %1: %2; none was added.")
                            .arg(d->shown(), Private::explain(sqlError)));
        return false;
    }
    if (!d->insertDeliveries(deliveries, claim, QDateTime::currentMSecsSinceEpoch(), &sqlError)) {
        d->rollback();
        setError(error, tr("Cannot add deliveries to the database %1: %2; none was added.")
                            .arg(d->shown(), Private::explain(sqlError)));
        return false;
    }
    // Unclaimed work wakes the engines listening.
    const bool forOthers = claim == nullptr;
    if ((forOthers && !d->notify(&sqlError)) || !d->commit(&sqlError)) {
        d->rollback();
        setError(error, tr("Cannot add deliveries to the database %1: %2; none was added.")
                            .arg(d->shown(), Private::explain(sqlError)));
        return false;
    }
    return true;
}

std::optional<QList<Delivery>> PostgresStore::claimDue(const ClaimRequest &request,
                                                       const Claim &claim, QString *error)
{
    if (!d->checkOpen(error))
        return std::nullopt;
    QSqlError sqlError;
    const auto fail = [&] {
        d->rollback();
        setError(error, tr("Cannot claim deliveries in the database %1: %2")
                            .arg(d->shown(), Private::explain(sqlError)));
        return std::nullopt;
    };
    if (request.limit <= 0 || (request.onlyIds && request.onlyIds->isEmpty()))
        return QList<Delivery>();
    const qint64 now =
        (request.now.isValid() ? request.now : QDateTime::currentDateTimeUtc()).toMSecsSinceEpoch();

    // Which of the pending deliveries are due, and how many, is what a claim finds out: its
    // statements are planned for the values they run with and the outbox as it is now.
    if (!d->begin(Private::Flush::DontWait, &sqlError, Private::Planning::PerCall))
        return fail();
    if (!d->recordInterrupted(claim, now, &sqlError))
        return fail();
    // The due rows are read in the order of deliveries_due, stopping at the limit. Without this,
    // an outbox that grew faster than its statistics (a burst, before autovacuum analyses it)
    // is planned as a few rows: all pending rows found and sorted for every claim, 80 ms at
    // 20,000 pending instead of 4 (measured with bench/system/claim_bench.cpp).
    if (!d->plain(u"SET LOCAL enable_sort = off"_s, &sqlError))
        return fail();

    // One statement: the candidates are locked (skipping those another claim is locking right
    // now), claimed and returned.
    const QList<QVariant> values = {
        claim.token,
        now,
        claim.leaseMs,
        LeaseMarginMs,
        now,
        claim.token,
        now,
        PostgresRows::separated(request.skipDestinations),
        now,
        now,
        request.onlyIds ? 0 : 1,
        request.onlyIds ? PostgresRows::separated(*request.onlyIds) : QString(u""_s),
        request.limit,
    };
    QSqlQuery *query = d->run(
        u"UPDATE deliveries SET claim = ?, lease_until = CAST(? AS bigint) + "
        u"GREATEST(CAST(? AS bigint), timeout_ms + CAST(? AS bigint)) "
        u"WHERE id IN (SELECT id FROM deliveries WHERE status = 'pending' "
        u"AND next_attempt_at <= ? AND attempt_started_at IS NULL "
        u"AND (claim IS NULL OR (claim <> ? AND lease_until <= ?)) "
        u"AND NOT (destination = ANY (string_to_array(CAST(? AS text), chr(31)))) "
        // Nor to a destination whose breaker another server opened, before its probe is due
        // or while its probe is out.
        u"AND destination <> ALL (ARRAY(SELECT destination FROM destination_breakers "
        u"WHERE reopens_at > ? OR probe_until > ?)) "
        u"AND (CAST(? AS integer) = 1 OR id = ANY (string_to_array(CAST(? AS text), chr(31)))) "
        u"ORDER BY next_attempt_at, created_at, id LIMIT ? FOR UPDATE SKIP LOCKED) "
        u"RETURNING "_s
            + DeliveryColumns,
        values, &sqlError);
    if (!query)
        return fail();
    QList<Delivery> claimed;
    while (query->next())
        claimed.append(readDelivery(*query));
    query->finish();
    if (!d->commit(&sqlError))
        return fail();
    sortSoonestDueFirst(claimed);
    return claimed;
}

bool PostgresStore::startAttempts(const QList<AttemptStart> &starts, const Claim &claim,
                                  QStringList *lost, QString *error)
{
    if (!d->checkOpen(error))
        return false;
    if (starts.isEmpty())
        return true;
    // One statement per part (almost always one part, then outside a transaction): the
    // deliveries still held by the claim are returned.
    const auto id = [](const AttemptStart &start) { return start.deliveryId; };
    const QList<QList<AttemptStart>> parts = partsWithoutRepeats(starts, id);
    const bool together = parts.size() > 1;
    QSqlError sqlError;
    const auto fail = [&] {
        if (together)
            d->rollback();
        setError(error, tr("Cannot record the start of attempts in the database %1: %2")
                            .arg(d->shown(), Private::explain(sqlError)));
        return false;
    };
    if (together && !d->begin(Private::Flush::DontWait, &sqlError))
        return fail();
    // The rows are found by their ids (one index scan of the primary key); each finds its start
    // and its attempt count by its id in one JSON object (PostgresRows::jsonByKey), read once:
    // a binary search a row. Looking up its id's position in lists of ids cost each row a
    // reading of the whole lists under the session's plan made once: 12.0-12.8 ms against
    // 3.6-6.2 ms for a statement of 100 starts (a loop of 100 such statements on 1,000
    // deliveries, the writers' settings).
    static const QString sql =
        u"WITH v AS MATERIALIZED (SELECT CAST(? AS jsonb) AS rows) "
        u"UPDATE deliveries AS d SET attempt_started_at = "
        u"CAST(v.rows -> d.id ->> 'started_at' AS bigint) FROM v "
        u"WHERE d.id = ANY (ARRAY(SELECT jsonb_object_keys(rows) FROM v)) AND d."_s
        + ClaimedBy + u" AND d."_s + StillPending
        + u" AND d.attempt_count = CAST(v.rows -> d.id ->> 'count' AS integer) RETURNING d.id"_s;
    static const QStringList startColumns = {u"started_at"_s, u"count"_s};
    QStringList refused;
    for (const QList<AttemptStart> &part : parts) {
        QStringList ids;
        QList<QList<QVariant>> rows;
        for (const AttemptStart &start : part) {
            ids.append(start.deliveryId);
            rows.append({start.startedAt.toMSecsSinceEpoch(), start.number - 1});
        }
        const QList<QByteArray> values = {PostgresRows::jsonByKey(ids, startColumns, rows),
                                          claim.token.toUtf8()};
        std::optional<PostgresResult> result = together ? d->runDirect(sql, values, &sqlError)
                                                        : d->runDirectAlone(sql, values, &sqlError);
        if (!result)
            return fail();
        const QSet<QString> started = result->remainingTexts(0);
        for (const AttemptStart &start : part) {
            if (!started.contains(start.deliveryId))
                refused.append(start.deliveryId);
        }
    }
    if (together && !d->commit(&sqlError))
        return fail();
    if (lost)
        lost->append(refused);
    return true;
}

bool PostgresStore::recordAttempts(const QList<AttemptResult> &results, const Claim &claim,
                                   QStringList *lost, QString *error)
{
    if (!d->checkOpen(error))
        return false;
    for (const AttemptResult &result : results) {
        if (!result.attempt.startedAt.isValid()) {
            setError(error, tr("Cannot record attempts in the database %1: attempt %2 of the "
                               "delivery %3 has no start time; no attempt was recorded.")
                                .arg(d->shown())
                                .arg(result.attempt.number)
                                .arg(result.attempt.deliveryId));
            return false;
        }
    }
    if (results.isEmpty())
        return true;
    QSqlError sqlError;
    const auto fail = [&] {
        d->rollback();
        setError(error, tr("Cannot record attempts in the database %1: %2")
                            .arg(d->shown(), Private::explain(sqlError)));
        return false;
    };
    if (!d->begin(Private::Flush::DontWait, &sqlError))
        return fail();
    QStringList refused;
    bool givenBack = false;
    const auto id = [](const AttemptResult &result) { return result.attempt.deliveryId; };
    for (const QList<AttemptResult> &part : partsWithoutRepeats(results, id)) {
        QString missing;
        if (!d->recordResults(part, claim.token, &refused, &givenBack, &missing, &sqlError))
            return fail();
        if (!missing.isEmpty()) {
            d->rollback();
            setError(error, tr("Cannot record attempts in the database %1: there is no delivery "
                               "%2; no attempt was recorded.")
                                .arg(d->shown(), missing));
            return false;
        }
    }
    // The attempts' deliveries are checked at the commit (schema version 4), with the plan
    // PostgreSQL keeps for that check.
    if ((givenBack && !d->notify(&sqlError)) || !d->commit(&sqlError))
        return fail();
    if (lost)
        lost->append(refused);
    return true;
}

bool PostgresStore::renewClaims(const Claim &claim, const QDateTime &now, QString *error)
{
    if (!d->checkOpen(error))
        return false;
    QSqlError sqlError;
    QSqlQuery *query = d->runAlone(
        u"UPDATE deliveries SET lease_until = CAST(? AS bigint) + GREATEST(CAST(? AS bigint), "
        u"timeout_ms + CAST(? AS bigint)) WHERE claim = ? AND status = 'pending'"_s,
        {now.toMSecsSinceEpoch(), claim.leaseMs, LeaseMarginMs, claim.token}, &sqlError);
    if (query) {
        query->finish();
        return true;
    }
    setError(error, tr("Cannot renew the claims in the database %1: %2")
                        .arg(d->shown(), Private::explain(sqlError)));
    return false;
}

bool PostgresStore::giveBack(const QStringList &deliveryIds, const Claim &claim, bool forgetStarts,
                             QString *error)
{
    if (!d->checkOpen(error))
        return false;
    if (deliveryIds.isEmpty())
        return true;
    // Unsent claims only, unless the starts are known never to have left.
    const QString set = forgetStarts ? u", attempt_started_at = NULL"_s : QString();
    const QString guard = forgetStarts ? StillPending : u"attempt_started_at IS NULL"_s;
    QSqlError sqlError;
    QSqlQuery *query = d->runAlone(
        u"WITH released AS (UPDATE deliveries SET claim = NULL, lease_until = NULL"_s + set
            + u" WHERE id = ANY (string_to_array(CAST(? AS text), chr(31))) AND "_s + ClaimedBy
            + u" AND "_s + guard
            + u" RETURNING id) SELECT count(*), pg_notify('kanca_outbox', '') FROM released"_s,
        {PostgresRows::separated(deliveryIds), claim.token}, &sqlError);
    if (query) {
        query->finish();
        return true;
    }
    setError(error, (forgetStarts ? tr("Cannot give back deliveries in the database %1: %2")
                                  : tr("Cannot give back claims in the database %1: %2"))
                        .arg(d->shown(), Private::explain(sqlError)));
    return false;
}

bool PostgresStore::releaseClaims(const QStringList &deliveryIds, const Claim &claim,
                                  QString *error)
{
    return giveBack(deliveryIds, claim, false, error);
}

bool PostgresStore::releaseUnsent(const QStringList &deliveryIds, const Claim &claim,
                                  QString *error)
{
    return giveBack(deliveryIds, claim, true, error);
}

std::optional<QDateTime> PostgresStore::nextDue(const Claim &claim, QString *error)
{
    if (!d->checkOpen(error))
        return std::nullopt;
    QSqlError sqlError;
    QSqlQuery *query =
        d->runAlone(u"SELECT min(next_attempt_at) FROM deliveries WHERE status = 'pending' "
                    u"AND (claim IS NULL OR (claim <> ? AND lease_until <= ?))"_s,
                    {claim.token, QDateTime::currentMSecsSinceEpoch()}, &sqlError);
    if (!query || !query->next()) {
        setError(error,
                 tr("Cannot read the database %1: %2").arg(d->shown(), Private::explain(sqlError)));
        return std::nullopt;
    }
    const QVariant due = query->value(0);
    query->finish();
    if (due.isNull())
        return std::nullopt;
    return QDateTime::fromMSecsSinceEpoch(due.toLongLong(), Qt::UTC);
}

qint64 PostgresStore::heldElsewhere(const Claim &claim, const QDateTime &now, QString *error)
{
    if (!d->checkOpen(error))
        return 0;
    QSqlError sqlError;
    QSqlQuery *query = d->runAlone(u"SELECT count(*) FROM deliveries WHERE status = 'pending' "
                                   u"AND claim IS NOT NULL AND claim <> ? AND lease_until > ?"_s,
                                   {claim.token, now.toMSecsSinceEpoch()}, &sqlError);
    if (!query || !query->next()) {
        setError(error,
                 tr("Cannot read the database %1: %2").arg(d->shown(), Private::explain(sqlError)));
        return 0;
    }
    const qint64 count = query->value(0).toLongLong();
    query->finish();
    return count;
}

std::optional<Outbox::Depth> PostgresStore::depth(QString *error)
{
    if (!d->checkOpen(error))
        return std::nullopt;
    QSqlError sqlError;
    QSqlQuery *query =
        d->runAlone(u"SELECT count(*), min(created_at) FROM deliveries WHERE status = 'pending'"_s,
                    {}, &sqlError);
    if (!query || !query->next()) {
        setError(error,
                 tr("Cannot read the database %1: %2").arg(d->shown(), Private::explain(sqlError)));
        return std::nullopt;
    }
    Depth depth;
    depth.pending = query->value(0).toLongLong();
    if (!query->value(1).isNull())
        depth.oldestCreatedAt =
            QDateTime::fromMSecsSinceEpoch(query->value(1).toLongLong(), Qt::UTC);
    query->finish();
    return depth;
}

} // namespace Kanca
