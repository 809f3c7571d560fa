#pragma once

#include "engine/Credentials.h"
#include "engine/RenderedRequest.h"
#include "format/Problem.h"
#include "model/RuleSet.h"
#include "model/WebhookAction.h"

#include <QDateTime>

#include <memory>

namespace Kanca {

class Catalog;
class EventContext;
class SecretProvider;

// A webhook action with its templates (URL, header values, body, form fields) parsed once.
// Rendering gives the complete request: method, URL, headers (auth and signing included), body.
class CompiledAction final
{
public:
    CompiledAction();
    ~CompiledAction();
    CompiledAction(CompiledAction &&) noexcept;
    CompiledAction &operator=(CompiledAction &&) noexcept;
    CompiledAction(const CompiledAction &) = delete;
    CompiledAction &operator=(const CompiledAction &) = delete;

    // Parses the action's templates and checks what the model alone cannot (a URL that is not
    // http or https, a header name that is not a token, a body on GET or DELETE, a JSON body
    // template that cannot render to JSON). Problems are appended with pointers below `pointer`
    // (e.g. "/rules/0/then/1"); a template problem names its position in the template.
    static CompiledAction compile(const WebhookAction &action, const Catalog &catalog,
                                  const QString &pointer, Problems *problems);

    struct Result
    {
        bool ok = false;
        RenderedRequest request;
        Problems problems; // why not ok: a missing secret, a body that is not JSON...
    };

    // `deliveryId` is the webhook-id of Standard Webhooks signing and {{delivery.id}};
    // `now` its webhook-timestamp.
    Result render(const EventContext &context, Language language, const SecretProvider &secrets,
                  const QString &deliveryId, const QDateTime &now) const;

    // The request without the auth and signature headers (see Credentials): what the outbox
    // stores, so that every attempt adds them anew and no secret is kept.
    Result renderWithoutCredentials(const EventContext &context, Language language,
                                    const QString &deliveryId) const;

    const WebhookAction &action() const;
    // The JSON pointer the action was compiled at ("/rules/0/then/1").
    const QString &pointer() const;

private:
    Result render(const EventContext &context, Language language, const SecretProvider &secrets,
                  const QString &deliveryId, const QDateTime &now,
                  Credentials::Mode withCredentials) const;

    struct Data;
    std::unique_ptr<Data> d;
};

} // namespace Kanca
