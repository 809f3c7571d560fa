#include "conditions/ConditionEvaluation.h"

#include "conditions/ConditionExplanation.h"
#include "conditions/ConditionValues.h"
#include "conditions/LeafFolding.h"
#include "conditions/LeafOutcome.h"
#include "event/EventContext.h"
#include "text/TextCase.h"

#include <QJsonArray>
#include <QJsonObject>

#include <algorithm>
#include <bit>
#include <cstring>
#include <optional>
#include <string_view>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace Kanca::ConditionEvaluation {

namespace {

using Why = LeafOutcome::Why;
using LeafFolding::holdsAnI;
using LeafFolding::scratchBuffer;

bool isNegated(Operator op)
{
    return op == Operator::NotEquals || op == Operator::NotContains;
}

bool isEmptyValue(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Undefined:
    case QJsonValue::Null:
        return true;
    case QJsonValue::String:
        return QStringView(value.toString()).trimmed().isEmpty();
    case QJsonValue::Array:
        return value.toArray().isEmpty();
    case QJsonValue::Object:
        return value.toObject().isEmpty();
    default:
        return false;
    }
}

// The comparison of two numbers (or instants) for an ordering or equality operator.
bool compareNumbers(Operator op, double actual, double expected)
{
    switch (op) {
    case Operator::Equals:
        return actual == expected;
    case Operator::NotEquals:
        return actual != expected;
    case Operator::GreaterThan:
        return actual > expected;
    case Operator::LessThan:
        return actual < expected;
    case Operator::AtLeast:
        return actual >= expected;
    case Operator::AtMost:
        return actual <= expected;
    default:
        return false;
    }
}

// Found in any of the forms: true as soon as one finds it; undecided when none finds it and
// one gave up.
struct Searches
{
    ConditionVerdict verdict = ConditionVerdict::False;
    bool add(ConditionVerdict found) // true: decided, stop
    {
        if (found == ConditionVerdict::True) {
            verdict = found;
            return true;
        }
        if (found == ConditionVerdict::Undecided)
            verdict = found;
        return false;
    }
};

// Whether a caseless expression not found in `subject` may still be found in its other forms
// (PatternForms): only when the text holds an i; and, on a text whose forms map it one
// character to one, not for a plain expression, nor for one plain but for its i's that finds
// nothing with any i for each.
bool otherFormsMayMatch(const CompiledConditionNode &node, QStringView subject)
{
    if (node.caseSensitive || !holdsAnI(subject))
        return false;
    if (!(node.plainPattern || node.anyIPattern.isValid()) || !TextCase::mapsOneToOne(subject))
        return true;
    // Such a text has no surrogate: it is valid UTF-16.
    return !node.plainPattern && node.anyIPattern.search(subject, true) != ConditionVerdict::False;
}

ConditionVerdict patternHolds(const CompiledConditionNode &node, const QString &text)
{
    const QString subject = TextCase::nfc(text);
    Searches searches;
    if (searches.add(node.pattern.search(subject)))
        return searches.verdict;
    if (!otherFormsMayMatch(node, subject))
        return searches.verdict;
    // The expression engine knows no Turkish: try the forms in which the language's dotted and
    // dotless i agree with the expression's own case.
    if (searches.add(node.pattern.search(TextCase::fold(subject, node.language))))
        return searches.verdict;
    searches.add(node.pattern.search(TextCase::toUpper(subject, node.language)));
    return searches.verdict;
}

// What a leaf derives from its field's value, remembered by the EventContext for the event
// (EventContext::derived): each kind is computed once per event and field, however many leaves
// compare it. The language and the case sensitivity are part of the kind.
enum DerivedKind {
    FoldedText,    // the scalar's text folded as LeafFolding::fold() does
    PatternText,   // the scalar's text in NFC, for matches
    PatternFolded, // PatternText folded (TextCase::fold), when it holds an i
    PatternUpper,  // PatternText in capitals (TextCase::toUpper), when it holds an i
};

int derivedKind(DerivedKind kind, const CompiledConditionNode &node)
{
    return EventContext::ConditionKinds + (int(kind) * 2 + int(node.caseSensitive)) * 2
           + int(node.language);
}

// What a leaf decides about its field's text, remembered by the EventContext for the event
// (EventContext::decided): whether the text is valid UTF-16, and whether each expression is
// found in it.
int validTextKind()
{
    return EventContext::ConditionKinds;
}

