#pragma once

#include "editing/ConditionTree.h"
#include "format/Problem.h"

#include <QWidget>

#include <optional>

class QLabel;
class QPushButton;
class QVBoxLayout;

namespace Kanca {

class ConditionItemWidget;

// The "If" of a rule: edits its condition tree (std::optional<Condition>; none: the rule runs on
// every event) with nested groups, NOT and rows of field / operator / value. Every change
// produces a new tree, announced by conditionEdited() with an undo text, and with a merge key
// while typing in a value ("if/all/0/value"), so that the owner pushes one undo step per edit.
// A new tree of the same shape is shown in place, so the widget being typed in keeps the focus
// and its cursor; a new shape is built anew and the focus goes back where it was.
// objectName "conditionBuilder"; with no condition: a hint and a button "addCondition".
class ConditionBuilder final : public QWidget
{
    Q_OBJECT

public:
    explicit ConditionBuilder(QWidget *parent = nullptr);

    const std::optional<Condition> &condition() const { return m_condition; }
    void setCondition(const std::optional<Condition> &condition);
    // The rule's event, named in the hint shown when there is no condition.
    void setEventId(const QString &eventId);
    // Marks the widgets of the problems below `ifPointer` (the rule's "/rules/2/if").
    void setProblems(const Problems &problems, const QString &ifPointer);
    // The widgets that take the keyboard focus, in reading order.
    QList<QWidget *> focusChain() const;

    // --- For the groups and rows ---
    // Replaces the group or leaf of the item at `path` (keeping its "not"s).
    void replaceBase(const ConditionPath &path, const Condition &base, const QString &undoText,
                     const QString &mergeKey = {});
    void setNegated(const ConditionPath &path, bool negated);
    void setGroupKind(const ConditionPath &path, Condition::Kind kind);
    void addLeaf(const ConditionPath &groupPath);
    void addGroup(const ConditionPath &groupPath);
    void removeItem(const ConditionPath &path);
    // The merge key of typing in the value of the leaf at `path`: "if/all/0/value".
    QString valueMergeKey(const ConditionPath &path) const;
    ConditionItemWidget *createItemWidget(const ConditionPath &path, const Condition &item,
                                          QWidget *parent);
    void noteFocusChainChanged();

Q_SIGNALS:
    void conditionEdited(const std::optional<Kanca::Condition> &condition, const QString &undoText,
                         const QString &mergeKey);
    // Widgets came or went: the owner may want to set the tab order again.
    void focusChainChanged();

protected:
    void changeEvent(QEvent *event) override;

private:
    struct FocusTarget
    {
        ConditionPath path;
        QString objectName;
    };

    void retranslateUi();
    void rebuild();
    void restoreFocus(const FocusTarget &target);
    void edit(std::optional<Condition> condition, const QString &undoText,
              const QString &mergeKey = {});

    std::optional<Condition> m_condition;
    QString m_eventId;
    Problems m_problems;
    QString m_ifPointer;
    QVBoxLayout *m_layout;
    QWidget *m_empty;
    QLabel *m_hint;
    QPushButton *m_addCondition;
    QPushButton *m_addToLeaf; // when the whole condition is one leaf: makes it a group
    ConditionItemWidget *m_root = nullptr;
    std::optional<FocusTarget> m_focusAfterRebuild;
};

} // namespace Kanca
