#pragma once

#include <QTimer>
#include <QWidget>

class QLabel;
class QTreeWidget;
class QTreeWidgetItem;

namespace Kanca {

class RuleSetDocument;

// The Problems panel: every problem of the open rule set (what a save would carry, and what a
// server would refuse), one a row: the rule, where in it, and what is wrong. It follows the
// document as it is edited. Activating a row (a click, or Return) emits problemActivated with
// the problem's JSON pointer; the window shows the rule and focuses the field.
class ProblemsPanel final : public QWidget
{
    Q_OBJECT

public:
    explicit ProblemsPanel(RuleSetDocument *document, QWidget *parent = nullptr);

    int errorCount() const { return m_errors; }
    int warningCount() const { return m_warnings; }
    // "Problems (2)", for the panel's dock and tab.
    QString title() const;

Q_SIGNALS:
    void problemActivated(const QString &pointer);
    void countChanged();

protected:
    void changeEvent(QEvent *event) override;

private:
    void scheduleRefresh();
    void refresh();
    void retranslateUi();
    void activate(QTreeWidgetItem *item);
    QString ruleLabel(qsizetype index) const;

    RuleSetDocument *m_document;
    QTreeWidget *m_list;
    QLabel *m_empty;
    QTimer m_refreshTimer;
    int m_errors = 0;
    int m_warnings = 0;
};

} // namespace Kanca
