#include "endpoints/WebhookSiteReply.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QNetworkReply>

namespace Kanca {

namespace {

// Far more than 100 requests of any real webhook: an answer beyond it is not webhook.site's.
constexpr qint64 MaxAnswerSize = 64 * 1024 * 1024;

// webhook.site's own error objects: {"success": false, "error": {"message": "…"}}.
QString errorMessageOf(const QByteArray &body)
{
    const QJsonObject object = QJsonDocument::fromJson(body).object();
    const QJsonValue error = object.value(QLatin1String("error"));
    if (error.isObject())
        return error.toObject().value(QLatin1String("message")).toString();
    return error.toString();
}

} // namespace

WebhookSiteReply::WebhookSiteReply(Kind kind, const QUrl &url, const QUrl &baseUrl, QObject *parent)
    : QObject(parent)
    , m_kind(kind)
    , m_url(url)
    , m_baseUrl(baseUrl)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        m_timedOut = true;
        if (m_reply)
            m_reply->abort(); // finished() follows, with OperationCanceledError
    });
}

WebhookSiteReply::~WebhookSiteReply()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
}

QString WebhookSiteReply::host() const
{
    const QString host = m_url.host();
    return m_url.port() == -1 ? host : host + u':' + QString::number(m_url.port());
}

void WebhookSiteReply::start(QNetworkReply *reply, int timeoutMs)
{
    m_reply = reply;
    m_timeoutMs = timeoutMs;
    connect(reply, &QNetworkReply::finished, this, &WebhookSiteReply::onFinished);
    connect(reply, &QNetworkReply::downloadProgress, this, [this](qint64 received) {
        if (received > MaxAnswerSize && m_reply) {
            m_reply->disconnect(this);
            m_reply->abort();
            fail(Error::MalformedResponse,
                 tr("%1 answered with more than %2 MB: not what its API documents")
                     .arg(host())
                     .arg(MaxAnswerSize / (1024 * 1024)));
            finish();
        }
    });
    if (timeoutMs > 0)
        m_timer.start(timeoutMs);
}

void WebhookSiteReply::failLater(Error error, const QString &message)
{
    QTimer::singleShot(0, this, [this, error, message] {
        if (m_finished)
            return;
        fail(error, message);
        finish();
    });
}

void WebhookSiteReply::abort()
{
    if (m_finished)
        return;
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
    }
    fail(Error::Aborted, tr("Cancelled"));
    finish();
}

void WebhookSiteReply::fail(Error error, const QString &message)
{
    m_error = error;
    m_errorString = message;
    m_token = {};
    m_requests.clear();
}

void WebhookSiteReply::finish()
{
    if (m_finished)
        return;
    m_finished = true;
    m_timer.stop();
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->deleteLater();
        m_reply = nullptr;
    }
    Q_EMIT finished();
}

