#include "model/Operator.h"

#include <array>

namespace Kanca {

namespace {
constexpr std::array<const char16_t *, OperatorCount> ids = {
    u"equals",   u"notEquals", u"contains", u"notContains", u"startsWith",
    u"endsWith", u"matches",   u"isEmpty",  u"isNotEmpty",  u"greaterThan",
    u"lessThan", u"atLeast",   u"atMost",   u"in",
};
} // namespace

QString operatorId(Operator op)
{
    return QString::fromUtf16(ids[std::size_t(op)]);
}

std::optional<Operator> operatorFromId(QStringView id)
{
    for (std::size_t i = 0; i < ids.size(); ++i) {
        if (id == QStringView(ids[i]))
            return Operator(i);
    }
    return std::nullopt;
}

OperatorValue operatorValue(Operator op)
{
    switch (op) {
    case Operator::IsEmpty:
    case Operator::IsNotEmpty:
        return OperatorValue::None;
    case Operator::GreaterThan:
    case Operator::LessThan:
    case Operator::AtLeast:
    case Operator::AtMost:
        return OperatorValue::Number;
    case Operator::In:
        return OperatorValue::List;
    case Operator::Matches:
        return OperatorValue::Pattern;
    default:
        return OperatorValue::Single;
    }
}

} // namespace Kanca
