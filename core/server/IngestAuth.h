#pragma once

#include "engine/SignatureVerifier.h"
#include "http/HttpRequest.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

#include <optional>

namespace Kanca {

// Who may post events: a bearer token (`Authorization: Bearer <token>`, compared in constant
// time), a Standard Webhooks signature over the body (the same verifier as `kanca catch`, with
// timestamps outside ±5 minutes refused), or both. Without either, anyone who can reach the
// address may post: only loopback addresses are allowed then.
class IngestAuth final
{
    Q_DECLARE_TR_FUNCTIONS(IngestAuth)

public:
    void setToken(const QByteArray &token) { m_token = token; }
    void setSignatureSecret(const QByteArray &secret);
    bool isConfigured() const { return m_token.has_value() || m_verifier.has_value(); }
    // Empty when the secrets can be used; else why not (a whsec_ secret that is not base64).
    QString secretProblem() const;

    struct Verdict
    {
        bool allowed = true;
        QString reason; // why not: "missing bearer token", "signature: …" (never a secret)
    };
    Verdict check(const HttpRequest &request) const;

private:
    std::optional<QByteArray> m_token;
    std::optional<SignatureVerifier> m_verifier;
};

} // namespace Kanca
