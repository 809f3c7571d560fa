#pragma once

#include "conditions/CompiledCondition.h"
#include "engine/CompiledAction.h"
#include "format/Problem.h"
#include "model/RuleSet.h"

#include <QCoreApplication>
#include <QHash>

#include <vector>

namespace Kanca {

class Catalog;
class EventContext;

// A rule set made ready to run: every condition and template compiled once, rules indexed by
// the event that triggers them. Compiling performs the checks that need the catalog (known
// events and fields, operators that fit the field's type, valid regular expressions, templates
// that render) and reports each problem with its JSON pointer.
class CompiledRuleSet final
{
    Q_DECLARE_TR_FUNCTIONS(CompiledRuleSet)

public:
    static CompiledRuleSet compile(RuleSet ruleSet, const Catalog &catalog, Problems *problems);

    CompiledRuleSet(CompiledRuleSet &&) noexcept = default;
    CompiledRuleSet &operator=(CompiledRuleSet &&) noexcept = default;

    const RuleSet &ruleSet() const { return m_ruleSet; }
    const CompiledAction &action(qsizetype rule, qsizetype action) const
    {
        return m_rules[std::size_t(rule)].actions[std::size_t(action)];
    }

    // Why a rule did or did not fire for an event. Undecided: a regular expression of its
    // condition gave up on the event's text (see ConditionVerdict); the rule does not fire.
    enum class Outcome { Matched, Disabled, OtherEvent, ConditionFalse, Undecided };

    struct Evaluation
    {
        qsizetype ruleIndex = 0;
        Outcome outcome = Outcome::ConditionFalse;
        bool matched() const { return outcome == Outcome::Matched; }
        ConditionTrace trace; // filled when explaining
    };

    // The rules that fire for the event, in rule order; those whose condition is undecided are
    // appended to `undecided` (they do not fire).
    QList<qsizetype> matchingRules(const EventContext &event,
                                   QList<qsizetype> *undecided = nullptr) const;
    // The same, evaluated in `event` itself, so that what it remembers of the event (values,
    // folded texts) serves later evaluations too, another version of the rule set's say; its
    // rule is set back afterwards.
    QList<qsizetype> matchingRules(EventContext &event,
                                   QList<qsizetype> *undecided = nullptr) const;
    // The same in a context made for this call alone: evaluated in it, not in a copy.
    QList<qsizetype> matchingRules(EventContext &&event,
                                   QList<qsizetype> *undecided = nullptr) const
    {
        return matchingRules(event, undecided);
    }

    // Every rule's outcome, in rule order, with a trace of its condition, explained in
    // `language` (the trace of a rule for another event or a disabled rule is empty).
    QList<Evaluation> explain(const EventContext &event, Language language) const;

    static QString outcomeText(Outcome outcome, Language language);

    // What rule `rule`'s condition says for the event (whether or not the rule is enabled or
    // of the event's type), traced in `language` when `trace` is given. `event` must have the
    // rule set (see EventContext::setRule).
    ConditionVerdict conditionHolds(qsizetype rule, const EventContext &event,
                                    ConditionTrace *trace = nullptr,
                                    Language language = Language::English) const;

private:
    CompiledRuleSet() = default;

    struct CompiledRule
    {
        CompiledCondition condition;
        std::vector<CompiledAction> actions;
    };

    RuleSet m_ruleSet;
    std::vector<CompiledRule> m_rules;
    // By the event type's UTF-8, as an event read from text holds it; enabled rules only.
    QHash<QByteArray, QList<qsizetype>> m_rulesByEvent;
    const QList<qsizetype> *rulesFor(const EventContext &context) const;
};

} // namespace Kanca
