#pragma once

#include <QtGlobal>

namespace Kanca {

struct CompiledConditionNode;

// The order in which a group's members are evaluated when no trace is asked for: the cheapest
// first, so that a member that decides the group cheaply ("platform equals Email" in an "all")
// spares the costly ones (a regular expression on a message). The verdict does not depend on
// the order: the members have no effects, and "all" and "any" give the same verdict, undecided
// included, whichever member decides them (CompiledCondition.cpp). A traced evaluation goes in
// the order written, evaluating every member.
namespace EvaluationOrder {

// What evaluating a node costs, roughly, in units of one comparison of a number: a leaf's by its
// mode, a group's the sum of its members' (all of them are evaluated when none decides it).
// Measured on the 10-rule benchmark (callgrind): a number about 300 instructions, a text or a
// list some 2 to 3 times that, a regular expression 5 to 15 times.
quint32 leafCost(const CompiledConditionNode &leaf);

// Sets the cost of `node`, whose members have theirs already, and, for a group whose members
// are not in increasing cost already, the order to evaluate them in (cheapest first, as
// written among equals).
void arrange(CompiledConditionNode &node);

} // namespace EvaluationOrder

} // namespace Kanca
