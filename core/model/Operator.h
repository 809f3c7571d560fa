#pragma once

#include <QString>
#include <QStringView>

#include <optional>

namespace Kanca {

// The comparison operators of a condition leaf, in the order of docs/format.md.
enum class Operator {
    Equals,
    NotEquals,
    Contains,
    NotContains,
    StartsWith,
    EndsWith,
    Matches,
    IsEmpty,
    IsNotEmpty,
    GreaterThan,
    LessThan,
    AtLeast,
    AtMost,
    In,
};

inline constexpr int OperatorCount = int(Operator::In) + 1;

// The identifier used in the file format ("notContains", "in", ...).
QString operatorId(Operator op);
std::optional<Operator> operatorFromId(QStringView id);

// What kind of "value" an operator takes in the file format.
enum class OperatorValue {
    None,   // isEmpty, isNotEmpty: "value" must be absent
    Single, // a string (or a number for number fields, a date-time for date-time fields)
    Number, // greaterThan, lessThan, atLeast, atMost: a number (or a date-time on date-time fields)
    List,   // in: a list of values
    Pattern, // matches: a regular expression
};
OperatorValue operatorValue(Operator op);

} // namespace Kanca
