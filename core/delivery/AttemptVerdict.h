#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QNetworkReply>
#include <QSslError>
#include <QString>
#include <QUrl>

#include <optional>

namespace Kanca {

// What one attempt's result means: success, a failure worth retrying, or a failure for good, with
// a message a person understands ("Connection refused by 127.0.0.1:9", "No complete answer
// within 10 s").
struct AttemptVerdict
{
    Q_DECLARE_TR_FUNCTIONS(AttemptVerdict)

public:
    enum class Kind { Success, Retryable, Final };
    Kind kind = Kind::Final;
    QString message; // empty on success

    // An answer with an HTTP status: 2xx succeed; 408, 429 and 5xx are retried; a 3xx is a
    // failure naming its Location (redirects are not followed); a 1xx that Qt took for the final
    // answer is an unknown outcome, retried; 410 and the other statuses are final.
    static AttemptVerdict forStatus(int status, const QByteArray &reasonPhrase,
                                    const QByteArray &location);

    // No answer: the connection failed, TLS failed (`sslErrors`), or the answer broke off.
    // Network failures are retried; a request that can never be sent (an unsupported scheme,
    // say) is final.
    static AttemptVerdict forNetworkError(QNetworkReply::NetworkError error, const QUrl &url,
                                          const QString &errorString,
                                          const QList<QSslError> &sslErrors);

    // The attempt's deadline (`timeoutMs` for the whole exchange) passed before the answer was
    // complete: nothing, part of the head, or the head (`status`) and `bodyBytes` of the body
    // had come. Retried.
    static AttemptVerdict forDeadline(int timeoutMs, std::optional<int> status, qint64 bodyBytes);

    // "10 s", "1.5 s", "250 ms".
    static QString durationText(qint64 ms);
};

} // namespace Kanca
