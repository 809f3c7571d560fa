#include "endpoints/WebhookSiteClient.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QUrlQuery>

namespace Kanca {

namespace {

// Tokens and request ids are UUIDs: letters, digits and dashes. Anything else is refused rather
// than sent, so that an id can never change the path it is put in.
bool isId(const QString &text)
{
    if (text.isEmpty() || text.size() > 64)
        return false;
    for (const QChar c : text) {
        if (!(c.isLetterOrNumber() && c.unicode() < 128) && c != u'-')
            return false;
    }
    return true;
}

QString trimmedPath(const QUrl &url)
{
    QString path = url.path();
    while (path.endsWith(u'/'))
        path.chop(1);
    return path;
}

} // namespace

WebhookSiteClient::WebhookSiteClient(QObject *parent)
    : QObject(parent)
    , m_network(new QNetworkAccessManager(this))
    , m_baseUrl(defaultBaseUrl())
{
    m_network->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
}

WebhookSiteClient::~WebhookSiteClient() = default;

QUrl WebhookSiteClient::defaultBaseUrl()
{
    return QUrl(QStringLiteral("https://webhook.site"));
}

void WebhookSiteClient::setBaseUrl(const QUrl &url)
{
    m_baseUrl =
        url.isEmpty() ? defaultBaseUrl() : url.adjusted(QUrl::RemoveQuery | QUrl::RemoveFragment);
}

void WebhookSiteClient::setApiKey(const QString &key)
{
    // A key is one header value: line breaks and other control characters cannot be part of it.
    m_apiKey.clear();
    for (const QChar c : key.trimmed()) {
        if (c.unicode() >= 0x20 && c.unicode() != 0x7f)
            m_apiKey.append(c);
    }
}

void WebhookSiteClient::setTimeout(int ms)
{
    m_timeoutMs = qMax(0, ms);
}

QUrl WebhookSiteClient::endpoint(const QStringList &segments) const
{
    QUrl url = m_baseUrl;
    url.setPath(trimmedPath(m_baseUrl) + u'/' + segments.join(u'/'));
    return url;
}

QUrl WebhookSiteClient::urlForToken(const QString &uuid) const
{
    return endpoint({uuid});
}

std::optional<QString> WebhookSiteClient::tokenOf(const QUrl &url) const
{
    if (url.scheme().compare(m_baseUrl.scheme(), Qt::CaseInsensitive) != 0
        || url.host().compare(m_baseUrl.host(), Qt::CaseInsensitive) != 0
        || url.port(-1) != m_baseUrl.port(-1))
        return std::nullopt;
    const QString base = trimmedPath(m_baseUrl) + u'/';
    const QString path = url.path();
    if (!path.startsWith(base))
        return std::nullopt;
    const QString token = path.mid(base.size()).section(u'/', 0, 0);
    if (!isId(token) || token == u"token")
        return std::nullopt;
    return token;
}

WebhookSiteReply *WebhookSiteClient::createToken(const WebhookSiteTokenOptions &options)
{
    const QJsonObject body{
        {QStringLiteral("default_status"), qBound(200, options.defaultStatus, 599)},
        {QStringLiteral("default_content"), options.defaultContent},
        {QStringLiteral("default_content_type"), options.defaultContentType},
        {QStringLiteral("timeout"), qBound(0, options.timeoutSeconds, 30)},
    };
    return send(WebhookSiteReply::Kind::CreateToken, "POST", endpoint({QStringLiteral("token")}),
                QJsonDocument(body).toJson(QJsonDocument::Compact));
}

WebhookSiteReply *WebhookSiteClient::latestRequests(const QString &uuid, int perPage)
{
    QUrl url = endpoint({QStringLiteral("token"), uuid, QStringLiteral("requests")});
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("sorting"), QStringLiteral("newest"));
    query.addQueryItem(QStringLiteral("per_page"), QString::number(qBound(1, perPage, MaxPerPage)));
    url.setQuery(query);
    if (!isId(uuid)) {
        auto *reply = new WebhookSiteReply(WebhookSiteReply::Kind::Requests, url, m_baseUrl, this);
        reply->failLater(WebhookSiteReply::Error::NotFound,
                         tr("\"%1\" is not a webhook.site token").arg(uuid));
        return reply;
    }
    return send(WebhookSiteReply::Kind::Requests, "GET", url, {});
}

WebhookSiteReply *WebhookSiteClient::request(const QString &uuid, const QString &requestId)
{
    const QUrl url =
        endpoint({QStringLiteral("token"), uuid, QStringLiteral("request"), requestId});
    if (!isId(uuid) || !isId(requestId)) {
        auto *reply = new WebhookSiteReply(WebhookSiteReply::Kind::Request, url, m_baseUrl, this);
        reply->failLater(WebhookSiteReply::Error::NotFound,
                         isId(uuid) ? tr("\"%1\" is not a webhook.site request id").arg(requestId)
                                    : tr("\"%1\" is not a webhook.site token").arg(uuid));
        return reply;
    }
    return send(WebhookSiteReply::Kind::Request, "GET", url, {});
}

WebhookSiteReply *WebhookSiteClient::send(WebhookSiteReply::Kind kind, const QByteArray &verb,
                                          const QUrl &url, const QByteArray &body)
{
    auto *reply = new WebhookSiteReply(kind, url, m_baseUrl, this);
    QNetworkRequest request(url);
    request.setRawHeader("Accept", "application/json");
    request.setRawHeader("User-Agent",
                         "Kanca/" + QCoreApplication::applicationVersion().toLatin1());
    if (!m_apiKey.isEmpty())
        request.setRawHeader("Api-Key", m_apiKey.toUtf8());
    if (!body.isEmpty())
        request.setRawHeader("Content-Type", "application/json");
    reply->start(m_network->sendCustomRequest(request, verb, body), m_timeoutMs);
    return reply;
}

} // namespace Kanca
