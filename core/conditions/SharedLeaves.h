#pragma once

#include <vector>

namespace Kanca {

class CompiledCondition;

// Rules of one rule set often ask the same thing of an event ("contact.tags contains VIP" in
// several rules): the leaves they repeat are numbered once the rule set is compiled, and an
// event (EventContext::sharedVerdict) remembers each one's verdict, so that it is decided once
// per event. A leaf is shared only when nothing but the event decides it: a path into the event
// (not "rule.*", which changes from rule to rule, nor "delivery.*"), and the same field,
// operator, value, case sensitivity and language, which the compiled leaf follows from.
namespace SharedLeaves {

// Numbers the leaves that `conditions` repeat (two or more times); every other leaf is left
// unshared. Each call is a numbering of its own: an event remembers the verdicts of one
// numbering at a time.
void number(const std::vector<CompiledCondition *> &conditions);

} // namespace SharedLeaves

} // namespace Kanca
