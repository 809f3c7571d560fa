#pragma once

#include "editor/ConditionItemWidget.h"
#include "editor/ConditionValueEditor.h"

class QComboBox;
class QHBoxLayout;
class QToolButton;

namespace Kanca {

class GroupedComboBox;

// One condition: field, operator and value, read as a sentence ("Contact Tags contains VIP").
// The fields come grouped by part (contact, conversation, message, event...), the operators are
// those that apply to the field's type, and the value editor fits the field and the operator.
// A NOT toggle negates the row; "Aa" makes a text comparison case-sensitive.
// objectNames: conditionNot, conditionField, conditionOperator, conditionValue,
// conditionCaseSensitive, conditionRemove.
class ConditionRow final : public ConditionItemWidget
{
    Q_OBJECT

public:
    ConditionRow(ConditionBuilder *builder, ConditionPath path, QWidget *parent = nullptr);

    void setItem(const Condition &item) override;
    void setProblems(const Problems &problems, const QString &itemPointer) override;
    void appendFocusChain(QList<QWidget *> &chain) const override;

    // The title of a group of fields in the field list ("Contact" for contact.*).
    static QString fieldGroupTitle(const QString &part);

protected:
    void changeEvent(QEvent *event) override;

private:
    const Condition &leaf() const { return ConditionTree::base(m_item); }
    const FieldInfo *field() const;
    void retranslateUi();
    void fillFields();
    void fillOperators();
    void updateValueEditor();
    void fieldChosen();
    void operatorChosen();
    // The leaf with another field or operator: the operator kept if it applies, the value kept
    // as far as the new value editor can show it.
    Condition retargeted(const QString &fieldPath, Operator op) const;
    void edit(const Condition &leaf, const QString &mergeKey = {});

    Condition m_item;
    QHBoxLayout *m_layout;
    QToolButton *m_not;
    GroupedComboBox *m_field;
    QComboBox *m_operator;
    ConditionValueEditor *m_value = nullptr;
    QToolButton *m_caseSensitive;
    QToolButton *m_remove;
    Problems m_valueProblems;
};

} // namespace Kanca
