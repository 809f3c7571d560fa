#pragma once

#include "conditions/ConditionTrace.h"

#include <QString>
#include <QTreeWidget>

namespace Kanca {

// The condition tree of a rule as evaluated against an event: every group (all, any, not) and
// every leaf with ✓ or ✗ and, for a leaf, what was compared with what, in words. Always fully
// expanded; rebuilding keeps the scroll position, so it can follow typing.
class TraceView final : public QTreeWidget
{
    Q_OBJECT

public:
    // Each item's outcome, for tests and assistive technology: true, false, or invalid for a
    // message.
    static constexpr int ResultRole = Qt::UserRole + 1;

    explicit TraceView(QWidget *parent = nullptr);

    // `explanation` of the leaves is already in the interface's language (CompiledRuleSet's
    // explain()). An absent condition matches every event of the rule's type: say so.
    void setTrace(const ConditionTrace &trace, bool hasCondition, const QString &eventLabel);
    // No trace: one line saying why (a disabled rule, a rule for another event).
    void setMessage(const QString &message);

    static QString markedText(bool result, const QString &text);

protected:
    void changeEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void retranslateUi();
    QTreeWidgetItem *addNode(const ConditionTrace &trace, QTreeWidgetItem *parent);
    QString groupText(const ConditionTrace &trace) const;
    void restoreScroll(int value);
};

} // namespace Kanca
