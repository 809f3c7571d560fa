#include "conditions/ConditionCompiler.h"

#include "catalog/Catalog.h"
#include "conditions/CompiledCondition.h"
#include "conditions/ConditionValues.h"
#include "conditions/EvaluationOrder.h"
#include "conditions/PatternForms.h"
#include "conditions/PatternRisk.h"
#include "text/ProcessIds.h"
#include "text/Suggest.h"
#include "text/TextCase.h"

#include <QCoreApplication>
#include <QJsonArray>

#include <algorithm>
#include <optional>

namespace Kanca {

namespace {

bool isOrdering(Operator op)
{
    return op == Operator::GreaterThan || op == Operator::LessThan || op == Operator::AtLeast
           || op == Operator::AtMost;
}

LeafMode modeFor(Operator op, FieldType type)
{
    if (op == Operator::IsEmpty || op == Operator::IsNotEmpty)
        return LeafMode::Emptiness;
    const bool comparesValues =
        op == Operator::Equals || op == Operator::NotEquals || op == Operator::In || isOrdering(op);
    switch (type) {
    case FieldType::TextList:
        return isOrdering(op) ? LeafMode::Number : LeafMode::List;
    case FieldType::Number:
        if (comparesValues)
            return LeafMode::Number;
        break;
    case FieldType::DateTime:
        if (comparesValues)
            return LeafMode::Instant;
        break;
    case FieldType::Text:
    case FieldType::OneOf:
        if (isOrdering(op))
            return LeafMode::Number;
        break;
    }
    return op == Operator::Matches ? LeafMode::Pattern : LeafMode::Text;
}

} // namespace

void ConditionCompiler::compile(const Condition &condition, const QString &pointer, int depth,
                                CompiledConditionNode &node)
{
    node.kind = condition.kind;
    node.pointer = pointer;
    if (condition.kind == Condition::Kind::Leaf) {
        node.field = condition.field;
        node.path = FieldPath(condition.field);
        node.op = condition.op;
        node.value = condition.value;
        node.caseSensitive = condition.caseSensitive;
        node.language = m_locale;
    }
    // Checked before going down, so a hostile tree cannot exhaust the stack.
    if (depth > CompiledCondition::MaxDepth) {
        report(pointer, QCoreApplication::translate("Kanca::CompiledCondition",
                                                    "Conditions are nested more than %1 levels "
                                                    "deep; simplify this condition.")
                            .arg(CompiledCondition::MaxDepth));
        node.invalid = node.problemBelow = true;
        return;
    }
    switch (condition.kind) {
    case Condition::Kind::All:
    case Condition::Kind::Any: {
        const QString groupPointer =
            jsonPointerAppend(pointer, condition.kind == Condition::Kind::All ? u"all" : u"any");
        node.children.resize(condition.children.size());
        for (std::size_t i = 0; i < condition.children.size(); ++i) {
            compile(condition.children[i], jsonPointerAppend(groupPointer, qsizetype(i)), depth + 1,
                    node.children[i]);
            node.problemBelow = node.problemBelow || node.children[i].problemBelow;
        }
        EvaluationOrder::arrange(node);
        return;
    }
    case Condition::Kind::Not: {
        const QString notPointer = jsonPointerAppend(pointer, u"not");
        if (condition.children.size() != 1) {
            report(notPointer,
                   QCoreApplication::translate("Kanca::CompiledCondition",
                                               "\"not\" must hold exactly one condition, not %n.",
                                               nullptr, int(condition.children.size())));
            node.invalid = node.problemBelow = true;
            return;
        }
        node.children.resize(1);
        compile(condition.children.front(), notPointer, depth + 1, node.children.front());
        node.problemBelow = node.children.front().problemBelow;
        EvaluationOrder::arrange(node);
        return;
    }
    case Condition::Kind::Leaf:
        compileLeaf(condition, pointer, node);
        node.problemBelow = node.invalid;
        EvaluationOrder::arrange(node);
        return;
    }
}

void ConditionCompiler::compileLeaf(const Condition &condition, const QString &pointer,
                                    CompiledConditionNode &node)
{
    const QString fieldPointer = jsonPointerAppend(pointer, u"field");
    const FieldInfo *field = m_catalog.field(condition.field);
    if (!field) {
        node.invalid = true;
        if (condition.field.isEmpty()) {
            report(fieldPointer, QCoreApplication::translate("Kanca::CompiledCondition",
                                                             "A condition needs a field."));
            return;
        }
        const QString suggestion = closestMatch(condition.field, m_catalog.fieldPaths());
        if (suggestion.isEmpty()) {
            report(fieldPointer,
                   QCoreApplication::translate("Kanca::CompiledCondition", "Unknown field \"%1\".")
                       .arg(condition.field));
        } else {
            report(fieldPointer,
                   QCoreApplication::translate("Kanca::CompiledCondition",
                                               "Unknown field \"%1\". Did you mean \"%2\"?")
                       .arg(condition.field, suggestion));
        }
        return;
    }
    node.label = field->label;
    node.mode = modeFor(condition.op, field->type);

    if (!m_catalog.operatorApplies(condition.op, field->type)) {
        reportOperatorDoesNotApply(node, *field, jsonPointerAppend(pointer, u"op"));
        node.invalid = true;
        return;
    }
    if (!compileValue(condition.value, *field, jsonPointerAppend(pointer, u"value"), node))
        node.invalid = true;
}

void ConditionCompiler::reportOperatorDoesNotApply(const CompiledConditionNode &node,
                                                   const FieldInfo &field, const QString &pointer)
{
    QStringList applicable;
    for (int i = 0; i < OperatorCount; ++i) {
        if (m_catalog.operatorApplies(Operator(i), field.type))
            applicable.append(operatorId(Operator(i)));
    }
    const QString op = operatorId(node.op);
    const QString list = applicable.join(QStringLiteral(", "));
    QString message;
    switch (field.type) {
    case FieldType::Text:
        message = QCoreApplication::translate(
            "Kanca::CompiledCondition",
            "The operator \"%1\" does not apply to the text field \"%2\"; use one of: %3.");
        break;
    case FieldType::TextList:
        message = QCoreApplication::translate(
            "Kanca::CompiledCondition",
            "The operator \"%1\" does not apply to the list field \"%2\"; use one of: %3.");
        break;
    case FieldType::OneOf:
        message = QCoreApplication::translate(
            "Kanca::CompiledCondition",
            "The operator \"%1\" does not apply to the field \"%2\", which holds one of a fixed "
            "set of values; use one of: %3.");
        break;
    case FieldType::Number:
        message = QCoreApplication::translate(
            "Kanca::CompiledCondition",
            "The operator \"%1\" does not apply to the number field \"%2\"; use one of: %3.");
        break;
    case FieldType::DateTime:
        message = QCoreApplication::translate(
            "Kanca::CompiledCondition",
            "The operator \"%1\" does not apply to the date-time field \"%2\"; use one of: %3.");
        break;
    }
    report(pointer, message.arg(op, field.path, list));
}

bool ConditionCompiler::compileValue(const QJsonValue &value, const FieldInfo &field,
                                     const QString &pointer, CompiledConditionNode &node)
{
    const QString op = operatorId(node.op);
    const OperatorValue kind = operatorValue(node.op);
    if (kind == OperatorValue::None) {
        if (value.isUndefined())
            return true;
        report(pointer, QCoreApplication::translate("Kanca::CompiledCondition",
                                                    "The operator \"%1\" takes no value; remove "
                                                    "\"value\".")
                            .arg(op));
        return false;
    }
    if (value.isUndefined()) {
        report(pointer, QCoreApplication::translate("Kanca::CompiledCondition",
                                                    "The operator \"%1\" needs a value.")
                            .arg(op));
        return false;
    }
    if (node.mode == LeafMode::Pattern
        || (node.mode == LeafMode::List && node.op == Operator::Matches))
        return compilePattern(value, pointer, node);
    if (kind == OperatorValue::List) {
        if (!value.isArray()) {
            report(pointer, QCoreApplication::translate("Kanca::CompiledCondition",
                                                        "The operator \"%1\" needs a list of "
                                                        "values, such as [\"a\", \"b\"].")
                                .arg(op));
            return false;
        }
        const QJsonArray list = value.toArray();
        bool ok = true;
        for (qsizetype i = 0; i < list.size(); ++i)
            ok = compileScalar(list.at(i), field, jsonPointerAppend(pointer, i), node, true) && ok;
        return ok;
    }
    return compileScalar(value, field, pointer, node, false);
}

bool ConditionCompiler::compileScalar(const QJsonValue &value, const FieldInfo &field,
                                      const QString &pointer, CompiledConditionNode &node,
                                      bool inList)
{
    if (node.mode == LeafMode::Number) {
        if (!value.isDouble()) {
            report(pointer, QCoreApplication::translate("Kanca::CompiledCondition",
                                                        "The value must be a number, such as "
                                                        "42."));
            return false;
        }
        const double number = value.toDouble();
        checkRange(number, field, pointer);
        if (inList)
            node.numbers.push_back(number);
        else
            node.number = number;
        return true;
    }
    if (node.mode == LeafMode::Instant) {
        const std::optional<double> instant =
            value.isString() ? ConditionValues::instantOf(value.toString()) : std::nullopt;
        if (!instant) {
            report(pointer, QCoreApplication::translate("Kanca::CompiledCondition",
                                                        "The value must be a date and time, "
                                                        "such as \"%1\".")
                                .arg(QStringLiteral("2026-11-21T10:30:00Z")));
            return false;
        }
        if (inList)
            node.numbers.push_back(*instant);
        else
            node.number = *instant;
        return true;
    }
    if (!value.isString()) {
        report(pointer, QCoreApplication::translate("Kanca::CompiledCondition",
                                                    "The value must be text in quotes."));
        return false;
    }
    const QString text = value.toString();
    const QString needle =
        node.caseSensitive ? TextCase::normalized(text) : TextCase::fold(text, node.language);
    const bool mustBeAllowed = field.type == FieldType::OneOf && !field.allowedValues.isEmpty()
                               && (node.op == Operator::Equals || node.op == Operator::NotEquals
                                   || node.op == Operator::In);
    if (mustBeAllowed) {
        const bool allowed = std::any_of(
            field.allowedValues.cbegin(), field.allowedValues.cend(),
            [&](const QString &candidate) {
                return needle
                       == (node.caseSensitive ? TextCase::normalized(candidate)
                                              : TextCase::fold(candidate, node.language));
            });
        if (!allowed) {
            const QString values = field.allowedValues.join(QStringLiteral(", "));
            const QString suggestion = closestMatch(text, field.allowedValues);
            if (suggestion.isEmpty()) {
                report(pointer, QCoreApplication::translate("Kanca::CompiledCondition",
                                                            "\"%1\" is not a value of \"%2\"; "
                                                            "use one of: %3.")
                                    .arg(text, field.path, values));
            } else {
                report(pointer, QCoreApplication::translate("Kanca::CompiledCondition",
                                                            "\"%1\" is not a value of \"%2\". "
                                                            "Did you mean \"%4\"? The values "
                                                            "are: %3.")
                                    .arg(text, field.path, values, suggestion));
            }
            return false;
        }
    }
    if (inList)
        node.needles.append(needle);
    else
        node.needle = needle;
    return true;
}

namespace {

// The same number for the same expression and options anywhere in the process, so that an event
// is searched once per expression and field however many leaves repeat them.
int patternId(const QRegularExpression &regex)
{
    static ProcessIds ids;
    return ids.idOf(QString::number(int(regex.patternOptions())) + u':' + regex.pattern());
}

} // namespace

bool ConditionCompiler::compilePattern(const QJsonValue &value, const QString &pointer,
                                       CompiledConditionNode &node)
{
    if (!value.isString()) {
        report(pointer, QCoreApplication::translate("Kanca::CompiledCondition",
                                                    "The value of \"matches\" must be a regular "
                                                    "expression in quotes."));
        return false;
    }
    QRegularExpression::PatternOptions options = QRegularExpression::UseUnicodePropertiesOption;
    if (!node.caseSensitive)
        options |= QRegularExpression::CaseInsensitiveOption;
    // QRegularExpression checks the expression and words its errors; PatternSearch searches.
    const QRegularExpression regex(TextCase::normalized(value.toString()), options);
    if (!regex.isValid()) {
        report(pointer,
               QCoreApplication::translate("Kanca::CompiledCondition",
                                           "Invalid regular expression: %1 at character %2.")
                   .arg(regex.errorString(), QString::number(regex.patternErrorOffset() + 1)));
        return false;
    }
    node.pattern = PatternSearch(regex);
    node.patternId = patternId(regex);
    if (!node.caseSensitive) {
        node.plainPattern = PatternForms::isPlain(regex.pattern());
        if (const std::optional<QString> anyI = PatternForms::withAnyI(regex.pattern())) {
            const QRegularExpression lenient(*anyI, options);
            if (lenient.isValid())
                node.anyIPattern = PatternSearch(lenient);
        }
    }
    if (const std::optional<QString> risky =
            PatternRisk::nestedUnboundedRepetition(regex.pattern())) {
        report(pointer,
               QCoreApplication::translate("Kanca::CompiledCondition",
                                           "\"%1\" repeats a repetition without bound: on a "
                                           "long text that almost matches, the expression "
                                           "gives up (match limit) and the rule cannot decide. "
                                           "Write it without nesting, such as \"a+\" for "
                                           "\"(a+)+\".")
                   .arg(*risky),
               Problem::Severity::Warning);
    }
    return true;
}

void ConditionCompiler::checkRange(double value, const FieldInfo &field, const QString &pointer)
{
    if (field.minimum && value < *field.minimum) {
        report(pointer,
               QCoreApplication::translate("Kanca::CompiledCondition",
                                           "%1 is below the smallest value of \"%2\", %3.")
                   .arg(ConditionValues::numberText(value), field.path,
                        ConditionValues::numberText(*field.minimum)),
               Problem::Severity::Warning);
    } else if (field.maximum && value > *field.maximum) {
        report(pointer,
               QCoreApplication::translate("Kanca::CompiledCondition",
                                           "%1 is above the largest value of \"%2\", %3.")
                   .arg(ConditionValues::numberText(value), field.path,
                        ConditionValues::numberText(*field.maximum)),
               Problem::Severity::Warning);
    }
}

} // namespace Kanca
