#pragma once

#include "model/RuleSet.h"

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace Kanca {

// Rule Set Settings: the set's name, its description and the language of its text comparisons,
// with a line saying what that language changes. It only asks; the window applies what was
// chosen as one undo step (RuleSetDocument::setProperties).
class RuleSetSettingsDialog final : public QDialog
{
    Q_OBJECT

public:
    explicit RuleSetSettingsDialog(const RuleSet &ruleSet, QWidget *parent = nullptr);

    QString name() const;
    QString description() const;
    Language locale() const;

private:
    void updateExplanation();

    QLineEdit *m_name;
    QPlainTextEdit *m_description;
    QComboBox *m_locale;
    QLabel *m_explanation;
    QDialogButtonBox *m_buttons;
};

} // namespace Kanca
