#include "preview/RequestPreview.h"

#include "engine/CompiledAction.h"
#include "engine/Credentials.h"
#include "engine/SecretProvider.h"
#include "event/EventContext.h"

#include <algorithm>

namespace Kanca {

namespace {

QString authHeaderName(const Auth &auth)
{
    switch (auth.type) {
    case Auth::Type::Basic:
    case Auth::Type::Bearer:
        return QStringLiteral("Authorization");
    case Auth::Type::Header:
        return auth.headerName;
    case Auth::Type::None:
        break;
    }
    return {};
}

} // namespace

RequestPreview RequestPreview::render(const CompiledAction &action, int actionIndex,
                                      const Rule &rule, const QJsonObject &event, Language language,
                                      const SecretProvider &secrets, const QString &deliveryId,
                                      const QDateTime &now)
{
    RequestPreview preview;
    preview.actionIndex = actionIndex;
    const EventContext context(event, &rule, deliveryId);
    CompiledAction::Result result = action.renderWithoutCredentials(context, language, deliveryId);
    // An action with compile problems renders nothing at all (not even the method).
    preview.rendered = !result.request.method.isEmpty();
    preview.problems = std::move(result.problems);
    if (!preview.rendered)
        return preview;
    preview.withoutCredentials = result.request;
    preview.request = std::move(result.request);

    const WebhookAction &webhook = action.action();
    const QString authPointer = jsonPointerAppend(action.pointer(), u"auth");
    if (webhook.auth.type != Auth::Type::None && webhook.auth.secret.isSet()
        && !secrets.secret(webhook.auth.secret.name)) {
        preview.missingSecrets.append(
            {webhook.auth.secret.name, MissingSecret::Use::Auth, authHeaderName(webhook.auth),
             jsonPointerAppend(authPointer, Credentials::secretKey(webhook.auth.type))});
    }
    if (webhook.signing.type != Signing::Type::None && webhook.signing.secret.isSet()
        && !secrets.secret(webhook.signing.secret.name)) {
        preview.missingSecrets.append(
            {webhook.signing.secret.name, MissingSecret::Use::Signing, QString(),
             jsonPointerAppend(jsonPointerAppend(action.pointer(), u"signing"), u"secret")});
    }

    Problems credentialProblems;
    Credentials::apply(&preview.request, webhook.auth, webhook.signing, secrets, deliveryId, now,
                       action.pointer(), &credentialProblems);
    // A missing secret is reported once, in words of the designer, not as an error.
    for (const Problem &problem : std::as_const(credentialProblems)) {
        const bool aboutMissing =
            std::any_of(preview.missingSecrets.cbegin(), preview.missingSecrets.cend(),
                        [&problem](const MissingSecret &missing) {
                            return missing.pointer == problem.pointer;
                        });
        if (!aboutMissing)
            preview.problems.append(problem);
    }
    return preview;
}

QString RequestPreview::missingSecretText(const MissingSecret &secret)
{
    return secret.use == MissingSecret::Use::Auth
               ? tr("Secret %1 has no value yet: set it in the action's authentication section.")
                     .arg(secret.name)
               : tr("Secret %1 has no value yet: set it in the action's signing section.")
                     .arg(secret.name);
}

} // namespace Kanca
