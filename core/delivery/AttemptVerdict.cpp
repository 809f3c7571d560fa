#include "delivery/AttemptVerdict.h"

namespace Kanca {

namespace {

QString hostAndPort(const QUrl &url)
{
    const int port = url.port(url.scheme() == u"https" ? 443 : 80);
    return url.host() + u':' + QString::number(port);
}

} // namespace

QString AttemptVerdict::durationText(qint64 ms)
{
    if (ms < 1000)
        return tr("%1 ms").arg(ms);
    if (ms % 1000 == 0)
        return tr("%1 s").arg(ms / 1000);
    return tr("%1 s").arg(QLocale::c().toString(double(ms) / 1000.0, 'f', 1));
}

AttemptVerdict AttemptVerdict::forStatus(int status, const QByteArray &reasonPhrase,
                                         const QByteArray &location)
{
    const QString statusText =
        reasonPhrase.isEmpty() ? QString::number(status)
                               : QString::number(status) + u' ' + QString::fromLatin1(reasonPhrase);
    if (status >= 200 && status < 300)
        return {Kind::Success, {}};
    if (status >= 100 && status < 200) {
        // An interim answer is not the final one, but Qt's HTTP client (6.4) ends the exchange
        // there (it waits on only after 100 Continue): whether the receiver took the request is
        // not known, as after a timeout.
        return {Kind::Retryable,
                tr("HTTP %1: an interim answer, and Kanca's HTTP client (Qt) cannot read the final "
                   "one after it, so the outcome is not known")
                    .arg(statusText)};
    }
    if (status >= 300 && status < 400) {
        const QString target =
            location.isEmpty() ? tr("(no Location given)") : QString::fromLatin1(location);
        return {Kind::Final, tr("HTTP %1: the server redirects to %2. Webhooks are not sent on "
                                "across redirects; point the action at the new address.")
                                 .arg(statusText, target)};
    }
    if (status == 410) {
        return {Kind::Final, tr("HTTP %1: the receiver says this endpoint is gone for good; not "
                                "retried.")
                                 .arg(statusText)};
    }
    if (status == 408 || status == 429 || (status >= 500 && status < 600))
        return {Kind::Retryable, tr("HTTP %1").arg(statusText)};
    return {Kind::Final,
            tr("HTTP %1: the receiver refused the request; not retried.").arg(statusText)};
}

AttemptVerdict AttemptVerdict::forDeadline(int timeoutMs, std::optional<int> status,
                                           qint64 bodyBytes)
{
    if (!status)
        return {Kind::Retryable, tr("No complete answer within %1").arg(durationText(timeoutMs))};
    return {Kind::Retryable, tr("No complete answer within %1 (HTTP %2, body bytes so far: %3)")
                                 .arg(durationText(timeoutMs), QString::number(*status),
                                      QString::number(bodyBytes))};
}

AttemptVerdict AttemptVerdict::forNetworkError(QNetworkReply::NetworkError error, const QUrl &url,
                                               const QString &errorString,
                                               const QList<QSslError> &sslErrors)
{
    if (!sslErrors.isEmpty()) {
        QStringList reasons;
        for (const QSslError &e : sslErrors) {
            const QString reason = e.errorString();
            if (!reasons.contains(reason))
                reasons.append(reason);
        }
        return {Kind::Retryable, tr("TLS: %1 (host %2)").arg(reasons.join(u"; "), url.host())};
    }
    switch (error) {
    case QNetworkReply::ConnectionRefusedError:
        return {Kind::Retryable, tr("Connection refused by %1").arg(hostAndPort(url))};
    case QNetworkReply::HostNotFoundError:
        return {Kind::Retryable, tr("Host not found: %1").arg(url.host())};
    case QNetworkReply::RemoteHostClosedError:
        // Qt reports an answer that is not HTTP (a malformed status line) as this too.
        return {Kind::Retryable, tr("%1 closed the connection before the answer was complete, or "
                                    "answered with something that is not HTTP")
                                     .arg(hostAndPort(url))};
    case QNetworkReply::TimeoutError:
        return {Kind::Retryable, tr("The connection to %1 timed out").arg(hostAndPort(url))};
    case QNetworkReply::SslHandshakeFailedError:
        return {Kind::Retryable,
                tr("TLS: the secure connection to %1 failed: %2").arg(url.host(), errorString)};
    case QNetworkReply::TemporaryNetworkFailureError:
    case QNetworkReply::NetworkSessionFailedError:
        return {Kind::Retryable, tr("The network is not available: %1").arg(errorString)};
    case QNetworkReply::ProxyConnectionRefusedError:
    case QNetworkReply::ProxyConnectionClosedError:
    case QNetworkReply::ProxyNotFoundError:
    case QNetworkReply::ProxyTimeoutError:
    case QNetworkReply::ProxyAuthenticationRequiredError:
        return {Kind::Retryable, tr("Proxy: %1").arg(errorString)};
    case QNetworkReply::ProtocolUnknownError:
        return {Kind::Final, tr("Cannot send to %1: only http and https addresses are supported")
                                 .arg(url.toDisplayString())};
    case QNetworkReply::ProtocolInvalidOperationError:
    case QNetworkReply::OperationNotImplementedError:
        return {Kind::Final, tr("The request cannot be sent: %1").arg(errorString)};
    default:
        return {Kind::Retryable, tr("Network error: %1").arg(errorString)};
    }
}

} // namespace Kanca
