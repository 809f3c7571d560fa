#include "delivery/HttpAttempt.h"

#include "KancaVersion.h"
#include "delivery/Backoff.h"
#include "delivery/Delivery.h"

#include <QCoreApplication>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

namespace Kanca {

namespace {

// What Qt's HTTP thread may hold for a reply before it stops reading the socket and lets TCP
// hold the receiver back: an endless or huge answer costs this, not its size.
constexpr qint64 ReadBufferSize = 64 * 1024;

// The URL as Qt reads it. The attempts of one action mostly share their URL: the last one read
// (in this thread) is remembered rather than parsed again for every attempt.
QUrl parsedUrl(const QString &text)
{
    thread_local QString lastText;
    thread_local QUrl lastUrl;
    if (!lastText.isNull() && text == lastText)
        return lastUrl;
    lastUrl = QUrl::fromEncoded(text.toUtf8(), QUrl::TolerantMode);
    lastText = text;
    return lastUrl;
}

} // namespace

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
    const QUrl url = parsedUrl(m_request.url);
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
    // No cookie is sent or kept: the manager's cookie jar is neither read nor filled (and so never
    // created). The managers have no cache (NetworkPool sets none), so nothing is asked of one.
    request.setAttribute(QNetworkRequest::CookieLoadControlAttribute, QNetworkRequest::Manual);
    request.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);
    // The attempt's own timer is the one deadline of the whole exchange (connecting, sending,
    // the head and the body). Qt's transfer timeout is something else, a limit on silence that a
    // receiver dripping a byte now and then never reaches: it is off.
    request.setTransferTimeout(0);
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
    // Without a limit Qt's HTTP thread reads as fast as the receiver sends: an endless chunked
    // answer piled up there without bound (it does not stop to hand anything on while data keeps
    // coming), and any other large one was queued for this thread faster than it was read, a
    // flood that also kept the deadline's timer waiting for seconds. With it, Qt stops reading
    // the socket while it holds ReadBufferSize unread, and TCP holds the receiver back.
    // Qt hands the size to its HTTP thread only once the request has started, which for a
    // request with a body is on the next pass of the event loop: so it is given then, still
    // before any answer can have been read. (Qt 6.4 then sometimes reopens a kept-alive
    // connection when the answer comes back within microseconds, from a receiver on the same
    // machine answering at once; one that takes a millisecond keeps its connection.)
    QMetaObject::invokeMethod(
        this,
        [this] {
            if (m_reply)
                m_reply->setReadBufferSize(ReadBufferSize);
        },
        Qt::QueuedConnection);
    connect(m_reply, &QNetworkReply::readyRead, this, &HttpAttempt::readBody);
    connect(m_reply, &QNetworkReply::sslErrors, this,
            [this](const QList<QSslError> &errors) { m_sslErrors += errors; });
    connect(m_reply, &QNetworkReply::finished, this, &HttpAttempt::finish);
    m_timeout.start(m_timeoutMs);
}

// Keeps the first Attempt::BodyCap bytes and counts the rest, reading everything Qt holds so it
// reads on.
void HttpAttempt::readBody()
{
    if (!m_reply->isOpen()) // abort() after the timeout closed it: reading would only warn
        return;
    char discard[16 * 1024];
    for (;;) {
        const qsizetype room = Attempt::BodyCap - m_result.responseBody.size();
        qint64 got = 0;
        if (room > 0) {
            const qsizetype kept = m_result.responseBody.size();
            const qint64 wanted = qMin<qint64>(room, m_reply->bytesAvailable());
            if (wanted <= 0)
                break;
            m_result.responseBody.resize(kept + wanted);
            got = m_reply->read(m_result.responseBody.data() + kept, wanted);
            m_result.responseBody.resize(kept + qMax<qint64>(0, got));
        } else {
            got = m_reply->read(discard, sizeof discard);
        }
        if (got <= 0)
            break;
        m_result.responseBodySize += got;
    }
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
    // Qt 6.4 skips "100 Continue" but ends the exchange at any other 1xx, leaving the final
    // answer unread on the connection.
    m_result.connectionSpoiled =
        m_result.httpStatus && *m_result.httpStatus >= 100 && *m_result.httpStatus < 200;
    for (const auto &[name, value] : reply->rawHeaderPairs())
        m_result.responseHeaders.append(
            {QString::fromLatin1(name), QString::fromUtf8(value), false});

    // Network-level errors (below 200 in QNetworkReply's numbering) mean the exchange broke,
    // even when a status line had arrived; above, the HTTP status says what happened.
    const QNetworkReply::NetworkError error = reply->error();
    const bool broken = (error != QNetworkReply::NoError && error < 200)
                        || (error != QNetworkReply::NoError && !m_result.httpStatus);
    if (m_timedOut) {
        m_result.verdict = AttemptVerdict::forDeadline(m_timeoutMs, m_result.httpStatus,
                                                       m_result.responseBodySize);
    } else if (broken) {
        m_result.verdict =
            AttemptVerdict::forNetworkError(error, reply->url(), reply->errorString(), m_sslErrors);
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
