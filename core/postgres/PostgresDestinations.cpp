// The destination side of PostgresStore (see DestinationCoordination): host slots, the engines
// starved of them, and shared circuit breakers. A slot is a row of destination_slots while it is
// held and no row when free, so taking slots is one INSERT … ON CONFLICT of the free slot numbers
// (an expired lease is taken over by the conflict's update), and the table stays as small as the
// slots in use.
#include "outbox/ClaimToken.h"
#include "postgres/PostgresPrivate.h"
#include "postgres/PostgresRows.h"

#include <QChar>
#include <QSet>
#include <QStringList>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Kanca {

namespace {

QString numbersValue(const QList<int> &numbers)
{
    QStringList items;
    items.reserve(numbers.size());
    for (const int n : numbers)
        items.append(QString::number(n));
    return PostgresRows::separated(items);
}

// How long a starved engine's word lasts without being said again (it says it every pass).
constexpr qint64 StarvedForMs = 1'000;
// Rows left by engines that ended without giving them back are forgotten this long after
// their leases ran out.
constexpr qint64 ForgetRowsAfterMs = 60'000;
// On this machine, the holders of slots a starved engine waits for are checked for being gone
// at most this often.
constexpr qint64 HolderCheckMs = 1'000;

// Takes free slot numbers (no row, or a row whose lease ran out) of each wanted destination, at
// most n of each, lowest first; a slot another engine takes at the same moment is left to it.
const QString TakeSlots =
    u"INSERT INTO destination_slots AS s (destination, slot, claim, lease_until) "
    u"SELECT c.destination, c.slot, CAST(? AS text), CAST(? AS bigint) FROM ("
    u"SELECT w.destination, g.slot, w.n, "
    u"row_number() OVER (PARTITION BY w.destination ORDER BY g.slot) AS k "
    u"FROM unnest(string_to_array(CAST(? AS text), chr(31)), "
    u"CAST(string_to_array(CAST(? AS text), chr(31)) AS integer[])) AS w(destination, n) "
    u"CROSS JOIN generate_series(0, CAST(? AS integer) - 1) AS g(slot) "
    u"WHERE NOT EXISTS (SELECT 1 FROM destination_slots h WHERE h.destination = w.destination "
    u"AND h.slot = g.slot AND h.lease_until > CAST(? AS bigint))) AS c "
    u"WHERE c.k <= c.n ORDER BY c.destination, c.slot "
    u"ON CONFLICT (destination, slot) DO UPDATE SET claim = excluded.claim, "
    u"lease_until = excluded.lease_until WHERE s.lease_until <= CAST(? AS bigint) "
    u"RETURNING destination"_s;

} // namespace

DestinationCoordination *PostgresStore::destinationCoordination()
{
    return this;
}

