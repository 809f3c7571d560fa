#include "delivery/HttpAttempt.h"

#include "KancaVersion.h"
#include "delivery/Backoff.h"
#include "delivery/Delivery.h"

#include <QCoreApplication>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

namespace Kanca {

HttpAttempt::HttpAttempt(QNetworkAccessManager &network, const RenderedRequest &request,
                         int timeoutMs, bool allowHttp2, QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_request(request)
    , m_timeoutMs(timeoutMs)
    , m_allowHttp2(allowHttp2)
{
    m_timeout.setSingleShot(true);
    m_timeout.setTimerType(Qt::PreciseTimer);
    connect(&m_timeout, &QTimer::timeout, this, [this] {
        m_timedOut = true;
        if (m_reply)
            m_reply->abort();
    });
}

HttpAttempt::~HttpAttempt()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
}

void HttpAttempt::fail(const AttemptVerdict &verdict)
{
    m_result.verdict = verdict;
    m_result.durationMs = m_clock.isValid() ? m_clock.elapsed() : 0;
    // Asynchronously, so that start() never emits before its caller has connected.
    QMetaObject::invokeMethod(
        this, [this] { Q_EMIT finished(m_result); }, Qt::QueuedConnection);
}

void HttpAttempt::start()
{
    m_clock.start();
    const QUrl url = QUrl::fromEncoded(m_request.url.toUtf8(), QUrl::TolerantMode);
    if (!url.isValid() || url.host().isEmpty()) {
        fail({AttemptVerdict::Kind::Final,
              QCoreApplication::translate("Kanca::HttpAttempt", "The URL %1 is not valid: %2")
                  .arg(m_request.url, url.errorString())});
        return;
    }

    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, m_allowHttp2);
    request.setAttribute(QNetworkRequest::CookieLoadControlAttribute, QNetworkRequest::Manual);
    request.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute,
                         QNetworkRequest::AlwaysNetwork);
    request.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
    request.setTransferTimeout(0); // the attempt's own timer bounds the whole exchange
    bool hasUserAgent = false;
    for (const RenderedRequest::Header &header : std::as_const(m_request.headers)) {
        request.setRawHeader(header.name.toLatin1(), header.value.toUtf8());
        hasUserAgent =
            hasUserAgent
            || header.name.compare(QLatin1StringView("User-Agent"), Qt::CaseInsensitive) == 0;
    }
    if (!hasUserAgent) {
        request.setRawHeader("User-Agent", QByteArrayLiteral("Kanca/" KANCA_VERSION_STRING));
    }

    m_reply = m_network.sendCustomRequest(request, m_request.method.toLatin1(), m_request.body);
    connect(m_reply, &QNetworkReply::readyRead, this, &HttpAttempt::readBody);
    connect(m_reply, &QNetworkReply::sslErrors, this,
            [this](const QList<QSslError> &errors) { m_sslErrors += errors; });
    connect(m_reply, &QNetworkReply::finished, this, &HttpAttempt::finish);
    m_timeout.start(m_timeoutMs);
}

void HttpAttempt::readBody()
{
    if (!m_reply->isOpen()) // abort() after the timeout closed it: reading would only warn
        return;
    const QByteArray chunk = m_reply->readAll();
    m_result.responseBodySize += chunk.size();
    const qsizetype room = Attempt::BodyCap - m_result.responseBody.size();
    if (room > 0)
        m_result.responseBody.append(chunk.left(room));
}

void HttpAttempt::finish()
{
    m_timeout.stop();
    readBody();
    QNetworkReply *reply = m_reply;
    m_result.durationMs = m_clock.elapsed();

    const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    if (status.isValid())
        m_result.httpStatus = status.toInt();
    for (const auto &[name, value] : reply->rawHeaderPairs())
        m_result.responseHeaders.append(
            {QString::fromLatin1(name), QString::fromUtf8(value), false});

    // Network-level errors (below 200 in QNetworkReply's numbering) mean the exchange broke,
    // even when a status line had arrived; above, the HTTP status says what happened.
    const QNetworkReply::NetworkError error = reply->error();
    const bool broken = m_timedOut || (error != QNetworkReply::NoError && error < 200)
                        || (error != QNetworkReply::NoError && !m_result.httpStatus);
    if (broken) {
        m_result.verdict = AttemptVerdict::forNetworkError(
            error, reply->url(), reply->errorString(), m_sslErrors, m_timedOut, m_timeoutMs);
    } else {
        m_result.verdict = AttemptVerdict::forStatus(
            *m_result.httpStatus,
            reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toByteArray(),
            reply->rawHeader("Location"));
        if (reply->hasRawHeader("Retry-After")) {
            m_result.retryAfterMs = Backoff::parseRetryAfter(reply->rawHeader("Retry-After"),
                                                             QDateTime::currentDateTimeUtc());
        }
    }
    reply->deleteLater();
    m_reply = nullptr;
    Q_EMIT finished(m_result);
}

} // namespace Kanca
