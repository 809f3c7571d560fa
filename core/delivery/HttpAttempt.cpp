#include "delivery/HttpAttempt.h"

#include "KancaVersion.h"
#include "delivery/Backoff.h"
#include "delivery/Delivery.h"

#include <QCoreApplication>
#include <QUrl>

#include <curl/curl.h>

namespace Kanca {

namespace {

// The URL as Qt reads it (for its checks and the messages) and as curl is given it. The attempts
// of one action mostly share their URL: the last one read (in this thread) is remembered rather
// than parsed again for every attempt.
struct ParsedUrl
{
    QString text;
    QUrl url;
    QByteArray encoded;
};

const ParsedUrl &parsedUrl(const QString &text)
{
    thread_local ParsedUrl last;
    if (!last.text.isNull() && text == last.text)
        return last;
    last.url = QUrl::fromEncoded(text.toUtf8(), QUrl::TolerantMode);
    last.encoded = last.url.toEncoded();
    last.text = text;
    return last;
}

bool hasHeader(const QList<RenderedRequest::Header> &headers, QLatin1StringView name)
{
    return std::any_of(headers.cbegin(), headers.cend(), [name](const RenderedRequest::Header &h) {
        return h.name.compare(name, Qt::CaseInsensitive) == 0;
    });
}

bool hasLineBreak(const QString &text)
{
    return text.contains(u'\r') || text.contains(u'\n');
}

} // namespace

HttpAttempt::HttpAttempt(CurlMulti &curl, const RenderedRequest &request, int timeoutMs,
                         bool allowHttp2, QObject *parent)
    : QObject(parent)
    , m_curl(curl)
    , m_request(request)
    , m_timeoutMs(timeoutMs)
    , m_allowHttp2(allowHttp2)
{}

HttpAttempt::~HttpAttempt()
{
    if (m_easy)
        m_curl.cancel(m_easy);
    releaseHandle();
}

void HttpAttempt::releaseHandle()
{
    if (m_easy) {
        m_curl.releaseHandle(m_easy);
        m_easy = nullptr;
    }
    curl_slist_free_all(static_cast<curl_slist *>(m_headers));
    m_headers = nullptr;
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
    const ParsedUrl &parsed = parsedUrl(m_request.url);
    const QUrl &url = parsed.url;
    if (!url.isValid() || url.host().isEmpty()) {
        fail({AttemptVerdict::Kind::Final,
              QCoreApplication::translate("Kanca::HttpAttempt", "The URL %1 is not valid: %2")
                  .arg(m_request.url, url.errorString())});
        return;
    }
    if (url.scheme() != u"http" && url.scheme() != u"https") {
        fail({AttemptVerdict::Kind::Final,
              QCoreApplication::translate(
                  "Kanca::HttpAttempt",
                  "Cannot send to %1: only http and https addresses are supported")
                  .arg(url.toDisplayString())});
        return;
    }
    // A line break in a header would end it early and start another on the wire.
    for (const RenderedRequest::Header &header : std::as_const(m_request.headers)) {
        if (header.name.isEmpty() || hasLineBreak(header.name) || hasLineBreak(header.value)
            || header.name.contains(u':')) {
            fail({AttemptVerdict::Kind::Final,
                  QCoreApplication::translate("Kanca::HttpAttempt",
                                              "The header \"%1\" cannot be sent: a header name "
                                              "must not be empty or hold a colon, and neither "
                                              "name nor value may hold a line break")
                      .arg(header.name)});
            return;
        }
    }
    m_target = url;
    const bool overTls = url.scheme() == u"https";

    // Each line as rendered; curl then adds Host and Content-Length. Lines it would add on its
    // own unless the request has them (Accept, Expect: 100-continue, a form Content-Type) are
    // named without a value, which tells curl to leave them out.
    curl_slist *headers = nullptr;
    for (const RenderedRequest::Header &header : std::as_const(m_request.headers)) {
        // "Name;" is curl's way of sending a header with an empty value.
        QByteArray line = header.name.toLatin1();
        if (header.value.isEmpty())
            line += ';';
        else
            line += ": " + header.value.toUtf8();
        headers = curl_slist_append(headers, line.constData());
    }
    const auto hasNot = [this](const char *name) {
        return !hasHeader(m_request.headers, QLatin1StringView(name));
    };
    if (hasNot("User-Agent"))
        headers = curl_slist_append(headers, "User-Agent: Kanca/" KANCA_VERSION_STRING);
    for (const char *added : {"Accept", "Expect", "Content-Type"}) {
        if (hasNot(added))
            headers = curl_slist_append(headers, QByteArray(QByteArray(added) + ':').constData());
    }
    m_headers = headers;

    const auto failOutOfMemory = [&] {
        releaseHandle();
        fail(AttemptVerdict::forTransferError(CURLE_OUT_OF_MEMORY, url, {}, 0, 0));
    };
    m_easy = m_curl.acquireHandle();
    CURL *easy = static_cast<CURL *>(m_easy);
    if (!easy || !headers) {
        failOutOfMemory();
        return;
    }
    curl_easy_setopt(easy, CURLOPT_URL, parsed.encoded.constData()); // curl keeps a copy
    curl_easy_setopt(easy, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(easy, CURLOPT_NOSIGNAL, 1L);
    // Kanca has no proxy setting and connects to receivers directly, whatever the environment
    // (http_proxy, …) says.
    curl_easy_setopt(easy, CURLOPT_PROXY, "");
    // The one deadline of the whole exchange: connecting, sending, the head and the body.
    curl_easy_setopt(easy, CURLOPT_TIMEOUT_MS, long(m_timeoutMs));
    curl_easy_setopt(easy, CURLOPT_HTTP_VERSION,
                     m_allowHttp2 ? long(CURL_HTTP_VERSION_2TLS) : long(CURL_HTTP_VERSION_1_1));
    // Over TLS, an attempt waits for a connection being opened to the same receiver to say
    // whether it speaks HTTP/2 (one connection, several streams) rather than open another.
    // Plain http:// is HTTP/1.1 only: nothing to wait for.
    if (m_allowHttp2 && overTls)
        curl_easy_setopt(easy, CURLOPT_PIPEWAIT, 1L);
    curl_easy_setopt(easy, CURLOPT_HTTPHEADER, headers);

    const QByteArray method = m_request.method.toLatin1();
    if (method == "HEAD") {
        curl_easy_setopt(easy, CURLOPT_NOBODY, 1L);
    } else if (!m_request.body.isEmpty() || method == "POST" || method == "PUT"
               || method == "PATCH") {
        curl_easy_setopt(easy, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(m_request.body.size()));
        curl_easy_setopt(easy, CURLOPT_POSTFIELDS, m_request.body.constData());
    }
    if (method != "POST" || m_request.body.isEmpty())
        curl_easy_setopt(easy, CURLOPT_CUSTOMREQUEST, method.constData());
    else
        curl_easy_setopt(easy, CURLOPT_POST, 1L);

    static_assert(sizeof m_error >= CURL_ERROR_SIZE);
    curl_easy_setopt(easy, CURLOPT_ERRORBUFFER, m_error);
    curl_easy_setopt(easy, CURLOPT_HEADERFUNCTION, &HttpAttempt::onHeader);
    curl_easy_setopt(easy, CURLOPT_HEADERDATA, this);
    curl_easy_setopt(easy, CURLOPT_WRITEFUNCTION, &HttpAttempt::onBody);
    curl_easy_setopt(easy, CURLOPT_WRITEDATA, this);

    if (overTls) {
        const QByteArray &authorities = m_curl.extraAuthorities();
        if (!authorities.isEmpty()) {
            curl_blob blob{const_cast<char *>(authorities.constData()), size_t(authorities.size()),
                           CURL_BLOB_NOCOPY};
            curl_easy_setopt(easy, CURLOPT_CAINFO_BLOB, &blob);
            // A blob replaces curl's CA file; the system's authorities stay trusted from here.
            curl_easy_setopt(easy, CURLOPT_CAPATH, "/etc/ssl/certs");
        }
    }

    if (!m_curl.add(m_easy, this))
        failOutOfMemory();
}

// A status line starts an answer's head (an interim 1xx one, then the final one); an empty line
// ends it. Header lines of the final answer are kept as they came, each on its own.
void HttpAttempt::headerLine(QByteArrayView line)
{
    while (!line.isEmpty() && (line.back() == '\n' || line.back() == '\r'))
        line.chop(1);
    if (m_headComplete)
        return; // trailers
    if (line.startsWith("HTTP/")) {
        const qsizetype space = line.indexOf(' ');
        const QByteArrayView rest = space < 0 ? QByteArrayView() : line.sliced(space + 1);
        bool ok = false;
        const int status = rest.first(std::min<qsizetype>(3, rest.size())).toInt(&ok);
        m_status = ok ? std::optional<int>(status) : std::nullopt;
        m_reason = rest.size() > 4 ? rest.sliced(4).trimmed().toByteArray() : QByteArray();
        m_result.responseHeaders.clear();
        return;
    }
    if (line.isEmpty()) {
        // The end of a head: an interim answer's (1xx, but not 101) is followed by another.
        if (m_status && (*m_status >= 200 || *m_status == 101))
            m_headComplete = true;
        return;
    }
    if ((line.front() == ' ' || line.front() == '\t') && !m_result.responseHeaders.isEmpty()) {
        m_result.responseHeaders.last().value +=
            u' ' + QString::fromUtf8(line.trimmed().toByteArray());
        return;
    }
    const qsizetype colon = line.indexOf(':');
    if (colon <= 0)
        return;
    m_result.responseHeaders.append({QString::fromLatin1(line.first(colon).trimmed()),
                                     QString::fromUtf8(line.sliced(colon + 1).trimmed()), false});
}

size_t HttpAttempt::onHeader(char *data, size_t size, size_t count, void *self)
{
    static_cast<HttpAttempt *>(self)->headerLine(QByteArrayView(data, qsizetype(size * count)));
    return size * count;
}

// Keeps the first Attempt::BodyCap bytes and counts the rest.
size_t HttpAttempt::onBody(char *data, size_t size, size_t count, void *self)
{
    auto *attempt = static_cast<HttpAttempt *>(self);
    const qsizetype length = qsizetype(size * count);
    QByteArray &body = attempt->m_result.responseBody;
    const qsizetype room = Attempt::BodyCap - body.size();
    if (room > 0)
        body.append(data, std::min(room, length));
    attempt->m_result.responseBodySize += length;
    return size * count;
}

void HttpAttempt::transferDone(int code)
{
    CURL *easy = static_cast<CURL *>(m_easy);
    // From start(), or as curl counted it if that is longer (its deadline is kept by its own
    // clock, which may run a millisecond ahead of this one).
    curl_off_t totalUs = 0;
    curl_easy_getinfo(easy, CURLINFO_TOTAL_TIME_T, &totalUs);
    m_result.durationMs = std::max<qint64>(m_clock.elapsed(), (totalUs + 999) / 1000);
    long osErrno = 0;
    curl_easy_getinfo(easy, CURLINFO_OS_ERRNO, &osErrno);
    long verifyResult = 0;
    curl_easy_getinfo(easy, CURLINFO_SSL_VERIFYRESULT, &verifyResult);
    const QString detail =
        QString::fromUtf8(m_error[0] ? m_error : curl_easy_strerror(CURLcode(code)));
    releaseHandle();

    if (m_headComplete)
        m_result.httpStatus = m_status;
    if (code == CURLE_OPERATION_TIMEDOUT) {
        m_result.verdict = AttemptVerdict::forDeadline(m_timeoutMs, m_result.httpStatus,
                                                       m_result.responseBodySize);
    } else if (code != CURLE_OK || !m_result.httpStatus) {
        m_result.verdict =
            AttemptVerdict::forTransferError(code, m_target, detail, int(osErrno), verifyResult);
    } else {
        QByteArray location;
        QByteArray retryAfter;
        for (const RenderedRequest::Header &header : std::as_const(m_result.responseHeaders)) {
            if (header.name.compare(QLatin1StringView("Location"), Qt::CaseInsensitive) == 0)
                location = header.value.toUtf8();
            else if (header.name.compare(QLatin1StringView("Retry-After"), Qt::CaseInsensitive)
                     == 0)
                retryAfter = header.value.toLatin1();
        }
        m_result.verdict = AttemptVerdict::forStatus(*m_result.httpStatus, m_reason, location);
        if (!retryAfter.isNull()) {
            m_result.retryAfterMs =
                Backoff::parseRetryAfter(retryAfter, QDateTime::currentDateTimeUtc());
        }
    }
    Q_EMIT finished(m_result);
}

} // namespace Kanca
