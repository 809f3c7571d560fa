#pragma once

#include "delivery/AttemptVerdict.h"
#include "delivery/CurlMulti.h"
#include "engine/RenderedRequest.h"

#include <QElapsedTimer>
#include <QObject>
#include <QUrl>

#include <optional>

namespace Kanca {

// One HTTP request on the wire, through libcurl (a CurlMulti on this thread): sends exactly the
// given method, URL, headers and body, adding only what HTTP needs (Host, Content-Length) and
// Kanca's User-Agent when the request has none; follows no redirect, keeps no cookie, uses no
// proxy; ends the whole exchange at the timeout; keeps at most Attempt::BodyCap bytes of the
// answer (counting the rest); and says what the result means.
class HttpAttempt final : public QObject, private CurlTransfer
{
    Q_OBJECT

public:
    struct Result
    {
        std::optional<int> httpStatus;
        QList<RenderedRequest::Header> responseHeaders;
        QByteArray responseBody; // at most Attempt::BodyCap bytes
        qint64 responseBodySize = 0;
        AttemptVerdict verdict;
        std::optional<qint64> retryAfterMs; // from a Retry-After header
        qint64 durationMs = 0;
    };

    HttpAttempt(CurlMulti &curl, const RenderedRequest &request, int timeoutMs, bool allowHttp2,
                QObject *parent = nullptr);
    // Cuts the exchange off if it is still on the wire (finished() is not emitted).
    ~HttpAttempt() override;

    void start();

Q_SIGNALS:
    void finished(const Kanca::HttpAttempt::Result &result);

private:
    static size_t onHeader(char *data, size_t size, size_t count, void *self);
    static size_t onBody(char *data, size_t size, size_t count, void *self);
    void headerLine(QByteArrayView line);
    void transferDone(int code) override;
    void fail(const AttemptVerdict &verdict);
    void releaseHandle();

    CurlMulti &m_curl;
    RenderedRequest m_request;
    int m_timeoutMs;
    bool m_allowHttp2;
    void *m_easy = nullptr;      // CURL *, while the exchange runs
    void *m_headers = nullptr;   // curl_slist *
    QUrl m_target;               // the request's URL, as read in start()
    std::optional<int> m_status; // of the answer whose head is being read
    QByteArray m_reason;         // its reason phrase
    bool m_headComplete = false; // the final answer's head has been read
    QElapsedTimer m_clock;
    Result m_result;
    char m_error[256] = {}; // curl's words for a failure (CURL_ERROR_SIZE)
};

} // namespace Kanca
