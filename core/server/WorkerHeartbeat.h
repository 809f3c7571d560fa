#pragma once

#include "outbox/WorkerRegistry.h"

#include <QObject>
#include <QTimer>

namespace Kanca {

class DeliveryEngine;
class ServerLog;

// A server's row in the table of the servers sharing its database (see WorkerRegistry): written
// when it starts, every WorkerRegistry::HeartbeatMs with its engine's counts, at once when its
// rule set changes or it starts to drain, and removed when it stops. A heartbeat that cannot be
// written (the database is away) is logged, at most once a minute, and tried again at the next
// beat: the server keeps serving; its row turns stale meanwhile, which is what `kanca fleet`
// should show.
class WorkerHeartbeat final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WorkerHeartbeat)

public:
    WorkerHeartbeat(WorkerRegistry &registry, const DeliveryEngine &engine, const ServerLog &log,
                    QObject *parent = nullptr);
    ~WorkerHeartbeat() override;

    // Writes the first row (id: the engine's claim token) and beats from now on.
    void start(const QString &address, const QString &ruleSetHash);
    void setRuleSet(const QString &hash);
    void setDraining();
    // Stops beating and removes the row.
    void stop();

    const WorkerRegistry::Worker &worker() const { return m_worker; }

private:
    void beat();

    WorkerRegistry &m_registry;
    const DeliveryEngine &m_engine;
    const ServerLog &m_log;
    WorkerRegistry::Worker m_worker;
    QTimer m_timer;
    qint64 m_lastComplaintMs = 0;
    bool m_running = false;
};

} // namespace Kanca