int foundKind(const CompiledConditionNode &node)
{
    return EventContext::ConditionKinds + 1
           + ((node.patternId + 1) * 2 + int(node.caseSensitive)) * 2 + int(node.language);
}

// As patternHolds, on the texts the context remembers for the leaf's field; whether the
// expression is found is remembered too, for the other leaves with the same expression.
// `wellFormed`: the subject is known to be valid UTF-16 (it was read from UTF-8).
ConditionVerdict patternHoldsFor(const CompiledConditionNode &node, const EventContext &context,
                                 const QString &subject, bool wellFormed)
{
    return context.decided(node.path, foundKind(node), [&] {
        // PCRE2 checks that a text is valid UTF-16 before every search; the text is checked
        // once per event instead (its folded and capital forms are valid when it is).
        const bool valid = wellFormed || context.decided(node.path, validTextKind(), [&] {
            return QStringView(subject).isValidUtf16();
        });
        Searches searches;
        if (searches.add(node.pattern.search(subject, valid)))
            return searches.verdict;
        if (!otherFormsMayMatch(node, subject))
            return searches.verdict;
        const auto form = [&](DerivedKind derived, QString (*transform)(QStringView, Language)) {
            return *context.derived(node.path, derivedKind(derived, node), [&] {
                return std::optional<QString>(transform(subject, node.language));
            });
        };
        // A form equal to one already searched (text already folded, say) cannot match either.
        const QString folded = form(PatternFolded, TextCase::fold);
        if (folded != subject && searches.add(node.pattern.search(folded, valid)))
            return searches.verdict;
        const QString upper = form(PatternUpper, TextCase::toUpper);
        if (upper != subject && upper != folded)
            searches.add(node.pattern.search(upper, valid));
        return searches.verdict;
    });
}

// Whether `needle` is in `text`. Texts here are short (a message, a name): a search for the
// needle's first character and a comparison there took less than half the instructions of
// QStringView::contains (callgrind, the 10-rule benchmark), whose hashing pays off on long texts.
// With SSE2 (every x86-64) eight characters are compared with the first at once: 4.7 % fewer
// instructions at 10 rules than std::u16string_view::find, which goes one at a time (and than
// QStringView::indexOf(QChar), vectorised but a call for each place the first one stands).
bool containsText(QStringView text, QStringView needle)
{
#if defined(__SSE2__)
    // Eight units at a time: every place the needle's first unit stands, then a comparison
    // there.
    const qsizetype n = needle.size();
    if (n == 0)
        return true;
    const qsizetype last = text.size() - n; // the last place the needle can start
    if (last < 0)
        return false;
    const char16_t *const units = reinterpret_cast<const char16_t *>(text.utf16());
    const char16_t *const wanted = reinterpret_cast<const char16_t *>(needle.utf16());
    const auto matchesAt = [&](qsizetype at) {
        return std::memcmp(units + at + 1, wanted + 1, std::size_t(n - 1) * sizeof(char16_t)) == 0;
    };
    const __m128i first = _mm_set1_epi16(short(wanted[0]));
    qsizetype at = 0;
    for (; at + 8 <= last + 1; at += 8) {
        const __m128i block = _mm_loadu_si128(reinterpret_cast<const __m128i *>(units + at));
        auto mask = unsigned(_mm_movemask_epi8(_mm_cmpeq_epi16(block, first)));
        while (mask != 0) {
            const int byte = std::countr_zero(mask);
            if (matchesAt(at + byte / 2))
                return true;
            mask &= ~(3u << byte);
        }
    }
    for (; at <= last; ++at) {
        if (units[at] == wanted[0] && matchesAt(at))
            return true;
    }
    return false;
#else
    const std::u16string_view haystack(reinterpret_cast<const char16_t *>(text.utf16()),
                                       std::size_t(text.size()));
    return haystack.find(std::u16string_view(reinterpret_cast<const char16_t *>(needle.utf16()),
                                             std::size_t(needle.size())))
           != std::u16string_view::npos;
#endif
}

// For a single text, or one element of a list (where contains means "equals").
bool textHolds(const CompiledConditionNode &node, QStringView folded, bool element)
{
    switch (node.op) {
    case Operator::Equals:
        return folded == node.needle;
    case Operator::NotEquals:
        return element ? folded == node.needle : folded != node.needle;
    case Operator::Contains:
        return element ? folded == node.needle : containsText(folded, node.needle);
    case Operator::NotContains:
        return element ? folded == node.needle : !containsText(folded, node.needle);
    case Operator::StartsWith:
        return folded.startsWith(node.needle);
    case Operator::EndsWith:
        return folded.endsWith(node.needle);
    case Operator::In:
        return std::any_of(node.needles.cbegin(), node.needles.cend(),
                           [folded](const QString &needle) { return folded == needle; });
    default:
        return false;
    }
}

