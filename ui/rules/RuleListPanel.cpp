#include "rules/RuleListPanel.h"

#include "catalog/Catalog.h"
#include "document/RuleSetDocument.h"
#include "rules/GlyphIconEngine.h"
#include "rules/RuleFilterProxyModel.h"
#include "rules/RuleItemDelegate.h"
#include "rules/RuleListModel.h"
#include "settings/LanguageManager.h"

#include <QAction>
#include <QEvent>
#include <QHBoxLayout>
#include <QItemSelectionModel>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QScopedValueRollback>
#include <QToolButton>
#include <QVBoxLayout>

namespace Kanca {

using namespace Qt::Literals::StringLiterals;

namespace {

// A menu text shows "&" as itself only when doubled.
QString menuText(QString text)
{
    return text.replace(u'&', u"&&"_s);
}

QToolButton *makeButton(QAction *action, const QString &objectName, QWidget *parent)
{
    auto *button = new QToolButton(parent);
    button->setObjectName(objectName);
    button->setDefaultAction(action);
    button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    button->setFocusPolicy(Qt::TabFocus);
    return button;
}

} // namespace

RuleListPanel::RuleListPanel(RuleSetDocument *document, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_model(new RuleListModel(document, this))
    , m_proxy(new RuleFilterProxyModel(this))
    , m_delegate(new RuleItemDelegate(this))
    , m_filter(new QLineEdit(this))
    , m_filterStatus(new QLabel(this))
    , m_view(new QListView(this))
    , m_emptyHint(nullptr)
    , m_addButton(nullptr)
    , m_duplicateButton(nullptr)
    , m_deleteButton(nullptr)
{
    m_proxy->setSourceModel(m_model);

    setObjectName(u"ruleListPanel"_s);
    m_filter->setObjectName(u"ruleFilter"_s);
    m_filter->setClearButtonEnabled(true);
    m_filter->installEventFilter(this);

    m_filterStatus->setObjectName(u"ruleFilterStatus"_s);
    m_filterStatus->setForegroundRole(QPalette::PlaceholderText);
    m_filterStatus->setVisible(false);

    m_view->setObjectName(u"ruleList"_s);
    m_view->setModel(m_proxy);
    m_view->setItemDelegate(m_delegate);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setEditTriggers(QAbstractItemView::EditKeyPressed | QAbstractItemView::DoubleClicked);
    // Every item has the same height; the width is the view's, and long names are elided.
    m_view->setUniformItemSizes(true);
    m_view->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_view->setDefaultDropAction(Qt::MoveAction);
    m_view->setDropIndicatorShown(true);
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_view->viewport()->installEventFilter(this);

    m_emptyHint = new QLabel(m_view->viewport());
    m_emptyHint->setObjectName(u"ruleListEmptyHint"_s);
    m_emptyHint->setAlignment(Qt::AlignCenter);
    m_emptyHint->setWordWrap(true);
    m_emptyHint->setForegroundRole(QPalette::PlaceholderText);
    m_emptyHint->setAttribute(Qt::WA_TransparentForMouseEvents);

    createActions();
    m_addButton = makeButton(m_addAction, u"addRuleButton"_s, this);
    m_addButton->setPopupMode(QToolButton::InstantPopup);
    m_duplicateButton = makeButton(m_duplicateAction, u"duplicateRuleButton"_s, this);
    m_deleteButton = makeButton(m_deleteAction, u"deleteRuleButton"_s, this);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_addButton);
    buttons->addWidget(m_duplicateButton);
    buttons->addWidget(m_deleteButton);
    buttons->addStretch();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_filter);
    layout->addWidget(m_filterStatus);
    layout->addWidget(m_view, 1);
    layout->addLayout(buttons);

    setTabOrder(m_filter, m_view);
    setTabOrder(m_view, m_addButton);
    setTabOrder(m_addButton, m_duplicateButton);
    setTabOrder(m_duplicateButton, m_deleteButton);
    setFocusProxy(m_view);

