#include "editing/ConditionValueKind.h"

#include <QJsonArray>

namespace Kanca {

namespace {

using Kind = ConditionValueKind;

bool isAllowed(const FieldInfo *field, const QJsonValue &value)
{
    return field && value.isString() && field->allowedValues.contains(value.toString());
}

} // namespace

ConditionValueKind ConditionValueKinds::kindFor(const FieldInfo *field, Operator op,
                                                const QJsonValue &value)
{
    const OperatorValue takes = operatorValue(op);
    if (takes == OperatorValue::None)
        return Kind::None;
    if (takes == OperatorValue::Pattern)
        return Kind::Pattern;
    if (!field) {
        if (value.isArray()) {
            const QJsonArray list = value.toArray();
            return !list.isEmpty() && list.first().isDouble() ? Kind::NumberList : Kind::TextList;
        }
        return value.isDouble() ? Kind::Number : Kind::Text;
    }
    const bool list = takes == OperatorValue::List;
    switch (field->type) {
    case FieldType::Text:
    case FieldType::TextList:
        return list ? Kind::TextList : Kind::Text;
    case FieldType::OneOf:
        if (list)
            return Kind::ChoiceList;
        return op == Operator::Equals || op == Operator::NotEquals ? Kind::Choice : Kind::Text;
    case FieldType::Number:
        return list ? Kind::NumberList : Kind::Number;
    case FieldType::DateTime:
        return list ? Kind::TextList : Kind::DateTime;
    }
    return Kind::Text;
}

QJsonValue ConditionValueKinds::adapt(const QJsonValue &value, Kind from, Kind to,
                                      const FieldInfo *field)
{
    const QJsonValue none(QJsonValue::Undefined);
    const auto first = [&] {
        return value.isArray() && !value.toArray().isEmpty() ? value.toArray().first() : none;
    };
    const auto isText = [](Kind kind) { return kind == Kind::Text || kind == Kind::Pattern; };
    switch (to) {
    case Kind::None:
        return none;
    case Kind::Text:
    case Kind::Pattern:
        if (isText(from) || from == Kind::Choice)
            return value.isString() ? value : none;
        return from == Kind::TextList || from == Kind::ChoiceList ? first() : none;
    case Kind::TextList:
        if (from == Kind::TextList || from == Kind::ChoiceList)
            return value;
        return (isText(from) || from == Kind::Choice) && !value.toString().isEmpty()
                   ? QJsonValue(QJsonArray{value})
                   : none;
    case Kind::Number:
        if (from == Kind::Number)
            return value;
        return from == Kind::NumberList && first().isDouble() ? first() : none;
    case Kind::NumberList:
        if (from == Kind::NumberList)
            return value;
        return from == Kind::Number && value.isDouble() ? QJsonValue(QJsonArray{value}) : none;
    case Kind::DateTime:
        return from == Kind::DateTime ? value : none;
    case Kind::Choice: {
        const QJsonValue candidate = value.isArray() ? first() : value;
        return isAllowed(field, candidate) ? candidate : none;
    }
    case Kind::ChoiceList: {
        QJsonArray kept;
        const QJsonArray values = value.isArray() ? value.toArray() : QJsonArray{value};
        for (const QJsonValue &candidate : values) {
            if (isAllowed(field, candidate))
                kept.append(candidate);
        }
        return kept.isEmpty() ? none : QJsonValue(kept);
    }
    }
    return none;
}

bool ConditionValueKinds::comparesText(Kind kind)
{
    return kind == Kind::Text || kind == Kind::TextList || kind == Kind::Pattern;
}

} // namespace Kanca