std::optional<DestinationCoordination::SlotAnswer>
PostgresStore::takeSlots(const QList<SlotNeed> &needs, int maxPerHost, const Claim &claim,
                         qint64 nowMs, QString *error)
{
    if (!d->checkOpen(error))
        return std::nullopt;
    QSqlError sqlError;
    const auto fail = [&] {
        d->rollback();
        setError(error, tr("Cannot share the host slots in the database %1: %2")
                            .arg(d->shown(), Private::explain(sqlError)));
        return std::nullopt;
    };
    SlotAnswer answer;
    if (needs.isEmpty())
        return answer;
    QStringList all;
    QStringList starved;
    QStringList fed;
    QStringList wanted;
    QList<int> counts;
    for (const SlotNeed &need : needs) {
        all.append(need.destination);
        (need.starved ? starved : fed).append(need.destination);
        if (need.more > 0) {
            wanted.append(need.destination);
            counts.append(need.more);
        }
    }
    if (!d->begin(Private::Flush::DontWait, &sqlError))
        return fail();
    if (!starved.isEmpty()
        && !d->exec(u"INSERT INTO destination_starved (destination, claim, until) "
                    u"SELECT unnest(string_to_array(CAST(? AS text), chr(31))), CAST(? AS text), "
                    u"CAST(? AS bigint) ON CONFLICT (destination, claim) DO UPDATE SET "
                    u"until = excluded.until"_s,
                    {PostgresRows::separated(starved), claim.token, nowMs + StarvedForMs},
                    &sqlError)) {
        return fail();
    }
    if (!fed.isEmpty()
        && !d->exec(u"DELETE FROM destination_starved WHERE claim = ? AND destination = ANY "
                    u"(string_to_array(CAST(? AS text), chr(31)))"_s,
                    {claim.token, PostgresRows::separated(fed)}, &sqlError)) {
        return fail();
    }
    const qint64 leaseUntil = nowMs + claim.leaseMs;
    const auto take = [&]() -> bool {
        QSqlQuery *query = d->run(TakeSlots,
                                  {claim.token, leaseUntil, PostgresRows::separated(wanted),
                                   numbersValue(counts), maxPerHost, nowMs, nowMs},
                                  &sqlError);
        if (!query)
            return false;
        while (query->next())
            ++answer.granted[query->value(0).toString()];
        query->finish();
        return true;
    };
    if (!wanted.isEmpty()) {
        if (!take())
            return fail();
        // Short: slots of processes of this machine that are gone are free at once.
        bool shortOfSlots = false;
        for (qsizetype i = 0; i < wanted.size(); ++i)
            shortOfSlots = shortOfSlots || answer.granted.value(wanted.at(i)) < counts.at(i);
        if (shortOfSlots && nowMs - d->holdersCheckedAtMs >= HolderCheckMs) {
            d->holdersCheckedAtMs = nowMs;
            QSqlQuery *holders =
                d->run(u"SELECT DISTINCT claim FROM destination_slots WHERE destination = ANY "
                       u"(string_to_array(CAST(? AS text), chr(31))) AND claim <> ? "
                       u"AND lease_until > ?"_s,
                       {PostgresRows::separated(wanted), claim.token, nowMs}, &sqlError);
            if (!holders)
                return fail();
            QStringList gone;
            while (holders->next()) {
                const QString token = holders->value(0).toString();
                if (ClaimToken::holderAlive(token) == false)
                    gone.append(token);
            }
            holders->finish();
            if (!gone.isEmpty()) {
                if (!d->exec(u"DELETE FROM destination_slots WHERE claim = ANY "
                             u"(string_to_array(CAST(? AS text), chr(31)))"_s,
                             {PostgresRows::separated(gone)}, &sqlError)) {
                    return fail();
                }
                for (qsizetype i = 0; i < wanted.size(); ++i)
                    counts[i] = std::max(0, counts.at(i) - answer.granted.value(wanted.at(i)));
                if (!take())
                    return fail();
            }
        }
    }
    QSqlQuery *query =
        d->run(u"SELECT destination, count(*) FROM destination_starved WHERE destination = ANY "
               u"(string_to_array(CAST(? AS text), chr(31))) AND claim <> ? AND until > ? "
               u"GROUP BY destination"_s,
               {PostgresRows::separated(all), claim.token, nowMs}, &sqlError);
    if (!query)
        return fail();
    while (query->next())
        answer.starvedElsewhere.insert(query->value(0).toString(), query->value(1).toInt());
    query->finish();
    if (!d->commit(&sqlError))
        return fail();
    return answer;
}

bool PostgresStore::releaseSlots(const QHash<QString, int> &counts, const Claim &claim,
                                 QString *error)
{
    if (!d->checkOpen(error))
        return false;
    if (counts.isEmpty())
        return true;
    QStringList destinations;
    QList<int> numbers;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
        if (it.value() == 0)
            continue;
        destinations.append(it.key());
        numbers.append(it.value());
    }
    if (destinations.isEmpty())
        return true;
    QSqlError sqlError;
    // The highest slot numbers go first; a count below 0 gives back every slot held there.
    QSqlQuery *query = d->runAlone(
        u"DELETE FROM destination_slots WHERE claim = CAST(? AS text) AND (destination, slot) IN "
        u"(SELECT c.destination, c.slot FROM (SELECT h.destination, h.slot, w.n, "
        u"row_number() OVER (PARTITION BY h.destination ORDER BY h.slot DESC) AS k "
        u"FROM destination_slots h JOIN unnest(string_to_array(CAST(? AS text), chr(31)), "
        u"CAST(string_to_array(CAST(? AS text), chr(31)) AS integer[])) AS w(destination, n) "
        u"ON h.destination = w.destination WHERE h.claim = CAST(? AS text)) AS c "
        u"WHERE c.n < 0 OR c.k <= c.n)"_s,
        {claim.token, PostgresRows::separated(destinations), numbersValue(numbers), claim.token},
        &sqlError);
    if (query) {
        query->finish();
        return true;
    }
    setError(error, tr("Cannot share the host slots in the database %1: %2")
                        .arg(d->shown(), Private::explain(sqlError)));
    return false;
}

std::optional<QHash<QString, int>> PostgresStore::renewSlots(const Claim &claim, qint64 nowMs,
                                                             QString *error)
{
    if (!d->checkOpen(error))
        return std::nullopt;
    QSqlError sqlError;
    const auto fail = [&] {
        d->rollback();
        setError(error, tr("Cannot share the host slots in the database %1: %2")
                            .arg(d->shown(), Private::explain(sqlError)));
        return std::nullopt;
    };
    if (!d->begin(Private::Flush::DontWait, &sqlError))
        return fail();
    QSqlQuery *query = d->run(u"UPDATE destination_slots SET lease_until = ? WHERE claim = ? "
                              u"RETURNING destination"_s,
                              {nowMs + claim.leaseMs, claim.token}, &sqlError);
    if (!query)
        return fail();
    QHash<QString, int> held;
    while (query->next())
        ++held[query->value(0).toString()];
    query->finish();
    // What engines that ended without a word left behind.
    if (!d->exec(u"DELETE FROM destination_slots WHERE lease_until < ?"_s,
                 {nowMs - ForgetRowsAfterMs}, &sqlError)
        || !d->exec(u"DELETE FROM destination_starved WHERE until < ?"_s,
                    {nowMs - ForgetRowsAfterMs}, &sqlError)
        || !d->commit(&sqlError)) {
        return fail();
    }
    return held;
}

