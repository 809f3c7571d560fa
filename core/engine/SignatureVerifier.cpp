#include "engine/SignatureVerifier.h"

#include "engine/Signatures.h"

#include <QCryptographicHash>
#include <QMessageAuthenticationCode>

#include <climits>

namespace Kanca {

namespace {

const QString StandardWebhooksName = QStringLiteral("standard-webhooks");
const QString HmacSha256Name = QStringLiteral("hmac-sha256");

// Every value of the header (case-insensitive name), in order.
QList<QByteArray> headerValues(const HttpHeaders &headers, QByteArrayView name)
{
    QList<QByteArray> values;
    for (const HttpHeader &field : headers) {
        if (name.compare(field.name, Qt::CaseInsensitive) == 0)
            values.append(field.value.trimmed());
    }
    return values;
}

bool isHex(QByteArrayView text)
{
    for (const char c : text) {
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')))
            return false;
    }
    return true;
}

// The MAC a signature value carries: 64 hex digits, or base64 of 32 bytes.
std::optional<QByteArray> decodeMac(const QByteArray &text)
{
    if (text.size() == 64 && isHex(text))
        return QByteArray::fromHex(text);
    const auto decoded =
        QByteArray::fromBase64Encoding(text, QByteArray::AbortOnBase64DecodingErrors);
    if (decoded && decoded.decoded.size() == 32)
        return decoded.decoded;
    return std::nullopt;
}

} // namespace

SignatureVerifier::SignatureVerifier(Scheme scheme, const QByteArray &secret)
    : m_scheme(scheme)
    , m_secret(secret)
{}

std::optional<SignatureVerifier> SignatureVerifier::forSigning(const Signing &signing,
                                                               const QByteArray &secret)
{
    switch (signing.type) {
    case Signing::Type::None:
        break;
    case Signing::Type::StandardWebhooks:
        return SignatureVerifier(Scheme::StandardWebhooks, secret);
    case Signing::Type::HmacSha256: {
        SignatureVerifier verifier(Scheme::HmacSha256, secret);
        verifier.setHmacHeader(signing.header.toLatin1());
        verifier.setHmacPrefix(signing.prefix.toUtf8());
        return verifier;
    }
    }
    return std::nullopt;
}

QString SignatureVerifier::secretProblem() const
{
    if (m_secret.isEmpty())
        return tr("the secret is empty");
    if (m_scheme == Scheme::StandardWebhooks && !Signatures::standardWebhooksKey(m_secret))
        return tr("the secret is not a Standard Webhooks secret: \"whsec_\" followed by base64");
    return {};
}

SignatureCheck SignatureVerifier::verify(const HttpRequest &request) const
{
    return verify(request.headers, request.body, request.receivedAt, !request.bodyTruncated());
}

SignatureCheck SignatureVerifier::verify(const HttpHeaders &headers, const QByteArray &body,
                                         const QDateTime &now, bool bodyComplete) const
{
    switch (m_scheme) {
    case Scheme::StandardWebhooks:
        return verifyStandardWebhooks(headers, body, now, bodyComplete);
    case Scheme::HmacSha256:
        return verifyHmac(headers, body, bodyComplete);
    case Scheme::Auto:
        break;
    }
    if (!headerValues(headers, "webhook-signature").isEmpty())
        return verifyStandardWebhooks(headers, body, now, bodyComplete);
    SignatureCheck check = verifyHmac(headers, body, bodyComplete);
    if (check.status == SignatureCheck::Status::Absent) {
        check.scheme.clear();
        check.reason = tr("no signature: neither webhook-signature nor %1 is present")
                           .arg(QString::fromLatin1(m_hmacHeader));
    }
    return check;
}

SignatureCheck SignatureVerifier::verifyStandardWebhooks(const HttpHeaders &headers,
                                                         const QByteArray &body,
                                                         const QDateTime &now,
                                                         bool bodyComplete) const
{
    SignatureCheck check;
    check.scheme = StandardWebhooksName;
    const auto invalid = [&check](const QString &reason) {
        check.status = SignatureCheck::Status::Invalid;
        check.reason = reason;
        return check;
    };

    const QList<QByteArray> signatures = headerValues(headers, "webhook-signature");
    const QList<QByteArray> ids = headerValues(headers, "webhook-id");
    const QList<QByteArray> timestamps = headerValues(headers, "webhook-timestamp");
    if (signatures.isEmpty()) {
        check.status = SignatureCheck::Status::Absent;
        check.reason = ids.isEmpty() && timestamps.isEmpty()
                           ? tr("no webhook-signature header")
                           : tr("webhook-id or webhook-timestamp is present, but no "
                                "webhook-signature");
        return check;
    }
    if (ids.size() != 1 || ids.first().isEmpty())
        return invalid(tr("the request needs exactly one non-empty webhook-id header"));
    if (timestamps.size() != 1)
        return invalid(tr("the request needs exactly one webhook-timestamp header"));
    bool isNumber = false;
    const qint64 timestamp = timestamps.first().toLongLong(&isNumber);
    if (!isNumber)
        return invalid(tr("webhook-timestamp \"%1\" is not a number of seconds")
                           .arg(QString::fromLatin1(timestamps.first())));
    const std::optional<QByteArray> key = Signatures::standardWebhooksKey(m_secret);
    if (!key)
        return invalid(secretProblem());
    if (!bodyComplete)
        return invalid(tr("the body was cut at the size cap, so its signature cannot be checked"));

    // Any of the space-separated "v1,<base64>" signatures may match; other versions are skipped.
    const QByteArray expected = QMessageAuthenticationCode::hash(
        ids.first() + '.' + QByteArray::number(timestamp) + '.' + body, *key,
        QCryptographicHash::Sha256);
    bool anyV1 = false;
    bool matched = false;
    for (const QByteArray &value : signatures) {
        for (const QByteArray &signature : value.split(' ')) {
            if (!signature.startsWith("v1,"))
                continue;
            anyV1 = true;
            const auto decoded = QByteArray::fromBase64Encoding(
                signature.mid(3), QByteArray::AbortOnBase64DecodingErrors);
            matched =
                (decoded && Signatures::sameInConstantTime(decoded.decoded, expected)) || matched;
        }
    }
    if (!anyV1)
        return invalid(tr("webhook-signature holds no \"v1,\" signature"));
    if (!matched)
        return invalid(tr("the signature does not match the body with this secret"));

    const qint64 nowSeconds =
        (now.isValid() ? now : QDateTime::currentDateTimeUtc()).toSecsSinceEpoch();
    const qint64 age = nowSeconds - timestamp;
    if (age > m_toleranceSeconds) {
        return invalid(tr("the signature matches, but webhook-timestamp is %n second(s) old, "
                          "beyond the tolerance of %1 seconds",
                          nullptr, int(qMin<qint64>(age, INT_MAX)))
                           .arg(m_toleranceSeconds));
    }
    if (-age > m_toleranceSeconds) {
        return invalid(tr("the signature matches, but webhook-timestamp is %n second(s) in the "
                          "future, beyond the tolerance of %1 seconds",
                          nullptr, int(qMin<qint64>(-age, INT_MAX)))
                           .arg(m_toleranceSeconds));
    }
    check.status = SignatureCheck::Status::Valid;
    return check;
}

SignatureCheck SignatureVerifier::verifyHmac(const HttpHeaders &headers, const QByteArray &body,
                                             bool bodyComplete) const
{
    SignatureCheck check;
    check.scheme = HmacSha256Name;
    const QString header = QString::fromLatin1(m_hmacHeader);
    const auto invalid = [&check](const QString &reason) {
        check.status = SignatureCheck::Status::Invalid;
        check.reason = reason;
        return check;
    };

    const QList<QByteArray> values = headerValues(headers, m_hmacHeader);
    if (values.isEmpty()) {
        check.status = SignatureCheck::Status::Absent;
        check.reason = tr("no %1 header").arg(header);
        return check;
    }
    if (values.size() > 1)
        return invalid(tr("the request has %1 headers named %2; one is expected")
                           .arg(values.size())
                           .arg(header));
    const QByteArray &value = values.first();
    if (!value.startsWith(m_hmacPrefix))
        return invalid(
            tr("%1 does not start with \"%2\"").arg(header, QString::fromUtf8(m_hmacPrefix)));
    const std::optional<QByteArray> mac = decodeMac(value.mid(m_hmacPrefix.size()));
    if (!mac)
        return invalid(
            tr("%1 holds neither 64 hex digits nor the base64 of a SHA-256 MAC").arg(header));
    if (m_secret.isEmpty())
        return invalid(secretProblem());
    if (!bodyComplete)
        return invalid(tr("the body was cut at the size cap, so its signature cannot be checked"));
    const QByteArray expected =
        QMessageAuthenticationCode::hash(body, m_secret, QCryptographicHash::Sha256);
    if (!Signatures::sameInConstantTime(*mac, expected))
        return invalid(tr("the signature does not match the body with this secret"));
    check.status = SignatureCheck::Status::Valid;
    return check;
}

QString SignatureVerifier::schemeName(Scheme scheme)
{
    switch (scheme) {
    case Scheme::StandardWebhooks:
        return StandardWebhooksName;
    case Scheme::HmacSha256:
        return HmacSha256Name;
    case Scheme::Auto:
        break;
    }
    return QStringLiteral("auto");
}

std::optional<SignatureVerifier::Scheme> SignatureVerifier::schemeFromName(QStringView name)
{
    for (const Scheme scheme : {Scheme::Auto, Scheme::StandardWebhooks, Scheme::HmacSha256}) {
        if (name == schemeName(scheme))
            return scheme;
    }
    return std::nullopt;
}

} // namespace Kanca
