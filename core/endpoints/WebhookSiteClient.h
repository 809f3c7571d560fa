#pragma once

#include "endpoints/WebhookSiteReply.h"

#include <QObject>
#include <QString>
#include <QUrl>

#include <optional>

class QNetworkAccessManager;

namespace Kanca {

// The response webhook.site gives to whatever is sent to a new URL.
struct WebhookSiteTokenOptions
{
    int defaultStatus = 200; // 200 to 599
    QString defaultContent;
    QString defaultContentType = QStringLiteral("text/plain");
    int timeoutSeconds = 0; // webhook.site waits this long before answering, 0 to 30
};

// webhook.site's public API, asynchronously (nothing ever blocks): create a fresh URL, then fetch
// what it received. The base URL is a setting, for a self-hosted webhook.site (it is open
// source); an API key, when set, goes in the Api-Key header of every call. Every call answers
// with a WebhookSiteReply whose errors are in words: a DNS failure ("Host not found:
// webhook.site"), a refused connection, 410 (expired, or quota used up), 429, a slow answer
// (timeout()), JSON that is not what the API documents.
//
//   POST {base}/token  {"default_status", "default_content", "default_content_type", "timeout"}
//        -> the token; its "uuid" makes the URL {base}/{uuid}
//   GET  {base}/token/{uuid}/requests?sorting=newest&per_page=N  -> {"data": [requests…], …}
//   GET  {base}/token/{uuid}/request/{id}  -> one request; a capture's X-Request-Id names it
// (https://docs.webhook.site/api/tokens.html, https://docs.webhook.site/api/requests.html)
class WebhookSiteClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WebhookSiteClient)

public:
    static constexpr int DefaultTimeoutMs = 15'000;
    static constexpr int MaxPerPage = 100; // the API's own limit

    explicit WebhookSiteClient(QObject *parent = nullptr);
    ~WebhookSiteClient() override;

    static QUrl defaultBaseUrl(); // https://webhook.site

    void setBaseUrl(const QUrl &url); // an empty URL restores the default
    QUrl baseUrl() const { return m_baseUrl; }
    void setApiKey(const QString &key); // empty: none
    QString apiKey() const { return m_apiKey; }
    void setTimeout(int ms); // for each call, from start to the last byte; 0: none
    int timeout() const { return m_timeoutMs; }
    QNetworkAccessManager *network() const { return m_network; }

    // {base}/{uuid}, where requests are sent.
    QUrl urlForToken(const QString &uuid) const;
    // The token of a URL made by urlForToken (sub-paths and a query allowed), for fetching what
    // a test send to an action's URL delivered; nullopt for any other URL.
    std::optional<QString> tokenOf(const QUrl &url) const;

    WebhookSiteReply *createToken(const WebhookSiteTokenOptions &options = {});
    WebhookSiteReply *latestRequests(const QString &uuid, int perPage = 10); // newest first
    WebhookSiteReply *request(const QString &uuid, const QString &requestId);

private:
    QUrl endpoint(const QStringList &segments) const;
    WebhookSiteReply *send(WebhookSiteReply::Kind kind, const QByteArray &verb, const QUrl &url,
                           const QByteArray &body);

    QNetworkAccessManager *m_network;
    QUrl m_baseUrl;
    QString m_apiKey;
    int m_timeoutMs = DefaultTimeoutMs;
};

} // namespace Kanca