// A Text or Pattern leaf decided on what the context derives from its field: the folded text
// (Text) or the text in NFC (Pattern); nothing when the value has no text (a list, an object).
// `wellFormed`: the text is known to be valid UTF-16.
LeafOutcome decideText(const CompiledConditionNode &node, const EventContext &context,
                       const std::optional<QString> &derived, bool wellFormed)
{
    if (!derived)
        return {false, Why::NotText};
    if (node.mode == LeafMode::Text)
        return {textHolds(node, *derived, false), Why::None};
    const ConditionVerdict found = patternHoldsFor(node, context, *derived, wellFormed);
    if (found == ConditionVerdict::Undecided)
        return {false, Why::GaveUp};
    return {found == ConditionVerdict::True, Why::None};
}

// The kind of what a Text or Pattern leaf derives from its field's text.
DerivedKind textKind(const CompiledConditionNode &node)
{
    return node.mode == LeafMode::Text ? FoldedText : PatternText;
}

// A Text or Pattern leaf on a field that is present: `scalarText` gives the text
// (ConditionValues::scalarText), or nothing when the value has none; it is called only when the
// context does not remember what the leaf derives from it already.
template<typename ScalarText>
LeafOutcome textLeaf(const CompiledConditionNode &node, const EventContext &context,
                     const ScalarText &scalarText, bool wellFormed = false)
{
    const std::optional<QString> derived =
        context.derived(node.path, derivedKind(textKind(node), node), [&] {
            const std::optional<QString> text = scalarText();
            if (!text)
                return std::optional<QString>();
            if (node.mode == LeafMode::Text) {
                return std::optional<QString>(
                    LeafFolding::fold(*text, node.language, node.caseSensitive, scratchBuffer())
                        .toString());
            }
            return std::optional<QString>(TextCase::nfc(*text));
        });
    return decideText(node, context, derived, wellFormed);
}

// A List leaf's search through the elements' texts, one at a time.
struct ListSearch
{
    explicit ListSearch(const CompiledConditionNode &node)
        : node(node)
    {}
    void add(const QString &text)
    {
        if (node.op == Operator::Matches) {
            const ConditionVerdict element = patternHolds(node, text);
            found = element == ConditionVerdict::True;
            gaveUp = gaveUp || element == ConditionVerdict::Undecided;
        } else {
            addFolded(LeafFolding::fold(text, node.language, node.caseSensitive, scratchBuffer()));
        }
    }
    // A text element already folded as the leaf's needles were.
    void addFolded(QStringView folded) { found = textHolds(node, folded, true); }
    LeafOutcome outcome() const
    {
        if (!found && gaveUp)
            return {false, Why::GaveUp};
        return {isNegated(node.op) ? !found : found, Why::None};
    }

    const CompiledConditionNode &node;
    bool found = false;
    bool gaveUp = false;
};

// A List leaf without a trace, on a list of texts and small integers in the event's compact
// form (or an absent field): decided without making a QJsonArray of it. Nothing for any other
// value: evaluateLeaf() decides.
std::optional<LeafOutcome> listLeafInPlace(const CompiledConditionNode &node,
                                           const EventContext &context)
{
    QVarLengthArray<CompactEvent::Scalar, 16> elements;
    switch (context.event().scalarList(node.path, &elements)) {
    case CompactEvent::ListKind::Other:
        return std::nullopt;
    case CompactEvent::ListKind::Absent:
        return LeafOutcome{isNegated(node.op), Why::Absent};
    case CompactEvent::ListKind::List:
        break;
    }
    ListSearch search(node);
    for (qsizetype i = 0; i < elements.size() && !search.found; ++i) {
        const CompactEvent::Scalar &element = elements.at(i);
        if (element.kind != CompactEvent::Scalar::Kind::Text)
            search.add(ConditionValues::numberText(element.integer));
        else if (node.op == Operator::Matches)
            search.add(QString::fromUtf8(element.utf8));
        else
            search.addFolded(LeafFolding::foldUtf8(element.utf8, node.language, node.caseSensitive,
                                                   scratchBuffer()));
    }
    return search.outcome();
}

