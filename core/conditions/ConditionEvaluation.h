#pragma once

#include "conditions/CompiledConditionNode.h"
#include "conditions/ConditionTrace.h"
#include "conditions/ConditionVerdict.h"
#include "model/RuleSet.h"

namespace Kanca {

class EventContext;

// Evaluating compiled condition nodes against an event (private to core/conditions).
namespace ConditionEvaluation {

// Whether `node` holds for the event of `context` (see ConditionVerdict). Without a trace, a group
// stops as soon as its outcome is known; with one, every leaf is evaluated and traced, with
// explanations in `language`.
ConditionVerdict evaluate(const CompiledConditionNode &node, const EventContext &context,
                          ConditionTrace *trace, Language language);

} // namespace ConditionEvaluation
} // namespace Kanca
