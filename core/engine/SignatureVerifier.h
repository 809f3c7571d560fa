#pragma once

#include "http/HttpRequest.h"
#include "model/WebhookAction.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QString>

#include <optional>

namespace Kanca {

// What a signature check found on one request, and why.
struct SignatureCheck
{
    enum class Status {
        NotChecked, // no secret to check with
        Absent,     // the request carries no signature of the scheme
        Valid,
        Invalid,
    };

    Status status = Status::NotChecked;
    QString scheme; // "standard-webhooks" or "hmac-sha256": the scheme that was checked
    QString reason; // why it is absent or invalid; empty when valid

    bool isValid() const { return status == Status::Valid; }
    friend bool operator==(const SignatureCheck &, const SignatureCheck &) = default;
};

// Checks the signature a sender put on a request, with the shared secret: the other side of
// Signatures.h, for the local catcher and for what webhook.site received.
//
// Standard Webhooks: webhook-id, webhook-timestamp and webhook-signature ("v1,<base64>", several
// separated by spaces, any one may match) over "id.timestamp.body"; the timestamp must lie within
// the tolerance of the time the request arrived (five minutes, as the specification suggests).
// HMAC-SHA256: a header (X-Hub-Signature-256) holding the prefix ("sha256=") and the MAC of the
// body, hex (either case) or base64, whichever it is. Auto: Standard Webhooks when the request
// has a webhook-signature header, else HMAC-SHA256. MACs are compared in constant time.
class SignatureVerifier final
{
    Q_DECLARE_TR_FUNCTIONS(SignatureVerifier)

public:
    enum class Scheme { Auto, StandardWebhooks, HmacSha256 };

    static constexpr qint64 DefaultToleranceSeconds = 5 * 60;

    // The secret as the sender holds it: for Standard Webhooks "whsec_<base64>" (a secret without
    // the prefix is taken as raw bytes, as Signatures::standardWebhooksKey does).
    SignatureVerifier(Scheme scheme, const QByteArray &secret);
    // The verifier for an action's signing settings; nullopt when the action does not sign.
    static std::optional<SignatureVerifier> forSigning(const Signing &signing,
                                                       const QByteArray &secret);

    Scheme scheme() const { return m_scheme; }
    void setHmacHeader(const QByteArray &name) { m_hmacHeader = name; }
    void setHmacPrefix(const QByteArray &prefix) { m_hmacPrefix = prefix; }
    void setToleranceSeconds(qint64 seconds) { m_toleranceSeconds = qMax<qint64>(0, seconds); }

    // Empty when the secret can be used; else why not (a whsec_ secret that is not base64).
    QString secretProblem() const;

    // `now` is when the request arrived (invalid: the current time). A body that was cut at a
    // cap (bodyComplete false) cannot be checked: Invalid, saying so.
    SignatureCheck verify(const HttpHeaders &headers, const QByteArray &body,
                          const QDateTime &now = {}, bool bodyComplete = true) const;
    SignatureCheck verify(const HttpRequest &request) const; // at request.receivedAt

    static QString schemeName(Scheme scheme); // "auto", "standard-webhooks", "hmac-sha256"
    static std::optional<Scheme> schemeFromName(QStringView name);

private:
    SignatureCheck verifyStandardWebhooks(const HttpHeaders &headers, const QByteArray &body,
                                          const QDateTime &now, bool bodyComplete) const;
    SignatureCheck verifyHmac(const HttpHeaders &headers, const QByteArray &body,
                              bool bodyComplete) const;

    Scheme m_scheme;
    QByteArray m_secret;
    QByteArray m_hmacHeader = QByteArrayLiteral("X-Hub-Signature-256");
    QByteArray m_hmacPrefix = QByteArrayLiteral("sha256=");
    qint64 m_toleranceSeconds = DefaultToleranceSeconds;
};

} // namespace Kanca
