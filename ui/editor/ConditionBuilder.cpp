#include "editor/ConditionBuilder.h"

#include "editor/ConditionGroupWidget.h"
#include "editor/ConditionRow.h"
#include "editor/EventPicker.h"

#include <QEvent>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Kanca {

namespace {

const auto AddConditionName = u"addCondition"_s;
const auto AddToLeafName = u"rootAddCondition"_s;
const auto FieldName = u"conditionField"_s;
const auto GroupAddConditionName = u"groupAddCondition"_s;

// The widget of an item (or of the builder) that holds the focus, by its objectName: the focus
// may be in a part of it, such as the line edit inside a date-time edit.
QWidget *namedFocusOwner(QWidget *focused, const QWidget *builder)
{
    if (!focused || !builder->isAncestorOf(focused))
        return nullptr;
    for (QWidget *widget = focused; widget && widget != builder; widget = widget->parentWidget()) {
        const QString name = widget->objectName();
        if (name.startsWith(u"condition") || name.startsWith(u"group") || name == AddConditionName
            || name == AddToLeafName)
            return widget;
    }
    return nullptr;
}

} // namespace

ConditionBuilder::ConditionBuilder(QWidget *parent)
    : QWidget(parent)
    , m_layout(new QVBoxLayout(this))
    , m_empty(new QWidget(this))
    , m_hint(new QLabel(m_empty))
    , m_addCondition(new QPushButton(m_empty))
    , m_addToLeaf(new QPushButton(this))
{
    setObjectName(u"conditionBuilder"_s);
    m_layout->setContentsMargins({});
    m_hint->setObjectName(u"conditionHint"_s);
    m_hint->setWordWrap(true);
    m_addCondition->setObjectName(AddConditionName);
    m_addToLeaf->setObjectName(AddToLeafName);
    m_addCondition->setIcon(QIcon::fromTheme(u"list-add"_s));
    m_addToLeaf->setIcon(QIcon::fromTheme(u"list-add"_s));
    m_addToLeaf->hide();

    auto *emptyLayout = new QVBoxLayout(m_empty);
    emptyLayout->setContentsMargins({});
    emptyLayout->addWidget(m_hint);
    emptyLayout->addWidget(m_addCondition, 0, Qt::AlignLeft);

    m_layout->addWidget(m_addToLeaf, 0, Qt::AlignLeft);
    m_layout->addWidget(m_empty);

    connect(m_addCondition, &QPushButton::clicked, this, [this] { addLeaf({}); });
    connect(m_addToLeaf, &QPushButton::clicked, this, [this] { addLeaf({}); });
    retranslateUi();
}

void ConditionBuilder::setCondition(const std::optional<Condition> &condition)
{
    const bool sameShape =
        condition.has_value() == m_condition.has_value()
        && (!condition || (m_root && ConditionTree::sameShape(*condition, *m_condition)));
    m_condition = condition;
    if (sameShape && m_root)
        m_root->setItem(*m_condition);
    else if (!sameShape)
        rebuild();
}

void ConditionBuilder::setEventId(const QString &eventId)
{
    if (eventId == m_eventId)
        return;
    m_eventId = eventId;
    retranslateUi();
}

void ConditionBuilder::setProblems(const Problems &problems, const QString &ifPointer)
{
    m_problems = problems;
    m_ifPointer = ifPointer;
    if (m_root)
        m_root->setProblems(problems, ifPointer);
}

QList<QWidget *> ConditionBuilder::focusChain() const
{
    QList<QWidget *> chain;
    if (m_root)
        m_root->appendFocusChain(chain);
    chain << m_addToLeaf << m_addCondition;
    return chain;
}

void ConditionBuilder::replaceBase(const ConditionPath &path, const Condition &base,
                                   const QString &undoText, const QString &mergeKey)
{
    if (!m_condition)
        return;
    Condition changed = *m_condition;
    if (Condition *item = ConditionTree::item(changed, path)) {
        ConditionTree::base(*item) = base;
        edit(changed, undoText, mergeKey);
    }
}

