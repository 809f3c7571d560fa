#pragma once

#include "format/Problem.h"
#include "server/ServerConfig.h"

#include <QByteArray>
#include <QObject>
#include <QTimer>

#include <memory>

class QFileSystemWatcher;

namespace Kanca {

class DeliveryEngine;
class StorageThread;
class EventIngest;
class EventServer;
class OutboxStorage;
class SecretProvider;
class ServerLog;
class ServerMetrics;
class WorkerHeartbeat;

// `kanca serve` put together: the storage (the outbox, history and events: a SQLite file, or a
// PostgreSQL database that several servers share; see OpenStorage), the delivery engine sending
// from it, the ingest, the HTTP side, the metrics and the log; reloading the rule set (reload(),
// and when its file changes), draining on stop, and forgetting old events. On a shared database
// it also keeps its row in the table of workers (WorkerHeartbeat), which `kanca fleet` lists.
class Server final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Server)

public:
    Server(const ServerConfig &config, const SecretProvider &secrets, const ServerLog &log,
           QObject *parent = nullptr);
    ~Server() override;

    // What start() found wrong: the rule set's problems (with its bytes, to place them), or a
    // message (a file that cannot be read, a port in use, a database that cannot be opened).
    struct StartProblem
    {
        QByteArray ruleSetBytes;
        Problems problems;
        QString message;
    };
    // Loads the rule set, opens the storage, starts delivering and listens. False, with why,
    // when it cannot run.
    bool start(StartProblem *problem);
    QString url() const;
    quint16 port() const;

    // Reads the rule set again: the new one runs from now on if it is valid; else the old one
    // keeps running, and every problem is logged. Returns whether it was swapped.
    bool reload();

    // Stops accepting events (503), gives back what waits, lets the attempts in flight finish
    // within the grace period, then emits finished(): 0, or 4 if the storage failed.
    void stop();
    bool isStopping() const;

Q_SIGNALS:
    void finished(int exitCode);

private:
    void watch();
    void pruneEvents();
    void finish();

    ServerConfig m_config;
    const SecretProvider &m_secrets;
    const ServerLog &m_log;
    std::unique_ptr<OutboxStorage> m_storage;
    std::unique_ptr<ServerMetrics> m_metrics;
    // On a shared database: the commits of accepted events and the records of attempts, each on
    // a connection and thread of its own (see StorageThread). Declared before the engine and
    // the ingest, which use them: gone after them.
    std::unique_ptr<StorageThread> m_commitThread;
    std::unique_ptr<StorageThread> m_historyThread;
    std::unique_ptr<DeliveryEngine> m_engine;
    std::unique_ptr<EventIngest> m_ingest;
    std::unique_ptr<EventServer> m_http;
    std::unique_ptr<WorkerHeartbeat> m_heartbeat; // on a shared database only
    QFileSystemWatcher *m_watcher = nullptr;
    QTimer m_reloadTimer; // a burst of file changes is one reload
    QTimer m_pruneTimer;
    QTimer m_graceTimer;
    bool m_storageFailed = false;
    bool m_finished = false;
};

} // namespace Kanca