    // Selection <-> current rule.
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) { viewCurrentChanged(current); });
    connect(m_document, &RuleSetDocument::currentRuleChanged, this, [this] { showCurrentRule(); });

    // Rows shown change with the document and with the filter.
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, [this] { listChanged(); });
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, [this] { listChanged(); });
    connect(m_proxy, &QAbstractItemModel::modelReset, this, [this] { listChanged(); });
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, [this] { listChanged(); });
    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString &text) {
        {
            const QScopedValueRollback guard(m_syncing, true);
            m_proxy->setFilterText(text);
        }
        updateFilterState();
        showCurrentRule();
    });

    connect(&LanguageManager::instance(), &LanguageManager::languageChanged, this, [this] {
        // Catalog labels follow the language even where no translator is installed.
        updateEventLabels();
        updateFilterState();
    });

    retranslateUi();
    updateFilterState();
    showCurrentRule();
}

RuleListPanel::~RuleListPanel() = default;

void RuleListPanel::createActions()
{
    m_addAction = new QAction(this);
    m_addAction->setObjectName(u"addRuleAction"_s);
    m_addAction->setIcon(GlyphIconEngine::icon(u"list-add"_s, GlyphIconEngine::Glyph::Add));
    m_addAction->setShortcut(QKeySequence(Qt::Key_Insert));
    m_addAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    createEventMenu();
    // From a menu, "Add Rule" opens its list of events; from its shortcut, the list pops up
    // under the button so the event can be chosen with the keyboard.
    connect(m_addAction, &QAction::triggered, this, [this] {
        const QWidget *anchor = m_addButton->isVisible() ? static_cast<QWidget *>(m_addButton)
                                                         : static_cast<QWidget *>(m_view);
        m_addMenu->popup(anchor->mapToGlobal(QPoint(0, anchor->height())));
    });

    m_duplicateAction = new QAction(this);
    m_duplicateAction->setObjectName(u"duplicateRuleAction"_s);
    m_duplicateAction->setIcon(
        GlyphIconEngine::icon(u"edit-copy"_s, GlyphIconEngine::Glyph::Duplicate));
    m_duplicateAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_D));
    m_duplicateAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(m_duplicateAction, &QAction::triggered, this, [this] { duplicateCurrentRule(); });

    m_deleteAction = new QAction(this);
    m_deleteAction->setObjectName(u"deleteRuleAction"_s);
    m_deleteAction->setIcon(
        GlyphIconEngine::icon(u"edit-delete"_s, GlyphIconEngine::Glyph::Delete));
    m_deleteAction->setShortcut(QKeySequence::Delete);
    m_deleteAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(m_deleteAction, &QAction::triggered, this, [this] { deleteCurrentRule(); });

    // The shortcuts work while the focus is in the panel (the filter box keeps Delete for its
    // text), and the list's context menu offers the same actions.
    addActions({m_addAction, m_duplicateAction, m_deleteAction});
    m_view->addActions({m_addAction, m_duplicateAction, m_deleteAction});
}

void RuleListPanel::createEventMenu()
{
    m_addMenu = new QMenu(this);
    m_addMenu->setObjectName(u"addRuleMenu"_s);
    m_addAction->setMenu(m_addMenu);

    for (const QString &group : {u"contact"_s, u"chat"_s, u"message"_s, u"other"_s}) {
        auto *menu = new QMenu(m_addMenu);
        menu->setObjectName(u"addRuleMenu_"_s + group);
        menu->setToolTipsVisible(true);
        m_addMenu->addMenu(menu);
        m_eventGroups.append({group, menu});
    }
    for (const EventTypeInfo &event : Catalog::builtIn().events()) {
        QMenu *menu = m_eventGroups.constLast().menu; // an unknown group is one of the others
        for (const EventGroup &group : std::as_const(m_eventGroups)) {
            if (group.id == event.group)
                menu = group.menu;
        }
        QAction *action = menu->addAction(QString());
        action->setData(event.id);
        const QString eventId = event.id;
        connect(action, &QAction::triggered, this, [this, eventId] { addRule(eventId); });
        m_eventActions.append(action);
    }
    for (const EventGroup &group : std::as_const(m_eventGroups))
        group.menu->menuAction()->setVisible(!group.menu->isEmpty());
}

