#include "editor/RuleHeaderEditor.h"

#include "document/RuleSetDocument.h"
#include "editor/ProblemMarker.h"

#include <QCheckBox>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QSignalBlocker>
#include <QtMath>

using namespace Qt::StringLiterals;

namespace Kanca {

RuleHeaderEditor::RuleHeaderEditor(RuleSetDocument *document, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_nameLabel(new QLabel(this))
    , m_name(new QLineEdit(this))
    , m_idLabel(new QLabel(this))
    , m_id(new QLineEdit(this))
    , m_descriptionLabel(new QLabel(this))
    , m_description(new QPlainTextEdit(this))
    , m_enabled(new QCheckBox(this))
{
    setObjectName(u"ruleHeader"_s);
    m_name->setObjectName(u"ruleName"_s);
    m_id->setObjectName(u"ruleId"_s);
    m_id->setMaxLength(64);
    m_description->setObjectName(u"ruleDescription"_s);
    m_description->setTabChangesFocus(true);
    m_enabled->setObjectName(u"ruleEnabled"_s);
    m_nameLabel->setBuddy(m_name);
    m_idLabel->setBuddy(m_id);
    m_descriptionLabel->setBuddy(m_description);

    auto *layout = new QFormLayout(this);
    layout->setContentsMargins({});
    layout->addRow(m_nameLabel, m_name);
    layout->addRow(m_idLabel, m_id);
    layout->addRow(m_descriptionLabel, m_description);
    layout->addRow(QString(), m_enabled);

    connect(m_name, &QLineEdit::textEdited, this, [this](const QString &text) {
        m_document->changeCurrentRule([&](Rule &rule) { rule.name = text; }, tr("Rename Rule"),
                                      u"name"_s);
    });
    connect(m_description, &QPlainTextEdit::textChanged, this, [this] {
        const QString text = m_description->toPlainText();
        m_document->changeCurrentRule([&](Rule &rule) { rule.description = text; },
                                      tr("Change Description"), u"description"_s);
    });
    connect(m_enabled, &QCheckBox::clicked, this, [this](bool checked) {
        m_document->changeCurrentRule([&](Rule &rule) { rule.enabled = checked; },
                                      checked ? tr("Enable Rule") : tr("Disable Rule"));
    });
    connect(m_id, &QLineEdit::textEdited, this, &RuleHeaderEditor::idEdited);
    connect(m_id, &QLineEdit::editingFinished, this, [this] {
        if (m_invalidId.isEmpty())
            return;
        m_invalidId.clear(); // the input was never applied: show the rule's id again
        refresh();
        ProblemMarker::mark(m_id, m_idProblems);
    });
    retranslateUi();
    updateDescriptionHeight();
}

void RuleHeaderEditor::refresh()
{
    const qsizetype index = m_document->currentRule();
    const Rule rule = index < 0 ? Rule() : m_document->rule(index);
    if (m_name->text() != rule.name)
        m_name->setText(rule.name);
    // Input that is not applied stays while it is being typed.
    if (!(m_id->hasFocus() && !m_invalidId.isEmpty()) && m_id->text() != rule.id) {
        m_id->setText(rule.id);
        m_invalidId.clear();
        ProblemMarker::mark(m_id, m_idProblems);
    }
    if (m_description->toPlainText() != rule.description) {
        const QSignalBlocker blocker(m_description);
        m_description->setPlainText(rule.description);
    }
    m_enabled->setChecked(rule.enabled);
}

void RuleHeaderEditor::setProblems(const Problems &problems, const QString &rulePointer)
{
    ProblemMarker::mark(m_name, ProblemMarker::at(problems, rulePointer + u"/name"_s));
    ProblemMarker::mark(m_description,
                        ProblemMarker::at(problems, rulePointer + u"/description"_s));
    ProblemMarker::mark(m_enabled, ProblemMarker::at(problems, rulePointer + u"/enabled"_s));
    m_idProblems = ProblemMarker::at(problems, rulePointer + u"/id"_s);
    if (m_invalidId.isEmpty())
        ProblemMarker::mark(m_id, m_idProblems);
}

QList<QWidget *> RuleHeaderEditor::focusChain() const
{
    return {m_name, m_id, m_description, m_enabled};
}

QString RuleHeaderEditor::idProblem(const RuleSetDocument &document, qsizetype index,
                                    const QString &id)
{
    static const QRegularExpression valid(u"^[A-Za-z0-9._-]{1,64}$"_s);
    if (id.isEmpty())
        return tr("A rule needs an id.");
    if (id.size() > 64)
        return tr("An id has at most 64 characters.");
    if (!valid.match(id).hasMatch())
        return tr("An id may hold only the letters A to Z (without accents), digits, dots, "
                  "hyphens and underscores.");
    const qsizetype other = document.indexOfRule(id);
    if (other >= 0 && other != index)
        return tr("Another rule already has the id “%1”.").arg(id);
    return {};
}

void RuleHeaderEditor::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    else if (event->type() == QEvent::FontChange || event->type() == QEvent::StyleChange)
        updateDescriptionHeight();
    QWidget::changeEvent(event);
}

void RuleHeaderEditor::retranslateUi()
{
    m_nameLabel->setText(tr("Name:"));
    m_name->setAccessibleName(tr("Rule name"));
    m_name->setPlaceholderText(tr("What the rule does, e.g. VIP to Slack"));
    m_idLabel->setText(tr("ID:"));
    m_id->setAccessibleName(tr("Rule ID"));
    ProblemMarker::setToolTip(m_id, tr("The rule's id in the exported file and in the history: "
                                       "letters A to Z, digits, dots, hyphens and underscores."));
    m_descriptionLabel->setText(tr("Description:"));
    m_description->setAccessibleName(tr("Rule description"));
    m_description->setPlaceholderText(tr("Optional: why the rule exists, who relies on it"));
    m_enabled->setText(tr("Enabled"));
    m_enabled->setAccessibleName(tr("Rule enabled"));
    m_enabled->setToolTip(tr("A disabled rule stays in the file but never runs"));
}

void RuleHeaderEditor::updateDescriptionHeight()
{
    // Three lines of the current font: right at any DPI and font size.
    const QFontMetricsF metrics(m_description->font());
    m_description->setFixedHeight(qCeil(metrics.lineSpacing() * 3
                                        + 2 * m_description->document()->documentMargin()
                                        + 2 * m_description->frameWidth()));
}

void RuleHeaderEditor::idEdited(const QString &text)
{
    const qsizetype index = m_document->currentRule();
    if (index < 0)
        return;
    m_invalidId = idProblem(*m_document, index, text);
    if (!m_invalidId.isEmpty()) {
        ProblemMarker::markInvalidInput(m_id, m_invalidId);
        return;
    }
    ProblemMarker::mark(m_id, m_idProblems);
    Rule rule = m_document->rule(index);
    rule.id = text;
    m_document->changeRule(index, rule, tr("Change Rule ID"), u"id"_s);
}

} // namespace Kanca
