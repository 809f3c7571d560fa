#pragma once

#include "conditions/ConditionVerdict.h"

#include <QRegularExpression>
#include <QStringView>

#include <memory>

struct pcre2_real_code_16;

namespace Kanca {

// A `matches` leaf's expression, searched for through PCRE2 itself: the same library, pattern
// and options as the leaf's QRegularExpression (which stays the expression's checker and its
// error messages), without what QRegularExpression::match() adds to every search: a match
// context, match data and a QRegularExpressionMatch allocated and freed each time, half of a
// short search's instructions (callgrind, the 10-rule benchmark). The match data and the JIT
// stack are the thread's own, reused. Copies share the compiled expression; a search may run on
// several threads at once.
class PatternSearch
{
public:
    PatternSearch() = default;
    // `regex` must be valid; an invalid one makes a search that is always undecided.
    explicit PatternSearch(const QRegularExpression &regex);

    // Found, not found, or undecided: PCRE2 gave up (its match or depth limit, the JIT stack's
    // 512 KiB), as QRegularExpressionMatch::isValid() is false then. `wellFormed`: `subject` is
    // known to be valid UTF-16, so PCRE2 need not check it again.
    ConditionVerdict search(QStringView subject, bool wellFormed = false) const;

    bool isValid() const { return m_code != nullptr; }

private:
    std::shared_ptr<pcre2_real_code_16> m_code;
};

} // namespace Kanca
