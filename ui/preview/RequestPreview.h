#pragma once

#include "engine/RenderedRequest.h"
#include "format/Problem.h"
#include "model/RuleSet.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace Kanca {

class CompiledAction;
class SecretProvider;

// The request one action renders for one event, as the preview shows it and as Send test and
// `kanca send` send it: rendered without credentials (what a delivery stores in the outbox), then
// with the auth and signature headers added from the secrets, as every attempt adds them.
// A secret without a value is not an error here: the request is shown without its header and
// the secret is named in missingSecrets, so the user sees the request before setting it.
struct RequestPreview
{
    Q_DECLARE_TR_FUNCTIONS(RequestPreview)

public:
    struct MissingSecret
    {
        enum class Use { Auth, Signing };
        QString name; // CRM_TOKEN
        Use use = Use::Auth;
        QString headerName; // Auth: the header the secret goes in (Authorization, X-Api-Key)
        QString pointer;    // "/rules/0/then/0/auth/token"
    };

    int actionIndex = 0;
    bool rendered = false;              // false when the action's problems prevent rendering
    RenderedRequest withoutCredentials; // what a delivery stores
    RenderedRequest request;            // as sent: with the auth and signature headers
    Problems problems;                  // of rendering and of the credentials (not the missing)
    QList<MissingSecret> missingSecrets;

    bool canSend() const { return rendered && missingSecrets.isEmpty() && !hasErrors(problems); }

    // `event` is the event JSON; `language` the rule set's locale (upper, lower and date
    // filters); `deliveryId` the {{delivery.id}} and webhook-id; `now` the webhook-timestamp.
    static RequestPreview render(const CompiledAction &action, int actionIndex, const Rule &rule,
                                 const QJsonObject &event, Language language,
                                 const SecretProvider &secrets, const QString &deliveryId,
                                 const QDateTime &now);

    // "Secret CRM_TOKEN has no value yet: set it in the action's authentication section."
    static QString missingSecretText(const MissingSecret &secret);
};

} // namespace Kanca
