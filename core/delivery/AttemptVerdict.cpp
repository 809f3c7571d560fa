#include "delivery/AttemptVerdict.h"

#include <QSslError>

#include <cerrno>
#include <cstring>
#include <curl/curl.h>
#include <openssl/x509_vfy.h>

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
        // Interim answers (100 Continue, 102, 103) are read past; one that stays final (101
        // Switching Protocols) leaves the connection to another protocol: whether the receiver
        // took the request is not known, as after a timeout.
        return {Kind::Retryable,
                tr("HTTP %1: an interim answer where the final one was due, so the outcome is not "
                   "known")
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

namespace {

// What OpenSSL's verdict on a certificate says, in the words Qt uses for it (QSslError), so that a
// TLS failure reads the same as anywhere else in Qt programs.
std::optional<QSslError::SslError> sslErrorFor(long verifyResult)
{
    switch (verifyResult) {
    case X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT:
        return QSslError::UnableToGetIssuerCertificate;
    case X509_V_ERR_UNABLE_TO_DECRYPT_CERT_SIGNATURE:
        return QSslError::UnableToDecryptCertificateSignature;
    case X509_V_ERR_UNABLE_TO_DECODE_ISSUER_PUBLIC_KEY:
        return QSslError::UnableToDecodeIssuerPublicKey;
    case X509_V_ERR_CERT_SIGNATURE_FAILURE:
        return QSslError::CertificateSignatureFailed;
    case X509_V_ERR_CERT_NOT_YET_VALID:
        return QSslError::CertificateNotYetValid;
    case X509_V_ERR_CERT_HAS_EXPIRED:
        return QSslError::CertificateExpired;
    case X509_V_ERR_ERROR_IN_CERT_NOT_BEFORE_FIELD:
        return QSslError::InvalidNotBeforeField;
    case X509_V_ERR_ERROR_IN_CERT_NOT_AFTER_FIELD:
        return QSslError::InvalidNotAfterField;
    case X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT:
        return QSslError::SelfSignedCertificate;
    case X509_V_ERR_SELF_SIGNED_CERT_IN_CHAIN:
        return QSslError::SelfSignedCertificateInChain;
    case X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY:
        return QSslError::UnableToGetLocalIssuerCertificate;
    case X509_V_ERR_UNABLE_TO_VERIFY_LEAF_SIGNATURE:
        return QSslError::UnableToVerifyFirstCertificate;
    case X509_V_ERR_CERT_REVOKED:
        return QSslError::CertificateRevoked;
    case X509_V_ERR_INVALID_CA:
        return QSslError::InvalidCaCertificate;
    case X509_V_ERR_PATH_LENGTH_EXCEEDED:
        return QSslError::PathLengthExceeded;
    case X509_V_ERR_INVALID_PURPOSE:
        return QSslError::InvalidPurpose;
    case X509_V_ERR_CERT_UNTRUSTED:
        return QSslError::CertificateUntrusted;
    case X509_V_ERR_CERT_REJECTED:
        return QSslError::CertificateRejected;
    case X509_V_ERR_HOSTNAME_MISMATCH:
    case X509_V_ERR_IP_ADDRESS_MISMATCH:
        return QSslError::HostNameMismatch;
    default:
        return std::nullopt;
    }
}

} // namespace

AttemptVerdict AttemptVerdict::forTransferError(int code, const QUrl &url, const QString &detail,
                                                int osErrno, long tlsVerifyResult)
{
    switch (code) {
    case CURLE_COULDNT_CONNECT:
        if (osErrno == ECONNREFUSED)
            return {Kind::Retryable, tr("Connection refused by %1").arg(hostAndPort(url))};
        return {Kind::Retryable,
                tr("Could not connect to %1: %2")
                    .arg(hostAndPort(url),
                         osErrno ? QString::fromLocal8Bit(strerror(osErrno)) : detail)};
    case CURLE_COULDNT_RESOLVE_HOST:
        return {Kind::Retryable, tr("Host not found: %1").arg(url.host())};
    case CURLE_GOT_NOTHING:
    case CURLE_RECV_ERROR:
    case CURLE_SEND_ERROR:
    case CURLE_PARTIAL_FILE:
    case CURLE_WEIRD_SERVER_REPLY:
    case CURLE_HTTP2:
    case CURLE_HTTP2_STREAM:
    case CURLE_BAD_CONTENT_ENCODING:
    case CURLE_OK:                   // ended without a whole head
    case CURLE_UNSUPPORTED_PROTOCOL: // an answer that is not HTTP/1.x or 2 (HTTP/0.9 refused)
        return {Kind::Retryable, tr("%1 closed the connection before the answer was complete, or "
                                    "answered with something that is not HTTP")
                                     .arg(hostAndPort(url))};
    case CURLE_PEER_FAILED_VERIFICATION: {
        // curl checks the host name itself once OpenSSL found the chain good, and says so with
        // no verdict or an unspecified one.
        const std::optional<QSslError::SslError> error =
            tlsVerifyResult == X509_V_OK || tlsVerifyResult == X509_V_ERR_UNSPECIFIED
                ? QSslError::HostNameMismatch
                : sslErrorFor(tlsVerifyResult);
        const QString reason = error ? QSslError(*error).errorString() : detail;
        return {Kind::Retryable, tr("TLS: %1 (host %2)").arg(reason, url.host())};
    }
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_CIPHER:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_ISSUER_ERROR:
    case CURLE_SSL_INVALIDCERTSTATUS:
        return {Kind::Retryable,
                tr("TLS: the secure connection to %1 failed: %2").arg(url.host(), detail)};
    case CURLE_URL_MALFORMAT:
        return {Kind::Final, tr("The URL %1 is not valid: %2").arg(url.toDisplayString(), detail)};
    case CURLE_OUT_OF_MEMORY:
        return {Kind::Retryable, tr("Out of memory")};
    default:
        return {Kind::Retryable, tr("Network error: %1").arg(detail)};
    }
}

} // namespace Kanca
