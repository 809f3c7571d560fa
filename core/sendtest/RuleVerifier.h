#pragma once

#include "engine/SignatureVerifier.h"

#include <QCoreApplication>
#include <QString>

#include <optional>

namespace Kanca {

struct Rule;
class SecretProvider;

// How requests signed by a rule are checked: with the signing settings and secret of the rule's
// first action that signs. `verifier` is null when the rule signs nothing or its secret has no
// value; `description` says which, or what is checked, for the user.
struct RuleVerifier
{
    Q_DECLARE_TR_FUNCTIONS(RuleVerifier)

public:
    std::optional<SignatureVerifier> verifier;
    QString description;

    static RuleVerifier forRule(const Rule *rule, const SecretProvider &secrets);
};

} // namespace Kanca
