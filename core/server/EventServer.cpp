#include "server/EventServer.h"

#include "catalog/Catalog.h"
#include "format/JsonWriter.h"
#include "outbox/Outbox.h"
#include "server/EventBatch.h"
#include "server/EventIngest.h"
#include "server/ServerLog.h"
#include "server/ServerMetrics.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace Kanca {

namespace {

const HttpHeaders JsonType = {{"Content-Type", "application/json"}};

QByteArray json(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact) + '\n';
}

QByteArray errorBody(const QString &error, const QString &message)
{
    return json({{u"error"_s, error}, {u"message"_s, message}});
}

QJsonArray problemsJson(const Problems &problems)
{
    QJsonArray out;
    for (const Problem &problem : problems) {
        QJsonObject p{{u"pointer"_s, problem.pointer},
                      {u"severity"_s, problem.isError() ? u"error"_s : u"warning"_s},
                      {u"message"_s, problem.message}};
        if (problem.line > 0) {
            p.insert(u"line"_s, problem.line);
            p.insert(u"column"_s, problem.column);
        }
        out.append(p);
    }
    return out;
}

// application/json or anything +json, parameters (charset) allowed.
bool isJsonType(const QByteArray &contentType)
{
    const QByteArray type = contentType.split(';').constFirst().trimmed().toLower();
    return type == "application/json" || type.endsWith("+json");
}

} // namespace

EventServer::EventServer(EventIngest &ingest, Outbox &outbox, ServerMetrics &metrics,
                         const ServerLog &log, QObject *parent)
    : QObject(parent)
    , m_ingest(ingest)
    , m_outbox(outbox)
    , m_metrics(metrics)
    , m_log(log)
    , m_batchReader(Catalog::builtIn())
{
    setSettings(m_settings);
    m_http.setHandler([this](const HttpRequest &request, HttpResponder responder) {
        handle(request, responder);
    });
    connect(
        &m_http, &HttpServer::badRequest, this,
        [this](const QString &reason, const QHostAddress &peer) {
            m_log.warning(u"http.refused"_s, {{u"reason"_s, reason}, {u"peer"_s, peer.toString()}});
        });
}

void EventServer::setSettings(const Settings &settings)
{
    m_settings = settings;
    // One byte past the limit tells a body over it from one at it.
    m_http.setMaxBodySize(settings.maxBodyBytes + 1);
    m_http.setMaxConnections(settings.maxConnections);
    m_http.setIdleTimeout(settings.idleTimeoutMs);
    m_http.setHeadTimeout(settings.headTimeoutMs);
}

void EventServer::handle(const HttpRequest &request, HttpResponder responder)
{
    const QString path = request.path;
    const auto only = [&](const QByteArray &method) {
        if (request.method == method || (method == "GET" && request.method == "HEAD"))
            return true;
        responder.respond(405, {{"Allow", method == "GET" ? "GET, HEAD" : method}},
                          errorBody(u"method_not_allowed"_s,
                                    tr("%1 takes %2.").arg(path, QString::fromLatin1(method))));
        return false;
    };
    if (path == u"/v1/events") {
        if (only("POST"))
            postEvents(request, responder);
    } else if (path == u"/healthz") {
        if (only("GET"))
            responder.respond(200, JsonType, json({{u"status"_s, u"ok"_s}}));
    } else if (path == u"/readyz") {
        if (only("GET"))
            readiness(responder);
    } else if (path == u"/metrics") {
        if (only("GET")) {
            responder.respond(200, {{"Content-Type", "text/plain; version=0.0.4; charset=utf-8"}},
                              m_metrics.exposition());
        }
    } else {
        responder.respond(404, JsonType,
                          errorBody(u"not_found"_s, tr("No such endpoint: %1. Events go to POST "
                                                       "/v1/events.")
                                                        .arg(path)));
    }
}

void EventServer::reject(HttpResponder &responder, int status, const QString &reason, int events,
                         const QByteArray &body)
{
    m_metrics.requestRefused(reason, events);
    HttpHeaders headers = JsonType;
    if (status == 503)
        headers.append(HttpHeader{"Retry-After", "5"});
    if (status == 401)
        headers.append(HttpHeader{"WWW-Authenticate", "Bearer"});
    responder.respond(status, headers, body);
}

