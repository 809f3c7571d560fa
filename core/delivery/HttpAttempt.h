#pragma once

#include "delivery/AttemptVerdict.h"
#include "engine/RenderedRequest.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <optional>

class QNetworkAccessManager;
class QNetworkReply;

namespace Kanca {

// One HTTP request on the wire: sends exactly the given method, URL, headers and body through
// QNetworkAccessManager, without following redirects or keeping cookies, aborts it after the
// timeout, keeps at most Attempt::BodyCap bytes of the answer (counting the rest), and says what
// the result means.
class HttpAttempt final : public QObject
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
        // The connection may still hold part of an answer (Qt ended the exchange at an interim
        // 1xx answer): no further request may be sent on it.
        bool connectionSpoiled = false;
    };

    HttpAttempt(QNetworkAccessManager &network, const RenderedRequest &request, int timeoutMs,
                bool allowHttp2, QObject *parent = nullptr);
    ~HttpAttempt() override;

    void start();

Q_SIGNALS:
    void finished(const Kanca::HttpAttempt::Result &result);

private:
    void readBody();
    void finish();
    void fail(const AttemptVerdict &verdict);

    QNetworkAccessManager &m_network;
    RenderedRequest m_request;
    int m_timeoutMs;
    bool m_allowHttp2;
    QPointer<QNetworkReply> m_reply;
    QTimer m_timeout;
    QElapsedTimer m_clock;
    bool m_timedOut = false;
    QList<QSslError> m_sslErrors;
    Result m_result;
};

} // namespace Kanca
