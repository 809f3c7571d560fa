#pragma once

#include "editing/ConditionTree.h"
#include "format/Problem.h"

#include <QFrame>

namespace Kanca {

class ConditionBuilder;

// A group or a row of the condition builder: shows one item of the tree (see ConditionTree) and
// asks the builder for every change, naming the item by its path.
class ConditionItemWidget : public QFrame
{
    Q_OBJECT

public:
    ConditionItemWidget(ConditionBuilder *builder, ConditionPath path, QWidget *parent);

    const ConditionPath &path() const { return m_path; }

    // Shows this item, in place: the item has the shape of the one the widget was built for.
    virtual void setItem(const Condition &item) = 0;
    // Marks the widgets that the problems at or below `itemPointer` are about.
    virtual void setProblems(const Problems &problems, const QString &itemPointer) = 0;
    // The widgets that take the keyboard focus, in reading order.
    virtual void appendFocusChain(QList<QWidget *> &chain) const = 0;
    // The item widget at `path`, this one or one below it; null if none.
    virtual ConditionItemWidget *find(const ConditionPath &path);
    // This item's own widget with that objectName (not one of a member's); null if none.
    QWidget *ownWidget(const QString &objectName) const;

protected:
    ConditionBuilder *m_builder;
    ConditionPath m_path;
};

} // namespace Kanca