void RuleListPanel::retranslateUi()
{
    m_filter->setPlaceholderText(tr("Filter rules"));
    m_filter->setAccessibleName(tr("Filter rules"));
    m_filter->setToolTip(tr("Shows the rules whose name, id or trigger contains the text. While "
                            "a filter is active, rules cannot be reordered by dragging."));
    m_view->setAccessibleName(tr("Rules"));
    m_view->setAccessibleDescription(
        tr("Space switches the selected rule on or off; F2 renames it. Drag a rule to reorder "
           "the list."));

    m_addAction->setText(tr("&Add Rule"));
    m_addAction->setIconText(tr("Add"));
    m_addAction->setToolTip(tr("Add a rule for an event"));
    m_addAction->setStatusTip(tr("Adds a rule after the selected one, for the event you choose."));
    m_duplicateAction->setText(tr("D&uplicate Rule"));
    m_duplicateAction->setIconText(tr("Duplicate"));
    m_duplicateAction->setToolTip(tr("Duplicate the selected rule"));
    m_duplicateAction->setStatusTip(tr("Adds a copy of the selected rule after it."));
    m_deleteAction->setText(tr("&Delete Rule"));
    m_deleteAction->setIconText(tr("Delete"));
    m_deleteAction->setToolTip(tr("Delete the selected rule (Undo brings it back)"));
    m_deleteAction->setStatusTip(tr("Deletes the selected rule. Undo brings it back."));

    m_addButton->setAccessibleName(tr("Add rule"));
    m_duplicateButton->setAccessibleName(tr("Duplicate rule"));
    m_deleteButton->setAccessibleName(tr("Delete rule"));

    for (const EventGroup &group : std::as_const(m_eventGroups)) {
        if (group.id == u"contact")
            group.menu->setTitle(tr("&Contact"));
        else if (group.id == u"chat")
            group.menu->setTitle(tr("C&hat"));
        else if (group.id == u"message")
            group.menu->setTitle(tr("&Message"));
        else
            group.menu->setTitle(tr("&Other"));
    }
    updateEventLabels();
    updateFilterState();
}

void RuleListPanel::updateEventLabels()
{
    const Language language = LanguageManager::instance().language();
    for (QAction *action : std::as_const(m_eventActions)) {
        const EventTypeInfo *event = Catalog::builtIn().event(action->data().toString());
        if (!event)
            continue;
        action->setText(menuText(event->label.in(language)));
        action->setToolTip(event->firesWhen.in(language));
        action->setStatusTip(event->firesWhen.in(language));
    }
}

void RuleListPanel::focusFilter()
{
    m_filter->setFocus(Qt::ShortcutFocusReason);
    m_filter->selectAll();
}

void RuleListPanel::addRule(const QString &eventId)
{
    const qsizetype current = m_document->currentRule();
    const qsizetype at = current >= 0 ? current + 1 : m_document->ruleCount();
    m_document->insertRule(at, m_document->newRule(eventId), tr("Add Rule"));
    revealCurrentRule();
}

void RuleListPanel::duplicateCurrentRule()
{
    const qsizetype current = m_document->currentRule();
    if (current < 0)
        return;
    Rule copy = m_document->rule(current);
    // Room for "-copy" and a number within the 64 characters an id may have.
    copy.id = m_document->uniqueRuleId(copy.id.left(54) + u"-copy"_s);
    copy.name = tr("%1 (copy)").arg(copy.name);
    m_document->insertRule(current + 1, copy, tr("Duplicate Rule"));
    revealCurrentRule();
}

void RuleListPanel::deleteCurrentRule()
{
    // No question asked: Undo brings the rule back.
    m_document->removeRule(m_document->currentRule());
}

void RuleListPanel::revealCurrentRule()
{
    // A new rule the filter hides would seem not to have been added.
    if (!isCurrentRuleShown() && m_document->currentRule() >= 0)
        m_filter->clear();
}

bool RuleListPanel::isCurrentRuleShown() const
{
    const qsizetype current = m_document->currentRule();
    return current >= 0 && m_proxy->mapFromSource(m_model->index(int(current))).isValid();
}

