#pragma once

#include "endpoints/WebhookSiteData.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QTimer>
#include <QUrl>

#include <optional>

class QNetworkReply;

namespace Kanca {

// One call of WebhookSiteClient under way. finished() is emitted once, always later than the
// call that made it (never from within it); then either error() is None and the result is there,
// or errorString() says in words what went wrong. The client is its parent; whoever made the call
// deletes it (deleteLater) when done with it.
class WebhookSiteReply final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WebhookSiteReply)

public:
    enum class Kind { CreateToken, Requests, Request };
    enum class Error {
        None,
        HostNotFound,      // DNS failure
        ConnectionRefused, // nothing listens there
        NoNetwork,         // no route, the network is down, a proxy or TLS failure
        Timeout,           // no complete answer within the client's timeout
        Expired,           // 410: the URL has expired or its quota is used up
        NotFound,          // 404: no such token or request
        Unauthorized,      // 401, 403 or a redirect to a login: the API key is missing or wrong
        RateLimited,       // 429
        HttpError,         // any other status that is not 2xx
        MalformedResponse, // not the documented JSON
        Aborted,           // abort() was called
    };

    ~WebhookSiteReply() override;

    Kind kind() const { return m_kind; }
    QUrl url() const { return m_url; } // what was asked
    bool isFinished() const { return m_finished; }
    Error error() const { return m_error; }
    QString errorString() const { return m_errorString; }
    std::optional<int> httpStatus() const { return m_httpStatus; }
    std::optional<int> retryAfterSeconds() const { return m_retryAfter; } // with RateLimited

    // CreateToken.
    const WebhookSiteToken &token() const { return m_token; }
    // Requests: newest first as asked; Request: the one request.
    const QList<WebhookSiteRequest> &requests() const { return m_requests; }

    void abort(); // finishes now with Aborted, unless already finished

Q_SIGNALS:
    void finished();

private:
    friend class WebhookSiteClient;
    WebhookSiteReply(Kind kind, const QUrl &url, const QUrl &baseUrl, QObject *parent);
    void start(QNetworkReply *reply, int timeoutMs);
    void failLater(Error error, const QString &message); // for a call that cannot be made

    void onFinished();
    void parse(const QByteArray &body);
    void fail(Error error, const QString &message);
    void finish();
    QString host() const;

    Kind m_kind;
    QUrl m_url;
    QUrl m_baseUrl;
    QPointer<QNetworkReply> m_reply;
    QTimer m_timer;
    int m_timeoutMs = 0;
    bool m_timedOut = false;
    bool m_finished = false;
    Error m_error = Error::None;
    QString m_errorString;
    std::optional<int> m_httpStatus;
    std::optional<int> m_retryAfter;
    WebhookSiteToken m_token;
    QList<WebhookSiteRequest> m_requests;
};

} // namespace Kanca
