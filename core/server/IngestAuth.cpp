#include "server/IngestAuth.h"

#include "engine/Signatures.h"

namespace Kanca {

void IngestAuth::setSignatureSecret(const QByteArray &secret)
{
    m_verifier.emplace(SignatureVerifier::Scheme::StandardWebhooks, secret);
}

QString IngestAuth::secretProblem() const
{
    if (m_token && m_token->isEmpty())
        return tr("the bearer token is empty");
    return m_verifier ? m_verifier->secretProblem() : QString();
}

IngestAuth::Verdict IngestAuth::check(const HttpRequest &request) const
{
    if (m_token) {
        const QByteArray header = request.header("Authorization");
        if (header.isEmpty())
            return {false, tr("no Authorization header")};
        if (!header.startsWith("Bearer ")
            || !Signatures::sameInConstantTime(header.mid(7).trimmed(), *m_token))
            return {false, tr("wrong bearer token")};
    }
    if (m_verifier) {
        const SignatureCheck signature = m_verifier->verify(request);
        if (!signature.isValid())
            return {false, tr("signature: %1").arg(signature.reason)};
    }
    return {};
}

} // namespace Kanca
