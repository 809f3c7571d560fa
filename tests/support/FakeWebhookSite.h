#pragma once

// A stand-in for webhook.site on 127.0.0.1, for the tests of the webhook.site client and of the
// designer's webhook.site button and comparison. The real webhook.site cannot be reached from
// the test machines (they have no network), so this HttpServer answers the documented endpoints
// with the documented JSON shapes (https://docs.webhook.site/api/tokens.html,
// https://docs.webhook.site/api/requests.html, and docs/api.md of the open-source
// webhooksite/webhook.site): POST /token, any method on /{uuid} (stored as webhook.site stores
// it, answered with X-Request-Id), GET /token/{uuid}/requests and GET /token/{uuid}/request/{id};
// and it can answer 410, 429, garbage, or nothing at all.

#include "http/HttpServer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QUrlQuery>
#include <QUuid>

#include <algorithm>

namespace Kanca::Testing {

using namespace Qt::StringLiterals;

class FakeWebhookSite
{
public:
    enum class Mode {
        Normal,
        Gone,
        RateLimited,
        Malformed,
        NoUuid,
        NotFound,
        Unauthorized,
        ServerError,
        Redirect,
        Silent
    };

    FakeWebhookSite()
    {
        QVERIFY(m_server.listen());
        m_server.setHandler([this](const HttpRequest &request, HttpResponder responder) {
            handle(request, responder);
        });
    }

    QString base() const { return m_server.url() + m_prefix; }
    quint16 port() const { return m_server.serverPort(); }

    Mode mode = Mode::Normal;
    QList<HttpRequest> apiCalls; // calls to /token…
    QString tokenUuid = u"9981f9f4-657a-4ebf-be7c-1915bedd4775"_s;
    QJsonArray stored; // oldest first
    void setPrefix(const QString &prefix) { m_prefix = prefix; }

private:
    static void json(HttpResponder &responder, int status, const QJsonValue &value)
    {
        const QByteArray body = value.isObject() ? QJsonDocument(value.toObject()).toJson()
                                                 : QJsonDocument(value.toArray()).toJson();
        responder.respond(status, {{"Content-Type", "application/json"}}, body);
    }

    void handle(const HttpRequest &request, HttpResponder &responder)
    {
        QString path = request.path;
        if (!m_prefix.isEmpty()) {
            if (!path.startsWith(m_prefix))
                return responder.respond(404);
            path = path.mid(m_prefix.size());
        }
        const QStringList segments = path.split(u'/', Qt::SkipEmptyParts);
        if (segments.value(0) == u"token") {
            apiCalls.append(request);
            switch (mode) {
            case Mode::Normal:
                break;
            case Mode::Gone:
                return responder.respond(410, {}, "Too many requests, please create a new URL");
            case Mode::RateLimited:
                return responder.respond(429, {{"Retry-After", "30"}}, {});
            case Mode::Malformed:
                return responder.respond(200, {{"Content-Type", "application/json"}},
                                         "{\"uuid\": \"abc\", ");
            case Mode::NoUuid:
                return json(responder, 201, QJsonObject{{u"redirect"_s, false}, {u"data"_s, 5}});
            case Mode::NotFound:
                return responder.respond(404);
            case Mode::Unauthorized:
                return responder.respond(401);
            case Mode::ServerError:
                return json(
                    responder, 500,
                    QJsonObject{{u"success"_s, false},
                                {u"error"_s, QJsonObject{{u"message"_s, u"Something broke"_s}}}});
            case Mode::Redirect:
                return responder.respond(302, {{"Location", "https://webhook.site/login"}});
            case Mode::Silent:
                m_silent.append(responder); // never answered
                return;
            }
            if (segments.size() == 1 && request.method == "POST")
                return createToken(request, responder);
            if (segments.size() == 3 && segments.at(2) == u"requests")
                return list(request, responder);
            if (segments.size() == 4 && segments.at(2) == u"request") {
                for (const QJsonValue &stored : std::as_const(stored)) {
                    if (stored.toObject().value(u"uuid"_s).toString() == segments.at(3))
                        return json(responder, 200, stored);
                }
                return responder.respond(404);
            }
            return responder.respond(404);
        }
        if (segments.value(0) == tokenUuid)
            return capture(request, responder);
        responder.respond(404);
    }

