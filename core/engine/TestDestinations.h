#pragma once

#include "format/Problem.h"
#include "model/RuleSet.h"

#include <QCoreApplication>

namespace Kanca {

// The URLs of a rule set that only make sense while testing: this computer (localhost,
// 127.0.0.0/8, ::1, 0.0.0.0: the local catcher) and webhook.site. A server that runs the rule
// set cannot reach the first, and should not send real events to the second. Export for Server
// warns about them, one warning each with its JSON pointer.
class TestDestinations final
{
    Q_DECLARE_TR_FUNCTIONS(TestDestinations)

public:
    static Problems find(const RuleSet &ruleSet);
};

} // namespace Kanca
