#include "preview/TestDelivery.h"

#include "engine/CompiledRuleSet.h"
#include "engine/DeliveryId.h"
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

    QList<Delivery> deliveries;
    for (qsizetype a = 0; a < rule.actions.size(); ++a) {
        const CompiledAction &action = rules.action(ruleIndex, a);
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

        deliveries.append(Delivery::forAction(ruleSet, rule, int(a), event,
                                              std::move(rendered.withoutCredentials), id, now));
    }
    if (result.problems.isEmpty())
        result.deliveries = std::move(deliveries);
    return result;
}

} // namespace Kanca
