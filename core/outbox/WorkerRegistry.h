#pragma once

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace Kanca {

// The servers sharing one outbox (the fleet), as each reports itself: who it is, where it
// listens, the rule set it runs and how much work it holds. A server writes its row when it
// starts, again every HeartbeatMs (its heartbeat), at once when its rule set changes or it starts
// to drain, and removes it when it stops cleanly; a row whose heartbeat is older than
// StaleAfterMs belongs to a server that died, hangs or cannot reach the database. Times are the
// database's, so that one clock judges the whole fleet. PostgreSQL implements it (the table
// workers); a SQLite history serves one server and has none (OutboxStorage::workerRegistry()).
class WorkerRegistry
{
public:
    virtual ~WorkerRegistry() = default;

    static constexpr int HeartbeatMs = 5'000;
    static constexpr qint64 StaleAfterMs = 30'000;
    // A row without a heartbeat for this long is no server any more: the next heartbeat of any
    // server deletes it.
    static constexpr qint64 ForgetAfterMs = 60 * 60 * 1000;

    struct Worker
    {
        QString id;          // the server's claim token, HOST/PID/RANDOM (see ClaimToken)
        QString host;        // the machine's name
        qint64 pid = 0;      // the process on it
        QString address;     // where it listens (its URL)
        QString ruleSetHash; // SHA-256 of the rule set it runs, lower-case hex
        QString version;     // Kanca's version
        bool draining = false;
        qint64 inFlight = 0; // attempts on the wire, at the last heartbeat
        qint64 claimed = 0;  // deliveries it holds (scheduled, waiting or in flight), likewise
        // Read back only (workers()), by the database's clock:
        QDateTime startedAt;
        QDateTime heartbeatAt;
        qint64 heartbeatAgeMs = 0;
    };

    // Writes the worker's row: a new one, or its heartbeat (everything but its start time).
    virtual bool beat(const Worker &worker, QString *error) = 0;
    // Removes the worker's row (a clean stop).
    virtual bool removeWorker(const QString &id, QString *error) = 0;
    // Every worker registered, by host, then by start.
    virtual std::optional<QList<Worker>> workers(QString *error) = 0;
};

} // namespace Kanca
