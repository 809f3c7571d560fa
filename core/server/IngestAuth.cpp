#include "server/IngestAuth.h"

namespace Kanca {

namespace {

// Equal in constant time for equal lengths (a token's length is not a secret worth hiding).
bool sameBytes(const QByteArray &a, const QByteArray &b)
{
    if (a.size() != b.size())
        return false;
    unsigned char difference = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        difference |= static_cast<unsigned char>(a.at(i) ^ b.at(i));
    return difference == 0;
}

} // namespace

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
        if (!header.startsWith("Bearer ") || !sameBytes(header.mid(7).trimmed(), *m_token))
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