    void createToken(const HttpRequest &request, HttpResponder &responder)
    {
        const QJsonObject options = QJsonDocument::fromJson(request.body).object();
        m_defaultStatus = options.value(u"default_status"_s).toInt(200);
        m_defaultContent = options.value(u"default_content"_s).toString();
        json(responder, 201,
             QJsonObject{{u"redirect"_s, false},
                         {u"alias"_s, QJsonValue::Null},
                         {u"timeout"_s, options.value(u"timeout"_s)},
                         {u"premium"_s, false},
                         {u"uuid"_s, tokenUuid},
                         {u"ip"_s, u"127.0.0.1"_s},
                         {u"user_agent"_s, QString::fromUtf8(request.header("User-Agent"))},
                         {u"default_content"_s, m_defaultContent},
                         {u"default_status"_s, m_defaultStatus},
                         {u"default_content_type"_s, options.value(u"default_content_type"_s)},
                         {u"premium_expires_at"_s, QJsonValue::Null},
                         {u"created_at"_s, u"2019-09-22 10:52:20"_s},
                         {u"updated_at"_s, u"2019-09-22 10:52:20"_s}});
    }

    // Stored as webhook.site stores a request: lower-case header names grouped into lists, a
    // proxy's headers added, the query rebuilt with its parameters sorted (Laravel's fullUrl).
    void capture(const HttpRequest &request, HttpResponder &responder)
    {
        QJsonObject headers;
        const auto add = [&headers](const QByteArray &name, const QByteArray &value) {
            const QString key = QString::fromUtf8(name).toLower();
            QJsonArray values = headers.value(key).toArray();
            values.append(QString::fromUtf8(value));
            headers.insert(key, values);
        };
        for (const HttpHeader &field : request.headers)
            add(field.name, field.value);
        add("x-forwarded-for", "203.0.113.9");
        add("via", "1.1 proxy");

        QJsonValue query = QJsonValue::Null;
        QByteArray sortedQuery;
        if (!request.query.isEmpty()) {
            QList<QByteArray> items = request.query.split('&');
            std::sort(items.begin(), items.end());
            sortedQuery = items.join('&');
            QJsonObject object;
            for (const auto &[name, value] :
                 QUrlQuery(QString::fromUtf8(request.query)).queryItems(QUrl::FullyDecoded))
                object.insert(name, value);
            query = object;
        }
        const qsizetype queryStart = request.target.indexOf('?');
        QString url =
            m_server.url()
            + QString::fromUtf8(queryStart < 0 ? request.target : request.target.first(queryStart));
        if (!sortedQuery.isEmpty())
            url += u'?' + QString::fromUtf8(sortedQuery);
        const QString uuid = QUuid::createUuid().toString(QUuid::WithoutBraces);
        stored.append(QJsonObject{
            {u"uuid"_s, uuid},
            {u"token_id"_s, tokenUuid},
            {u"ip"_s, u"127.0.0.1"_s},
            {u"hostname"_s, u"127.0.0.1"_s},
            {u"method"_s, QString::fromUtf8(request.method)},
            {u"user_agent"_s, QString::fromUtf8(request.header("User-Agent"))},
            {u"content"_s, QString::fromUtf8(request.body)},
            {u"query"_s, query},
            {u"headers"_s, headers},
            {u"url"_s, url},
            {u"created_at"_s, request.receivedAt.toString(u"yyyy-MM-dd HH:mm:ss"_s)},
            {u"updated_at"_s, request.receivedAt.toString(u"yyyy-MM-dd HH:mm:ss"_s)},
        });
        responder.respond(m_defaultStatus,
                          {{"Content-Type", "text/plain"},
                           {"X-Request-Id", uuid.toLatin1()},
                           {"X-Token-Id", tokenUuid.toLatin1()}},
                          m_defaultContent.toUtf8());
    }

    void list(const HttpRequest &request, HttpResponder &responder)
    {
        const QUrlQuery query(QString::fromUtf8(request.query));
        const int perPage = query.queryItemValue(u"per_page"_s).toInt();
        const bool newest = query.queryItemValue(u"sorting"_s) == u"newest";
        QJsonArray data;
        for (qsizetype i = 0; i < stored.size() && data.size() < perPage; ++i)
            data.append(stored.at(newest ? stored.size() - 1 - i : i));
        json(responder, 200,
             QJsonObject{{u"data"_s, data},
                         {u"total"_s, stored.size()},
                         {u"per_page"_s, perPage},
                         {u"current_page"_s, 1},
                         {u"is_last_page"_s, data.size() == stored.size()},
                         {u"from"_s, 1},
                         {u"to"_s, data.size()}});
    }

    HttpServer m_server;
    QString m_prefix;
    int m_defaultStatus = 200;
    QString m_defaultContent;
    QList<HttpResponder> m_silent;
};

} // namespace Kanca::Testing
