#include "editor/ConditionRow.h"

#include "catalog/Catalog.h"
#include "editor/ConditionBuilder.h"
#include "editor/GroupedComboBox.h"
#include "editor/ProblemMarker.h"
#include "settings/LanguageManager.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QStyle>
#include <QToolButton>

using namespace Qt::StringLiterals;

namespace Kanca {

namespace {
constexpr int ValueSlot = 3; // in the row's layout: not, field, operator, value...
}

ConditionRow::ConditionRow(ConditionBuilder *builder, ConditionPath path, QWidget *parent)
    : ConditionItemWidget(builder, std::move(path), parent)
    , m_layout(new QHBoxLayout(this))
    , m_not(new QToolButton(this))
    , m_field(new GroupedComboBox(this))
    , m_operator(new QComboBox(this))
    , m_caseSensitive(new QToolButton(this))
    , m_remove(new QToolButton(this))
{
    setObjectName(u"conditionRow"_s);
    m_layout->setContentsMargins({});
    m_not->setObjectName(u"conditionNot"_s);
    m_not->setCheckable(true);
    m_field->setObjectName(u"conditionField"_s);
    m_operator->setObjectName(u"conditionOperator"_s);
    m_operator->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_caseSensitive->setObjectName(u"conditionCaseSensitive"_s);
    m_caseSensitive->setCheckable(true);
    m_remove->setObjectName(u"conditionRemove"_s);
    m_remove->setAutoRaise(true);
    m_remove->setIcon(
        QIcon::fromTheme(u"list-remove"_s, style()->standardIcon(QStyle::SP_TrashIcon)));

    m_layout->addWidget(m_not);
    m_layout->addWidget(m_field);
    m_layout->addWidget(m_operator);
    m_layout->addStretch(); // the value editor goes before it, with a stretch of its own
    m_layout->addWidget(m_caseSensitive);
    m_layout->addWidget(m_remove);

    connect(m_not, &QToolButton::clicked, this,
            [this](bool checked) { m_builder->setNegated(m_path, checked); });
    connect(m_field, &QComboBox::activated, this, &ConditionRow::fieldChosen);
    connect(m_operator, &QComboBox::activated, this, &ConditionRow::operatorChosen);
    connect(m_caseSensitive, &QToolButton::clicked, this, [this](bool checked) {
        Condition changed = leaf();
        changed.caseSensitive = checked;
        edit(changed);
    });
    connect(m_remove, &QToolButton::clicked, this, [this] { m_builder->removeItem(m_path); });
    retranslateUi();
}

void ConditionRow::setItem(const Condition &item)
{
    m_item = item;
    const Condition &current = leaf();
    m_not->setChecked(ConditionTree::negations(item) % 2 == 1);
    if (m_field->currentId() != current.field)
        fillFields(); // with a field the catalog does not know, shown as it is
    fillOperators();
    updateValueEditor();
    const bool chosen = !current.field.isEmpty();
    m_operator->setEnabled(chosen);
    m_caseSensitive->setChecked(current.caseSensitive);
    m_caseSensitive->setEnabled(chosen);
    m_caseSensitive->setVisible(m_value && ConditionValueKinds::comparesText(m_value->kind()));
}

void ConditionRow::setProblems(const Problems &problems, const QString &itemPointer)
{
    QString base = itemPointer;
    for (int i = ConditionTree::negations(m_item); i > 0; --i)
        base = jsonPointerAppend(base, u"not");
    // A problem about the condition itself (nested too deep) is shown on its field.
    ProblemMarker::mark(m_field, ProblemMarker::at(problems, jsonPointerAppend(base, u"field"))
                                     + ProblemMarker::at(problems, base));
    ProblemMarker::mark(m_operator, ProblemMarker::at(problems, jsonPointerAppend(base, u"op")));
    m_valueProblems = ProblemMarker::at(problems, jsonPointerAppend(base, u"value"), true);
    if (m_value)
        m_value->setProblems(m_valueProblems);
}

void ConditionRow::appendFocusChain(QList<QWidget *> &chain) const
{
    chain << m_not << m_field << m_operator;
    if (m_value)
        chain << m_value->focusWidgets();
    chain << m_caseSensitive << m_remove;
}

QString ConditionRow::fieldGroupTitle(const QString &part)
{
    if (part == u"contact")
        return tr("Contact");
    if (part == u"tag")
        return tr("Tag");
    if (part == u"conversation")
        return tr("Conversation");
    if (part == u"message")
        return tr("Message");
    if (part == u"email")
        return tr("Email");
    if (part == u"workspace")
        return tr("Workspace");
    if (part == u"event")
        return tr("Event");
    if (part == u"rule")
        return tr("Rule");
    if (part == u"delivery")
        return tr("Delivery");
    return part;
}

void ConditionRow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    ConditionItemWidget::changeEvent(event);
}

const FieldInfo *ConditionRow::field() const
{
    return Catalog::builtIn().field(leaf().field);
}

