#include "endpoints/WebhookSiteData.h"

#include <QJsonArray>

namespace Kanca {

namespace {

// webhook.site writes times as "2019-10-03 19:06:35" (or with ".123"), in UTC.
QDateTime parseTime(const QJsonValue &value)
{
    const QString text = value.toString();
    if (text.isEmpty())
        return {};
    for (const QString &format :
         {QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz"), QStringLiteral("yyyy-MM-dd HH:mm:ss")}) {
        QDateTime time = QDateTime::fromString(text, format);
        if (time.isValid()) {
            time.setTimeSpec(Qt::UTC);
            return time;
        }
    }
    const QDateTime iso = QDateTime::fromString(text, Qt::ISODateWithMs);
    return iso.isValid() ? iso.toUTC() : QDateTime();
}

QString text(const QJsonValue &value)
{
    if (value.isString())
        return value.toString();
    if (value.isDouble())
        return QString::number(value.toDouble());
    if (value.isBool())
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    return {};
}

} // namespace

std::optional<WebhookSiteToken> WebhookSiteToken::fromJson(const QJsonObject &json,
                                                           const QUrl &baseUrl)
{
    const QJsonValue uuid = json.value(QLatin1String("uuid"));
    if (!uuid.isString() || uuid.toString().isEmpty())
        return std::nullopt;
    WebhookSiteToken token;
    token.uuid = uuid.toString();
    token.url = baseUrl;
    QString path = baseUrl.path();
    while (path.endsWith(u'/'))
        path.chop(1);
    token.url.setPath(path + u'/' + token.uuid);
    token.defaultStatus = json.value(QLatin1String("default_status")).toInt(200);
    token.defaultContent = json.value(QLatin1String("default_content")).toString();
    token.defaultContentType = json.value(QLatin1String("default_content_type")).toString();
    token.timeout = json.value(QLatin1String("timeout")).toInt();
    token.createdAt = parseTime(json.value(QLatin1String("created_at")));
    token.json = json;
    return token;
}

std::optional<WebhookSiteRequest> WebhookSiteRequest::fromJson(const QJsonObject &json)
{
    const QJsonValue uuid = json.value(QLatin1String("uuid"));
    const QJsonValue method = json.value(QLatin1String("method"));
    if (!uuid.isString() || !method.isString())
        return std::nullopt;
    WebhookSiteRequest request;
    request.uuid = uuid.toString();
    request.method = method.toString();
    request.tokenId = json.value(QLatin1String("token_id")).toString();
    request.url = QUrl(json.value(QLatin1String("url")).toString(), QUrl::TolerantMode);
    request.content = json.value(QLatin1String("content")).toString().toUtf8();
    request.ip = json.value(QLatin1String("ip")).toString();
    request.hostname = json.value(QLatin1String("hostname")).toString();
    request.createdAt = parseTime(json.value(QLatin1String("created_at")));
    // {name: [values]}; a single value not in an array is taken too.
    const QJsonObject headers = json.value(QLatin1String("headers")).toObject();
    for (auto it = headers.constBegin(); it != headers.constEnd(); ++it) {
        const QByteArray name = it.key().toUtf8();
        if (it.value().isArray()) {
            for (const QJsonValue &value : it.value().toArray())
                request.headers.append({name, text(value).toUtf8()});
        } else {
            request.headers.append({name, text(it.value()).toUtf8()});
        }
    }
    request.json = json;
    return request;
}

HttpRequest WebhookSiteRequest::toHttpRequest() const
{
    HttpRequest request;
    request.method = method.toUtf8();
    QByteArray path = url.path(QUrl::FullyEncoded).toUtf8();
    if (path.isEmpty())
        path = "/";
    request.path = url.path(QUrl::FullyDecoded);
    if (request.path.isEmpty())
        request.path = QStringLiteral("/");
    request.query = url.query(QUrl::FullyEncoded).toUtf8();
    request.target = request.query.isEmpty() ? path : path + '?' + request.query;
    request.httpVersion = "HTTP/1.1";
    request.headers = headers;
    request.body = content;
    request.bodySize = content.size();
    request.receivedAt = createdAt;
    return request;
}

} // namespace Kanca
