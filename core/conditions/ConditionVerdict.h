#pragma once

namespace Kanca {

// What a condition says about an event. Undecided when a regular expression gave up (it hit the
// engine's match limit on the event's text): the answer is unknown, so a rule never fires on
// it, and "not" of an undecided condition is undecided too. Groups follow three-valued logic:
// "all" is false when a member is false, else undecided when one is; "any" is true when a
// member is true, else undecided when one is.
enum class ConditionVerdict { False, True, Undecided };

} // namespace Kanca
