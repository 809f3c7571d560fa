#include "dispatch/Dispatcher.h"

#include "engine/CompiledRuleSet.h"
#include "engine/Credentials.h"
#include "engine/DeliveryId.h"
#include "engine/SecretProvider.h"
#include "event/EventContext.h"

#include <algorithm>

using namespace Qt::StringLiterals;

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

Dispatcher::Dispatcher(const CompiledRuleSet &rules, const SecretProvider &secrets,
                       DispatchClock clock)
    : m_rules(rules)
    , m_secrets(secrets)
    , m_clock(std::move(clock))
{
    if (!m_clock.now)
        m_clock.now = [] { return QDateTime::currentDateTimeUtc(); };
    if (!m_clock.newDeliveryId)
        m_clock.newDeliveryId = [](const QDateTime &now) { return newDeliveryId(now); };
}

DispatchPlan Dispatcher::plan(const QJsonObject &event, const DispatchOptions &options) const
{
    return plan(CompactEvent::fromJson(event), options);
}

DispatchPlan Dispatcher::plan(const CompactEvent &event, const DispatchOptions &options) const
{
    DispatchPlan plan;
    const RuleSet &ruleSet = m_rules.ruleSet();
    const QDateTime now = m_clock.now();
    EventContext context(event);
    const QString type = context.eventType();
    const QString eventId = event.id();

    const auto planActions = [&](RulePlan &rulePlan, const QStringList &ids) {
        const Rule &rule = ruleSet.rules.at(rulePlan.ruleIndex);
        for (qsizetype a = 0; a < rule.actions.size(); ++a) {
            const QString id =
                a < ids.size() && !ids.at(a).isEmpty() ? ids.at(a) : m_clock.newDeliveryId(now);
            rulePlan.actions.append(
                planAction(rulePlan.ruleIndex, int(a), context, eventId, id, now));
        }
    };

    if (options.onlyRule) {
        const qsizetype index = *options.onlyRule;
        if (index < 0 || index >= ruleSet.rules.size())
            return plan;
        const Rule &rule = ruleSet.rules.at(index);
        RulePlan rulePlan;
        rulePlan.ruleIndex = index;
        ConditionVerdict verdict = ConditionVerdict::False;
        if (rule.when == type) {
            context.setRule(&rule);
            verdict = m_rules.conditionHolds(
                index, context, options.explain ? &rulePlan.trace : nullptr, options.traceLanguage);
            if (verdict != ConditionVerdict::Undecided)
                rulePlan.conditionMet = verdict == ConditionVerdict::True;
        }
        if (verdict == ConditionVerdict::Undecided) {
            rulePlan.outcome = CompiledRuleSet::Outcome::Undecided;
            rulePlan.problems.append(undecided(index, context,
                                               options.explain ? &rulePlan.trace : nullptr,
                                               options.traceLanguage));
        } else if (!rule.enabled) {
            rulePlan.outcome = CompiledRuleSet::Outcome::Disabled;
        } else if (rule.when != type) {
            rulePlan.outcome = CompiledRuleSet::Outcome::OtherEvent;
        } else {
            rulePlan.outcome = *rulePlan.conditionMet ? CompiledRuleSet::Outcome::Matched
                                                      : CompiledRuleSet::Outcome::ConditionFalse;
        }
        planActions(rulePlan, options.deliveryIds);
        plan.rules.append(std::move(rulePlan));
        return plan;
    }

    if (options.explain) {
        for (CompiledRuleSet::Evaluation &evaluation :
             m_rules.explain(context, options.traceLanguage)) {
            RulePlan rulePlan;
            rulePlan.ruleIndex = evaluation.ruleIndex;
            rulePlan.outcome = evaluation.outcome;
            if (evaluation.outcome == CompiledRuleSet::Outcome::Matched
                || evaluation.outcome == CompiledRuleSet::Outcome::ConditionFalse) {
                rulePlan.conditionMet = evaluation.matched();
            }
            rulePlan.trace = std::move(evaluation.trace);
            if (evaluation.outcome == CompiledRuleSet::Outcome::Undecided) {
                context.setRule(&ruleSet.rules.at(evaluation.ruleIndex));
                rulePlan.problems.append(undecided(evaluation.ruleIndex, context, &rulePlan.trace,
                                                   options.traceLanguage));
            }
            if (rulePlan.matched())
                planActions(rulePlan, {});
            plan.rules.append(std::move(rulePlan));
        }
        return plan;
    }

    QList<qsizetype> undecidedRules;
    const QList<qsizetype> matching = m_rules.matchingRules(context, &undecidedRules);
    qsizetype next = 0; // into undecidedRules: both lists are in rule order
    const auto addUndecidedBefore = [&](qsizetype limit) {
        for (; next < undecidedRules.size() && undecidedRules.at(next) < limit; ++next) {
            RulePlan rulePlan;
            rulePlan.ruleIndex = undecidedRules.at(next);
            rulePlan.outcome = CompiledRuleSet::Outcome::Undecided;
            context.setRule(&ruleSet.rules.at(rulePlan.ruleIndex));
            rulePlan.problems.append(
                undecided(rulePlan.ruleIndex, context, nullptr, options.traceLanguage));
            plan.rules.append(std::move(rulePlan));
        }
    };
    for (const qsizetype index : matching) {
        addUndecidedBefore(index);
        RulePlan rulePlan;
        rulePlan.ruleIndex = index;
        rulePlan.outcome = CompiledRuleSet::Outcome::Matched;
        rulePlan.conditionMet = true;
        planActions(rulePlan, {});
        plan.rules.append(std::move(rulePlan));
    }
    addUndecidedBefore(ruleSet.rules.size());
    return plan;
}

