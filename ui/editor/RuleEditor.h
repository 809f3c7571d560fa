#pragma once

#include <QWidget>

class QLabel;
class QScrollArea;
class QStackedWidget;

namespace Kanca {

class ActionListEditor;
class ConditionBuilder;
class EventPicker;
class RuleHeaderEditor;
class RuleSetDocument;
class SecretStore;
class TestEndpoints;

// The editor of the document's current rule, in the order a person reads a rule: its name, id,
// description and switch, then "When" (the event, and a line saying when it fires), "If" (the
// condition builder) and "Then" (the actions). Every edit becomes one undoable
// RuleSetDocument::changeRule(); the editor follows the document (undo, redo, another current
// rule) in place, so typing is never interrupted, and marks the widgets the current rule's
// problems are about. With no current rule it says how to get one.
class RuleEditor final : public QWidget
{
    Q_OBJECT

public:
    explicit RuleEditor(RuleSetDocument *document, QWidget *parent = nullptr);

    RuleSetDocument *document() const { return m_document; }
    // The keychain the action editor reads and stores secret values in.
    void setSecretStore(SecretStore *store);
    // Gives every action editor its webhook.site and local catcher buttons.
    void setTestEndpoints(TestEndpoints *endpoints);
    // Shows and focuses the field a problem of the current rule is about: `pointer` is the
    // problem's ("/rules/2/then/0/url"). False when the pointer is not in the current rule.
    bool focusProblem(const QString &pointer);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void showCurrentRule();
    void showProblems();
    void updateStyleSheets();
    void scheduleTabOrder();
    void updateTabOrder();

    RuleSetDocument *m_document;
    QStackedWidget *m_stack;
    QLabel *m_noRule;
    QScrollArea *m_scroll;
    RuleHeaderEditor *m_header;
    QLabel *m_whenHeading;
    EventPicker *m_eventPicker;
    QLabel *m_firesWhen;
    QLabel *m_ifHeading;
    ConditionBuilder *m_conditionBuilder;
    QLabel *m_thenHeading;
    ActionListEditor *m_actions;
    QString m_styleSheet;
    bool m_tabOrderPending = false;
};

} // namespace Kanca
