#pragma once

#include "engine/CompiledRuleSet.h"
#include "event/CompactEvent.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace KancaBench {

class BenchInputs;

// Events per second through one generated rule set (every rule on message.created, so each
// event is evaluated against every rule), as CompiledRuleSet::matchingRules runs it.
class RuleEvaluationBench final
{
public:
    // Loads and compiles rules-N.kanca.json; on a problem, error() says which.
    RuleEvaluationBench(const BenchInputs &inputs, int ruleCount);

    const QString &error() const { return m_error; }

    // Evaluates event i (modulo the number of events) in a new EventContext, so that nothing it
    // remembers from one evaluation serves the next; gives how many rules matched.
    qsizetype evaluate(qsizetype i) const;

    // {"count", "peers": [{"peer": "Kanca", "rate", "runs", "matches", "checksum"}]}: the
    // matches of the verification pass (node/checksum.js) and the measured events per second.
    QJsonObject run() const;

private:
    const BenchInputs &m_inputs;
    int m_ruleCount = 0;
    QString m_error;
    std::optional<Kanca::CompiledRuleSet> m_ruleSet;
    // The events in their compact form, made once (as the engine keeps an event it evaluates).
    QList<Kanca::CompactEvent> m_events;
};

} // namespace KancaBench
