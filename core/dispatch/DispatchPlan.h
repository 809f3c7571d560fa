#pragma once

#include "conditions/ConditionTrace.h"
#include "delivery/Delivery.h"
#include "engine/CompiledRuleSet.h"
#include "engine/RenderedRequest.h"
#include "format/Problem.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <optional>

namespace Kanca {

// A secret an action needs and the secret provider has no value for. The preview shows the
// request without it and says so; sending refuses it.
struct MissingSecret
{
    Q_DECLARE_TR_FUNCTIONS(MissingSecret)

public:
    enum class Use { Auth, Signing };
    QString name; // CRM_TOKEN
    Use use = Use::Auth;
    QString headerName; // Auth: the header the secret goes in (Authorization, X-Api-Key)
    QString pointer;    // "/rules/0/then/0/auth/token"
    QString message;    // as the secret provider says it: "secret "CRM_TOKEN" is not set (set
                        // KANCA_SECRET_CRM_TOKEN)"

    // In the designer's words: "Secret CRM_TOKEN has no value yet: set it in the action's
    // authentication section."
    QString text() const;
    Problem problem() const; // `message` as an error at `pointer`

    friend bool operator==(const MissingSecret &, const MissingSecret &) = default;
};

// One action of a rule that fires: the request it renders and the delivery that sends it.
struct PlannedAction
{
    Q_DECLARE_TR_FUNCTIONS(PlannedAction)

public:
    int actionIndex = 0;
    QString pointer;                    // the action's JSON pointer: "/rules/0/then/1"
    bool rendered = false;              // false when the action's problems prevent rendering
    RenderedRequest withoutCredentials; // what the delivery stores
    RenderedRequest request;            // as sent: with the auth and signature headers
    Delivery delivery;                  // its id is {{delivery.id}} and the webhook-id
    Problems problems;                  // of rendering and of the credentials (not the missing)
    QList<MissingSecret> missingSecrets;

    // Errors that forbid sending it: its problems' errors, each missing secret (its problem()),
    // or not rendered.
    Problems blockingProblems() const;
};

// What one rule does with the event.
struct RulePlan
{
    qsizetype ruleIndex = 0;
    CompiledRuleSet::Outcome outcome = CompiledRuleSet::Outcome::ConditionFalse;
    // Whether the condition holds, when it was evaluated (a disabled rule's too, when asked
    // for; never a rule of another event type).
    std::optional<bool> conditionMet;
    ConditionTrace trace;         // when tracing
    QList<PlannedAction> actions; // every action of a matching (or forced) rule, in order
    // Undecided: the rule could not decide for this event (a regular expression gave up),
    // said as an error at the condition that gave up. Nothing of the event may be sent then.
    Problems problems;

    bool matched() const { return outcome == CompiledRuleSet::Outcome::Matched; }
};

// What an event makes a rule set do: for each rule considered, whether it matched (and why);
// for each action of each rule that fires, the rendered request and its delivery.
struct DispatchPlan
{
    QList<RulePlan> rules; // in rule order

    // The deliveries of every action that fires, in rule and action order (only when none has
    // a blocking problem: sending is all or nothing).
    QList<Delivery> deliveries() const;
    // Every rule's problems and every action's blocking problems, in order.
    Problems blockingProblems() const;
    bool canSend() const { return blockingProblems().isEmpty(); }
    const RulePlan *rule(qsizetype ruleIndex) const;
};

} // namespace Kanca
