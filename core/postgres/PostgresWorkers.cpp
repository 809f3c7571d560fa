// The fleet side of PostgresStore (see WorkerRegistry): one row per server in the table workers,
// written by the server itself. Every time is the database's clock, so that servers whose clocks
// disagree are judged alike.
#include "postgres/PostgresPrivate.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Kanca {

namespace {

// Now, by the database's clock, in milliseconds since the epoch (one value for a statement).
const QString DatabaseNow = u"CAST(extract(epoch FROM statement_timestamp()) * 1000 AS bigint)"_s;

QDateTime timeOf(const QVariant &value)
{
    return QDateTime::fromMSecsSinceEpoch(value.toLongLong(), Qt::UTC);
}

} // namespace

bool PostgresStore::beat(const Worker &worker, QString *error)
{
    if (!d->checkOpen(error))
        return false;
    // One statement: rows no server has written for a long time go, and this one is written.
    const QString sql =
        u"WITH forgotten AS (DELETE FROM workers WHERE heartbeat_at < "_s + DatabaseNow
        + u" - CAST(? AS bigint) AND id <> ?) "
          u"INSERT INTO workers (id, host, pid, address, rule_set_hash, version, draining, "
          u"in_flight, claimed, started_at, heartbeat_at) "
          u"VALUES (?, ?, ?, ?, ?, ?, CAST(? AS integer) = 1, ?, ?, "_s
        + DatabaseNow + u", "_s + DatabaseNow
        + u") ON CONFLICT (id) DO UPDATE SET address = EXCLUDED.address, "
          u"rule_set_hash = EXCLUDED.rule_set_hash, version = EXCLUDED.version, "
          u"draining = EXCLUDED.draining, in_flight = EXCLUDED.in_flight, "
          u"claimed = EXCLUDED.claimed, heartbeat_at = EXCLUDED.heartbeat_at"_s;
    QSqlError sqlError;
    QSqlQuery *query = d->runAlone(sql,
                                   {ForgetAfterMs, worker.id, worker.id, worker.host, worker.pid,
                                    worker.address, worker.ruleSetHash, worker.version,
                                    worker.draining ? 1 : 0, worker.inFlight, worker.claimed},
                                   &sqlError);
    if (!query) {
        setError(error, tr("Cannot write this server's heartbeat to the database %1: %2")
                            .arg(d->shown(), Private::explain(sqlError)));
        return false;
    }
    query->finish();
    return true;
}

bool PostgresStore::removeWorker(const QString &id, QString *error)
{
    if (!d->checkOpen(error))
        return false;
    QSqlError sqlError;
    QSqlQuery *query = d->runAlone(u"DELETE FROM workers WHERE id = ?"_s, {id}, &sqlError);
    if (!query) {
        setError(error, tr("Cannot remove this server from the database %1: %2")
                            .arg(d->shown(), Private::explain(sqlError)));
        return false;
    }
    query->finish();
    return true;
}

std::optional<QList<WorkerRegistry::Worker>> PostgresStore::workers(QString *error)
{
    if (!d->checkOpen(error))
        return std::nullopt;
    QSqlError sqlError;
    QSqlQuery *query = d->runAlone(
        u"SELECT id, host, pid, address, rule_set_hash, version, draining, in_flight, claimed, "
        u"started_at, heartbeat_at, "_s
            + DatabaseNow + u" - heartbeat_at FROM workers ORDER BY host, started_at, id"_s,
        {}, &sqlError);
    if (!query) {
        setError(error,
                 tr("Cannot read the database %1: %2").arg(d->shown(), Private::explain(sqlError)));
        return std::nullopt;
    }
    QList<Worker> out;
    while (query->next()) {
        Worker worker;
        worker.id = query->value(0).toString();
        worker.host = query->value(1).toString();
        worker.pid = query->value(2).toLongLong();
        worker.address = query->value(3).toString();
        worker.ruleSetHash = query->value(4).toString();
        worker.version = query->value(5).toString();
        worker.draining = query->value(6).toBool();
        worker.inFlight = query->value(7).toLongLong();
        worker.claimed = query->value(8).toLongLong();
        worker.startedAt = timeOf(query->value(9));
        worker.heartbeatAt = timeOf(query->value(10));
        worker.heartbeatAgeMs = std::max<qint64>(0, query->value(11).toLongLong());
        out.append(worker);
    }
    query->finish();
    return out;
}

} // namespace Kanca