// A leaf without a trace decided on what the event's compact form holds, without making a
// QJsonValue of the field: a Text or Pattern leaf on a text or a small integer (or an absent
// field), a List leaf through listLeafInPlace(). Nothing for any other leaf or value (null, a
// boolean, a fraction...): evaluateLeaf() decides.
std::optional<LeafOutcome> leafInPlace(const CompiledConditionNode &node,
                                       const EventContext &context)
{
    if (node.invalid)
        return std::nullopt;
    if (node.mode == LeafMode::List)
        return listLeafInPlace(node, context);
    if (node.mode != LeafMode::Text && node.mode != LeafMode::Pattern)
        return std::nullopt;
    // Remembered for the event already (by another leaf on the field): the field is present
    // and not null, and its text need not be read again.
    if (const std::optional<QString> *known =
            context.remembered(node.path, derivedKind(textKind(node), node))) {
        // Derived from the event's text: well-formed unless the event keeps a text in UTF-16
        // (asked only where it counts: a Pattern leaf searches with it).
        return decideText(node, context, *known,
                          node.mode == LeafMode::Pattern && !context.event().hasUtf16Texts());
    }
    const CompactEvent::Scalar scalar = context.event().scalar(node.path);
    switch (scalar.kind) {
    case CompactEvent::Scalar::Kind::Other:
        return std::nullopt;
    case CompactEvent::Scalar::Kind::Absent:
        return LeafOutcome{isNegated(node.op), Why::Absent};
    case CompactEvent::Scalar::Kind::Text: // the event's texts are well-formed UTF-8
        if (node.mode == LeafMode::Text) {
            const std::optional<QString> folded =
                context.derived(node.path, derivedKind(FoldedText, node), [&] {
                    return std::optional<QString>(LeafFolding::foldUtf8(scalar.utf8, node.language,
                                                                        node.caseSensitive,
                                                                        scratchBuffer())
                                                      .toString());
                });
            return decideText(node, context, folded, true);
        }
        return textLeaf(
            node, context, [&] { return std::optional<QString>(QString::fromUtf8(scalar.utf8)); },
            true);
    case CompactEvent::Scalar::Kind::Integer:
        return textLeaf(
            node, context,
            [&] { return std::optional<QString>(ConditionValues::numberText(scalar.integer)); },
            true);
    }
    return std::nullopt;
}

LeafOutcome evaluateLeaf(const CompiledConditionNode &node, const EventContext &context,
                         const QJsonValue &actual)
{
    if (node.invalid)
        return {false, Why::Problem};
    if (node.mode == LeafMode::Emptiness) {
        const bool empty = isEmptyValue(actual);
        return {node.op == Operator::IsEmpty ? empty : !empty, Why::None};
    }
    if (actual.isUndefined() || actual.isNull())
        return {isNegated(node.op), Why::Absent};

    switch (node.mode) {
    case LeafMode::Text:
    case LeafMode::Pattern:
        return textLeaf(node, context, [&] {
            QString text;
            if (!ConditionValues::scalarText(actual, &text))
                return std::optional<QString>();
            return std::optional<QString>(std::move(text));
        });
    case LeafMode::List: {
        if (!actual.isArray())
            return {false, Why::NotList};
        const QJsonArray list = actual.toArray();
        ListSearch search(node);
        QString text;
        for (qsizetype i = 0; i < list.size() && !search.found; ++i) {
            if (ConditionValues::scalarText(list.at(i), &text))
                search.add(text);
        }
        return search.outcome();
    }
    case LeafMode::Number: {
        const std::optional<double> number = ConditionValues::numberOf(actual);
        if (!number)
            return {false, Why::NotNumber};
        if (node.op == Operator::In)
            return {std::find(node.numbers.cbegin(), node.numbers.cend(), *number)
                        != node.numbers.cend(),
                    Why::None};
        return {compareNumbers(node.op, *number, node.number), Why::None};
    }
    case LeafMode::Instant: {
        const std::optional<double> instant =
            actual.isString() ? ConditionValues::instantOf(actual.toString()) : std::nullopt;
        if (!instant)
            return {false, Why::NotDateTime};
        if (node.op == Operator::In)
            return {std::find(node.numbers.cbegin(), node.numbers.cend(), *instant)
                        != node.numbers.cend(),
                    Why::None};
        return {compareNumbers(node.op, *instant, node.number), Why::None};
    }
    case LeafMode::Emptiness:
        break;
    }
    return {false, Why::None};
}

