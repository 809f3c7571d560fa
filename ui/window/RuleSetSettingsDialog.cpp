#include "window/RuleSetSettingsDialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QTextDocument>
#include <QVBoxLayout>

#include <algorithm>

namespace Kanca {

RuleSetSettingsDialog::RuleSetSettingsDialog(const RuleSet &ruleSet, QWidget *parent)
    : QDialog(parent)
    , m_name(new QLineEdit(this))
    , m_description(new QPlainTextEdit(this))
    , m_locale(new QComboBox(this))
    , m_explanation(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("ruleSetSettingsDialog"));
    setWindowTitle(tr("Rule Set Settings"));
    m_name->setObjectName(QStringLiteral("ruleSetName"));
    m_description->setObjectName(QStringLiteral("ruleSetDescription"));
    m_locale->setObjectName(QStringLiteral("ruleSetLocale"));
    m_explanation->setObjectName(QStringLiteral("ruleSetLocaleExplanation"));

    m_name->setText(ruleSet.name);
    m_description->setPlainText(ruleSet.description);
    m_description->setTabChangesFocus(true);
    m_description->setPlaceholderText(tr("What these rules are for, for the people who read "
                                         "them later"));
    const int lines = 4;
    m_description->setFixedHeight(m_description->fontMetrics().lineSpacing() * lines
                                  + 2 * m_description->frameWidth()
                                  + int(2 * m_description->document()->documentMargin()));
    // Each language is named in itself, with its code as the file has it.
    m_locale->addItem(QStringLiteral("English (en)"), int(Language::English));
    m_locale->addItem(QStringLiteral("Türkçe (tr)"), int(Language::Turkish));
    m_locale->setCurrentIndex(m_locale->findData(int(ruleSet.locale)));
    m_explanation->setWordWrap(true);
    m_explanation->setTextFormat(Qt::PlainText);

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Description:"), m_description);
    form->addRow(tr("&Comparison language:"), m_locale);
    form->addRow(QString(), m_explanation);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addStretch(1);
    layout->addWidget(m_buttons);

    const QFontMetrics metrics = fontMetrics();
    setMinimumWidth(std::max(metrics.averageCharWidth() * 64,
                             metrics.horizontalAdvance(windowTitle()) + 12 * metrics.height()));

    connect(m_locale, &QComboBox::currentIndexChanged, this,
            &RuleSetSettingsDialog::updateExplanation);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    updateExplanation();
}

QString RuleSetSettingsDialog::name() const
{
    return m_name->text().trimmed();
}

QString RuleSetSettingsDialog::description() const
{
    return m_description->toPlainText().trimmed();
}

Language RuleSetSettingsDialog::locale() const
{
    return Language(m_locale->currentData().toInt());
}

void RuleSetSettingsDialog::updateExplanation()
{
    if (locale() == Language::Turkish) {
        m_explanation->setText(
            tr("Text is compared with Turkish letters: I and ı, İ and i are the same letter in "
               "two cases, so \"SİSTEM ÇALIŞMIYOR\" contains \"çalışmıyor\". The upper, lower "
               "and date filters speak Turkish too."));
    } else {
        m_explanation->setText(
            tr("Text is compared with English letters: I and i are the same letter in two "
               "cases, so Turkish text such as \"SİSTEM ÇALIŞMIYOR\" does not contain "
               "\"çalışmıyor\". Choose Türkçe for Turkish text."));
    }
}

} // namespace Kanca
