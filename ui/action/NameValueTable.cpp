#include "action/NameValueTable.h"

#include "action/LinePlaceholderCompletion.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStyledItemDelegate>
#include <QTableWidget>
#include <QVBoxLayout>

#include <set>

namespace Kanca {

namespace {

// Values may hold {{placeholders}}: their editor completes them as the payload editor does.
class PlaceholderValueDelegate final : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                          const QModelIndex &index) const override
    {
        QWidget *editor = QStyledItemDelegate::createEditor(parent, option, index);
        if (auto *line = qobject_cast<QLineEdit *>(editor))
            LinePlaceholderCompletion::attach(line);
        return editor;
    }
};

} // namespace

NameValueTable::NameValueTable(Kind kind, QWidget *parent)
    : QWidget(parent)
    , m_kind(kind)
    , m_table(new QTableWidget(0, 2, this))
    , m_addButton(new QPushButton(this))
    , m_removeButton(new QPushButton(this))
    , m_emptyHint(new QLabel(this))
{
    const bool headers = kind == Kind::Headers;
    m_table->setObjectName(headers ? QStringLiteral("actionHeaders")
                                   : QStringLiteral("bodyFields"));
    m_addButton->setObjectName(headers ? QStringLiteral("addHeader")
                                       : QStringLiteral("addFormField"));
    m_removeButton->setObjectName(headers ? QStringLiteral("removeHeader")
                                          : QStringLiteral("removeFormField"));

    m_table->verticalHeader()->setVisible(false);
    m_table->setItemDelegateForColumn(1, new PlaceholderValueDelegate(m_table));
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Interactive);
    m_table->setColumnWidth(0, fontMetrics().averageCharWidth() * 24);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setTabKeyNavigation(false); // Tab leaves the table; arrows move between cells
    m_table->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed
                             | QAbstractItemView::AnyKeyPressed);
    m_emptyHint->setWordWrap(true);
    m_emptyHint->setForegroundRole(QPalette::PlaceholderText);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_addButton);
    buttons->addWidget(m_removeButton);
    buttons->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_emptyHint);
    layout->addLayout(buttons);

    connect(m_table, &QTableWidget::itemChanged, this, &NameValueTable::itemChanged);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &NameValueTable::updateButtons);
    connect(m_addButton, &QPushButton::clicked, this, &NameValueTable::addRow);
    connect(m_removeButton, &QPushButton::clicked, this, &NameValueTable::removeRows);
    retranslateUi();
    updateButtons();
}

void NameValueTable::setValues(const QList<NameValue> &values)
{
    if (values == m_values)
        return;
    m_values = values;
    m_updating = true;
    m_table->setRowCount(int(values.size()));
    for (int row = 0; row < values.size(); ++row) {
        const QString texts[2] = {values.at(row).name, values.at(row).value};
        for (int column = 0; column < 2; ++column) {
            QTableWidgetItem *item = m_table->item(row, column);
            if (!item) {
                m_table->setItem(row, column, new QTableWidgetItem(texts[column]));
            } else if (item->text() != texts[column]) {
                item->setText(texts[column]);
            }
        }
    }
    m_updating = false;
    updateButtons();
}

void NameValueTable::itemChanged(QTableWidgetItem *item)
{
    if (m_updating || item->row() >= m_values.size())
        return;
    NameValue &value = m_values[item->row()];
    QString &target = item->column() == 0 ? value.name : value.value;
    if (target == item->text())
        return;
    target = item->text();
    const bool headers = m_kind == Kind::Headers;
    Q_EMIT valuesEdited(
        m_values, headers ? tr("Edit Headers") : tr("Edit Form Fields"),
        QStringLiteral("%1/%2")
            .arg(item->row())
            .arg(item->column() == 0 ? QStringLiteral("name") : QStringLiteral("value")));
}

void NameValueTable::addRow()
{
    QList<NameValue> values = m_values;
    values.append(NameValue{});
    setValues(values);
    Q_EMIT valuesEdited(m_values, m_kind == Kind::Headers ? tr("Add Header") : tr("Add Form Field"),
                        {});
    const int row = int(m_values.size()) - 1;
    m_table->setCurrentCell(row, 0);
    m_table->setFocus();
    m_table->editItem(m_table->item(row, 0));
}

void NameValueTable::removeRows()
{
    std::set<int> rows;
    for (const QModelIndex &index : m_table->selectionModel()->selectedIndexes())
        rows.insert(index.row());
    if (rows.empty() && m_table->currentRow() >= 0)
        rows.insert(m_table->currentRow());
    if (rows.empty())
        return;
    QList<NameValue> values = m_values;
    for (auto it = rows.rbegin(); it != rows.rend(); ++it) {
        if (*it < values.size())
            values.removeAt(*it);
    }
    setValues(values);
    Q_EMIT valuesEdited(
        m_values, m_kind == Kind::Headers ? tr("Remove Header") : tr("Remove Form Field"), {});
}

void NameValueTable::updateButtons()
{
    m_removeButton->setEnabled(m_table->currentRow() >= 0 && !m_values.isEmpty());
    m_emptyHint->setVisible(m_values.isEmpty());
}

void NameValueTable::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
}

void NameValueTable::retranslateUi()
{
    const bool headers = m_kind == Kind::Headers;
    m_table->setHorizontalHeaderLabels({tr("Name"), tr("Value")});
    m_table->setAccessibleName(headers ? tr("Headers") : tr("Form fields"));
    m_addButton->setText(headers ? tr("Add Header") : tr("Add Field"));
    m_removeButton->setText(tr("Remove"));
    m_addButton->setAccessibleName(m_addButton->text());
    m_removeButton->setAccessibleName(headers ? tr("Remove header") : tr("Remove field"));
    m_emptyHint->setText(headers ? tr("No extra headers. Content-Type and the headers of "
                                      "authentication and signing are added when the request "
                                      "is sent.")
                                 : tr("No fields yet. Values may hold placeholders such as "
                                      "{{contact.email}}."));
}

} // namespace Kanca
