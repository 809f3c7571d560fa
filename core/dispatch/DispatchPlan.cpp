#include "dispatch/DispatchPlan.h"

namespace Kanca {

QString MissingSecret::text() const
{
    return use == Use::Auth
               ? tr("Secret %1 has no value yet: set it in the action's authentication section.")
                     .arg(name)
               : tr("Secret %1 has no value yet: set it in the action's signing section.")
                     .arg(name);
}

Problem MissingSecret::problem() const
{
    return {Problem::Severity::Error, pointer, 0, 0, message.isEmpty() ? text() : message};
}

Problems PlannedAction::blockingProblems() const
{
    Problems blocking;
    for (const Problem &problem : problems) {
        if (problem.isError())
            blocking.append(problem);
    }
    for (const MissingSecret &missing : missingSecrets)
        blocking.append(missing.problem());
    if (!rendered && blocking.isEmpty()) {
        blocking.append(
            {Problem::Severity::Error, pointer, 0, 0, tr("the webhook could not be rendered")});
    }
    return blocking;
}

QList<Delivery> DispatchPlan::deliveries() const
{
    QList<Delivery> result;
    for (const RulePlan &rule : rules) {
        if (!rule.problems.isEmpty())
            return {};
        for (const PlannedAction &action : rule.actions) {
            if (!action.blockingProblems().isEmpty())
                return {};
            result.append(action.delivery);
        }
    }
    return result;
}

Problems DispatchPlan::blockingProblems() const
{
    Problems problems;
    for (const RulePlan &rule : rules) {
        problems += rule.problems;
        for (const PlannedAction &action : rule.actions)
            problems += action.blockingProblems();
    }
    return problems;
}

const RulePlan *DispatchPlan::rule(qsizetype ruleIndex) const
{
    for (const RulePlan &plan : rules) {
        if (plan.ruleIndex == ruleIndex)
            return &plan;
    }
    return nullptr;
}

} // namespace Kanca