namespace {

// The first condition of a trace that could not be decided and is not a group.
const ConditionTrace *firstUndecidedLeaf(const ConditionTrace &trace)
{
    if (!trace.undecided)
        return nullptr;
    for (const ConditionTrace &child : trace.children) {
        if (const ConditionTrace *leaf = firstUndecidedLeaf(child))
            return leaf;
    }
    return &trace;
}

} // namespace

Problem Dispatcher::undecided(qsizetype ruleIndex, const EventContext &context,
                              const ConditionTrace *trace, Language language) const
{
    ConditionTrace own;
    if (!trace) {
        m_rules.conditionHolds(ruleIndex, context, &own, language); // rare: trace it now
        trace = &own;
    }
    const ConditionTrace *leaf = firstUndecidedLeaf(*trace);
    const QString ruleName = m_rules.ruleSet().rules.at(ruleIndex).name;
    Problem problem;
    problem.severity = Problem::Severity::Error;
    problem.pointer = leaf && !leaf->pointer.isEmpty()
                          ? leaf->pointer
                          : jsonPointerAppend(jsonPointerAppend(u"/rules"_s, ruleIndex), u"if");
    problem.message = tr("rule \"%1\" cannot decide for this event, so it does not fire: %2")
                          .arg(ruleName, leaf ? leaf->explanation : QString());
    return problem;
}

PlannedAction Dispatcher::planAction(qsizetype ruleIndex, int actionIndex, EventContext &context,
                                     const QString &eventId, const QString &id,
                                     const QDateTime &now) const
{
    const RuleSet &ruleSet = m_rules.ruleSet();
    const Rule &rule = ruleSet.rules.at(ruleIndex);
    const CompiledAction &action = m_rules.action(ruleIndex, actionIndex);
    const WebhookAction &webhook = action.action();

    PlannedAction planned;
    planned.actionIndex = actionIndex;
    planned.pointer = action.pointer();
    context.setRule(&rule);
    context.setDeliveryId(id);
    CompiledAction::Result result = action.renderWithoutCredentials(context, ruleSet.locale, id);
    // An action with compile problems renders nothing at all (not even the method).
    planned.rendered = !result.request.method.isEmpty();
    planned.problems = std::move(result.problems);
    if (!planned.rendered)
        return planned;
    planned.withoutCredentials = result.request;
    planned.request = std::move(result.request);

    if (webhook.auth.type != Auth::Type::None && webhook.auth.secret.isSet()
        && !m_secrets.secret(webhook.auth.secret.name)) {
        planned.missingSecrets.append(
            {webhook.auth.secret.name, MissingSecret::Use::Auth, authHeaderName(webhook.auth),
             jsonPointerAppend(jsonPointerAppend(action.pointer(), u"auth"),
                               Credentials::secretKey(webhook.auth.type)),
             QString()});
    }
    if (webhook.signing.type != Signing::Type::None && webhook.signing.secret.isSet()
        && !m_secrets.secret(webhook.signing.secret.name)) {
        planned.missingSecrets.append(
            {webhook.signing.secret.name, MissingSecret::Use::Signing, QString(),
             jsonPointerAppend(jsonPointerAppend(action.pointer(), u"signing"), u"secret"),
             QString()});
    }

    Problems credentialProblems;
    Credentials::apply(&planned.request, webhook.auth, webhook.signing, m_secrets, id, now,
                       action.pointer(), &credentialProblems);
    // A missing secret is said once, as a missing secret.
    for (const Problem &problem : std::as_const(credentialProblems)) {
        const auto missing = std::find_if(
            planned.missingSecrets.begin(), planned.missingSecrets.end(),
            [&problem](const MissingSecret &secret) { return secret.pointer == problem.pointer; });
        if (missing == planned.missingSecrets.end())
            planned.problems.append(problem);
        else
            missing->message = problem.message;
    }
    planned.delivery = Delivery::forAction(ruleSet, rule, actionIndex, eventId, context.eventType(),
                                           planned.withoutCredentials, id, now);
    return planned;
}

} // namespace Kanca
