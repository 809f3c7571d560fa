#pragma once

#include "http/HttpRequest.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QUrl>

#include <optional>

namespace Kanca {

// What webhook.site's API answers, as documented: the token and request objects of
// https://docs.webhook.site/api/tokens.html and https://docs.webhook.site/api/requests.html, and
// of docs/api.md in the open-source webhook.site repository (webhooksite/webhook.site), whose
// RequestController also shows the X-Request-Id header and the 410 of a token over its quota.

// POST /token answers a token: {"uuid": "9981f9f4-…", "default_status": 200, "timeout": 0, …}.
struct WebhookSiteToken
{
    QString uuid;
    QUrl url; // {base}/{uuid}: where to send requests
    int defaultStatus = 200;
    QString defaultContent;
    QString defaultContentType;
    int timeout = 0;
    QDateTime createdAt; // UTC
    QJsonObject json;    // everything the API answered

    // Null when the object has no "uuid" string.
    static std::optional<WebhookSiteToken> fromJson(const QJsonObject &json, const QUrl &baseUrl);
};

// One request webhook.site received, from GET /token/{uuid}/requests ({"data": [ … ], "total",
// "per_page", "current_page", "is_last_page", "from", "to"}) or GET /token/{uuid}/request/{id}:
//   {"uuid", "token_id", "ip", "hostname", "method", "user_agent", "content",
//    "query": {name: value} or null, "headers": {lower-case name: [values]},
//    "url": "https://webhook.site/{uuid}/path?x=1", "created_at": "2019-10-03 19:06:35", …}
// Header names come lower-cased and grouped, so their order and case are lost; the query comes
// as webhook.site rebuilt the URL.
struct WebhookSiteRequest
{
    QString uuid;
    QString tokenId;
    QString method;
    QUrl url;
    HttpHeaders headers; // one field per value, names as webhook.site gives them
    QByteArray content;  // the body, as webhook.site stored it (UTF-8 text)
    QString ip;
    QString hostname;
    QDateTime createdAt; // UTC; invalid when absent
    QJsonObject json;    // everything the API answered

    // Null when the object is not a request: no "uuid" or "method" string.
    static std::optional<WebhookSiteRequest> fromJson(const QJsonObject &json);

    // The same request as the local catcher would have received it, for RequestComparison:
    // method, target (path and query of "url"), headers, body, and createdAt as the arrival time.
    HttpRequest toHttpRequest() const;
};

} // namespace Kanca
