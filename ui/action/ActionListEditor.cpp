#include "action/ActionListEditor.h"

#include "action/ProblemLabel.h"
#include "action/WebhookActionEditor.h"
#include "services/SecretStore.h"
#include "services/TestEndpoints.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStackedWidget>
#include <QStyle>
#include <QTabBar>
#include <QToolButton>
#include <QVBoxLayout>

#include <set>

namespace Kanca {

namespace {

// The action a new rule gets (as RuleSetDocument::newRule): a POST with a small JSON body.
WebhookAction newWebhookAction()
{
    WebhookAction action;
    action.url = QStringLiteral("https://");
    action.body.format = Body::Format::Json;
    action.body.templateText = QStringLiteral("{\n  \"event\": \"{{event.type}}\"\n}");
    return action;
}

QToolButton *toolButton(const QString &objectName, QStyle::StandardPixmap icon, QWidget *parent)
{
    auto *button = new QToolButton(parent);
    button->setObjectName(objectName);
    button->setIcon(parent->style()->standardIcon(icon));
    button->setAutoRaise(true);
    return button;
}

} // namespace

ActionListEditor::ActionListEditor(QWidget *parent)
    : QWidget(parent)
    , m_tabBar(new QTabBar(this))
    , m_stack(new QStackedWidget(this))
    , m_emptyLabel(new QLabel(this))
    , m_listProblems(new ProblemLabel(this))
    , m_addButton(new QPushButton(this))
    , m_moveUpButton(toolButton(QStringLiteral("moveActionUp"), QStyle::SP_ArrowBack, this))
    , m_moveDownButton(toolButton(QStringLiteral("moveActionDown"), QStyle::SP_ArrowForward, this))
    , m_removeButton(toolButton(QStringLiteral("removeAction"), QStyle::SP_TrashIcon, this))
{
    m_tabBar->setObjectName(QStringLiteral("actionTabs"));
    m_stack->setObjectName(QStringLiteral("actionStack"));
    m_addButton->setObjectName(QStringLiteral("addAction"));
    m_listProblems->setObjectName(QStringLiteral("actionListProblems"));
    m_tabBar->setMovable(true);
    m_tabBar->setExpanding(false);
    m_tabBar->setDocumentMode(true);
    m_tabBar->setDrawBase(false);
    m_emptyLabel->setWordWrap(true);
    m_emptyLabel->setAlignment(Qt::AlignCenter);
    m_emptyLabel->setForegroundRole(QPalette::PlaceholderText);

    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(0, 0, 0, 0);
    bar->addWidget(m_tabBar);
    bar->addStretch();
    bar->addWidget(m_moveUpButton);
    bar->addWidget(m_moveDownButton);
    bar->addWidget(m_removeButton);
    bar->addWidget(m_addButton);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(bar);
    layout->addWidget(m_listProblems);
    layout->addWidget(m_stack, 1);
    layout->addWidget(m_emptyLabel, 1);

    connect(m_tabBar, &QTabBar::currentChanged, this, [this](int index) {
        if (index >= 0 && index < m_stack->count())
            m_stack->setCurrentIndex(index);
        updateButtons();
    });
    connect(m_tabBar, &QTabBar::tabMoved, this, &ActionListEditor::tabMoved);
    connect(m_addButton, &QPushButton::clicked, this, &ActionListEditor::addAction);
    connect(m_removeButton, &QToolButton::clicked, this, &ActionListEditor::removeCurrentAction);
    connect(m_moveUpButton, &QToolButton::clicked, this, [this] { moveCurrentAction(-1); });
    connect(m_moveDownButton, &QToolButton::clicked, this, [this] { moveCurrentAction(1); });

    setTabOrder(m_tabBar, m_moveUpButton);
    setTabOrder(m_moveUpButton, m_moveDownButton);
    setTabOrder(m_moveDownButton, m_removeButton);
    setTabOrder(m_removeButton, m_addButton);
    retranslateUi();
    syncEditors();
}

ActionListEditor::~ActionListEditor() = default;

void ActionListEditor::setSecretStore(SecretStore *store)
{
    m_secretStore = store;
    for (WebhookActionEditor *editor : std::as_const(m_editors))
        editor->setSecretStore(store);
}

void ActionListEditor::setTestEndpoints(TestEndpoints *endpoints)
{
    m_testEndpoints = endpoints;
    for (WebhookActionEditor *editor : std::as_const(m_editors))
        editor->setTestEndpoints(endpoints);
}

void ActionListEditor::setActions(const QList<Action> &actions)
{
    if (actions == m_actions)
        return;
    m_actions = actions;
    syncEditors();
}

void ActionListEditor::setProblems(const Problems &problems, const QString &rulePointer)
{
    m_problems = problems;
    m_rulePointer = rulePointer;
    distributeProblems();
}

QList<Action> ActionListEditor::actions() const
{
    return m_actions;
}

// Makes one editor per action and shows each its action.
void ActionListEditor::syncEditors()
{
    m_syncing = true;
    while (m_editors.size() < m_actions.size()) {
        auto *editor = new WebhookActionEditor(m_stack);
        editor->setSecretStore(m_secretStore);
        editor->setTestEndpoints(m_testEndpoints);
        connect(editor, &WebhookActionEditor::actionEdited, this,
                [this, editor](const WebhookAction &action, const QString &undoText,
                               const QString &mergeKey) {
                    editorEdited(editor, action, undoText, mergeKey);
                });
        connect(editor, &WebhookActionEditor::problemsChanged, this, &ActionListEditor::updateTabs);
        m_editors.append(editor);
        m_stack->addWidget(editor);
        m_tabBar->addTab(QString());
    }
    while (m_editors.size() > m_actions.size()) {
        WebhookActionEditor *editor = m_editors.takeLast();
        m_stack->removeWidget(editor);
        m_tabBar->removeTab(m_tabBar->count() - 1);
        editor->deleteLater();
    }
    for (qsizetype i = 0; i < m_actions.size(); ++i) {
        std::visit([&](const auto &action) { m_editors.at(i)->setAction(action); },
                   m_actions.at(i));
    }
    m_stack->setCurrentIndex(m_tabBar->currentIndex());
    m_syncing = false;
    updateSecretSuggestions();
    distributeProblems();
    updateTabs();
    updateButtons();
}

void ActionListEditor::updateTabs()
{
    const QIcon warning = style()->standardIcon(QStyle::SP_MessageBoxWarning);
    for (int i = 0; i < m_editors.size(); ++i) {
        const WebhookAction &action = m_editors.at(i)->action();
        m_tabBar->setTabText(i, tr("Webhook %1").arg(i + 1));
        m_tabBar->setTabToolTip(i, action.method + u' ' + action.url);
        m_tabBar->setTabIcon(i, m_editors.at(i)->hasProblems() ? warning : QIcon());
    }
}

void ActionListEditor::updateButtons()
{
    const int current = m_tabBar->currentIndex();
    const int count = int(m_actions.size());
    m_removeButton->setEnabled(current >= 0);
    m_moveUpButton->setEnabled(current > 0);
    m_moveDownButton->setEnabled(current >= 0 && current + 1 < count);
    m_moveUpButton->setVisible(count > 1);
    m_moveDownButton->setVisible(count > 1);
    m_stack->setVisible(count > 0);
    m_emptyLabel->setVisible(count == 0);
}

// Every secret name the rule's actions use.
void ActionListEditor::updateSecretSuggestions()
{
    std::set<QString> names;
    for (const Action &action : std::as_const(m_actions)) {
        if (const auto *webhook = std::get_if<WebhookAction>(&action)) {
            if (webhook->auth.secret.isSet())
                names.insert(webhook->auth.secret.name);
            if (webhook->signing.secret.isSet())
                names.insert(webhook->signing.secret.name);
        }
    }
    const QStringList list(names.cbegin(), names.cend());
    for (WebhookActionEditor *editor : std::as_const(m_editors))
        editor->setSecretSuggestions(list);
}

void ActionListEditor::focusPlace(int index, const QString &actionPointerTail)
{
    if (index < 0 || index >= m_editors.size())
        return;
    m_tabBar->setCurrentIndex(index);
    m_editors.at(index)->focusPlace(actionPointerTail);
}

void ActionListEditor::distributeProblems()
{
    const QString thenPointer = m_rulePointer + QLatin1StringView("/then");
    QList<Problems> perAction(m_editors.size());
    QStringList listMessages;
    for (const Problem &problem : std::as_const(m_problems)) {
        if (problem.pointer == thenPointer) {
            listMessages.append(problem.message);
            continue;
        }
        if (!problem.pointer.startsWith(thenPointer + u'/'))
            continue;
        const QStringView rest = QStringView(problem.pointer).mid(thenPointer.size() + 1);
        const qsizetype slash = rest.indexOf(u'/');
        bool ok = false;
        const qsizetype index = rest.left(slash < 0 ? rest.size() : slash).toLongLong(&ok);
        if (!ok || index < 0 || index >= perAction.size()) {
            listMessages.append(problem.message);
            continue;
        }
        Problem relative = problem;
        relative.pointer = slash < 0 ? QString() : rest.mid(slash).toString();
        perAction[index].append(relative);
    }
    m_listProblems->setMessages(listMessages);
    for (qsizetype i = 0; i < m_editors.size(); ++i)
        m_editors.at(i)->setProblems(perAction.at(i));
    updateTabs();
}

void ActionListEditor::editorEdited(WebhookActionEditor *editor, const WebhookAction &action,
                                    const QString &undoText, const QString &mergeKey)
{
    if (m_syncing)
        return;
    const qsizetype index = m_editors.indexOf(editor);
    if (index < 0 || index >= m_actions.size())
        return;
    m_actions[index] = action;
    updateTabs();
    updateSecretSuggestions();
    Q_EMIT actionsEdited(
        m_actions, undoText,
        mergeKey.isEmpty() ? QString() : QStringLiteral("then/%1/%2").arg(index).arg(mergeKey));
}

void ActionListEditor::addAction()
{
    m_actions.append(newWebhookAction());
    syncEditors();
    m_tabBar->setCurrentIndex(int(m_actions.size()) - 1);
    m_editors.last()->setFocus();
    Q_EMIT actionsEdited(m_actions, tr("Add Webhook"), QString());
}

void ActionListEditor::removeCurrentAction()
{
    const int index = m_tabBar->currentIndex();
    if (index < 0 || index >= m_actions.size())
        return;
    // The editors after the removed one move up: each keeps its widgets' state.
    WebhookActionEditor *editor = m_editors.takeAt(index);
    m_actions.removeAt(index);
    m_syncing = true;
    m_stack->removeWidget(editor);
    m_tabBar->removeTab(index);
    editor->deleteLater();
    m_syncing = false;
    syncEditors();
    Q_EMIT actionsEdited(m_actions, tr("Remove Webhook"), QString());
}

void ActionListEditor::moveCurrentAction(int delta)
{
    const int from = m_tabBar->currentIndex();
    const int to = from + delta;
    if (from < 0 || to < 0 || to >= m_actions.size())
        return;
    m_tabBar->moveTab(from, to); // tabMoved() moves the action
}

void ActionListEditor::tabMoved(int from, int to)
{
    if (from == to || from >= m_actions.size() || to >= m_actions.size())
        return;
    m_actions.move(from, to);
    m_editors.move(from, to);
    WebhookActionEditor *editor = m_editors.at(to);
    m_stack->removeWidget(editor);
    m_stack->insertWidget(to, editor);
    m_stack->setCurrentIndex(m_tabBar->currentIndex());
    updateTabs();
    updateButtons();
    distributeProblems();
    Q_EMIT actionsEdited(m_actions, tr("Move Webhook"), QString());
}

void ActionListEditor::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
}

void ActionListEditor::retranslateUi()
{
    m_addButton->setText(tr("Add &Webhook"));
    m_addButton->setToolTip(tr("Call one more webhook when the rule matches"));
    m_addButton->setAccessibleName(tr("Add webhook"));
    m_removeButton->setToolTip(tr("Remove this webhook"));
    m_removeButton->setAccessibleName(tr("Remove webhook"));
    m_moveUpButton->setToolTip(tr("Call this webhook earlier"));
    m_moveUpButton->setAccessibleName(tr("Move webhook earlier"));
    m_moveDownButton->setToolTip(tr("Call this webhook later"));
    m_moveDownButton->setAccessibleName(tr("Move webhook later"));
    m_tabBar->setAccessibleName(tr("Webhooks of the rule"));
    m_emptyLabel->setText(tr("This rule calls no webhook yet. Add one to send the event "
                             "somewhere when the rule matches."));
    updateTabs();
}

} // namespace Kanca
