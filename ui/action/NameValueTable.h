#pragma once

#include "model/WebhookAction.h"

#include <QList>
#include <QWidget>

class QLabel;
class QPushButton;
class QTableWidget;
class QTableWidgetItem;

namespace Kanca {

// An ordered list of name / value rows (HTTP headers, form fields) with buttons to add and
// remove rows. Edits are reported with an undo text and a merge key relative to the list
// ("2/value"), so typing in one cell merges into one undo step.
class NameValueTable final : public QWidget
{
    Q_OBJECT

public:
    enum class Kind { Headers, FormFields };

    explicit NameValueTable(Kind kind, QWidget *parent = nullptr);

    const QList<NameValue> &values() const { return m_values; }
    // Shows these rows without emitting valuesEdited(); a cell being edited keeps its editor.
    void setValues(const QList<NameValue> &values);

    QTableWidget *table() const { return m_table; }

Q_SIGNALS:
    void valuesEdited(const QList<Kanca::NameValue> &values, const QString &undoText,
                      const QString &mergeKey);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void itemChanged(QTableWidgetItem *item);
    void addRow();
    void removeRows();
    void updateButtons();

    Kind m_kind;
    QList<NameValue> m_values;
    QTableWidget *m_table;
    QPushButton *m_addButton;
    QPushButton *m_removeButton;
    QLabel *m_emptyHint;
    bool m_updating = false;
};

} // namespace Kanca
