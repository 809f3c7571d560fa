#pragma once

#include "model/RuleSet.h"
#include "templates/TemplateSegments.h"
#include "templates/TemplateValue.h"

#include <QString>
#include <QStringList>
#include <QStringView>

#include <optional>

// The filters of a placeholder (private to core/templates): their names and what each does to
// a value. See Template.cpp for their semantics.
namespace Kanca::TemplateFilters {

// upper, lower, default, json, urlencode, truncate, date
QStringList names();
std::optional<TemplateFilterKind> kindNamed(QStringView name);
QString nameOf(TemplateFilterKind kind);

// The text is a date-time the filter "date" takes (ISO 8601, a date alone, or without offset).
bool isDateTimeText(const QString &text);

// Applies `filter` to `value` in `language` (upper, lower and date). On a value the filter
// cannot take (date on a non-date) returns false with the value's text, shortened, in *failure.
bool apply(const TemplateFilter &filter, TemplateValue *value, Language language, QString *failure);

} // namespace Kanca::TemplateFilters