void ConditionRow::retranslateUi()
{
    setAccessibleName(tr("Condition"));
    m_not->setText(tr("NOT"));
    m_not->setAccessibleName(tr("Negate condition"));
    ProblemMarker::setToolTip(m_not, tr("Negate: the condition holds when this comparison "
                                        "does not."));
    m_field->setAccessibleName(tr("Field"));
    m_field->setPlaceholderText(tr("Choose a field"));
    m_operator->setAccessibleName(tr("Operator"));
    //: A toggle: the text comparison of a condition is case-sensitive
    m_caseSensitive->setText(tr("Aa"));
    m_caseSensitive->setAccessibleName(tr("Case-sensitive"));
    ProblemMarker::setToolTip(m_caseSensitive,
                              tr("Case-sensitive: capital and small letters must match "
                                 "exactly. When off, “VIP” also matches “vip”, and İ/i and I/ı "
                                 "fold as the rule set's language expects."));
    m_remove->setAccessibleName(tr("Remove condition"));
    m_remove->setToolTip(tr("Remove condition"));
    fillFields();
    fillOperators();
}

void ConditionRow::fillFields()
{
    const Language language = LanguageManager::instance().language();
    const Catalog &catalog = Catalog::builtIn();
    const QString current = leaf().field;
    m_field->clearEntries();
    QStringList parts;
    for (const FieldInfo &info : catalog.fields()) {
        const QString part = info.path.section(u'.', 0, 0);
        if (!parts.contains(part))
            parts.append(part);
    }
    for (const QString &part : std::as_const(parts)) {
        m_field->addHeader(fieldGroupTitle(part));
        for (const FieldInfo &info : catalog.fields()) {
            if (info.path.section(u'.', 0, 0) == part)
                m_field->addEntry(info.label.in(language), info.path);
        }
    }
    if (!current.isEmpty() && !catalog.field(current)) {
        m_field->addHeader(tr("Not in the catalog"));
        m_field->addEntry(current, current);
    }
    m_field->setCurrentId(current);
}

void ConditionRow::fillOperators()
{
    const Language language = LanguageManager::instance().language();
    const Catalog &catalog = Catalog::builtIn();
    const FieldInfo *info = field();
    const Operator current = leaf().op;
    QList<Operator> shown;
    for (const OperatorInfo &op : catalog.operators()) {
        if (!info || catalog.operatorApplies(op.op, info->type) || op.op == current)
            shown.append(op.op);
    }
    bool same =
        m_operator->count() == shown.size() && m_operator->property("language") == int(language);
    for (int i = 0; same && i < shown.size(); ++i)
        same = m_operator->itemData(i).toInt() == int(shown.at(i));
    if (!same) {
        const QSignalBlocker blocker(m_operator);
        m_operator->clear();
        for (const Operator op : std::as_const(shown)) {
            m_operator->addItem(catalog.operatorInfo(op).label.in(language), int(op));
            m_operator->setItemData(m_operator->count() - 1, operatorId(op), Qt::ToolTipRole);
        }
        m_operator->setProperty("language", int(language));
    }
    m_operator->setCurrentIndex(m_operator->findData(int(current)));
}

void ConditionRow::updateValueEditor()
{
    const Condition &current = leaf();
    const FieldInfo *info = field();
    const auto kind = ConditionValueKinds::kindFor(info, current.op, current.value);
    const QString path = info ? info->path : QString();
    const bool fits = kind == ConditionValueKind::None
                          ? !m_value
                          : m_value && m_value->kind() == kind && m_value->fieldPath() == path;
    if (!fits) {
        if (m_value) {
            m_value->hide();
            m_value->setParent(nullptr);
            m_value->deleteLater();
            m_value = nullptr;
        }
        if (kind != ConditionValueKind::None) {
            m_value = new ConditionValueEditor(kind, info, this);
            m_layout->insertWidget(ValueSlot, m_value, 1);
            m_value->show();
            connect(m_value, &ConditionValueEditor::valueEdited, this,
                    [this](const QJsonValue &value) {
                        Condition changed = leaf();
                        changed.value = value;
                        edit(changed, m_builder->valueMergeKey(m_path));
                    });
        }
        m_builder->noteFocusChainChanged();
    }
    if (m_value) {
        m_value->setValue(current.value);
        m_value->setProblems(m_valueProblems);
        m_value->setEnabled(!current.field.isEmpty());
    }
}

void ConditionRow::fieldChosen()
{
    const QString path = m_field->currentId();
    if (!path.isEmpty() && path != leaf().field)
        edit(retargeted(path, leaf().op));
}

void ConditionRow::operatorChosen()
{
    const auto op = Operator(m_operator->currentData().toInt());
    if (op != leaf().op)
        edit(retargeted(leaf().field, op));
}

Condition ConditionRow::retargeted(const QString &fieldPath, Operator op) const
{
    const Catalog &catalog = Catalog::builtIn();
    Condition result = leaf();
    const FieldInfo *before = catalog.field(result.field);
    const FieldInfo *after = catalog.field(fieldPath);
    if (after && !catalog.operatorApplies(op, after->type)) {
        for (const OperatorInfo &candidate : catalog.operators()) {
            if (catalog.operatorApplies(candidate.op, after->type)) {
                op = candidate.op;
                break;
            }
        }
    }
    const auto from = ConditionValueKinds::kindFor(before, result.op, result.value);
    const auto to = ConditionValueKinds::kindFor(after, op, result.value);
    result.field = fieldPath;
    result.op = op;
    result.value = ConditionValueKinds::adapt(result.value, from, to, after);
    if (!ConditionValueKinds::comparesText(to))
        result.caseSensitive = false;
    return result;
}

void ConditionRow::edit(const Condition &changed, const QString &mergeKey)
{
    m_builder->replaceBase(m_path, changed, tr("Change Condition"), mergeKey);
}

} // namespace Kanca
