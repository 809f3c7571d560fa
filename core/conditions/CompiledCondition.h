#pragma once

#include "conditions/ConditionTrace.h"
#include "conditions/ConditionVerdict.h"
#include "format/Problem.h"
#include "model/Condition.h"
#include "model/RuleSet.h"

#include <functional>
#include <memory>

namespace Kanca {

class Catalog;
class EventContext;
struct CompiledConditionNode;

// A condition tree prepared once for fast evaluation: field paths resolved, needles folded for
// the rule set's language, regular expressions compiled, numbers and date-times parsed.
class CompiledCondition final
{
public:
    CompiledCondition(); // matches everything (an absent "if")
    ~CompiledCondition();
    CompiledCondition(CompiledCondition &&) noexcept;
    CompiledCondition &operator=(CompiledCondition &&) noexcept;
    CompiledCondition(const CompiledCondition &) = delete;
    CompiledCondition &operator=(const CompiledCondition &) = delete;

    // Compiles a condition of a rule set whose text comparisons follow `locale`. Every problem
    // (unknown field, operator that does not apply to the field's type, value of the wrong kind,
    // a value not allowed for a one-of field, invalid regular expression, nesting deeper than
    // MaxDepth) is appended to `problems` with its JSON pointer below `pointer` (the pointer of
    // the "if" itself, e.g. "/rules/2/if"). The result is usable even with problems: a leaf with
    // a problem never matches.
    static CompiledCondition compile(const Condition &condition, Language locale,
                                     const Catalog &catalog, const QString &pointer,
                                     Problems *problems);

    static constexpr int MaxDepth = 32;

    // What the condition says about the event; with a trace, every node is evaluated and
    // traced, with explanations in `traceLanguage`.
    ConditionVerdict evaluate(const EventContext &context, ConditionTrace *trace = nullptr,
                              Language traceLanguage = Language::English) const;
    bool matches(const EventContext &context) const
    {
        return evaluate(context) == ConditionVerdict::True;
    }

    // Every leaf of the condition, for what prepares leaves across conditions (SharedLeaves).
    void forEachLeaf(const std::function<void(CompiledConditionNode &)> &visit);

private:
    struct Node;
    std::unique_ptr<Node> m_root; // null: always matches
    const Catalog *m_catalog = nullptr;
};

} // namespace Kanca
