#include "preview/TestDelivery.h"

#include "engine/CompiledRuleSet.h"
#include "engine/DeliveryId.h"
#include "event/EventContext.h"
#include "preview/RequestPreview.h"

namespace Kanca {

TestDelivery::Build TestDelivery::build(const CompiledRuleSet &rules, qsizetype ruleIndex,
                                        const QJsonObject &event, const SecretProvider &secrets,
                                        const QStringList &deliveryIds, const QDateTime &now)
{
    Build result;
    const RuleSet &ruleSet = rules.ruleSet();
    if (ruleIndex < 0 || ruleIndex >= ruleSet.rules.size())
        return result;
    const Rule &rule = ruleSet.rules.at(ruleIndex);
    const QString ruleSetName = ruleSet.name;
    const QString eventId = event.value(QLatin1String("id")).toString();
    const QString eventType = EventContext(event).eventType();

    QList<Delivery> deliveries;
    for (qsizetype a = 0; a < rule.actions.size(); ++a) {
        const CompiledAction &action = rules.action(ruleIndex, a);
        const WebhookAction &webhook = action.action();
        const QString id = a < deliveryIds.size() && !deliveryIds.at(a).isEmpty()
                               ? deliveryIds.at(a)
                               : newDeliveryId(now);
        RequestPreview rendered =
            RequestPreview::render(action, int(a), rule, event, ruleSet.locale, secrets, id, now);
        for (const RequestPreview::MissingSecret &missing :
             std::as_const(rendered.missingSecrets)) {
            rendered.problems.append({Problem::Severity::Error, missing.pointer, 0, 0,
                                      RequestPreview::missingSecretText(missing)});
        }
        if (!rendered.rendered && !hasErrors(rendered.problems)) {
            rendered.problems.append({Problem::Severity::Error, action.pointer(), 0, 0,
                                      tr("the webhook could not be rendered")});
        }
        if (hasErrors(rendered.problems)) {
            for (const Problem &problem : std::as_const(rendered.problems)) {
                if (problem.isError())
                    result.problems.append(problem);
            }
            continue;
        }

        Delivery delivery;
        delivery.id = id;
        delivery.createdAt = now;
        delivery.ruleSetName = ruleSetName;
        delivery.ruleId = rule.id;
        delivery.ruleName = rule.name;
        delivery.actionIndex = int(a);
        delivery.eventId = eventId;
        delivery.eventType = eventType;
        delivery.request = std::move(rendered.withoutCredentials);
        delivery.auth = webhook.auth;
        delivery.signing = webhook.signing;
        delivery.timeoutMs = webhook.timeoutMs;
        delivery.retry = webhook.retry;
        delivery.nextAttemptAt = now;
        deliveries.append(std::move(delivery));
    }
    if (result.problems.isEmpty())
        result.deliveries = std::move(deliveries);
    return result;
}

} // namespace Kanca
