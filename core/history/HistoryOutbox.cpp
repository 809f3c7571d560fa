// The outbox side of HistoryDatabase (see Outbox): new deliveries, claims with leases, started
// attempts, and the guarded recording of results. Every change runs in a BEGIN IMMEDIATE
// transaction, so that any number of connections and processes on one file see one order.
#include "history/HistoryDatabase.h"
#include "history/HistoryPrivate.h"
#include "history/HistoryRows.h"
#include "outbox/ClaimToken.h"
#include "outbox/InterruptedAttempt.h"

#include <QStringList>

using namespace Qt::StringLiterals;

namespace Kanca {

using namespace HistoryErrors;
using namespace HistoryRows;

namespace {

// The values of UpdateDelivery for a result, guarded by `claimToken`.
QList<QVariant> updateValues(const Outbox::AttemptResult &result, const QString &claimToken)
{
    return resultValues(result) + QList<QVariant>{result.attempt.deliveryId, claimToken};
}

QString placeholders(qsizetype count)
{
    QStringList marks;
    marks.fill(u"?"_s, count);
    return marks.join(u", "_s);
}

} // namespace

QString HistoryDatabase::location() const
{
    return native(d->path);
}

bool HistoryDatabase::insertDeliveries(const QList<Delivery> &deliveries, const Claim *claim,
                                       QString *error)
{
    if (!d->checkOpen(error))
        return false;
    const QString shown = native(d->path);
    for (const Delivery &delivery : deliveries) {
        if (delivery.id.isEmpty()) {
            setError(error, tr("Cannot add deliveries to the history %1: a delivery has no id; "
                               "none was added.")
                                .arg(shown));
            return false;
        }
        if (!delivery.createdAt.isValid()) {
            setError(error, tr("Cannot add deliveries to the history %1: the delivery %2 has no "
                               "creation time; none was added.")
                                .arg(shown, delivery.id));
            return false;
        }
    }
    if (deliveries.isEmpty())
        return true;

    QSqlError sqlError;
    if (!d->begin(&sqlError)) {
        setError(error,
                 tr("Cannot add deliveries to the history %1: %2").arg(shown, explain(sqlError)));
        return false;
    }
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (const Delivery &delivery : deliveries) {
        if (d->insertDelivery(delivery, claim, now, &sqlError))
            continue;
        d->rollback();
        if (sqliteCode(sqlError) == SqliteConstraint) {
            setError(error, tr("Cannot add deliveries to the history %1: a delivery with the id "
                               "%2 is already there; none was added.")
                                .arg(shown, delivery.id));
        } else {
            setError(error, tr("Cannot add the delivery %1 to the history %2: %3; none was "
                               "added.")
                                .arg(delivery.id, shown, explain(sqlError)));
        }
        return false;
    }
    if (!d->commit(&sqlError)) {
        d->rollback();
        setError(error,
                 tr("Cannot add deliveries to the history %1: %2").arg(shown, explain(sqlError)));
        return false;
    }
    return true;
}

bool HistoryDatabase::Private::insertDelivery(const Delivery &delivery, const Outbox::Claim *claim,
                                              qint64 now, QSqlError *sqlError)
{
    if (!write(InsertDelivery, newDeliveryValues(delivery, claim, now), sqlError))
        return false;
    if (claim)
        rememberAuthHeader(delivery); // this engine records its attempts
    return true;
}

// Inside the claim's transaction: every delivery whose claim expired while an attempt was in
// flight gets that attempt recorded as interrupted, and is given back (or failed, when it has no
// attempts left).
bool HistoryDatabase::Private::recordInterrupted(const Outbox::Claim &claim, qint64 now,
                                                 QSqlError *sqlError)
{
    // The claims of processes of this machine that are gone end now: no need to wait for their
    // leases to run out.
    {
        QSqlQuery holders(db);
        holders.setForwardOnly(true);
        // Through the claims' index, around this claim's own entries: a deep outbox (or many
        // deliveries held here) costs nothing ("+status" keeps the planner off the status index).
        if (!holders.prepare(u"SELECT DISTINCT claim FROM deliveries WHERE (claim < ? OR "
                             u"claim > ?) AND +status = 'pending' AND lease_until > ?"_s)) {
            *sqlError = holders.lastError();
            return false;
        }
        holders.bindValue(0, claim.token);
        holders.bindValue(1, claim.token);
        holders.bindValue(2, now);
        if (!holders.exec()) {
            *sqlError = holders.lastError();
            return false;
        }
        QStringList gone;
        while (holders.next()) {
            const QString token = holders.value(0).toString();
            if (ClaimToken::holderAlive(token) == false)
                gone.append(token);
        }
        if (holders.lastError().isValid()) {
            *sqlError = holders.lastError();
            return false;
        }
        holders.finish();
        for (const QString &token : std::as_const(gone)) {
            QSqlQuery expire(db);
            if (!expire.prepare(u"UPDATE deliveries SET lease_until = ? WHERE claim = ?"_s)) {
                *sqlError = expire.lastError();
                return false;
            }
            expire.bindValue(0, now);
            expire.bindValue(1, token);
            if (!expire.exec()) {
                *sqlError = expire.lastError();
                return false;
            }
        }
    }

    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (!query.prepare(u"SELECT "_s + DeliveryColumns
                       + u", attempt_started_at, claim FROM deliveries WHERE +status = 'pending' "
                         u"AND (claim < ? OR claim > ?) AND lease_until <= ? "
                         u"AND attempt_started_at IS NOT NULL"_s)) {
        *sqlError = query.lastError();
        return false;
    }
    query.bindValue(0, claim.token);
    query.bindValue(1, claim.token);
    query.bindValue(2, now);
    if (!query.exec()) {
        *sqlError = query.lastError();
        return false;
    }
    struct Interrupted
    {
        Delivery delivery;
        qint64 startedAt = 0;
        QString claim;
    };
    QList<Interrupted> interrupted;
    const int extra = int(DeliveryColumnCount);
    while (query.next()) {
        interrupted.append({readDelivery(query), query.value(extra).toLongLong(),
                            query.value(extra + 1).toString()});
    }
    if (query.lastError().isValid()) {
        *sqlError = query.lastError();
        return false;
    }
    query.finish();

    for (const Interrupted &item : std::as_const(interrupted)) {
        const Delivery &delivery = item.delivery;
        const Outbox::AttemptResult result =
            InterruptedAttempt::result(delivery, item.startedAt, now);
        const QString authHeader =
            delivery.auth.type == Auth::Type::Header ? delivery.auth.headerName : QString();
        if (!write(UpdateDelivery, updateValues(result, item.claim), sqlError))
            return false;
        if (changes() == 0)
            continue; // taken meanwhile: cannot happen inside BEGIN IMMEDIATE, but never guess
        if (!write(InsertAttempt, attemptValues(result.attempt, authHeader), sqlError))
            return false;
    }
    return true;
}

std::optional<QList<Delivery>> HistoryDatabase::claimDue(const ClaimRequest &request,
                                                         const Claim &claim, QString *error)
{
    if (!d->checkOpen(error))
        return std::nullopt;
    const QString shown = native(d->path);
    QSqlError sqlError;
    const auto fail = [&] {
        d->rollback();
        setError(error,
                 tr("Cannot claim deliveries in the history %1: %2").arg(shown, explain(sqlError)));
        return std::nullopt;
    };
    if (request.limit <= 0 || (request.onlyIds && request.onlyIds->isEmpty()))
        return QList<Delivery>();
    const qint64 now =
        (request.now.isValid() ? request.now : QDateTime::currentDateTimeUtc()).toMSecsSinceEpoch();

    if (!d->begin(&sqlError))
        return fail();
    if (!d->recordInterrupted(claim, now, &sqlError))
        return fail();

    QString candidates = u"SELECT id FROM deliveries WHERE status = 'pending' "
                         u"AND next_attempt_at <= ? AND attempt_started_at IS NULL "
                         u"AND (claim IS NULL OR (claim <> ? AND lease_until <= ?))"_s;
    QList<QVariant> values = {claim.token, now, claim.leaseMs, LeaseMarginMs, now,
                              claim.token, now};
    if (!request.skipDestinations.isEmpty()) {
        candidates +=
            u" AND destination NOT IN ("_s + placeholders(request.skipDestinations.size()) + u')';
        for (const QString &destination : request.skipDestinations)
            values.append(destination);
    }
    if (request.onlyIds) {
        candidates += u" AND id IN ("_s + placeholders(request.onlyIds->size()) + u')';
        for (const QString &id : *request.onlyIds)
            values.append(id);
    }
    candidates += u" ORDER BY next_attempt_at, created_at, id LIMIT ?"_s;
    values.append(request.limit);

    QSqlQuery query(d->db);
    query.setForwardOnly(true);
    if (!query.prepare(u"UPDATE deliveries SET claim = ?, lease_until = ? + max(?, timeout_ms + ?) "
                       u"WHERE id IN ("_s
                       + candidates + u") RETURNING "_s + DeliveryColumns)) {
        sqlError = query.lastError();
        return fail();
    }
    for (qsizetype i = 0; i < values.size(); ++i)
        query.bindValue(int(i), values.at(i));
    if (!query.exec()) {
        sqlError = query.lastError();
        return fail();
    }
    QList<Delivery> claimed;
    while (query.next()) {
        claimed.append(readDelivery(query));
        d->rememberAuthHeader(claimed.constLast());
    }
    if (query.lastError().isValid()) {
        sqlError = query.lastError();
        return fail();
    }
    query.finish();
    if (!d->commit(&sqlError))
        return fail();

    sortSoonestDueFirst(claimed);
    return claimed;
}

bool HistoryDatabase::startAttempts(const QList<AttemptStart> &starts, const Claim &claim,
                                    QStringList *lost, QString *error)
{
    if (!d->checkOpen(error))
        return false;
    if (starts.isEmpty())
        return true;
    const QString shown = native(d->path);
    QSqlError sqlError;
    const auto fail = [&] {
        d->rollback();
        setError(error, tr("Cannot record the start of attempts in the history %1: %2")
                            .arg(shown, explain(sqlError)));
        return false;
    };
    if (!d->begin(&sqlError))
        return fail();
    QStringList refused;
    for (const AttemptStart &start : starts) {
        if (!d->write(Private::StartAttempt,
                      {start.startedAt.toMSecsSinceEpoch(), start.deliveryId, claim.token,
                       start.number - 1},
                      &sqlError)) {
            return fail();
        }
        if (d->changes() == 0)
            refused.append(start.deliveryId);
    }
    if (!d->commit(&sqlError))
        return fail();
    if (lost)
        lost->append(refused);
    return true;
}

bool HistoryDatabase::recordAttempts(const QList<AttemptResult> &results, const Claim &claim,
                                     QStringList *lost, QString *error)
{
    if (!d->checkOpen(error))
        return false;
    const QString shown = native(d->path);
    for (const AttemptResult &result : results) {
        if (!result.attempt.startedAt.isValid()) {
            setError(error, tr("Cannot record attempts in the history %1: attempt %2 of the "
                               "delivery %3 has no start time; no attempt was recorded.")
                                .arg(shown)
                                .arg(result.attempt.number)
                                .arg(result.attempt.deliveryId));
            return false;
        }
    }
    if (results.isEmpty())
        return true;

    QSqlError sqlError;
    const auto failSql = [&] {
        d->rollback();
        setError(error,
                 tr("Cannot record attempts in the history %1: %2").arg(shown, explain(sqlError)));
        return false;
    };
    if (!d->begin(&sqlError))
        return failSql();
    QStringList refused;
    for (const AttemptResult &result : results) {
        const Attempt &attempt = result.attempt;
        const auto known = d->knownAuthHeaders.constFind(attempt.deliveryId);
        const bool remembered = known != d->knownAuthHeaders.cend();
        bool found = remembered;
        const QString authHeader =
            remembered ? *known : d->authHeaderName(attempt.deliveryId, &found, &sqlError);
        if (sqlError.isValid())
            return failSql();
        bool updated = false;
        if (found) {
            if (!d->write(Private::UpdateDelivery, updateValues(result, claim.token), &sqlError))
                return failSql();
            updated = d->changes() > 0;
            if (!updated && remembered) // not ours any more, or not there at all?
                d->authHeaderName(attempt.deliveryId, &found, &sqlError);
            if (sqlError.isValid())
                return failSql();
        }
        if (!found) {
            d->rollback();
            setError(error, tr("Cannot record attempts in the history %1: there is no delivery "
                               "%2; no attempt was recorded.")
                                .arg(shown, attempt.deliveryId));
            return false;
        }
        if (!updated) {
            refused.append(attempt.deliveryId); // another engine holds it now
            continue;
        }
        if (!d->write(Private::InsertAttempt, attemptValues(attempt, authHeader), &sqlError))
            return failSql();
        if (result.status != DeliveryStatus::Pending)
            d->knownAuthHeaders.remove(attempt.deliveryId); // no attempt follows
    }
    if (!d->commit(&sqlError))
        return failSql();
    if (lost)
        lost->append(refused);
    return true;
}

bool HistoryDatabase::renewClaims(const Claim &claim, const QDateTime &now, QString *error)
{
    if (!d->checkOpen(error))
        return false;
    QSqlError sqlError;
    if (d->write(Private::RenewClaims,
                 {now.toMSecsSinceEpoch(), claim.leaseMs, LeaseMarginMs, claim.token}, &sqlError)) {
        return true;
    }
    setError(error, tr("Cannot renew the claims in the history %1: %2")
                        .arg(native(d->path), explain(sqlError)));
    return false;
}

bool HistoryDatabase::Private::writeForEach(Statement statement, const QStringList &deliveryIds,
                                            const QString &token, QSqlError *sqlError)
{
    if (!begin(sqlError))
        return false;
    for (const QString &id : deliveryIds) {
        if (!write(statement, {id, token}, sqlError)) {
            rollback();
            return false;
        }
    }
    if (commit(sqlError))
        return true;
    rollback();
    return false;
}

bool HistoryDatabase::releaseClaims(const QStringList &deliveryIds, const Claim &claim,
                                    QString *error)
{
    if (!d->checkOpen(error))
        return false;
    QSqlError sqlError;
    if (deliveryIds.isEmpty()
        || d->writeForEach(Private::ReleaseClaim, deliveryIds, claim.token, &sqlError)) {
        return true;
    }
    setError(error, tr("Cannot give back claims in the history %1: %2")
                        .arg(native(d->path), explain(sqlError)));
    return false;
}

bool HistoryDatabase::releaseUnsent(const QStringList &deliveryIds, const Claim &claim,
                                    QString *error)
{
    if (!d->checkOpen(error))
        return false;
    QSqlError sqlError;
    if (deliveryIds.isEmpty()
        || d->writeForEach(Private::ReleaseUnsent, deliveryIds, claim.token, &sqlError)) {
        return true;
    }
    setError(error, tr("Cannot give back deliveries in the history %1: %2")
                        .arg(native(d->path), explain(sqlError)));
    return false;
}

bool HistoryDatabase::endClaims(const Claim &claim, QString *error)
{
    if (!d->checkOpen(error))
        return false;
    QSqlError sqlError;
    if (d->write(Private::EndClaims, {QDateTime::currentMSecsSinceEpoch(), claim.token},
                 &sqlError)) {
        return true;
    }
    setError(error, tr("Cannot give back claims in the history %1: %2")
                        .arg(native(d->path), explain(sqlError)));
    return false;
}

std::optional<QDateTime> HistoryDatabase::nextDue(const Claim &claim, QString *error)
{
    if (!d->checkOpen(error))
        return std::nullopt;
    QSqlError sqlError;
    QSqlQuery *query =
        d->run(Private::NextDue, {claim.token, QDateTime::currentMSecsSinceEpoch()}, &sqlError);
    if (!query || !query->next()) {
        setError(error, d->readError(query ? query->lastError() : sqlError));
        return std::nullopt;
    }
    const QVariant due = query->value(0);
    query->finish();
    if (due.isNull())
        return std::nullopt;
    return QDateTime::fromMSecsSinceEpoch(due.toLongLong(), Qt::UTC);
}

qint64 HistoryDatabase::heldElsewhere(const Claim &claim, const QDateTime &now, QString *error)
{
    if (!d->checkOpen(error))
        return 0;
    return d->count(Private::HeldElsewhere, {claim.token, now.toMSecsSinceEpoch()}, error);
}

std::optional<Outbox::Depth> HistoryDatabase::depth(QString *error)
{
    if (!d->checkOpen(error))
        return std::nullopt;
    // Both from the outbox's partial index: as fast as the outbox is small.
    QSqlQuery query(d->db);
    query.setForwardOnly(true);
    if (!query.exec(u"SELECT count(*), min(created_at) FROM deliveries "
                    u"WHERE status = 'pending'"_s)
        || !query.next()) {
        setError(error, d->readError(query.lastError()));
        return std::nullopt;
    }
    Depth depth;
    depth.pending = query.value(0).toLongLong();
    if (!query.value(1).isNull())
        depth.oldestCreatedAt =
            QDateTime::fromMSecsSinceEpoch(query.value(1).toLongLong(), Qt::UTC);
    return depth;
}

bool HistoryDatabase::isReachable(QString *error)
{
    if (!d->checkOpen(error))
        return false;
    QSqlQuery query(d->db);
    if (query.exec(u"SELECT count(*) FROM sqlite_master"_s) && query.next())
        return true;
    setError(error, d->readError(query.lastError()));
    return false;
}

} // namespace Kanca
