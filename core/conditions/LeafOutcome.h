#pragma once

namespace Kanca {

// What evaluating one leaf of a condition found (private to core/conditions).
struct LeafOutcome
{
    // Why a leaf is false beyond the comparison itself.
    enum class Why { None, Absent, NotText, NotList, NotNumber, NotDateTime, Problem };

    bool result = false;
    Why why = Why::None;
};

} // namespace Kanca
