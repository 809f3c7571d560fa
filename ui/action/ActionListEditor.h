#pragma once

#include "format/Problem.h"
#include "model/Rule.h"

#include <QList>
#include <QPointer>
#include <QString>
#include <QWidget>

class QLabel;
class QPushButton;
class QStackedWidget;
class QTabBar;
class QToolButton;

namespace Kanca {

class ProblemLabel;
class SecretStore;
class TestEndpoints;
class WebhookActionEditor;

// The "Then" part of a rule: one editor per action, in tabs ("Webhook 1", "Webhook 2"), with
// buttons to add, remove and reorder actions. It never changes a document itself: every edit is
// reported through actionsEdited() with an undo text and a merge key ("then/0/url"), so typing
// in one field merges into one undo step; the owner pushes the command and calls setActions().
class ActionListEditor : public QWidget
{
    Q_OBJECT

public:
    explicit ActionListEditor(QWidget *parent = nullptr);
    ~ActionListEditor() override;

    void setSecretStore(SecretStore *store);
    void setTestEndpoints(TestEndpoints *endpoints);
    // Shows these actions without emitting actionsEdited(); keeps focus and the text cursor.
    void setActions(const QList<Action> &actions);
    // Shows the problems below rulePointer + "/then/N/..." (e.g. rulePointer "/rules/2").
    void setProblems(const Problems &problems, const QString &rulePointer);
    QList<Action> actions() const;
    // Shows action `index` and focuses the field `actionPointerTail` is about ("/url").
    void focusPlace(int index, const QString &actionPointerTail);

Q_SIGNALS:
    void actionsEdited(const QList<Kanca::Action> &actions, const QString &undoText,
                       const QString &mergeKey);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void syncEditors();
    void updateTabs();
    void updateButtons();
    void updateSecretSuggestions();
    void distributeProblems();
    void addAction();
    void removeCurrentAction();
    void moveCurrentAction(int delta);
    void tabMoved(int from, int to);
    void editorEdited(WebhookActionEditor *editor, const WebhookAction &action,
                      const QString &undoText, const QString &mergeKey);

    QList<Action> m_actions;
    QList<WebhookActionEditor *> m_editors;
    Problems m_problems;
    QString m_rulePointer;
    QPointer<SecretStore> m_secretStore;
    QPointer<TestEndpoints> m_testEndpoints;
    QTabBar *m_tabBar;
    QStackedWidget *m_stack;
    QLabel *m_emptyLabel;
    ProblemLabel *m_listProblems;
    QPushButton *m_addButton;
    QToolButton *m_moveUpButton;
    QToolButton *m_moveDownButton;
    QToolButton *m_removeButton;
    bool m_syncing = false;
};

} // namespace Kanca
