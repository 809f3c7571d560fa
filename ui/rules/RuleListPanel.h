#pragma once

#include <QList>
#include <QWidget>

class QAction;
class QLabel;
class QLineEdit;
class QListView;
class QMenu;
class QModelIndex;
class QToolButton;

namespace Kanca {

class RuleFilterProxyModel;
class RuleItemDelegate;
class RuleListModel;
class RuleSetDocument;

// The list of rules: a filter box, the rules (enable switch, name, trigger; drag to reorder)
// and Add / Duplicate / Delete. The selected rule is the document's current rule, both ways.
// Every change goes through the document, so each one is an undo step.
class RuleListPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RuleListPanel)

public:
    explicit RuleListPanel(RuleSetDocument *document, QWidget *parent = nullptr);
    ~RuleListPanel() override;

    // For the main window's Edit menu. "Add Rule" carries the menu of events; its shortcut
    // (Insert), Duplicate's (Ctrl+D) and Delete's (Delete) work while the panel has focus.
    QAction *addRuleAction() const { return m_addAction; }
    QAction *duplicateRuleAction() const { return m_duplicateAction; }
    QAction *deleteRuleAction() const { return m_deleteAction; }

    RuleListModel *model() const { return m_model; }

public Q_SLOTS:
    // Puts the focus in the filter box with its text selected (Find).
    void focusFilter();
    // Inserts a new rule for the event after the current rule and makes it current.
    void addRule(const QString &eventId);
    void duplicateCurrentRule();
    void deleteCurrentRule();

protected:
    bool event(QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void changeEvent(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    struct EventGroup
    {
        QString id; // "contact", "chat", "message", "other"
        QMenu *menu = nullptr;
    };

    void createActions();
    void createEventMenu();
    void retranslateUi();
    void updateEventLabels();

    void showCurrentRule();
    void viewCurrentChanged(const QModelIndex &current);
    void listChanged();
    void updateActions();
    void updateFilterState();
    void updateEmptyHint();
    bool isCurrentRuleShown() const;
    void revealCurrentRule();

    RuleSetDocument *m_document;
    RuleListModel *m_model;
    RuleFilterProxyModel *m_proxy;
    RuleItemDelegate *m_delegate;

    QLineEdit *m_filter;
    QLabel *m_filterStatus;
    QListView *m_view;
    QLabel *m_emptyHint;
    QToolButton *m_addButton;
    QToolButton *m_duplicateButton;
    QToolButton *m_deleteButton;

    QAction *m_addAction = nullptr;
    QAction *m_duplicateAction = nullptr;
    QAction *m_deleteAction = nullptr;
    QMenu *m_addMenu = nullptr;
    QList<EventGroup> m_eventGroups;
    QList<QAction *> m_eventActions; // data(): the event id

    bool m_syncing = false; // the panel is moving the view's selection itself
};

} // namespace Kanca
