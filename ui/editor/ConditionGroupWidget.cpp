#include "editor/ConditionGroupWidget.h"

#include "editor/ConditionBuilder.h"
#include "editor/ProblemMarker.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QPushButton>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Kanca {

ConditionGroupWidget::ConditionGroupWidget(ConditionBuilder *builder, ConditionPath path,
                                           const Condition &item, QWidget *parent)
    : ConditionItemWidget(builder, std::move(path), parent)
    , m_not(new QToolButton(this))
    , m_match(new QComboBox(this))
    , m_members(new QVBoxLayout)
    , m_addCondition(new QPushButton(this))
    , m_addGroup(new QPushButton(this))
{
    setObjectName(u"conditionGroup"_s);
    setFrameShape(QFrame::StyledPanel);
    m_not->setObjectName(u"groupNot"_s);
    m_not->setCheckable(true);
    m_match->setObjectName(u"groupMatch"_s);
    m_match->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_match->addItem(QString(), int(Condition::Kind::All));
    m_match->addItem(QString(), int(Condition::Kind::Any));
    m_addCondition->setObjectName(u"groupAddCondition"_s);
    m_addGroup->setObjectName(u"groupAddGroup"_s);
    m_addCondition->setIcon(QIcon::fromTheme(u"list-add"_s));
    m_addGroup->setIcon(QIcon::fromTheme(u"list-add"_s));

    auto *header = new QHBoxLayout;
    header->addWidget(m_not);
    header->addWidget(m_match);
    header->addStretch();
    if (!m_path.isEmpty()) {
        m_remove = new QToolButton(this);
        m_remove->setObjectName(u"groupRemove"_s);
        m_remove->setAutoRaise(true);
        m_remove->setIcon(
            QIcon::fromTheme(u"list-remove"_s, style()->standardIcon(QStyle::SP_TrashIcon)));
        header->addWidget(m_remove);
        connect(m_remove, &QToolButton::clicked, this, [this] { m_builder->removeItem(m_path); });
    }

    // The members, built now: a change of shape builds the whole tree anew.
    const Condition &group = ConditionTree::base(item);
    for (std::size_t i = 0; i < group.children.size(); ++i) {
        ConditionItemWidget *member =
            m_builder->createItemWidget(ConditionPath(m_path) << int(i), group.children[i], this);
        m_members->addWidget(member);
        m_children.append(member);
    }

    auto *footer = new QHBoxLayout;
    footer->addWidget(m_addCondition);
    footer->addWidget(m_addGroup);
    footer->addStretch();

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(header);
    layout->addLayout(m_members);
    layout->addLayout(footer);

    connect(m_not, &QToolButton::clicked, this,
            [this](bool checked) { m_builder->setNegated(m_path, checked); });
    connect(m_match, &QComboBox::activated, this, [this] {
        m_builder->setGroupKind(m_path, Condition::Kind(m_match->currentData().toInt()));
    });
    connect(m_addCondition, &QPushButton::clicked, this, [this] { m_builder->addLeaf(m_path); });
    connect(m_addGroup, &QPushButton::clicked, this, [this] { m_builder->addGroup(m_path); });
    retranslateUi();
    setItem(item);
}

void ConditionGroupWidget::setItem(const Condition &item)
{
    m_item = item;
    const Condition &group = ConditionTree::base(item);
    m_not->setChecked(ConditionTree::negations(item) % 2 == 1);
    m_match->setCurrentIndex(m_match->findData(int(group.kind)));
    for (qsizetype i = 0; i < m_children.size() && std::size_t(i) < group.children.size(); ++i)
        m_children.at(i)->setItem(group.children[std::size_t(i)]);
}

void ConditionGroupWidget::setProblems(const Problems &problems, const QString &itemPointer)
{
    QString base = itemPointer;
    for (int i = ConditionTree::negations(m_item); i > 0; --i)
        base = jsonPointerAppend(base, u"not");
    const Condition &group = ConditionTree::base(m_item);
    // A problem about the group itself (nested too deep, a "not" without one condition).
    ProblemMarker::mark(m_match, ProblemMarker::at(problems, base));
    const QString members =
        jsonPointerAppend(base, group.kind == Condition::Kind::Any ? u"any" : u"all");
    for (qsizetype i = 0; i < m_children.size(); ++i)
        m_children.at(i)->setProblems(problems, jsonPointerAppend(members, i));
}

void ConditionGroupWidget::appendFocusChain(QList<QWidget *> &chain) const
{
    chain << m_not << m_match;
    if (m_remove)
        chain << m_remove;
    for (const ConditionItemWidget *member : m_children)
        member->appendFocusChain(chain);
    chain << m_addCondition << m_addGroup;
}

ConditionItemWidget *ConditionGroupWidget::find(const ConditionPath &path)
{
    if (path == m_path)
        return this;
    if (path.size() <= m_path.size() || path.first(m_path.size()) != m_path)
        return nullptr;
    const int index = path.at(m_path.size());
    return index >= 0 && index < m_children.size() ? m_children.at(index)->find(path) : nullptr;
}

void ConditionGroupWidget::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    ConditionItemWidget::changeEvent(event);
}

void ConditionGroupWidget::retranslateUi()
{
    setAccessibleName(tr("Group of conditions"));
    m_not->setText(tr("NOT"));
    m_not->setAccessibleName(tr("Negate group"));
    ProblemMarker::setToolTip(m_not, tr("Negate: the group holds when its conditions do not "
                                        "hold as chosen."));
    m_match->setItemText(0, tr("All of these"));
    m_match->setItemText(1, tr("Any of these"));
    m_match->setAccessibleName(tr("Group match"));
    ProblemMarker::setToolTip(m_match, tr("All of these: every condition below must hold. "
                                          "Any of these: at least one of them must hold."));
    m_addCondition->setText(tr("Add condition"));
    m_addGroup->setText(tr("Add group"));
    m_addGroup->setToolTip(tr("Add a group of conditions, to mix “all” and “any”"));
    if (m_remove) {
        m_remove->setAccessibleName(tr("Remove group"));
        m_remove->setToolTip(tr("Remove group"));
    }
}

} // namespace Kanca
