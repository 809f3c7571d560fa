#include "editor/GroupedComboBox.h"

#include <QStandardItemModel>

namespace Kanca {

GroupedComboBox::GroupedComboBox(QWidget *parent)
    : QComboBox(parent)
    , m_model(new QStandardItemModel(this))
{
    setModel(m_model);
    setSizeAdjustPolicy(QComboBox::AdjustToContents);
}

void GroupedComboBox::clearEntries()
{
    const QSignalBlocker blocker(this);
    m_model->clear();
}

void GroupedComboBox::addHeader(const QString &text)
{
    auto *item = new QStandardItem(text);
    item->setFlags(Qt::NoItemFlags);
    QFont font = this->font();
    font.setBold(true);
    item->setFont(font);
    item->setAccessibleDescription(tr("Group"));
    const QSignalBlocker blocker(this);
    m_model->appendRow(item);
}

void GroupedComboBox::addEntry(const QString &text, const QString &id)
{
    auto *item = new QStandardItem(text);
    item->setData(id, IdRole);
    item->setToolTip(id);
    item->setFlags(Qt::ItemIsSelectable | Qt::ItemIsEnabled);
    const QSignalBlocker blocker(this);
    m_model->appendRow(item);
}

int GroupedComboBox::indexOfId(const QString &id) const
{
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const QStandardItem *item = m_model->item(row);
        if (item->isEnabled() && item->data(IdRole).toString() == id)
            return row;
    }
    return -1;
}

QString GroupedComboBox::currentId() const
{
    return currentIndex() < 0 ? QString() : currentData(IdRole).toString();
}

void GroupedComboBox::setCurrentId(const QString &id)
{
    const int index = id.isEmpty() ? -1 : indexOfId(id);
    if (index != currentIndex())
        setCurrentIndex(index);
}

} // namespace Kanca
