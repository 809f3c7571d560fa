#pragma once

#include "model/RuleSet.h"

#include <QStringList>

namespace Kanca {

struct ConditionTrace;

// A condition trace as indented lines for a terminal, one per group and leaf:
//   ✓ any of
//     ✗ First Message contains "hata"
//     ✓ First Message contains "destek"
// (the leaves' sentences are the trace's own, in its language).
QStringList traceLines(const ConditionTrace &trace, Language language, int indent = 0);

} // namespace Kanca
