#pragma once

#include "format/Problem.h"

#include <QWidget>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace Kanca {

class RuleSetDocument;

// The name, id, description and enabled switch of the current rule, edited in place: typing in
// a field is one undo step. The id must be 1 to 64 letters, digits, dots, hyphens or
// underscores, and unused by any other rule; other input is shown, marked and not applied, and
// is put back when the field is left. objectNames: ruleName, ruleId, ruleDescription,
// ruleEnabled.
class RuleHeaderEditor final : public QWidget
{
    Q_OBJECT

public:
    explicit RuleHeaderEditor(RuleSetDocument *document, QWidget *parent = nullptr);

    // Shows the document's current rule (in place: the cursor stays where it is).
    void refresh();
    // Marks the fields of the problems below `rulePointer` ("/rules/2").
    void setProblems(const Problems &problems, const QString &rulePointer);
    QList<QWidget *> focusChain() const;

    // Why `id` cannot be the id of rule `index`, or empty if it can.
    static QString idProblem(const RuleSetDocument &document, qsizetype index, const QString &id);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void updateDescriptionHeight();
    void idEdited(const QString &text);

    RuleSetDocument *m_document;
    QLabel *m_nameLabel;
    QLineEdit *m_name;
    QLabel *m_idLabel;
    QLineEdit *m_id;
    QLabel *m_descriptionLabel;
    QPlainTextEdit *m_description;
    QCheckBox *m_enabled;
    Problems m_idProblems;
    QString m_invalidId; // why the id shown is not applied; empty if it is
};

} // namespace Kanca