void RuleListPanel::showCurrentRule()
{
    const QScopedValueRollback guard(m_syncing, true);
    const qsizetype current = m_document->currentRule();
    const QModelIndex index = current >= 0 && current < m_model->rowCount()
                                  ? m_proxy->mapFromSource(m_model->index(int(current)))
                                  : QModelIndex();
    QItemSelectionModel *selection = m_view->selectionModel();
    if (index.isValid()) {
        selection->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect);
        m_view->scrollTo(index);
    } else {
        selection->clear();
    }
    updateActions();
}

void RuleListPanel::viewCurrentChanged(const QModelIndex &current)
{
    // Only a choice made in the view moves the current rule: not the moves the selection
    // makes by itself while rows come and go.
    if (m_syncing || m_model->isUpdating() || !current.isValid())
        return;
    m_document->setCurrentRule(m_proxy->mapToSource(current).row());
    updateActions();
}

void RuleListPanel::listChanged()
{
    // Called while the document changes too, before it has said which rule is current; the
    // selection is put right again when it does.
    showCurrentRule();
    updateFilterState();
}

void RuleListPanel::updateActions()
{
    const bool shown = isCurrentRuleShown();
    m_duplicateAction->setEnabled(shown);
    m_deleteAction->setEnabled(shown);
}

void RuleListPanel::updateFilterState()
{
    const bool filtering = m_proxy->isFiltering();
    // Dragging a rule among a few of them could not say where it goes among all of them.
    m_view->setDragDropMode(filtering ? QAbstractItemView::NoDragDrop
                                      : QAbstractItemView::InternalMove);
    m_view->setDefaultDropAction(Qt::MoveAction);
    const QString dragNote =
        tr("Reordering by dragging is off while the list is filtered. Clear the filter to "
           "reorder rules.");
    m_view->setToolTip(filtering ? dragNote : QString());
    m_filterStatus->setToolTip(dragNote);
    m_filterStatus->setVisible(filtering);
    if (filtering) {
        m_filterStatus->setText(
            tr("%1 of %n rule(s) shown", "", m_model->rowCount()).arg(m_proxy->rowCount()));
    }
    updateEmptyHint();
}

void RuleListPanel::updateEmptyHint()
{
    // Without a filter an empty list can only mean no rules, whatever order the model's
    // signals came in while the last rule was removed.
    const bool noRules = m_model->rowCount() == 0 || !m_proxy->isFiltering();
    m_emptyHint->setText(noRules ? tr("No rules yet. Add one to get started.")
                                 : tr("No rules match the filter."));
    m_emptyHint->setVisible(m_proxy->rowCount() == 0);
    const int margin = fontMetrics().averageCharWidth() * 2;
    m_emptyHint->setGeometry(m_view->viewport()->rect().adjusted(margin, margin, -margin, -margin));
}

bool RuleListPanel::event(QEvent *event)
{
    // Find inside the panel is the panel's own: it goes to the filter box without asking the
    // window's shortcuts, so a window-wide Find cannot make the key ambiguous here.
    if (event->type() == QEvent::ShortcutOverride
        && static_cast<QKeyEvent *>(event)->matches(QKeySequence::Find)) {
        event->accept();
        return true;
    }
    return QWidget::event(event);
}

void RuleListPanel::keyPressEvent(QKeyEvent *event)
{
    if (event->matches(QKeySequence::Find)) {
        focusFilter();
        event->accept();
        return;
    }
    QWidget::keyPressEvent(event);
}

void RuleListPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

bool RuleListPanel::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view->viewport() && event->type() == QEvent::Resize) {
        updateEmptyHint();
    } else if (watched == m_filter && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Escape && !m_filter->text().isEmpty()) {
            m_filter->clear();
            return true;
        }
        // Down, Enter: on to the rules, to the first one shown if none is selected.
        if (key->key() == Qt::Key_Down || key->key() == Qt::Key_Return
            || key->key() == Qt::Key_Enter) {
            if (!isCurrentRuleShown() && m_proxy->rowCount() > 0)
                m_document->setCurrentRule(m_proxy->mapToSource(m_proxy->index(0, 0)).row());
            m_view->setFocus(Qt::TabFocusReason);
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace Kanca