// A leaf's verdict without a trace: in place from the compact form where it can be.
ConditionVerdict untracedLeaf(const CompiledConditionNode &node, const EventContext &context)
{
    using V = ConditionVerdict;
    if (node.path.isValid()) {
        if (const std::optional<LeafOutcome> outcome = leafInPlace(node, context))
            return outcome->why == Why::GaveUp ? V::Undecided
                   : outcome->result           ? V::True
                                               : V::False;
    }
    const QJsonValue actual =
        node.path.isValid() ? context.value(node.path) : QJsonValue(QJsonValue::Undefined);
    const LeafOutcome outcome = evaluateLeaf(node, context, actual);
    return outcome.why == Why::GaveUp ? V::Undecided : outcome.result ? V::True : V::False;
}

} // namespace

ConditionVerdict evaluate(const CompiledConditionNode &node, const EventContext &context,
                          ConditionTrace *trace, Language language)
{
    using V = ConditionVerdict;
    if (trace) {
        trace->kind = node.kind;
        trace->pointer = node.pointer;
    }
    V verdict = V::False;
    switch (node.kind) {
    case Condition::Kind::All:
    case Condition::Kind::Any: {
        const bool all = node.kind == Condition::Kind::All;
        // all: false beats undecided beats true; any: true beats undecided beats false.
        const V decisive = all ? V::False : V::True;
        verdict = all ? V::True : V::False;
        const auto add = [&](V member) {
            if (member == decisive || (member == V::Undecided && verdict != decisive))
                verdict = member;
        };
        if (trace) {
            // Every member, as written.
            trace->children.resize(node.children.size());
            for (std::size_t i = 0; i < node.children.size(); ++i)
                add(evaluate(node.children[i], context, &trace->children[i], language));
        } else if (node.order.empty()) {
            for (std::size_t i = 0; i < node.children.size() && verdict != decisive; ++i)
                add(evaluate(node.children[i], context, nullptr, language));
        } else {
            // The cheapest first (EvaluationOrder), until one decides: a false member of
            // "all", a true member of "any".
            for (std::size_t i = 0; i < node.order.size() && verdict != decisive; ++i)
                add(evaluate(node.children[node.order[i]], context, nullptr, language));
        }
        if (node.invalid) {
            verdict = V::False;
            if (trace)
                trace->explanation = ConditionExplanation::groupProblem(language);
        }
        break;
    }
    case Condition::Kind::Not: {
        if (node.invalid) {
            if (trace)
                trace->explanation = ConditionExplanation::groupProblem(language);
            break;
        }
        ConditionTrace *childTrace = nullptr;
        if (trace) {
            trace->children.resize(1);
            childTrace = &trace->children.front();
        }
        const V inner = evaluate(node.children.front(), context, childTrace, language);
        if (node.problemBelow) {
            if (trace)
                trace->explanation = ConditionExplanation::notOverProblem(language);
            break;
        }
        verdict = inner == V::Undecided ? V::Undecided : inner == V::True ? V::False : V::True;
        break;
    }
    case Condition::Kind::Leaf: {
        if (!trace && node.sharedSlot >= 0) {
            if (const quint8 known = context.sharedVerdict(node.sharedOwner, node.sharedSlot)) {
                verdict = V(known - 1); // decided for another rule already
                break;
            }
            verdict = untracedLeaf(node, context);
            context.rememberSharedVerdict(node.sharedOwner, node.sharedSlot, quint8(verdict) + 1);
            break;
        }
        if (!trace) {
            verdict = untracedLeaf(node, context);
            break;
        }
        const QJsonValue actual =
            node.path.isValid() ? context.value(node.path) : QJsonValue(QJsonValue::Undefined);
        const LeafOutcome outcome = evaluateLeaf(node, context, actual);
        verdict = outcome.why == Why::GaveUp ? V::Undecided : outcome.result ? V::True : V::False;
        trace->field = node.field;
        trace->op = node.op;
        trace->expected = node.value;
        trace->actual = actual;
        trace->explanation = ConditionExplanation::leaf(node, actual, outcome, language);
        break;
    }
    }
    if (trace) {
        trace->result = verdict == V::True;
        trace->undecided = verdict == V::Undecided;
    }
    return verdict;
}

} // namespace Kanca::ConditionEvaluation
