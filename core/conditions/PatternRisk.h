#pragma once

#include <QString>
#include <QStringView>

#include <optional>

namespace Kanca::PatternRisk {

// The first part of a regular expression that repeats, without bound, a group that itself holds
// an unbounded repetition — "(a+)+", "(\w*\s?)*", "(?:x+y)+" — the shape that makes a
// backtracking engine try exponentially many ways on a text that almost matches, until it gives
// up at its match limit. Nothing when there is none. Atomic groups "(?>…)" and possessive
// quantifiers ("++", "*+") do not backtrack and are not counted.
std::optional<QString> nestedUnboundedRepetition(QStringView pattern);

} // namespace Kanca::PatternRisk
