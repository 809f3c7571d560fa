#pragma once

#include "conditions/CompiledConditionNode.h"
#include "conditions/LeafOutcome.h"
#include "model/RuleSet.h"

#include <QJsonValue>
#include <QString>

// The sentences of a condition trace (private to core/conditions), in the trace's language
// rather than the interface's: a trace may be asked for in either language, so both are here
// rather than in the translation files.
namespace Kanca::ConditionExplanation {

// "Contact Tags ["VIP"] contains "VIP": yes", with the reason when the leaf is false for more
// than the comparison ("... : no (the value is not text)").
QString leaf(const CompiledConditionNode &node, const QJsonValue &actual,
             const LeafOutcome &outcome, Language language);
// A group ("all", "any", "not") with a problem of its own.
QString groupProblem(Language language);
// A "not" over a condition with a problem.
QString notOverProblem(Language language);

} // namespace Kanca::ConditionExplanation