void ConditionBuilder::setNegated(const ConditionPath &path, bool negated)
{
    if (!m_condition)
        return;
    Condition changed = *m_condition;
    Condition *item = ConditionTree::item(changed, path);
    if (!item)
        return;
    const bool group = ConditionTree::base(*item).isGroup();
    *item = ConditionTree::withNegation(std::move(*item), negated);
    edit(changed, !negated ? tr("Remove Negation")
                  : group  ? tr("Negate Group")
                           : tr("Negate Condition"));
}

void ConditionBuilder::setGroupKind(const ConditionPath &path, Condition::Kind kind)
{
    if (!m_condition)
        return;
    Condition changed = *m_condition;
    Condition *item = ConditionTree::item(changed, path);
    if (!item || !ConditionTree::base(*item).isGroup())
        return;
    ConditionTree::base(*item).kind = kind;
    edit(changed, tr("Change Group"));
}

void ConditionBuilder::addLeaf(const ConditionPath &groupPath)
{
    if (!m_condition) {
        m_focusAfterRebuild = FocusTarget{{0}, FieldName};
        edit(Condition::all({ConditionTree::newLeaf()}), tr("Add Condition"));
        return;
    }
    Condition changed = *m_condition;
    if (groupPath.isEmpty() && !ConditionTree::base(changed).isGroup()) {
        // The whole condition is one leaf: it becomes the first of a group.
        changed = Condition::all({std::move(changed), ConditionTree::newLeaf()});
        m_focusAfterRebuild = FocusTarget{{1}, FieldName};
        edit(changed, tr("Add Condition"));
        return;
    }
    Condition *item = ConditionTree::item(changed, groupPath);
    if (!item || !ConditionTree::base(*item).isGroup())
        return;
    Condition &group = ConditionTree::base(*item);
    group.children.push_back(ConditionTree::newLeaf());
    m_focusAfterRebuild =
        FocusTarget{ConditionPath(groupPath) << int(group.children.size() - 1), FieldName};
    edit(changed, tr("Add Condition"));
}

void ConditionBuilder::addGroup(const ConditionPath &groupPath)
{
    if (!m_condition)
        return;
    Condition changed = *m_condition;
    Condition *item = ConditionTree::item(changed, groupPath);
    if (!item || !ConditionTree::base(*item).isGroup())
        return;
    Condition &group = ConditionTree::base(*item);
    // "Any" inside "all" and the other way round: the reason to add a group at all.
    group.children.push_back(group.kind == Condition::Kind::All
                                 ? Condition::any({ConditionTree::newLeaf()})
                                 : Condition::all({ConditionTree::newLeaf()}));
    m_focusAfterRebuild =
        FocusTarget{ConditionPath(groupPath) << int(group.children.size() - 1) << 0, FieldName};
    edit(changed, tr("Add Group"));
}

void ConditionBuilder::removeItem(const ConditionPath &path)
{
    if (!m_condition)
        return;
    if (path.isEmpty()) {
        const bool group = ConditionTree::base(*m_condition).isGroup();
        m_focusAfterRebuild = FocusTarget{{}, AddConditionName};
        edit(std::nullopt, group ? tr("Remove Group") : tr("Remove Condition"));
        return;
    }
    Condition changed = *m_condition;
    Condition *parent = ConditionTree::item(changed, path.first(path.size() - 1));
    if (!parent || !ConditionTree::base(*parent).isGroup())
        return;
    Condition &group = ConditionTree::base(*parent);
    const auto index = std::size_t(path.last());
    if (index >= group.children.size())
        return;
    const bool removedGroup = ConditionTree::base(group.children[index]).isGroup();
    group.children.erase(group.children.begin() + qsizetype(index));
    std::optional<Condition> result = changed;
    // The last condition gone from a plain outermost group: no condition at all.
    if (path.size() == 1 && group.children.empty() && ConditionTree::negations(changed) == 0)
        result.reset();
    m_focusAfterRebuild = result ? FocusTarget{path.first(path.size() - 1), GroupAddConditionName}
                                 : FocusTarget{{}, AddConditionName};
    edit(result, removedGroup ? tr("Remove Group") : tr("Remove Condition"));
}

