#pragma once

#include "http/HttpServer.h"
#include "server/EventBatch.h"
#include "server/IngestAuth.h"

#include <QCoreApplication>
#include <QObject>

#include <functional>

namespace Kanca {

class EventIngest;
class Outbox;
class ServerLog;
class ServerMetrics;

// The HTTP side of `kanca serve`:
//   POST /v1/events  one event or a JSON array of up to 1,000: 202 with what became of each
//                    (200 when every one was accepted before), 400 invalid (problems with
//                    pointers), 401, 413 over the body limit, 415 not JSON, 422 a rule cannot
//                    decide, 503 while draining or when the storage refuses the commit
//   GET /healthz     200 while the process runs
//   GET /readyz      200 when the storage answers, a rule set is loaded and the server is not
//                    draining; 503 otherwise; the JSON body says which check failed
//   GET /metrics     Prometheus text format
// On HttpServer, with its limits: header size, body size, connections, idle and head deadlines.
class EventServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EventServer)

public:
    struct Settings
    {
        qint64 maxBodyBytes = 1024 * 1024;
        int maxConnections = 1024;
        int idleTimeoutMs = HttpServer::DefaultIdleTimeoutMs;
        int headTimeoutMs = HttpServer::DefaultHeadTimeoutMs;
    };

    EventServer(EventIngest &ingest, Outbox &outbox, ServerMetrics &metrics, const ServerLog &log,
                QObject *parent = nullptr);

    void setSettings(const Settings &settings);
    void setAuth(const IngestAuth &auth) { m_auth = auth; }
    HttpServer &http() { return m_http; }

    // While draining, /readyz says 503 and events are refused with 503 (and Retry-After).
    void setDraining(bool draining) { m_draining = draining; }
    bool isDraining() const { return m_draining; }

private:
    void handle(const HttpRequest &request, HttpResponder responder);
    void postEvents(const HttpRequest &request, HttpResponder responder);
    void readiness(HttpResponder responder);
    void reject(HttpResponder &responder, int status, const QString &reason, int events,
                const QByteArray &body);

    EventIngest &m_ingest;
    Outbox &m_outbox;
    ServerMetrics &m_metrics;
    const ServerLog &m_log;
    HttpServer m_http;
    IngestAuth m_auth;
    EventBatch::Reader m_batchReader; // the bodies of posts, read on this object's thread
    Settings m_settings;
    bool m_draining = false;
};

} // namespace Kanca
