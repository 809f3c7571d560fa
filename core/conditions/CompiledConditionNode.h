#pragma once

#include "catalog/Catalog.h"
#include "conditions/PatternSearch.h"
#include "event/FieldPath.h"
#include "model/Condition.h"
#include "model/RuleSet.h"

#include <QJsonValue>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <vector>

namespace Kanca {

// How a leaf compares, decided once from its operator and its field's type.
enum class LeafMode {
    Emptiness, // isEmpty, isNotEmpty
    Text,      // folded (or NFC) text: equals, notEquals, contains, notContains, startsWith, …
    Pattern,   // matches
    List,      // a list of texts, element by element
    Number,
    Instant, // date-times, as milliseconds since the epoch
};

// A compiled condition node (private to core/conditions): what ConditionCompiler fills and
// ConditionEvaluation reads. CompiledCondition::Node derives from it.
struct CompiledConditionNode
{
    Condition::Kind kind = Condition::Kind::All;
    std::vector<CompiledConditionNode> children;
    QString pointer;           // its JSON pointer in the rule set ("/rules/0/if/all/1")
    bool invalid = false;      // this node has a problem: it never matches
    bool problemBelow = false; // this node or one below it has a problem
    // What evaluating it costs, roughly, and, for a group, the order in which its members are
    // evaluated without a trace when it is not the order written (EvaluationOrder).
    quint32 cost = 1;
    std::vector<std::uint32_t> order;

    // Leaf only.
    QString field; // as written
    FieldPath path;
    LocalizedText label; // the catalog's, copied: the catalog need not outlive the condition
    Operator op = Operator::Equals;
    QJsonValue value = QJsonValue(QJsonValue::Undefined); // as written, for the trace
    bool caseSensitive = false;
    Language language = Language::English;
    LeafMode mode = LeafMode::Text;
    QString needle;              // folded (or NFC when case-sensitive) text
    QStringList needles;         // in: the folded texts
    double number = 0;           // a number, or a date-time in milliseconds since the epoch
    std::vector<double> numbers; // in: numbers or date-times
    PatternSearch pattern;       // matches: the expression
    int patternId = -1;          // the same for the same expression and options (ConditionCompiler)
    // matches, caseless: the expression is plain (PatternForms::isPlain), so a text whose forms
    // map it one character to one is not searched in its other forms; or it is plain but for
    // its i's, and this is it with any i for each (PatternForms::withAnyI), searched first.
    bool plainPattern = false;
    PatternSearch anyIPattern;
    // In a rule set, a leaf that several rules repeat (the same field, comparison and value):
    // its number among those (SharedLeaves), under which an event remembers its verdict, so
    // that it is decided once per event however many rules ask; -1 for any other leaf.
    int sharedSlot = -1;
    quint32 sharedOwner = 0; // the numbering's own id (SharedLeaves::number)

    QString displayLabel(Language traceLanguage) const
    {
        const QString &text = label.in(traceLanguage);
        return text.isEmpty() ? field : text;
    }
};

} // namespace Kanca
