#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
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
    // failure naming its Location (redirects are not followed); a final 1xx (101 Switching
    // Protocols, which a webhook cannot use) is an unknown outcome, retried; 410 and the other
    // statuses are final.
    static AttemptVerdict forStatus(int status, const QByteArray &reasonPhrase,
                                    const QByteArray &location);

    // No answer: the connection failed, TLS failed, or the answer broke off. `code` is curl's
    // (CURLcode), `detail` its text, `osErrno` the system's error on connecting and
    // `tlsVerifyResult` OpenSSL's verdict on the receiver's certificate (0: none). Network
    // failures are retried; a request that can never be sent is final.
    static AttemptVerdict forTransferError(int code, const QUrl &url, const QString &detail,
                                           int osErrno, long tlsVerifyResult);

    // The attempt's deadline (`timeoutMs` for the whole exchange) passed before the answer was
    // complete: nothing, part of the head, or the head (`status`) and `bodyBytes` of the body
    // had come. Retried.
    static AttemptVerdict forDeadline(int timeoutMs, std::optional<int> status, qint64 bodyBytes);

    // "10 s", "1.5 s", "250 ms".
    static QString durationText(qint64 ms);
};

} // namespace Kanca