void EventServer::postEvents(const HttpRequest &request, HttpResponder responder)
{
    QElapsedTimer clock;
    clock.start();
    if (m_draining) {
        reject(responder, 503, u"draining"_s, 0,
               errorBody(u"draining"_s, tr("The server is stopping; post the events to another "
                                           "server or again later.")));
        return;
    }
    if (m_auth.isConfigured()) {
        const IngestAuth::Verdict verdict = m_auth.check(request);
        if (!verdict.allowed) {
            m_log.warning(u"auth.refused"_s, {{u"reason"_s, verdict.reason},
                                              {u"peer"_s, request.peerAddress.toString()}});
            reject(responder, 401, u"unauthorized"_s, 0,
                   errorBody(u"unauthorized"_s, verdict.reason));
            return;
        }
    }
    if (request.bodySize > m_settings.maxBodyBytes) {
        reject(responder, 413, u"too_large"_s, 0,
               errorBody(u"too_large"_s, tr("The body is larger than %1 bytes (--max-body).")
                                             .arg(m_settings.maxBodyBytes)));
        return;
    }
    if (!isJsonType(request.header("Content-Type"))) {
        reject(responder, 415, u"unsupported_media_type"_s, 0,
               errorBody(u"unsupported_media_type"_s,
                         tr("Events are sent as JSON: Content-Type: application/json.")));
        return;
    }
    EventBatch batch = m_batchReader.read(request.body);
    const int received = int(batch.count);
    m_metrics.eventsReceived(received);
    if (!batch.ok()) {
        reject(responder, 400, u"invalid"_s, received,
               json({{u"error"_s, u"invalid"_s},
                     {u"message"_s, tr("The request has problems; nothing of it was accepted.")},
                     {u"problems"_s, problemsJson(batch.problems)}}));
        return;
    }
    const QString peer = request.peerAddress.toString();
    m_ingest.submit(batch.events, [this, responder, clock, peer, count = int(batch.events.size())](
                                      const EventIngest::Outcome &outcome) mutable {
        switch (outcome.kind) {
        case EventIngest::Outcome::Kind::Unprocessable:
            reject(responder, 422, u"unprocessable"_s, count,
                   json({{u"error"_s, u"unprocessable"_s},
                         {u"message"_s, tr("A rule cannot handle an event of the request; "
                                           "nothing of it was accepted.")},
                         {u"problems"_s, problemsJson(outcome.problems)}}));
            return;
        case EventIngest::Outcome::Kind::Failed:
            m_log.error(u"ingest.failed"_s, {{u"error"_s, outcome.error}});
            reject(responder, 503, u"storage"_s, count,
                   errorBody(u"storage"_s, tr("The events could not be stored, so none was "
                                              "accepted: %1")
                                               .arg(outcome.error)));
            return;
        case EventIngest::Outcome::Kind::Accepted:
            break;
        }
        // {"events":[{"deliveries":[…],"id":…,"matched":[…],"status":…},…]}, members in the
        // order QJsonDocument wrote them, written directly: the answer to every post.
        JsonWriter body(JsonWriter::Layout::Compact);
        const auto list = [&body](const QStringList &texts) {
            body.beginArray();
            for (const QString &text : texts)
                body.value(text);
            body.endArray();
        };
        body.beginObject();
        body.key(u"events");
        body.beginArray();
        int fresh = 0;
        for (const EventIngest::Answer &answer : outcome.answers) {
            body.beginObject();
            body.key(u"deliveries");
            list(answer.deliveryIds);
            body.key(u"id");
            body.value(answer.id);
            if (!answer.duplicate) {
                body.key(u"matched");
                list(answer.rules);
                ++fresh;
            }
            body.key(u"status");
            body.value(answer.duplicate ? u"duplicate" : u"accepted");
            body.endObject();
            m_log.info(answer.duplicate ? u"event.duplicate"_s : u"event.accepted"_s,
                       {{u"event"_s, answer.id},
                        {u"rules"_s, QJsonArray::fromStringList(answer.rules)},
                        {u"deliveries"_s, QJsonArray::fromStringList(answer.deliveryIds)},
                        {u"peer"_s, peer}});
        }
        m_metrics.eventsAccepted(fresh);
        m_metrics.eventsDuplicate(int(outcome.answers.size()) - fresh);
        body.endArray();
        body.endObject();
        responder.respond(fresh > 0 ? 202 : 200, JsonType, body.finish());
        m_metrics.ingestAnswered(double(clock.nsecsElapsed()) / 1e9);
    });
}

void EventServer::readiness(HttpResponder responder)
{
    QJsonObject checks;
    bool ready = true;
    QString storageError;
    const bool storage = m_outbox.isReachable(&storageError);
    checks.insert(u"storage"_s, storage ? u"ok"_s : storageError);
    ready = ready && storage;
    const bool loaded = m_ingest.ruleSet() != nullptr;
    checks.insert(u"ruleSet"_s, loaded ? m_ingest.ruleSet()->hash() : u"no rule set is loaded"_s);
    ready = ready && loaded;
    checks.insert(u"draining"_s, m_draining);
    ready = ready && !m_draining;
    responder.respond(
        ready ? 200 : 503, JsonType,
        json({{u"status"_s, ready ? u"ready"_s : u"not ready"_s}, {u"checks"_s, checks}}));
}

} // namespace Kanca
