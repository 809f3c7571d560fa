#pragma once

#include "editor/ConditionItemWidget.h"

class QComboBox;
class QPushButton;
class QToolButton;
class QVBoxLayout;

namespace Kanca {

// A group of conditions: "All of these" (and) or "Any of these" (or), a NOT toggle that turns
// the group around, its members (rows and nested groups) and the buttons that add a condition
// or a group to it, or remove it. objectNames: groupNot, groupMatch, groupAddCondition,
// groupAddGroup, groupRemove (not on the outermost group).
class ConditionGroupWidget final : public ConditionItemWidget
{
    Q_OBJECT

public:
    ConditionGroupWidget(ConditionBuilder *builder, ConditionPath path, const Condition &item,
                         QWidget *parent = nullptr);

    void setItem(const Condition &item) override;
    void setProblems(const Problems &problems, const QString &itemPointer) override;
    void appendFocusChain(QList<QWidget *> &chain) const override;
    ConditionItemWidget *find(const ConditionPath &path) override;

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();

    Condition m_item;
    QToolButton *m_not;
    QComboBox *m_match;
    QToolButton *m_remove = nullptr;
    QVBoxLayout *m_members;
    QList<ConditionItemWidget *> m_children;
    QPushButton *m_addCondition;
    QPushButton *m_addGroup;
};

} // namespace Kanca
