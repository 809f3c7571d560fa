// How a rule's "if" is evaluated. This comment is the reference for the user documentation.
//
// Groups
//   all: true when every member is true; an empty "all" is true (like an absent "if").
//   any: true when at least one member is true; an empty "any" is false (no member is true).
//   not: true when its one member is false. A "not" must hold exactly one condition.
//   Evaluation stops as soon as the outcome of a group is known, except when a trace is asked
//   for: then every leaf is evaluated and traced, so the user sees every tick and cross.
//   Without a trace a group's members are tried the cheapest first (EvaluationOrder: numbers,
//   then texts, lists, expressions); the verdict does not depend on the order.
//   Conditions nest at most MaxDepth (32) levels deep, the "if" itself being the first.
//
// Absent values
//   A field that the event does not carry, or that is JSON null, is absent. For an absent field
//   every operator is false except isEmpty (true), notEquals and notContains (true: an absent
//   value equals nothing and contains nothing).
//
// Text (case-insensitive unless "caseSensitive": true)
//   Both sides are brought to Unicode NFC and folded for the rule set's language: in a Turkish
//   ("tr") rule set I folds to ı and İ to i, so "SİSTEM ÇALIŞMIYOR" contains "çalışmıyor" and
//   "ILIK" does not contain "ilik" (it reads "ılık"); in an English ("en") rule set I folds to
//   i (and İ to i too), so "ILIK" contains "ilik". A Turkish rule set therefore matches the tag
//   "VIP" with "VIP" or "vıp", not with "vip". Other letters follow Unicode simple case folding;
//   ß stays ß. With "caseSensitive": true the texts are compared exactly, after NFC.
//   equals / notEquals: the whole text; contains / notContains: a part of it; startsWith,
//   endsWith: its beginning or end; in: equals one of the listed values. A number or true/false
//   found where text is expected is compared as its JSON text (42, true); a list or an object is
//   a type mismatch.
// matches
//   A regular expression (PCRE, as QRegularExpression, Unicode properties on), searched anywhere
//   in the text (anchor with ^ and $ for the whole text). Case-insensitive unless caseSensitive;
//   the text is also tried in its folded and upper-case forms for the rule set's language, so
//   "çalışmıyor" finds "SİSTEM ÇALIŞMIYOR" in Turkish. The expression engine itself treats I and
//   i as the same letter in both languages, so matches is more lenient than contains there.
// Lists of text (tags)
//   contains / equals: some element equals the value (membership, not a substring of an
//   element); notContains / notEquals: no element equals it; in: some element equals one of the
//   listed values; startsWith, endsWith, matches: some element does. A value that is not a list
//   is a type mismatch.
// One of a fixed set (platform, outcome, sender)
//   Compared as text. The rule's value (each value, for in) must be one of the field's values,
//   in any case ("whatsapp" is WhatsApp) unless caseSensitive.
// Numbers
//   The event's value may be a JSON number or a text holding a number ("42", " 4.5 "); the
//   rule's value must be a JSON number. greaterThan >, lessThan <, atLeast >=, atMost <=,
//   equals, notEquals, in (a list of numbers). A value outside the field's documented range is
//   a warning.
// Date-times
//   ISO 8601 texts ("2026-11-21T10:30:00Z", with milliseconds or an offset such as +03:00, or a
//   date alone, "2026-11-21", meaning its midnight). A date-time without an offset is read as
//   UTC. equals, notEquals, greaterThan (later), lessThan (earlier), atLeast, atMost compare
//   instants: "2026-11-21T13:30:00+03:00" equals "2026-11-21T10:30:00Z".
// isEmpty / isNotEmpty
//   Empty: absent, null, a text of nothing but white space, an empty list, an empty object. A
//   number or true/false is never empty.
// Type mismatches
//   A value of the wrong kind in the event (a list where text was expected, a text that is not a
//   number or not a date-time) makes the leaf false, whatever the operator (notEquals and
//   notContains included; isEmpty and isNotEmpty look at any kind of value), and the trace says
//   why.
// Problems
//   Compiling reports every problem with the JSON pointer of the key at fault ("…/field",
//   "…/op", "…/value", "…/value/2", "…/not", or the condition itself when nested too deep). A
//   leaf with a problem never matches, and a "not" over a condition with a problem never
//   matches either, so a broken rule does not fire by accident.
//
// Undecided
//   A regular expression can give up on a text (PCRE's match limit: "^(a+)+$" on a long run of
//   "a" that ends otherwise). Such a leaf is neither true nor false but undecided, and so is a
//   "not" over it; "all" is false if a member is false, else undecided if one is; "any" is true
//   if a member is true, else undecided if one is. A rule whose condition is undecided does not
//   fire: the trace says which expression gave up, and sending reports it as an error.
//   Compiling warns about expressions that repeat a repetition without bound ("(a+)+").

#include "conditions/CompiledCondition.h"

#include "conditions/CompiledConditionNode.h"
#include "conditions/ConditionCompiler.h"
#include "conditions/ConditionEvaluation.h"

namespace Kanca {

struct CompiledCondition::Node : CompiledConditionNode
{};

CompiledCondition::CompiledCondition() = default;
CompiledCondition::~CompiledCondition() = default;
CompiledCondition::CompiledCondition(CompiledCondition &&) noexcept = default;
CompiledCondition &CompiledCondition::operator=(CompiledCondition &&) noexcept = default;

CompiledCondition CompiledCondition::compile(const Condition &condition, Language locale,
                                             const Catalog &catalog, const QString &pointer,
                                             Problems *problems)
{
    CompiledCondition compiled;
    compiled.m_catalog = &catalog;
    compiled.m_root = std::make_unique<Node>();
    ConditionCompiler(catalog, locale, problems).compile(condition, pointer, 1, *compiled.m_root);
    return compiled;
}

ConditionVerdict CompiledCondition::evaluate(const EventContext &context, ConditionTrace *trace,
                                             Language traceLanguage) const
{
    if (trace)
        *trace = ConditionTrace{};
    if (!m_root) {
        if (trace) {
            trace->kind = Condition::Kind::All; // an absent "if" reads as an empty "all"
            trace->result = true;
        }
        return ConditionVerdict::True;
    }
    return ConditionEvaluation::evaluate(*m_root, context, trace, traceLanguage);
}

namespace {

void visitLeaves(CompiledConditionNode &node,
                 const std::function<void(CompiledConditionNode &)> &visit)
{
    if (node.kind == Condition::Kind::Leaf) {
        visit(node);
        return;
    }
    for (CompiledConditionNode &child : node.children)
        visitLeaves(child, visit);
}

} // namespace

void CompiledCondition::forEachLeaf(const std::function<void(CompiledConditionNode &)> &visit)
{
    if (m_root)
        visitLeaves(*m_root, visit);
}

} // namespace Kanca
