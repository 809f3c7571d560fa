#pragma once

namespace Kanca {

// What evaluating one leaf of a condition found (private to core/conditions).
struct LeafOutcome
{
    // Why a leaf is false beyond the comparison itself.
    // GaveUp: a regular expression hit the engine's match limit on the text; the leaf is
    // undecided, neither true nor false.
    enum class Why { None, Absent, NotText, NotList, NotNumber, NotDateTime, Problem, GaveUp };

    bool result = false;
    Why why = Why::None;
};

} // namespace Kanca