std::optional<QList<DestinationCoordination::Breaker>> PostgresStore::openBreakers(qint64 nowMs,
                                                                                   QString *error)
{
    if (!d->checkOpen(error))
        return std::nullopt;
    QSqlError sqlError;
    QSqlQuery *query = d->runAlone(
        u"SELECT destination, failures, cool_down_ms, CASE WHEN probe_until > ? THEN "
        u"GREATEST(reopens_at, probe_until) ELSE reopens_at END FROM destination_breakers"_s,
        {nowMs}, &sqlError);
    if (!query) {
        setError(error, tr("Cannot share the circuit breakers in the database %1: %2")
                            .arg(d->shown(), Private::explain(sqlError)));
        return std::nullopt;
    }
    QList<Breaker> breakers;
    while (query->next()) {
        breakers.append({query->value(0).toString(), query->value(1).toInt(),
                         query->value(2).toLongLong(), query->value(3).toLongLong()});
    }
    query->finish();
    return breakers;
}

bool PostgresStore::openBreaker(const Breaker &breaker, const Claim &claim, QString *error)
{
    if (!d->checkOpen(error))
        return false;
    QSqlError sqlError;
    QSqlQuery *query =
        d->runAlone(u"INSERT INTO destination_breakers AS b (destination, failures, cool_down_ms, "
                    u"reopens_at) VALUES (?, ?, ?, ?) ON CONFLICT (destination) DO UPDATE SET "
                    u"failures = GREATEST(b.failures, excluded.failures), "
                    u"cool_down_ms = GREATEST(b.cool_down_ms, excluded.cool_down_ms), "
                    u"reopens_at = GREATEST(b.reopens_at, excluded.reopens_at), "
                    u"probe_until = CASE WHEN b.probe_claim = CAST(? AS text) THEN NULL "
                    u"ELSE b.probe_until END, "
                    u"probe_claim = CASE WHEN b.probe_claim = CAST(? AS text) THEN NULL "
                    u"ELSE b.probe_claim END"_s,
                    {breaker.destination, breaker.failures, breaker.coolDownMs, breaker.reopensAtMs,
                     claim.token, claim.token},
                    &sqlError);
    if (query) {
        query->finish();
        return true;
    }
    setError(error, tr("Cannot share the circuit breakers in the database %1: %2")
                        .arg(d->shown(), Private::explain(sqlError)));
    return false;
}

std::optional<DestinationCoordination::Probe> PostgresStore::takeProbe(const QString &destination,
                                                                       const Claim &claim,
                                                                       qint64 nowMs, QString *error)
{
    if (!d->checkOpen(error))
        return std::nullopt;
    QSqlError sqlError;
    // One statement: the probe taken if due and free, and whether the breaker is there at all
    // (the snapshot before the update).
    QSqlQuery *query = d->runAlone(
        u"WITH taken AS (UPDATE destination_breakers SET probe_claim = CAST(? AS text), "
        u"probe_until = CAST(? AS bigint) WHERE destination = CAST(? AS text) "
        u"AND reopens_at <= CAST(? AS bigint) AND (probe_claim IS NULL "
        u"OR probe_until <= CAST(? AS bigint) OR probe_claim = CAST(? AS text)) RETURNING 1) "
        u"SELECT (SELECT count(*) FROM taken), (SELECT count(*) FROM destination_breakers "
        u"WHERE destination = CAST(? AS text))"_s,
        {claim.token, nowMs + claim.leaseMs, destination, nowMs, nowMs, claim.token, destination},
        &sqlError);
    if (!query || !query->next()) {
        setError(error, tr("Cannot share the circuit breakers in the database %1: %2")
                            .arg(d->shown(), Private::explain(sqlError)));
        return std::nullopt;
    }
    const bool taken = query->value(0).toInt() > 0;
    const bool open = query->value(1).toInt() > 0;
    query->finish();
    if (taken)
        return Probe::Granted;
    return open ? Probe::Held : Probe::Closed;
}

bool PostgresStore::closeBreaker(const QString &destination, QString *error)
{
    if (!d->checkOpen(error))
        return false;
    QSqlError sqlError;
    QSqlQuery *query = d->runAlone(u"DELETE FROM destination_breakers WHERE destination = ?"_s,
                                   {destination}, &sqlError);
    if (query) {
        query->finish();
        return true;
    }
    setError(error, tr("Cannot share the circuit breakers in the database %1: %2")
                        .arg(d->shown(), Private::explain(sqlError)));
    return false;
}

} // namespace Kanca
