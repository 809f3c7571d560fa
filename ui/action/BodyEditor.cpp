#include "action/BodyEditor.h"

#include "action/NameValueTable.h"
#include "action/ProblemLabel.h"
#include "action/TemplateEditor.h"
#include "editing/JsonFormatter.h"
#include "editing/LongLineCuts.h"
#include "editing/PresetLibrary.h"
#include "settings/LanguageManager.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QStackedWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace Kanca {

namespace {

enum Page { TemplatePage, FormPage, NoBodyPage };

} // namespace

BodyEditor::BodyEditor(QWidget *parent)
    : QWidget(parent)
    , m_formatLabel(new QLabel(this))
    , m_format(new QComboBox(this))
    , m_contentTypeLabel(new QLabel(this))
    , m_contentType(new QLineEdit(this))
    , m_presets(new QToolButton(this))
    , m_presetMenu(new QMenu(this))
    , m_formatJson(new QToolButton(this))
    , m_pages(new QStackedWidget(this))
    , m_editor(new TemplateEditor(this))
    , m_templateProblems(new ProblemLabel(this))
    , m_largeNotice(new QLabel(this))
    , m_fields(new NameValueTable(NameValueTable::Kind::FormFields, this))
    , m_noBody(new QLabel(this))
    , m_problems(new ProblemLabel(this))
{
    m_format->setObjectName(QStringLiteral("bodyFormat"));
    m_contentType->setObjectName(QStringLiteral("bodyContentType"));
    m_presets->setObjectName(QStringLiteral("payloadPresets"));
    m_presetMenu->setObjectName(QStringLiteral("payloadPresetMenu"));
    m_formatJson->setObjectName(QStringLiteral("formatJson"));
    m_templateProblems->setObjectName(QStringLiteral("payloadProblems"));
    m_problems->setObjectName(QStringLiteral("bodyProblems"));
    for (const Body::Format format :
         {Body::Format::Json, Body::Format::Text, Body::Format::Form, Body::Format::None}) {
        m_format->addItem(QString(), int(format));
    }
    m_formatLabel->setBuddy(m_format);
    m_contentTypeLabel->setBuddy(m_contentType);
    m_contentType->setPlaceholderText(QStringLiteral("text/plain; charset=utf-8"));
    m_presets->setMenu(m_presetMenu);
    m_presets->setPopupMode(QToolButton::InstantPopup);
    m_presets->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_noBody->setWordWrap(true);
    m_noBody->setAlignment(Qt::AlignCenter);
    m_noBody->setForegroundRole(QPalette::PlaceholderText);

    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(0, 0, 0, 0);
    bar->addWidget(m_formatLabel);
    bar->addWidget(m_format);
    bar->addWidget(m_contentTypeLabel);
    bar->addWidget(m_contentType, 1);
    bar->addStretch();
    bar->addWidget(m_formatJson);
    bar->addWidget(m_presets);

    auto *templatePage = new QWidget(m_pages);
    auto *templateLayout = new QVBoxLayout(templatePage);
    templateLayout->setContentsMargins(0, 0, 0, 0);
    templateLayout->addWidget(m_editor, 1);
    m_largeNotice->setObjectName(QStringLiteral("payloadLargeNotice"));
    m_largeNotice->setWordWrap(true);
    m_largeNotice->setForegroundRole(QPalette::PlaceholderText);
    m_largeNotice->setVisible(false);
    templateLayout->addWidget(m_largeNotice);
    templateLayout->addWidget(m_templateProblems);
    m_pages->insertWidget(TemplatePage, templatePage);
    m_pages->insertWidget(FormPage, m_fields);
    m_pages->insertWidget(NoBodyPage, m_noBody);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(bar);
    layout->addWidget(m_pages, 1);
    layout->addWidget(m_problems);

    connect(m_format, &QComboBox::activated, this, [this](int index) {
        const auto format = Body::Format(m_format->itemData(index).toInt());
        if (format == m_body.format)
            return;
        m_body.format = format;
        updatePage();
        Q_EMIT bodyEdited(m_body, tr("Change Body Format"), QStringLiteral("body/format"));
    });
    connect(m_contentType, &QLineEdit::textEdited, this, [this](const QString &text) {
        m_body.contentType = text;
        Q_EMIT bodyEdited(m_body, tr("Change Content Type"), QStringLiteral("body/contentType"));
    });
    connect(m_editor, &TemplateEditor::templateEdited, this, [this](const QString &text) {
        m_body.templateText = text;
        updateLargeNotice();
        Q_EMIT bodyEdited(m_body, tr("Edit Payload"), QStringLiteral("body"));
    });
    connect(m_editor, &TemplateEditor::problemsChanged, this, &BodyEditor::updateTemplateProblems);
    connect(m_editor, &TemplateEditor::largeChanged, this, &BodyEditor::updateLargeNotice);
    connect(
        m_fields, &NameValueTable::valuesEdited, this,
        [this](const QList<NameValue> &values, const QString &undoText, const QString &mergeKey) {
            m_body.fields = values;
            Q_EMIT bodyEdited(m_body, undoText,
                              mergeKey.isEmpty() ? QString()
                                                 : QLatin1StringView("body/fields/") + mergeKey);
        });
    connect(m_formatJson, &QToolButton::clicked, this, &BodyEditor::formatJson);
    connect(m_presetMenu, &QMenu::triggered, this,
            [this](QAction *action) { Q_EMIT presetChosen(action->data().toString()); });
    connect(&LanguageManager::instance(), &LanguageManager::languageChanged, this,
            &BodyEditor::rebuildPresetMenu);

    setFocusProxy(m_editor);
    setTabOrder(m_format, m_contentType);
    setTabOrder(m_contentType, m_formatJson);
    setTabOrder(m_formatJson, m_presets);
    setTabOrder(m_presets, m_editor);
    retranslateUi();
    m_body.format = Body::Format::Json;
    updatePage();
    m_editor->checkNow();
}

