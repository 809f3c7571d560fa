#include "sendtest/RuleVerifier.h"

#include "engine/SecretProvider.h"
#include "model/Rule.h"

namespace Kanca {

RuleVerifier RuleVerifier::forRule(const Rule *rule, const SecretProvider &secrets)
{
    RuleVerifier result;
    if (!rule) {
        result.description = tr("No rule is selected, so signatures are not checked.");
        return result;
    }
    for (const Action &action : rule->actions) {
        const auto *webhook = std::get_if<WebhookAction>(&action);
        if (!webhook || webhook->signing.type == Signing::Type::None)
            continue;
        const QString name = webhook->signing.secret.name;
        const std::optional<QByteArray> secret = secrets.secret(name);
        if (!secret) {
            result.description =
                tr("The secret %1 has no value, so signatures are not checked.").arg(name);
            return result;
        }
        result.verifier = SignatureVerifier::forSigning(webhook->signing, *secret);
        if (!result.verifier) {
            result.description = tr("Signatures are not checked.");
            return result;
        }
        if (const QString problem = result.verifier->secretProblem(); !problem.isEmpty()) {
            result.verifier.reset();
            result.description = tr("The secret %1 cannot be used: %2").arg(name, problem);
            return result;
        }
        result.description =
            tr("Checking %1 signatures with the secret %2 of “%3”.")
                .arg(SignatureVerifier::schemeName(result.verifier->scheme()), name, rule->name);
        return result;
    }
    result.description =
        tr("“%1” does not sign its requests, so signatures are not checked.").arg(rule->name);
    return result;
}

} // namespace Kanca
