#pragma once

#include "dispatch/DispatchPlan.h"
#include "event/CompactEvent.h"
#include "model/RuleSet.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QStringList>

#include <functional>
#include <optional>

namespace Kanca {

class CompiledRuleSet;
class SecretProvider;

// Time and delivery ids, replaceable for tests.
struct DispatchClock
{
    std::function<QDateTime()> now = [] { return QDateTime::currentDateTimeUtc(); };
    std::function<QString(const QDateTime &)> newDeliveryId;
};

struct DispatchOptions
{
    // Trace every condition and consider every rule (render --explain, the preview);
    // otherwise only the enabled rules of the event's type are evaluated, without traces.
    bool explain = false;
    Language traceLanguage = Language::English;
    // Only this rule, whose actions are rendered even when it does not match and its
    // condition evaluated even when it is disabled: what a test of one rule shows and sends.
    std::optional<qsizetype> onlyRule;
    // The ids of onlyRule's deliveries, action by action (the ids a preview was rendered
    // with); missing or empty ones are made new.
    QStringList deliveryIds;
};

// The one step from an event to its deliveries: which rules match (with their traces when
// asked), and for each action of each matching rule the rendered request (without credentials,
// as the outbox keeps it, and with them, as it is sent) and the delivery that sends it, each
// with its own id. `kanca render`, `kanca send`, the designer's preview and Send test, the
// server and the benchmarks all plan through it.
class Dispatcher final
{
    Q_DECLARE_TR_FUNCTIONS(Dispatcher)

public:
    Dispatcher(const CompiledRuleSet &rules, const SecretProvider &secrets,
               DispatchClock clock = DispatchClock());

    DispatchPlan plan(const QJsonObject &event,
                      const DispatchOptions &options = DispatchOptions()) const;
    // The same, for an event already in its compact form: read from JSON text by a server, or
    // kept by a caller that plans it again and again (the designer's preview).
    DispatchPlan plan(const CompactEvent &event,
                      const DispatchOptions &options = DispatchOptions()) const;

private:
    // The error of a rule whose condition is undecided, at the condition that gave up.
    Problem undecided(qsizetype ruleIndex, const class EventContext &context,
                      const ConditionTrace *trace, Language language) const;
    PlannedAction planAction(qsizetype ruleIndex, int actionIndex, class EventContext &context,
                             const QString &eventId, const QString &id, const QDateTime &now) const;

    const CompiledRuleSet &m_rules;
    const SecretProvider &m_secrets;
    DispatchClock m_clock;
};

} // namespace Kanca