void WebhookSiteReply::onFinished()
{
    if (m_finished || !m_reply)
        return;
    QNetworkReply *reply = m_reply;
    const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    const QNetworkReply::NetworkError networkError = reply->error();

    if (m_timedOut || networkError == QNetworkReply::TimeoutError) {
        const int seconds = qMax(1, (m_timeoutMs + 999) / 1000);
        fail(Error::Timeout,
             tr("%1 did not answer within %n second(s)", nullptr, seconds).arg(host()));
        finish();
        return;
    }
    if (!status.isValid()) { // no HTTP answer at all
        switch (networkError) {
        case QNetworkReply::HostNotFoundError:
            fail(Error::HostNotFound, tr("Host not found: %1").arg(m_url.host()));
            break;
        case QNetworkReply::ConnectionRefusedError:
            fail(Error::ConnectionRefused,
                 tr("%1 refused the connection: nothing is listening there").arg(host()));
            break;
        default:
            fail(Error::NoNetwork, tr("Cannot reach %1: %2").arg(host(), reply->errorString()));
            break;
        }
        finish();
        return;
    }

    m_httpStatus = status.toInt();
    const int code = *m_httpStatus;
    const QByteArray body = reply->readAll();
    if (code >= 200 && code < 300) {
        if (networkError != QNetworkReply::NoError)
            fail(Error::NoNetwork, tr("Cannot reach %1: %2").arg(host(), reply->errorString()));
        else
            parse(body);
        finish();
        return;
    }

    const QString serverMessage = errorMessageOf(body);
    if (code >= 300 && code < 400) {
        fail(Error::Unauthorized,
             tr("%1 redirected the request to %2: an API key is probably needed")
                 .arg(host(), QString::fromUtf8(reply->rawHeader("Location"))));
    } else if (code == 401 || code == 403) {
        fail(Error::Unauthorized,
             tr("%1 refused access (HTTP %2): check the API key").arg(host()).arg(code));
    } else if (code == 404) {
        fail(Error::NotFound,
             m_kind == Kind::Request
                 ? tr("%1 has no such request for this URL (HTTP 404)").arg(host())
                 : tr("%1 does not know this URL (HTTP 404): it may have expired or been deleted")
                       .arg(host()));
    } else if (code == 410) {
        fail(Error::Expired,
             tr("%1 says this URL has expired or its quota is used up (HTTP 410): create a new "
                "one")
                 .arg(host()));
    } else if (code == 429) {
        bool isNumber = false;
        const int seconds = reply->rawHeader("Retry-After").trimmed().toInt(&isNumber);
        if (isNumber && seconds >= 0) {
            m_retryAfter = seconds;
            fail(Error::RateLimited,
                 tr("%1 is limiting requests (HTTP 429): try again in %n second(s)", nullptr,
                    seconds)
                     .arg(host()));
        } else {
            fail(Error::RateLimited,
                 tr("%1 is limiting requests (HTTP 429): try again in a minute").arg(host()));
        }
    } else if (!serverMessage.isEmpty()) {
        fail(Error::HttpError,
             tr("%1 answered HTTP %2: %3").arg(host()).arg(code).arg(serverMessage.left(300)));
    } else {
        fail(Error::HttpError, tr("%1 answered HTTP %2").arg(host()).arg(code));
    }
    finish();
}

void WebhookSiteReply::parse(const QByteArray &body)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        fail(Error::MalformedResponse,
             tr("%1 answered with something that is not JSON (%2 at byte %3)")
                 .arg(host(), parseError.errorString())
                 .arg(parseError.offset));
        return;
    }
    if (!document.isObject()) {
        fail(Error::MalformedResponse,
             tr("%1 answered with JSON that is not the object its API documents").arg(host()));
        return;
    }
    const QJsonObject object = document.object();
    switch (m_kind) {
    case Kind::CreateToken: {
        const std::optional<WebhookSiteToken> token = WebhookSiteToken::fromJson(object, m_baseUrl);
        if (!token) {
            fail(Error::MalformedResponse,
                 tr("%1 answered without the new token's \"uuid\"").arg(host()));
            return;
        }
        m_token = *token;
        return;
    }
    case Kind::Requests: {
        const QJsonValue data = object.value(QLatin1String("data"));
        if (!data.isArray()) {
            fail(Error::MalformedResponse,
                 tr("%1 answered without the \"data\" list of requests").arg(host()));
            return;
        }
        const QJsonArray list = data.toArray();
        for (qsizetype i = 0; i < list.size(); ++i) {
            const std::optional<WebhookSiteRequest> request =
                WebhookSiteRequest::fromJson(list.at(i).toObject());
            if (!request) {
                fail(Error::MalformedResponse,
                     tr("%1 answered with a list whose item %2 is not a request (no \"uuid\" or "
                        "\"method\")")
                         .arg(host())
                         .arg(i + 1));
                return;
            }
            m_requests.append(*request);
        }
        return;
    }
    case Kind::Request: {
        const std::optional<WebhookSiteRequest> request = WebhookSiteRequest::fromJson(object);
        if (!request) {
            fail(Error::MalformedResponse,
                 tr("%1 answered with something that is not a request (no \"uuid\" or "
                    "\"method\")")
                     .arg(host()));
            return;
        }
        m_requests = {*request};
        return;
    }
    }
}

} // namespace Kanca
