#include "preview/EventSourceEditor.h"

#include "catalog/Catalog.h"

#include <QComboBox>
#include <QEvent>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QJsonDocument>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace Kanca {

namespace {

int comboIndex(EventSourceEditor::Source source)
{
    return int(source);
}

} // namespace

EventSourceEditor::EventSourceEditor(QWidget *parent)
    : QWidget(parent)
    , m_sourceCombo(new QComboBox(this))
    , m_resetButton(new QPushButton(this))
    , m_editor(new QPlainTextEdit(this))
    , m_problems(new QLabel(this))
{
    m_sourceCombo->setObjectName(QStringLiteral("previewSample"));
    m_sourceCombo->addItem(QString(), int(Source::TurkishSample));
    m_sourceCombo->addItem(QString(), int(Source::EnglishSample));
    m_sourceCombo->addItem(QString(), int(Source::Custom));
    m_sourceCombo->setSizeAdjustPolicy(QComboBox::AdjustToContents);

    m_resetButton->setObjectName(QStringLiteral("previewResetEvent"));

    m_editor->setObjectName(QStringLiteral("previewEventEditor"));
    m_editor->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_editor->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_editor->setTabChangesFocus(true);
    m_editor->setUndoRedoEnabled(true);

    m_problems->setObjectName(QStringLiteral("previewEventError"));
    m_problems->setWordWrap(true);
    m_problems->setTextFormat(Qt::PlainText);
    m_problems->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_problems->setVisible(false);

    auto *top = new QHBoxLayout;
    top->setContentsMargins(0, 0, 0, 0);
    top->addWidget(m_sourceCombo, 1);
    top->addWidget(m_resetButton);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addWidget(m_editor, 1);
    layout->addWidget(m_problems);

    connect(m_sourceCombo, &QComboBox::activated, this, &EventSourceEditor::sourceActivated);
    connect(m_resetButton, &QPushButton::clicked, this, &EventSourceEditor::resetToSample);
    connect(m_editor, &QPlainTextEdit::textChanged, this, &EventSourceEditor::textEdited);

    retranslateUi();
    m_sourceCombo->setCurrentIndex(comboIndex(m_source));
    m_resetButton->setEnabled(false);
}

EventSourceEditor::~EventSourceEditor() = default;

void EventSourceEditor::setEventType(const QString &eventType)
{
    if (eventType == m_eventType)
        return;
    m_eventType = eventType;
    if (m_source != Source::Custom) {
        showSampleText();
        Q_EMIT eventChanged();
    }
}

void EventSourceEditor::setSource(Source source)
{
    if (source == m_source)
        return;
    if (m_source == Source::Custom)
        m_savedCustomText = m_editor->toPlainText();
    m_source = source;
    m_sourceCombo->setCurrentIndex(comboIndex(source));
    m_resetButton->setEnabled(source == Source::Custom);
    switch (source) {
    case Source::TurkishSample:
        m_sampleLanguage = Language::Turkish;
        showSampleText();
        break;
    case Source::EnglishSample:
        m_sampleLanguage = Language::English;
        showSampleText();
        break;
    case Source::Custom:
        // Back to the event being edited before a sample was picked, if there was one;
        // otherwise the sample shown is where editing starts.
        if (!m_savedCustomText.isEmpty()) {
            m_settingText = true;
            m_editor->setPlainText(m_savedCustomText);
            m_settingText = false;
            ++m_revision;
        }
        break;
    }
    Q_EMIT eventChanged();
}

void EventSourceEditor::setSampleLanguage(Language language)
{
    m_sampleLanguage = language;
    if (m_source != Source::Custom)
        setSource(language == Language::Turkish ? Source::TurkishSample : Source::EnglishSample);
}

QJsonObject EventSourceEditor::sample() const
{
    return Catalog::builtIn().sampleEvent(m_eventType, m_sampleLanguage);
}

QString EventSourceEditor::customText() const
{
    return m_editor->toPlainText();
}

void EventSourceEditor::setCustomText(const QString &text)
{
    m_savedCustomText = text;
    if (m_source != Source::Custom) {
        setSource(Source::Custom); // shows the saved text and says so
        return;
    }
    m_settingText = true;
    m_editor->setPlainText(text);
    m_settingText = false;
    ++m_revision;
    Q_EMIT eventChanged();
}

void EventSourceEditor::setProblems(const Problems &problems)
{
    QStringList lines;
    for (const Problem &problem : problems) {
        lines.append(problem.line > 0 ? tr("Line %1, column %2: %3")
                                            .arg(QString::number(problem.line),
                                                 QString::number(problem.column), problem.message)
                                      : problem.message);
    }
    const QString text = lines.join(u'\n');
    if (text != m_problems->text())
        m_problems->setText(text);
    m_problems->setVisible(!text.isEmpty());
}

QString EventSourceEditor::problemText() const
{
    return m_problems->text();
}

QWidget *EventSourceEditor::firstFocusWidget() const
{
    return m_sourceCombo;
}

QWidget *EventSourceEditor::lastFocusWidget() const
{
    return m_editor;
}

void EventSourceEditor::sourceActivated(int index)
{
    setSource(Source(m_sourceCombo->itemData(index).toInt()));
}

void EventSourceEditor::textEdited()
{
    if (m_settingText)
        return;
    ++m_revision;
    if (m_source != Source::Custom) {
        m_source = Source::Custom;
        m_savedCustomText.clear();
        m_sourceCombo->setCurrentIndex(comboIndex(Source::Custom));
        m_resetButton->setEnabled(true);
    }
    Q_EMIT eventChanged();
}

void EventSourceEditor::showSampleText()
{
    const QJsonObject event = sample();
    m_settingText = true;
    m_editor->setPlainText(
        event.isEmpty() ? QString()
                        : QString::fromUtf8(QJsonDocument(event).toJson(QJsonDocument::Indented)));
    m_settingText = false;
    ++m_revision;
    setProblems({});
}

void EventSourceEditor::resetToSample()
{
    m_savedCustomText.clear();
    setSource(m_sampleLanguage == Language::Turkish ? Source::TurkishSample
                                                    : Source::EnglishSample);
    m_editor->setFocus(Qt::OtherFocusReason);
}

void EventSourceEditor::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void EventSourceEditor::retranslateUi()
{
    m_sourceCombo->setItemText(comboIndex(Source::TurkishSample), tr("Turkish sample"));
    m_sourceCombo->setItemText(comboIndex(Source::EnglishSample), tr("English sample"));
    m_sourceCombo->setItemText(comboIndex(Source::Custom), tr("Custom event"));
    m_sourceCombo->setAccessibleName(tr("Event to preview"));
    m_sourceCombo->setToolTip(
        tr("The catalog's sample of the rule's event in Turkish or English, or your own event."));
    m_resetButton->setText(tr("Reset to sample"));
    m_resetButton->setToolTip(tr("Replace the custom event with the catalog's sample."));
    m_editor->setAccessibleName(tr("Event JSON"));
    m_editor->setAccessibleDescription(
        tr("The event as JSON. Editing it previews the rule against your own event."));
    m_editor->setPlaceholderText(tr("{\"type\": \"chat.opened\", \"contact\": {…}}"));
    m_problems->setAccessibleName(tr("Problems of the event"));
}

} // namespace Kanca
