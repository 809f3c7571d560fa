#pragma once

#include <QJsonValue>
#include <QString>
#include <QStringView>

#include <optional>

// The values a condition compares (private to core/conditions): numbers, date-times and the
// text of a JSON value.
namespace Kanca::ConditionValues {

// A number as JSON writes it: 42, 4.5.
QString numberText(double value);
// The text of a scalar: strings as they are, numbers and booleans as JSON writes them. False
// for anything else (null, a list, an object).
bool scalarText(const QJsonValue &value, QString *text);
// A JSON number, or a text holding a finite number ("42", " 4.5 ").
std::optional<double> numberOf(const QJsonValue &value);
// Milliseconds since the epoch of an ISO 8601 date-time; no offset means UTC.
std::optional<double> instantOf(QStringView text);

} // namespace Kanca::ConditionValues
