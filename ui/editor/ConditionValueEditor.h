#pragma once

#include "catalog/Catalog.h"
#include "editing/ConditionValueKind.h"
#include "format/Problem.h"

#include <QJsonValue>
#include <QWidget>

#include <optional>

class QComboBox;
class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QListWidget;

namespace Kanca {

// The value of a condition row, edited the way its field and operator call for: a line of text,
// a number (honouring the field's minimum and maximum), a date and time in UTC, a choice among
// a one-of field's values (several for "is one of"), a list of texts or numbers, or a regular
// expression with its validity shown as you type. The editing widget is named "conditionValue".
// Input that cannot be a value (a word in a number field) is shown marked and not applied.
class ConditionValueEditor final : public QWidget
{
    Q_OBJECT

public:
    using Kind = ConditionValueKind;

    ConditionValueEditor(Kind kind, const FieldInfo *field, QWidget *parent = nullptr);

    Kind kind() const { return m_kind; }
    QString fieldPath() const { return m_field ? m_field->path : QString(); }

    // Shows this value. Leaves the widget alone when it already says so (so typing in it keeps
    // its cursor), and never emits valueEdited().
    void setValue(const QJsonValue &value);
    void setProblems(const Problems &problems);
    QList<QWidget *> focusWidgets() const;

Q_SIGNALS:
    void valueEdited(const QJsonValue &value);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void createEditor();
    void textEdited(const QString &text);
    // The value a text means, or nullopt (with a message) if it cannot be one.
    std::optional<QJsonValue> parseText(const QString &text, QString *message) const;
    QString format(const QJsonValue &value) const;
    std::optional<double> parseNumber(const QString &text, QString *message) const;
    QString formatNumber(double number) const;
    QChar listSeparator() const;
    void updatePatternStatus();
    void fillChoices(const QJsonValue &value);
    QJsonValue checkedChoices() const;
    void refreshMark();

    Kind m_kind;
    std::optional<FieldInfo> m_field;
    QJsonValue m_value = QJsonValue(QJsonValue::Undefined);
    QWidget *m_editor = nullptr;
    QLineEdit *m_lineEdit = nullptr;
    QDateTimeEdit *m_dateTimeEdit = nullptr;
    QComboBox *m_choice = nullptr;
    QListWidget *m_choiceList = nullptr;
    QLabel *m_patternStatus = nullptr;
    Problems m_problems;
    QString m_invalidInput; // why the text shown is not applied; empty if it is
};

} // namespace Kanca