QString ConditionBuilder::valueMergeKey(const ConditionPath &path) const
{
    const QString pointer =
        m_condition ? ConditionTree::pointer(*m_condition, path, true) : QString();
    return u"if"_s + pointer + u"/value"_s;
}

ConditionItemWidget *ConditionBuilder::createItemWidget(const ConditionPath &path,
                                                        const Condition &item, QWidget *parent)
{
    if (ConditionTree::base(item).isGroup())
        return new ConditionGroupWidget(this, path, item, parent);
    auto *row = new ConditionRow(this, path, parent);
    row->setItem(item);
    return row;
}

void ConditionBuilder::noteFocusChainChanged()
{
    Q_EMIT focusChainChanged();
}

void ConditionBuilder::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void ConditionBuilder::retranslateUi()
{
    if (m_eventId.isEmpty())
        m_hint->setText(tr("Always: this rule runs on every event."));
    else
        m_hint->setText(
            tr("Always: this rule runs on every “%1” event.").arg(EventPicker::label(m_eventId)));
    m_addCondition->setText(tr("Add condition"));
    m_addCondition->setToolTip(tr("Run this rule only when a condition holds"));
    m_addToLeaf->setText(tr("Add condition"));
}

void ConditionBuilder::rebuild()
{
    std::optional<FocusTarget> focus = std::exchange(m_focusAfterRebuild, std::nullopt);
    if (!focus) {
        if (QWidget *owner = namedFocusOwner(window()->focusWidget(), this)) {
            ConditionPath path;
            for (QWidget *w = owner; w && w != this; w = w->parentWidget()) {
                if (const auto *item = qobject_cast<const ConditionItemWidget *>(w)) {
                    path = item->path();
                    break;
                }
            }
            focus = FocusTarget{path, owner->objectName()};
        }
    }
    if (m_root) {
        m_root->hide();
        m_root->setParent(nullptr);
        m_root->deleteLater();
        m_root = nullptr;
    }
    if (m_condition) {
        m_root = createItemWidget({}, *m_condition, this);
        m_layout->insertWidget(0, m_root);
        m_root->show(); // at once, not when the layout gets to it: the focus may go into it
        if (!m_ifPointer.isEmpty())
            m_root->setProblems(m_problems, m_ifPointer);
    }
    m_empty->setVisible(!m_condition);
    m_addToLeaf->setVisible(m_condition && !ConditionTree::base(*m_condition).isGroup());
    Q_EMIT focusChainChanged();
    if (focus)
        restoreFocus(*focus);
}

void ConditionBuilder::restoreFocus(const FocusTarget &target)
{
    QWidget *widget = nullptr;
    if (target.objectName == AddConditionName) {
        widget = m_addCondition;
    } else if (target.objectName == AddToLeafName) {
        widget = m_addToLeaf;
    } else if (m_root) {
        // The same widget of the same item, or, if the item is gone, its group's button.
        ConditionPath path = target.path;
        ConditionItemWidget *item = m_root->find(path);
        while (!item && !path.isEmpty()) {
            path.removeLast();
            item = m_root->find(path);
        }
        if (item)
            widget =
                item->ownWidget(path == target.path ? target.objectName : GroupAddConditionName);
    }
    if (!widget || !widget->isVisibleTo(this)) {
        const QList<QWidget *> chain = focusChain();
        const auto usable = std::find_if(chain.cbegin(), chain.cend(), [this](QWidget *w) {
            return w->isVisibleTo(this) && w->isEnabled();
        });
        widget = usable == chain.cend() ? nullptr : *usable;
    }
    if (widget)
        widget->setFocus(Qt::OtherFocusReason);
}

void ConditionBuilder::edit(std::optional<Condition> condition, const QString &undoText,
                            const QString &mergeKey)
{
    if (condition == m_condition) {
        m_focusAfterRebuild.reset();
        return;
    }
    Q_EMIT conditionEdited(condition, undoText, mergeKey);
    m_focusAfterRebuild.reset(); // if the owner did not take the change, nothing was rebuilt
}

} // namespace Kanca