void BodyEditor::setBody(const Body &body)
{
    if (body == m_body)
        return;
    m_body = body;
    m_format->setCurrentIndex(m_format->findData(int(body.format)));
    if (m_contentType->text() != body.contentType)
        m_contentType->setText(body.contentType);
    m_editor->setTemplateText(body.templateText);
    m_fields->setValues(body.fields);
    updateLargeNotice();
    updatePage();
}

void BodyEditor::setProblems(const QStringList &messages)
{
    m_problems->setMessages(messages);
}

void BodyEditor::updatePage()
{
    const Body::Format format = m_body.format;
    const bool hasTemplate = format == Body::Format::Json || format == Body::Format::Text;
    m_pages->setCurrentIndex(hasTemplate                    ? TemplatePage
                             : format == Body::Format::Form ? FormPage
                                                            : NoBodyPage);
    m_editor->setTemplateContext(format == Body::Format::Text ? TemplateContext::PlainText
                                                              : TemplateContext::Json);
    m_contentTypeLabel->setVisible(format == Body::Format::Text);
    m_contentType->setVisible(format == Body::Format::Text);
    m_formatJson->setVisible(format == Body::Format::Json);
    updateTemplateProblems();
}

void BodyEditor::updateTemplateProblems()
{
    QStringList messages;
    const bool hasTemplate =
        m_body.format == Body::Format::Json || m_body.format == Body::Format::Text;
    if (hasTemplate) {
        for (const TemplateProblem &problem : m_editor->problems()) {
            messages.append(tr("Line %1, column %2: %3")
                                .arg(QString::number(problem.line), QString::number(problem.column),
                                     problem.message));
        }
    }
    m_templateProblems->setMessages(messages);
}

void BodyEditor::updateLargeNotice()
{
    QStringList sentences;
    if (m_editor->isLarge()) {
        sentences.append(tr("This payload has more than %1 characters: it is not highlighted, "
                            "and it is checked and previewed after a pause in typing.")
                             .arg(QLocale().toString(TemplateEditor::LargeText)));
    }
    // The editor shows a very long line in pieces (laid out whole, it would make typing slow):
    // say so, and how to have lines instead.
    const qsizetype longest = m_editor->longestLine();
    if (longest > LongLineCuts::LongLine) {
        sentences.append(tr("Lines of more than %1 characters are shown in pieces (the longest "
                            "has %2) and sent as written.")
                             .arg(QLocale().toString(qlonglong(LongLineCuts::LongLine)),
                                  QLocale().toString(qlonglong(longest))));
        if (m_body.format == Body::Format::Json)
            sentences.append(tr("Format JSON splits the payload into lines."));
    }
    m_largeNotice->setText(sentences.join(u' '));
    m_largeNotice->setVisible(!sentences.isEmpty());
}

void BodyEditor::formatJson()
{
    const QString formatted = JsonFormatter::format(m_editor->templateText());
    if (formatted == m_body.templateText)
        return;
    m_body.templateText = formatted;
    m_editor->setTemplateText(formatted);
    updateLargeNotice();
    Q_EMIT bodyEdited(m_body, tr("Format JSON"), QString());
}

void BodyEditor::rebuildPresetMenu()
{
    m_presetMenu->clear();
    const Language language = LanguageManager::instance().language();
    const auto groupTitle = [](const QString &group) {
        if (group == u"examples")
            return tr("Supsis Examples");
        if (group == u"platforms")
            return tr("Platforms");
        if (group == u"chat")
            return tr("Team Chat");
        return tr("Standards");
    };
    QString group;
    for (const Preset &preset : PresetLibrary::builtIn().presets()) {
        if (preset.group != group) {
            group = preset.group;
            m_presetMenu->addSection(groupTitle(group));
        }
        QAction *action = m_presetMenu->addAction(preset.label.in(language));
        action->setObjectName(QLatin1StringView("preset-") + preset.id);
        action->setData(preset.id);
        action->setToolTip(preset.description.in(language));
        action->setStatusTip(preset.description.in(language));
    }
    m_presetMenu->setToolTipsVisible(true);
}

void BodyEditor::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
}

void BodyEditor::retranslateUi()
{
    m_format->setItemText(0, tr("JSON"));
    m_format->setItemText(1, tr("Text"));
    m_format->setItemText(2, tr("Form"));
    m_format->setItemText(3, tr("No body"));
    m_formatLabel->setText(tr("&Format:"));
    m_contentTypeLabel->setText(tr("&Content type:"));
    m_format->setAccessibleName(tr("Body format"));
    m_contentType->setAccessibleName(tr("Content type"));
    m_presets->setText(tr("&Presets"));
    m_presets->setToolTip(tr("Replace the body with a ready payload"));
    m_presets->setAccessibleName(tr("Payload presets"));
    m_formatJson->setText(tr("F&ormat JSON"));
    m_formatJson->setToolTip(tr("Indent the JSON, keeping placeholders and the order of "
                                "members"));
    m_editor->setAccessibleName(tr("Payload"));
    m_editor->setPlaceholderText(tr("Type the JSON to send, or pick a preset. Type {{ to "
                                    "insert a field of the event."));
    m_noBody->setText(tr("The request is sent without a body."));
    updateLargeNotice();
    rebuildPresetMenu();
    updateTemplateProblems();
}

} // namespace Kanca
