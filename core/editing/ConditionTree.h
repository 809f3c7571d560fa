#pragma once

#include "model/Condition.h"

#include <QList>
#include <QString>

namespace Kanca {

// Where an item sits in a condition tree, as the builder shows it: the indices of the group
// members from the root item down. An "item" is a group (all / any) or a leaf together with the
// chain of "not"s wrapped around it: the NOT toggle of a row or a group adds or removes one.
using ConditionPath = QList<int>;

// Navigation and small edits of a condition tree by item path: plain functions over the model,
// so the widgets stay thin and the tree logic is testable on its own.
class ConditionTree final
{
public:
    ConditionTree() = delete;

    // How many "not"s wrap the item; odd means the item is negated.
    static int negations(const Condition &item);
    // The group or leaf under the item's "not"s.
    static const Condition &base(const Condition &item);
    static Condition &base(Condition &item);

    // The item at `path` (the outermost "not" of it, if any); null if the path leads nowhere.
    static const Condition *item(const Condition &root, const ConditionPath &path);
    static Condition *item(Condition &root, const ConditionPath &path);

    // The JSON pointer of the item below the rule's "if": "" for the root, "/all/0",
    // "/all/1/not/any/0"...; throughNegations goes on through the item's own "not"s to its
    // group or leaf.
    static QString pointer(const Condition &root, const ConditionPath &path,
                           bool throughNegations = false);

    // Same kinds of items (group or leaf) with the same member counts at every level: the
    // widgets of one can show the other in place.
    static bool sameShape(const Condition &a, const Condition &b);

    // The item negated or not: adds one "not", or removes the outermost one.
    static Condition withNegation(Condition item, bool negated);

    // A new condition row: no field chosen yet.
    static Condition newLeaf();
};

} // namespace Kanca
