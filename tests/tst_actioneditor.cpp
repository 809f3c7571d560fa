// The rule's "Then" editor driven as a person would: typing, clicking, choosing from menus and
// completion popups, answering the secret dialog. The editor never changes a document itself:
// every edit arrives through actionsEdited(), which this test records and feeds back through
// setActions() as the rule editor does.
#include "action/ActionListEditor.h"
#include "action/LinePlaceholderCompletion.h"
#include "action/PlaceholderCompleter.h"
#include "action/TemplateEditor.h"
#include "action/WebhookActionEditor.h"
#include "catalog/Catalog.h"
#include "editing/JsonFormatter.h"
#include "editing/PresetLibrary.h"
#include "format/RuleSetWriter.h"
#include "services/SecretStore.h"
#include "settings/LanguageManager.h"
#include "templates/Template.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QHelpEvent>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QStackedWidget>
#include <QTabBar>
#include <QTabWidget>
#include <QTableWidget>
#include <QTest>
#include <QTimer>
#include <QToolButton>
#include <QToolTip>
#include <QTreeView>

#include <functional>
#include <memory>

using namespace Kanca;
using namespace Qt::StringLiterals;

namespace {

struct Edit
{
    QList<Action> actions;
    QString undoText;
    QString mergeKey;
};

const QString vipSeedPayload =
    u"{\n  \"text\": \"VIP customer {{contact.fullname}} opened a new chat through Supsis.\"\n}"_s;

// The action a new rule starts with (RuleSetDocument::newRule).
WebhookAction startingAction()
{
    WebhookAction action;
    action.url = u"https://"_s;
    action.body.format = Body::Format::Json;
    action.body.templateText = u"{\n  \"event\": \"{{event.type}}\"\n}"_s;
    return action;
}

const WebhookAction &webhook(const Action &action)
{
    return std::get<WebhookAction>(action);
}

// Runs `answer` once a popup menu or a modal dialog is up (they run their own event loop).
void whenShown(std::function<bool()> answer)
{
    auto *timer = new QTimer;
    timer->setInterval(20);
    QObject::connect(timer, &QTimer::timeout, timer, [timer, answer] {
        if (answer())
            timer->deleteLater();
    });
    timer->start();
}

} // namespace

class TestActionEditor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void typingUrlIsOneMergedEdit();
    void setActionsKeepsTheCursorAndEmitsNothing();
    void placeholderCompletionAfterBraces();
    void filterCompletionAfterBar();
    void placeholderCompletionInUrlAndHeaderValue();
    void unknownPlaceholderIsMarkedWhereItIs();
    void invalidJsonIsMarked();
    void vipToSlackPresetSetsTheSeedPayload();
    void everyPresetIsAValidTemplate();
    void presetsReadTheFormatsNames();
    void presetsRefuseWhatThePayloadMenuCannotApply_data();
    void presetsRefuseWhatThePayloadMenuCannotApply();
    void getHidesTheBodyAndPostBringsItBack();
    void bearerAuthWithSecretName();
    void setValueStoresTheSecretOutsideTheActions();
    void addAndRemoveWebhook();
    void headersTableEdits();
    void problemsOfTheRuleSetShowUnderTheirField();
    void formatJsonKeepsPlaceholdersAndOrder();
    void turkishLabels();

private:
    template<typename T>
    T *find(const QString &name, QWidget *in = nullptr) const
    {
        QWidget *root = in ? in : currentEditor();
        T *widget = root->findChild<T *>(name);
        if (!widget)
            qFatal("no widget named %s", qPrintable(name));
        return widget;
    }
    WebhookActionEditor *currentEditor() const
    {
        return qobject_cast<WebhookActionEditor *>(
            m_editor->findChild<QStackedWidget *>(u"actionStack"_s)->currentWidget());
    }
    TemplateEditor *payload() const { return find<TemplateEditor>(u"payloadEditor"_s); }
    const Edit &lastEdit() const { return m_edits.constLast(); }
    WebhookAction lastAction(int index = 0) const { return webhook(lastEdit().actions.at(index)); }
    void clearPayload();
    void showSection(int index);

    std::unique_ptr<SecretStore> m_store;
    std::unique_ptr<ActionListEditor> m_editor;
    QList<Edit> m_edits;
};

void TestActionEditor::initTestCase()
{
    LanguageManager::instance().setLanguage(Language::English);
    qunsetenv("KANCA_SECRET_CRM_TOKEN");
}

void TestActionEditor::init()
{
    m_edits.clear();
    m_store = std::make_unique<SecretStore>();
    m_editor = std::make_unique<ActionListEditor>();
    m_editor->setSecretStore(m_store.get());
    m_editor->setActions({startingAction()});
    connect(m_editor.get(), &ActionListEditor::actionsEdited, m_editor.get(),
            [this](const QList<Action> &actions, const QString &undoText, const QString &mergeKey) {
                m_edits.append({actions, undoText, mergeKey});
                m_editor->setActions(actions); // as the document does after pushing the step
            });
    m_editor->resize(900, 700);
    m_editor->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_editor.get()));
    QApplication::setActiveWindow(m_editor.get());
    QVERIFY(QTest::qWaitForWindowActive(m_editor.get()));
}

void TestActionEditor::cleanup()
{
    // QtKeychain's jobs (children of the store) must finish before the store goes: the
    // libsecret backend calls back into a job it still holds.
    QTRY_VERIFY_WITH_TIMEOUT(m_store->children().isEmpty(), 20000);
    m_editor.reset();
    m_store.reset();
    LanguageManager::instance().setLanguage(Language::English);
}

void TestActionEditor::clearPayload()
{
    TemplateEditor *editor = payload();
    editor->setFocus();
    QTest::keyClick(editor, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClick(editor, Qt::Key_Delete);
    QCOMPARE(editor->toPlainText(), QString());
    m_edits.clear();
}

void TestActionEditor::showSection(int index)
{
    QTabBar *tabs = find<QTabWidget>(u"actionSections"_s)->tabBar();
    QTest::mouseClick(tabs, Qt::LeftButton, {}, tabs->tabRect(index).center());
    QCOMPARE(tabs->currentIndex(), index);
}

void TestActionEditor::typingUrlIsOneMergedEdit()
{
    auto *url = find<QLineEdit>(u"actionUrl"_s);
    url->setFocus();
    QTest::keyClick(url, Qt::Key_End);
    const QString typed = u"crm.example.com/webhooks/supsis-lead"_s;
    QTest::keyClicks(url, typed);

    QCOMPARE(m_edits.size(), typed.size());
    for (const Edit &edit : std::as_const(m_edits)) {
        QCOMPARE(edit.mergeKey, u"then/0/url"_s);
        QCOMPARE(edit.undoText, u"Change URL"_s);
    }
    QCOMPARE(lastAction().url, u"https://crm.example.com/webhooks/supsis-lead"_s);
    QCOMPARE(webhook(m_editor->actions().at(0)).url, lastAction().url);
    // Nothing else of the action changed.
    WebhookAction expected = startingAction();
    expected.url = lastAction().url;
    QCOMPARE(lastAction(), expected);
}

void TestActionEditor::setActionsKeepsTheCursorAndEmitsNothing()
{
    auto *url = find<QLineEdit>(u"actionUrl"_s);
    url->setFocus();
    QTest::keyClick(url, Qt::Key_End);
    QTest::keyClicks(url, u"example.com/hook"_s);
    QTest::keyClick(url, Qt::Key_Left);
    QTest::keyClick(url, Qt::Key_Left);
    const int cursor = url->cursorPosition();
    const qsizetype edits = m_edits.size();

    // The document echoes the same actions back: nothing moves.
    m_editor->setActions(m_editor->actions());
    QCOMPARE(url->cursorPosition(), cursor);
    QVERIFY(url->hasFocus());

    // Undo in the document: the text changes, the cursor stays, no edit is reported.
    WebhookAction undone = startingAction();
    undone.url = u"https://example.com/hoo"_s;
    m_editor->setActions({undone});
    QCOMPARE(url->text(), undone.url);
    QCOMPARE(url->cursorPosition(), cursor);
    QCOMPARE(m_edits.size(), edits);

    // The payload keeps its cursor too.
    TemplateEditor *editor = payload();
    QTextCursor textCursor = editor->textCursor();
    textCursor.setPosition(5);
    editor->setTextCursor(textCursor);
    undone.body.templateText = u"{\n  \"event\": \"{{event.id}}\"\n}"_s;
    m_editor->setActions({undone});
    QCOMPARE(editor->toPlainText(), undone.body.templateText);
    QCOMPARE(editor->textCursor().position(), 5);
    QCOMPARE(m_edits.size(), edits);
}

void TestActionEditor::placeholderCompletionAfterBraces()
{
    clearPayload();
    TemplateEditor *editor = payload();
    QTest::keyClicks(editor, u"{\"name\": \""_s);
    QAbstractItemView *popup = editor->completer()->popup();
    QVERIFY(!popup->isVisible());

    QTest::keyClicks(editor, u"{{"_s);
    QTRY_VERIFY(popup->isVisible());
    // Every catalog field is offered, with its label beside it.
    QCOMPARE(qsizetype(editor->completer()->completionCount()), Catalog::builtIn().fields().size());

    QTest::keyClicks(editor, u"fulln"_s);
    QTRY_COMPARE(editor->completer()->completionCount(), 1);
    const QModelIndex current = popup->currentIndex();
    QCOMPARE(current.data().toString(), u"contact.fullname"_s);
    QCOMPARE(current.siblingAtColumn(1).data().toString(), u"Full Name"_s);
    QVERIFY(current.data(Qt::ToolTipRole).toString().contains(u"personal"_s));

    // Found by its label too ("Lead Score" is contact.score), and shown whole.
    for (int i = 0; i < 5; ++i)
        QTest::keyClick(editor, Qt::Key_Backspace);
    QTest::keyClicks(editor, u"Lead"_s);
    QTRY_COMPARE(editor->completer()->completionCount(), 1);
    QCOMPARE(popup->currentIndex().data().toString(), u"contact.score"_s);
    for (int i = 0; i < 4; ++i)
        QTest::keyClick(editor, Qt::Key_Backspace);
    QTest::keyClicks(editor, u"conversation"_s);
    QTRY_VERIFY(editor->completer()->completionCount() > 5);
    auto *tree = qobject_cast<QTreeView *>(popup);
    QVERIFY(tree);
    int widest = 0;
    for (int row = 0; row < editor->completer()->completionCount(); ++row) {
        const QModelIndex index = editor->completer()->completionModel()->index(row, 0);
        widest = std::max(widest, tree->fontMetrics().horizontalAdvance(index.data().toString()));
    }
    QVERIFY2(tree->columnWidth(0) >= widest,
             qPrintable(u"%1 < %2"_s.arg(tree->columnWidth(0)).arg(widest)));
    for (int i = 0; i < 12; ++i)
        QTest::keyClick(editor, Qt::Key_Backspace);
    QTest::keyClicks(editor, u"fulln"_s);
    QTRY_COMPARE(editor->completer()->completionCount(), 1);

    QTest::keyClick(popup, Qt::Key_Return);
    QTRY_VERIFY(!popup->isVisible());
    QCOMPARE(editor->toPlainText(), u"{\"name\": \"{{contact.fullname}}"_s);
    QCOMPARE(editor->textCursor().position(), editor->toPlainText().size());
    QTest::keyClicks(editor, u"\"}"_s);

    QCOMPARE(lastAction().body.templateText, u"{\"name\": \"{{contact.fullname}}\"}"_s);
    for (const Edit &edit : std::as_const(m_edits)) {
        QCOMPARE(edit.mergeKey, u"then/0/body"_s);
        QCOMPARE(edit.undoText, u"Edit Payload"_s);
    }
    editor->checkNow();
    QVERIFY(editor->problems().isEmpty());
    QVERIFY(!find<QLabel>(u"payloadProblems"_s)->isVisible());
}

void TestActionEditor::filterCompletionAfterBar()
{
    clearPayload();
    TemplateEditor *editor = payload();
    QTest::keyClicks(editor, u"{\"name\": \"{{contact.fullname | "_s);
    QAbstractItemView *popup = editor->completer()->popup();
    QTRY_VERIFY(popup->isVisible());
    QCOMPARE(editor->completer()->mode(), PlaceholderCompleter::Mode::Filters);
    QTest::keyClicks(editor, u"def"_s);
    QTRY_COMPARE(popup->currentIndex().data().toString(), u"default:\"\""_s);
    QTest::keyClick(popup, Qt::Key_Return);
    // The cursor waits inside the quotes; the braces are closed.
    QCOMPARE(editor->toPlainText(), u"{\"name\": \"{{contact.fullname | default:\"\"}}"_s);
    QTest::keyClicks(editor, u"Misafir"_s);
    QCOMPARE(editor->toPlainText(), u"{\"name\": \"{{contact.fullname | default:\"Misafir\"}}"_s);
}

void TestActionEditor::placeholderCompletionInUrlAndHeaderValue()
{
    // The URL completes as the payload does, and the choice is one edit of the URL.
    auto *url = find<QLineEdit>(u"actionUrl"_s);
    url->setFocus();
    url->selectAll();
    QTest::keyClicks(url, u"https://crm.example.com/contacts/{{"_s);
    auto *completion = url->findChild<LinePlaceholderCompletion *>();
    QVERIFY(completion);
    QAbstractItemView *popup = completion->completer()->popup();
    QTRY_VERIFY(popup->isVisible());
    QTest::keyClicks(url, u"contact.i"_s);
    QTRY_COMPARE(popup->currentIndex().data().toString(), u"contact.id"_s);
    QTest::keyClick(popup, Qt::Key_Return);
    QTRY_VERIFY(!popup->isVisible());
    QCOMPARE(url->text(), u"https://crm.example.com/contacts/{{contact.id}}"_s);
    QCOMPARE(url->cursorPosition(), url->text().size());
    QTRY_COMPARE(lastAction().url, u"https://crm.example.com/contacts/{{contact.id}}"_s);
    QCOMPARE(lastEdit().mergeKey, u"then/0/url"_s);

    // Ctrl+Space asks inside an open placeholder; a filter after "|".
    QTest::keyClicks(url, u"?n={{contact.fullname | "_s);
    QTRY_VERIFY(popup->isVisible());
    QCOMPARE(completion->completer()->mode(), PlaceholderCompleter::Mode::Filters);
    QTest::keyClick(popup, Qt::Key_Escape);
    QTRY_VERIFY(!popup->isVisible());
    QTest::keyClick(url, Qt::Key_Space, Qt::ControlModifier);
    QTRY_VERIFY(popup->isVisible());
    QTest::keyClick(popup, Qt::Key_Escape);

    // A header's value completes too, in the table's cell editor.
    m_editor->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_editor.get()));
    showSection(1);
    QTest::mouseClick(find<QPushButton>(u"addHeader"_s), Qt::LeftButton);
    QTRY_VERIFY(qobject_cast<QLineEdit *>(QApplication::focusWidget()));
    QTest::keyClicks(QApplication::focusWidget(), u"X-Contact"_s);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
    QTRY_COMPARE(lastAction().headers.at(0).name, u"X-Contact"_s);
    auto *table = find<QTableWidget>(u"actionHeaders"_s);
    table->setCurrentCell(0, 1);
    QTest::keyClick(table, Qt::Key_F2);
    QTRY_VERIFY(qobject_cast<QLineEdit *>(QApplication::focusWidget()));
    auto *cell = qobject_cast<QLineEdit *>(QApplication::focusWidget());
    QTest::keyClicks(cell, u"{{contact.em"_s);
    auto *cellCompletion = cell->findChild<LinePlaceholderCompletion *>();
    QVERIFY(cellCompletion);
    QTRY_VERIFY(cellCompletion->completer()->popup()->isVisible());
    QTRY_COMPARE(cellCompletion->completer()->popup()->currentIndex().data().toString(),
                 u"contact.email"_s);
    QTest::keyClick(cellCompletion->completer()->popup(), Qt::Key_Return);
    QTRY_COMPARE(cell->text(), u"{{contact.email}}"_s);
    QTest::keyClick(cell, Qt::Key_Return);
    QTRY_COMPARE(lastAction().headers.at(0), (NameValue{u"X-Contact"_s, u"{{contact.email}}"_s}));
}

void TestActionEditor::unknownPlaceholderIsMarkedWhereItIs()
{
    clearPayload();
    TemplateEditor *editor = payload();
    QTest::keyClicks(editor, u"{"_s);
    QTest::keyClick(editor, Qt::Key_Return);
    QTest::keyClicks(editor, u"  \"name\": \"{{contact.fulname}}\""_s);
    QTest::keyClick(editor, Qt::Key_Return);
    QTest::keyClicks(editor, u"}"_s);
    const QString text = editor->toPlainText();
    QCOMPARE(text, u"{\n  \"name\": \"{{contact.fulname}}\"\n}"_s);
    QCOMPARE(lastAction().body.templateText, text);

    const qsizetype offset = text.indexOf(u"contact.fulname"_s);
    QTRY_COMPARE(editor->extraSelections().size(), 1);
    const QTextEdit::ExtraSelection selection = editor->extraSelections().constFirst();
    QCOMPARE(selection.cursor.selectionStart(), int(offset));
    QCOMPARE(selection.cursor.selectionEnd(), int(offset + u"contact.fulname"_s.size()));
    QCOMPARE(selection.format.underlineStyle(), QTextCharFormat::WaveUnderline);

    QCOMPARE(editor->problems().size(), 1);
    const TemplateProblem problem = editor->problems().constFirst();
    QCOMPARE(problem.line, 2);
    QCOMPARE(problem.column, 14);
    auto *label = find<QLabel>(u"payloadProblems"_s);
    QTRY_VERIFY(label->isVisible());
    QVERIFY2(label->text().startsWith(u"Line 2, column 14: "_s), qPrintable(label->text()));
    QVERIFY(label->text().contains(u"\"contact.fulname\""_s));
    QVERIFY(label->text().contains(u"contact.fullname"_s)); // did you mean
    // The tab says so too.
    QVERIFY(!find<QTabWidget>(u"actionSections"_s)->tabIcon(0).isNull());

    // Hovering the word shows the message.
    QTextCursor at(editor->document());
    at.setPosition(int(offset) + 3);
    const QPoint pos = editor->cursorRect(at).center();
    QHelpEvent help(QEvent::ToolTip, pos, editor->viewport()->mapToGlobal(pos));
    QApplication::sendEvent(editor->viewport(), &help);
    QTRY_COMPARE(QToolTip::text(), problem.message);

    // Fixing it clears the mark and the label.
    QTextCursor fix(editor->document());
    fix.setPosition(int(offset + u"contact.ful"_s.size()));
    editor->setTextCursor(fix);
    QTest::keyClicks(editor, u"l"_s);
    QTRY_VERIFY(editor->extraSelections().isEmpty());
    QTRY_VERIFY(!label->isVisible());
    QCOMPARE(lastAction().body.templateText, u"{\n  \"name\": \"{{contact.fullname}}\"\n}"_s);
}

void TestActionEditor::invalidJsonIsMarked()
{
    clearPayload();
    TemplateEditor *editor = payload();
    QTest::keyClicks(editor, u"{\"a\": }"_s);
    auto *label = find<QLabel>(u"payloadProblems"_s);
    QTRY_VERIFY(label->isVisible());
    QVERIFY2(label->text().contains(u"not valid JSON"_s), qPrintable(label->text()));
    QCOMPARE(editor->problems().size(), 1);
    QCOMPARE(editor->problems().constFirst().line, 1);
    QCOMPARE(editor->extraSelections().size(), 1);
    // The value is missing where the "}" stands: the mark is on it.
    QCOMPARE(editor->problems().constFirst().offset, 6);
    QCOMPARE(editor->extraSelections().constFirst().cursor.selectionStart(), 6);
    QCOMPARE(editor->extraSelections().constFirst().cursor.selectionEnd(), 7);
    QVERIFY2(label->text().contains(u"a value is missing after the colon"_s),
             qPrintable(label->text()));

    // A missing comma is said to be one, at the value after it.
    clearPayload();
    QTest::keyClicks(editor, u"{\"a\": 1 \"b\": 2}"_s);
    QTRY_VERIFY(label->isVisible());
    QTRY_VERIFY2(label->text().contains(u"Line 1, column 9: the body is not valid JSON: a comma "
                                        u"(,) is missing before this value"_s),
                 qPrintable(label->text()));
}

void TestActionEditor::vipToSlackPresetSetsTheSeedPayload()
{
    auto *presets = find<QToolButton>(u"payloadPresets"_s);
    bool chosen = false;
    whenShown([&chosen] {
        auto *menu = qobject_cast<QMenu *>(QApplication::activePopupWidget());
        if (!menu)
            return false;
        QAction *vip = menu->findChild<QAction *>(u"preset-vip-to-slack"_s);
        if (!vip)
            qFatal("no VIP preset");
        if (vip->text() != u"VIP to Slack"_s)
            qFatal("the VIP preset is labelled %s", qPrintable(vip->text()));
        QTest::mouseClick(menu, Qt::LeftButton, {}, menu->actionGeometry(vip).center());
        chosen = true;
        return true;
    });
    QTest::mouseClick(presets, Qt::LeftButton);
    QTRY_VERIFY(chosen);

    QTRY_COMPARE(m_edits.size(), 1);
    QCOMPARE(lastEdit().undoText, u"Apply Preset"_s);
    QCOMPARE(lastEdit().mergeKey, QString());
    QCOMPARE(lastAction().body.format, Body::Format::Json);
    QCOMPARE(lastAction().body.templateText, vipSeedPayload);
    QCOMPARE(lastAction().method, u"POST"_s);
    QCOMPARE(payload()->toPlainText(), vipSeedPayload);
    payload()->checkNow();
    QVERIFY(payload()->problems().isEmpty());
}

void TestActionEditor::everyPresetIsAValidTemplate()
{
    const QList<Preset> &presets = PresetLibrary::builtIn().presets();
    QStringList ids;
    for (const Preset &preset : presets) {
        ids.append(preset.id);
        for (const Language language : {Language::English, Language::Turkish}) {
            QList<TemplateProblem> problems;
            Template::parse(preset.templateText.in(language), TemplateContext::Json,
                            Catalog::builtIn(), &problems);
            QVERIFY2(problems.isEmpty(),
                     qPrintable(preset.id + u": "_s
                                + (problems.isEmpty() ? QString() : problems.first().message)));
            // Pretty-printing a preset changes nothing: they are written as Format JSON writes.
            QCOMPARE(JsonFormatter::format(preset.templateText.in(language)),
                     preset.templateText.in(language));
        }
        QVERIFY(!preset.label.en.isEmpty() && !preset.label.tr.isEmpty());
        QVERIFY(preset.label.en != preset.label.tr);
    }
    for (const QString &id :
         {u"lead-to-crm"_s, u"vip-to-slack"_s, u"support-ticket"_s, u"whatsapp-lead-to-analytics"_s,
          u"salesmanago-rule"_s, u"suppabot-visitor-created"_s, u"suppabot-conversation-ended"_s,
          u"slack-message"_s, u"discord-message"_s, u"teams-adaptive-card"_s,
          u"standard-webhooks"_s}) {
        QVERIFY2(ids.contains(id), qPrintable(id));
    }
    // Seed 002: SALESmanago's fixed body, in its order, with HTTP Basic.
    const Preset *salesmanago = PresetLibrary::builtIn().preset(u"salesmanago-rule");
    QVERIFY(salesmanago && salesmanago->auth);
    QCOMPARE(salesmanago->auth->type, Auth::Type::Basic);
    QCOMPARE(salesmanago->templateText.en,
             u"{\n  \"id\": \"{{rule.id}}\",\n  \"name\": \"{{rule.name}}\",\n"
             "  \"contactId\": \"{{contact.id}}\",\n  \"description\": \"{{rule.description}}\",\n"
             "  \"email\": \"{{contact.email}}\",\n  \"phone\": \"{{contact.phone}}\",\n"
             "  \"company\": \"{{contact.company}}\"\n}"_s);
    // Seed 004: the envelope and its X-Webhook-Secret header.
    const Preset *suppabot = PresetLibrary::builtIn().preset(u"suppabot-visitor-created");
    QVERIFY(suppabot && suppabot->auth);
    QCOMPARE(suppabot->auth->type, Auth::Type::Header);
    QCOMPARE(suppabot->auth->headerName, u"X-Webhook-Secret"_s);
    QVERIFY(suppabot->templateText.en.startsWith(
        u"{\n  \"event\": \"visitor_created\",\n  \"timestamp\": \"{{event.occurredAt}}\",\n"
        "  \"websiteId\": \"{{workspace.id}}\",\n  \"data\": {"_s));
    // Seed 000 in Turkish.
    QCOMPARE(PresetLibrary::builtIn().preset(u"vip-to-slack")->templateText.tr,
             u"{\n  \"text\": \"VIP müşteri {{contact.fullname}} Supsis üzerinden yeni sohbet "
             "açtı.\"\n}"_s);
}

void TestActionEditor::getHidesTheBodyAndPostBringsItBack()
{
    auto *method = find<QComboBox>(u"actionMethod"_s);
    auto *sections = find<QTabWidget>(u"actionSections"_s);
    TemplateEditor *editor = payload();
    QVERIFY(editor->isVisible());
    const QString body = editor->toPlainText();

    method->setFocus();
    QCOMPARE(method->currentText(), u"POST"_s);
    QTest::keyClick(method, Qt::Key_Up);
    QCOMPARE(method->currentText(), u"GET"_s);
    QCOMPARE(lastEdit().undoText, u"Change Method"_s);
    QCOMPARE(lastEdit().mergeKey, u"then/0/method"_s);
    QCOMPARE(lastAction().method, u"GET"_s);
    QCOMPARE(lastAction().body.format, Body::Format::None);
    QVERIFY(!sections->isTabVisible(0));
    QTRY_VERIFY(!editor->isVisible());
    QVERIFY(!find<QToolButton>(u"payloadPresets"_s)->isVisible());

    QTest::keyClick(method, Qt::Key_Down);
    QCOMPARE(lastAction().method, u"POST"_s);
    QCOMPARE(lastAction().body.format, Body::Format::Json);
    QCOMPARE(lastAction().body.templateText, body);
    QVERIFY(sections->isTabVisible(0));
    showSection(0);
    QTRY_VERIFY(editor->isVisible());
}

void TestActionEditor::bearerAuthWithSecretName()
{
    showSection(2);
    auto *type = find<QComboBox>(u"authType"_s);
    QTRY_VERIFY(type->isVisible());
    auto *secret = find<QComboBox>(u"authSecret"_s);
    QVERIFY(!secret->isVisible());
    type->setFocus();
    QTest::keyClick(type, Qt::Key_Down); // Basic
    QTest::keyClick(type, Qt::Key_Down); // Bearer
    QCOMPARE(type->currentText(), u"Bearer token"_s);
    QCOMPARE(lastAction().auth.type, Auth::Type::Bearer);
    QCOMPARE(lastEdit().undoText, u"Change Authentication"_s);
    QTRY_VERIFY(secret->isVisible());
    QVERIFY(!find<QLineEdit>(u"authUsername"_s)->isVisible());

    m_edits.clear();
    secret->setFocus();
    QTest::keyClicks(secret, u"crm_token!"_s); // letters become capitals, "!" is refused
    QCOMPARE(secret->currentText(), u"CRM_TOKEN"_s);
    QCOMPARE(m_edits.size(), 9);
    QCOMPARE(lastEdit().mergeKey, u"then/0/auth/secret"_s);
    const Auth auth = lastAction().auth;
    QCOMPARE(auth.type, Auth::Type::Bearer);
    QCOMPARE(auth.secret.name, u"CRM_TOKEN"_s);
    QCOMPARE(webhook(m_editor->actions().at(0)).auth, auth);

    auto *status = find<QLabel>(u"authSecretStatus"_s);
    QVERIFY2(status->text().startsWith(u"No value is set."_s), qPrintable(status->text()));
    QVERIFY(find<QPushButton>(u"authSecretSetValue"_s)->isEnabled());

    // The environment counts, as on the command line.
    qputenv("KANCA_SECRET_CRM_TOKEN", "from-env");
    QTest::keyClick(secret, Qt::Key_Backspace);
    QTest::keyClicks(secret, u"N"_s);
    QCOMPARE(status->text(), u"The value comes from the environment variable "
                             "KANCA_SECRET_CRM_TOKEN."_s);
    qunsetenv("KANCA_SECRET_CRM_TOKEN");
}

void TestActionEditor::setValueStoresTheSecretOutsideTheActions()
{
    showSection(2);
    auto *type = find<QComboBox>(u"authType"_s);
    type->setFocus();
    QTest::keyClick(type, Qt::Key_Down);
    QTest::keyClick(type, Qt::Key_Down);
    auto *secret = find<QComboBox>(u"authSecret"_s);
    secret->setFocus();
    QTest::keyClicks(secret, u"CRM_TOKEN"_s);
    const qsizetype edits = m_edits.size();

    const QString value = u"s3cr3t-Değer"_s;
    bool answered = false;
    whenShown([&] {
        auto *dialog = qobject_cast<QInputDialog *>(QApplication::activeModalWidget());
        if (!dialog)
            return false;
        if (dialog->objectName() != u"secretValueDialog"_s)
            qFatal("unexpected dialog %s", qPrintable(dialog->objectName()));
        auto *line = dialog->findChild<QLineEdit *>();
        if (line->echoMode() != QLineEdit::Password)
            qFatal("the secret is shown while typed");
        QTest::keyClicks(line, u"s3cr3t-De"_s);
        line->insert(u"ğ"_s); // what a keyboard layout sends, beyond what QTest types
        QTest::keyClicks(line, u"er"_s);
        QTest::keyClick(line, Qt::Key_Return);
        answered = true;
        return true;
    });
    QTest::mouseClick(find<QPushButton>(u"authSecretSetValue"_s), Qt::LeftButton);
    QTRY_VERIFY(answered);

    QCOMPARE(m_store->secret(u"CRM_TOKEN"_s), std::optional<QByteArray>(value.toUtf8()));
    QCOMPARE(m_store->source(u"CRM_TOKEN"_s), SecretStore::Source::Keychain);
    auto *status = find<QLabel>(u"authSecretStatus"_s);
    // Stored in the keychain, or (no keychain here) kept for the session with the reason.
    QVERIFY2(status->text() == u"The value is stored in the keychain."_s
                 || status->text().contains(u"keychain"_s),
             qPrintable(status->text()));

    // The value went to the store only: no edit, and not in the rule set's file.
    QCOMPARE(m_edits.size(), edits);
    RuleSet ruleSet;
    Rule rule;
    rule.id = u"crm"_s;
    rule.name = u"CRM"_s;
    rule.when = u"contact.created"_s;
    rule.actions = m_editor->actions();
    ruleSet.rules.append(rule);
    const QByteArray file = RuleSetWriter::write(ruleSet);
    QVERIFY(file.contains("\"CRM_TOKEN\""));
    QVERIFY(!file.contains(value.toUtf8()));
    QVERIFY(!file.contains("s3cr3t"));
}

void TestActionEditor::addAndRemoveWebhook()
{
    auto *tabs = m_editor->findChild<QTabBar *>(u"actionTabs"_s);
    QCOMPARE(tabs->count(), 1);
    QCOMPARE(tabs->tabText(0), u"Webhook 1"_s);
    WebhookActionEditor *first = currentEditor();

    QTest::mouseClick(m_editor->findChild<QPushButton *>(u"addAction"_s), Qt::LeftButton);
    QCOMPARE(m_edits.size(), 1);
    QCOMPARE(lastEdit().undoText, u"Add Webhook"_s);
    QCOMPARE(lastEdit().actions.size(), 2);
    QCOMPARE(tabs->count(), 2);
    QCOMPARE(tabs->currentIndex(), 1);
    QCOMPARE(tabs->tabText(1), u"Webhook 2"_s);
    QVERIFY(currentEditor() != first);

    // Typing in the second webhook is its own merge key.
    auto *url = find<QLineEdit>(u"actionUrl"_s);
    url->setFocus();
    QTest::keyClick(url, Qt::Key_End);
    QTest::keyClicks(url, u"hooks.slack.com"_s);
    QCOMPARE(lastEdit().mergeKey, u"then/1/url"_s);
    QCOMPARE(lastAction(1).url, u"https://hooks.slack.com"_s);
    QCOMPARE(lastAction(0).url, u"https://"_s);

    // Move it first, then remove it.
    QTest::mouseClick(m_editor->findChild<QToolButton *>(u"moveActionUp"_s), Qt::LeftButton);
    QCOMPARE(lastEdit().undoText, u"Move Webhook"_s);
    QCOMPARE(lastAction(0).url, u"https://hooks.slack.com"_s);
    QCOMPARE(tabs->currentIndex(), 0);
    QCOMPARE(find<QLineEdit>(u"actionUrl"_s)->text(), u"https://hooks.slack.com"_s);

    QTest::mouseClick(m_editor->findChild<QToolButton *>(u"removeAction"_s), Qt::LeftButton);
    QCOMPARE(lastEdit().undoText, u"Remove Webhook"_s);
    QCOMPARE(lastEdit().mergeKey, QString());
    QCOMPARE(lastEdit().actions.size(), 1);
    QCOMPARE(lastAction(0).url, u"https://"_s);
    QCOMPARE(tabs->count(), 1);
    QCOMPARE(m_editor->actions().size(), 1);
    QCOMPARE(currentEditor(), first);

    // An undo in the document brings it back.
    WebhookAction slack = startingAction();
    slack.url = u"https://hooks.slack.com"_s;
    const qsizetype edits = m_edits.size();
    m_editor->setActions({slack, startingAction()});
    QCOMPARE(tabs->count(), 2);
    QCOMPARE(m_edits.size(), edits);
}

void TestActionEditor::headersTableEdits()
{
    showSection(1);
    auto *add = find<QPushButton>(u"addHeader"_s);
    QTest::mouseClick(add, Qt::LeftButton);
    QCOMPARE(lastEdit().undoText, u"Add Header"_s);
    QCOMPARE(lastAction().headers.size(), 1);
    auto *table = find<QTableWidget>(u"actionHeaders"_s);
    // The name cell is open for typing.
    QTRY_VERIFY(qobject_cast<QLineEdit *>(QApplication::focusWidget()));
    auto *cellEditor = qobject_cast<QLineEdit *>(QApplication::focusWidget());
    QTest::keyClicks(cellEditor, u"X-Source"_s);
    QTest::keyClick(cellEditor, Qt::Key_Return); // the delegate commits a moment later
    QTRY_COMPARE(lastAction().headers.at(0).name, u"X-Source"_s);
    QCOMPARE(lastEdit().mergeKey, u"then/0/headers/0/name"_s);
    QCOMPARE(find<QTabWidget>(u"actionSections"_s)->tabText(1), u"&Headers (1)"_s);

    table->setCurrentCell(0, 1);
    QTest::keyClick(table, Qt::Key_F2);
    QTRY_VERIFY(qobject_cast<QLineEdit *>(QApplication::focusWidget()));
    QTest::keyClicks(QApplication::focusWidget(), u"kanca"_s);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
    QTRY_COMPARE(lastAction().headers.at(0), (NameValue{u"X-Source"_s, u"kanca"_s}));
    QCOMPARE(lastEdit().mergeKey, u"then/0/headers/0/value"_s);

    QTest::mouseClick(find<QPushButton>(u"removeHeader"_s), Qt::LeftButton);
    QCOMPARE(lastEdit().undoText, u"Remove Header"_s);
    QVERIFY(lastAction().headers.isEmpty());
    QCOMPARE(table->rowCount(), 0);
}

void TestActionEditor::problemsOfTheRuleSetShowUnderTheirField()
{
    auto *urlProblems = find<QLabel>(u"urlProblems"_s);
    QVERIFY(!urlProblems->isVisible());
    Problems problems;
    problems.append({Problem::Severity::Error, u"/rules/2/then/0/url"_s, 0, 0,
                     u"the URL must start with http:// or https://"_s, false});
    problems.append({Problem::Severity::Error, u"/rules/2/then/0/auth/token"_s, 0, 0,
                     u"a secret is required here"_s, false});
    problems.append({Problem::Severity::Error, u"/rules/1/then/0/url"_s, 0, 0,
                     u"another rule's problem"_s, false});
    m_editor->setProblems(problems, u"/rules/2"_s);
    QTRY_VERIFY(urlProblems->isVisible());
    QCOMPARE(urlProblems->text(), u"the URL must start with http:// or https://"_s);
    auto *sections = find<QTabWidget>(u"actionSections"_s);
    QVERIFY(!sections->tabIcon(2).isNull()); // authentication
    QVERIFY(sections->tabIcon(1).isNull());  // headers
    auto *tabs = m_editor->findChild<QTabBar *>(u"actionTabs"_s);
    QVERIFY(!tabs->tabIcon(0).isNull());

    m_editor->setProblems({}, u"/rules/2"_s);
    QTRY_VERIFY(!urlProblems->isVisible());
    QVERIFY(sections->tabIcon(2).isNull());
    QVERIFY(tabs->tabIcon(0).isNull());
}

void TestActionEditor::formatJsonKeepsPlaceholdersAndOrder()
{
    const QString compact =
        u"{\"z\":\"{{contact.fullname | default:\\\"a, b\\\"}}\",\"count\":{{conversation."
        "messageCount}},\"tags\":{{contact.tags | json}},\"empty\":{},\"list\":[1,2]}"_s;
    const QString pretty = u"{\n  \"z\": \"{{contact.fullname | default:\\\"a, b\\\"}}\",\n"
                           "  \"count\": {{conversation.messageCount}},\n"
                           "  \"tags\": {{contact.tags | json}},\n  \"empty\": {},\n"
                           "  \"list\": [\n    1,\n    2\n  ]\n}"_s;
    QCOMPARE(JsonFormatter::format(compact), pretty);
    QCOMPARE(JsonFormatter::format(pretty), pretty);

    clearPayload();
    QTest::keyClicks(payload(), u"{\"a\":1,\"b\":\"{{contact.id}}\"}"_s);
    QTest::mouseClick(find<QToolButton>(u"formatJson"_s), Qt::LeftButton);
    QCOMPARE(lastEdit().undoText, u"Format JSON"_s);
    QCOMPARE(lastAction().body.templateText, u"{\n  \"a\": 1,\n  \"b\": \"{{contact.id}}\"\n}"_s);
    QCOMPARE(payload()->toPlainText(), lastAction().body.templateText);
}

void TestActionEditor::turkishLabels()
{
    auto *add = m_editor->findChild<QPushButton *>(u"addAction"_s);
    auto *sections = find<QTabWidget>(u"actionSections"_s);
    QCOMPARE(add->text(), u"Add &Webhook"_s);
    QCOMPARE(sections->tabText(0), u"&Body"_s);

    LanguageManager::instance().setLanguage(Language::Turkish);
    QTRY_COMPARE(add->text(), u"&Webhook Ekle"_s);
    QCOMPARE(sections->tabText(0), u"&Gövde"_s);
    QCOMPARE(sections->tabText(2), u"&Yetkilendirme"_s);
    QCOMPARE(find<QComboBox>(u"authType"_s)->itemText(2), u"Bearer token"_s);
    QCOMPARE(find<QToolButton>(u"payloadPresets"_s)->text(), u"&Hazır Gövdeler"_s);
    auto *menu = find<QToolButton>(u"payloadPresets"_s)->menu();
    QCOMPARE(menu->findChild<QAction *>(u"preset-vip-to-slack"_s)->text(),
             u"VIP müşteriyi Slack'e bildir"_s);

    // Catalog labels in the completion follow the language; problems are in Turkish.
    clearPayload();
    TemplateEditor *editor = payload();
    QTest::keyClicks(editor, u"{\"ad\": \"{{contact.fulln"_s);
    QAbstractItemView *popup = editor->completer()->popup();
    QTRY_VERIFY(popup->isVisible());
    QCOMPARE(popup->currentIndex().siblingAtColumn(1).data().toString(), u"Ad Soyad"_s);
    QTest::keyClick(popup, Qt::Key_Escape);
    QTRY_VERIFY(!popup->isVisible());
    QTest::keyClicks(editor, u"am}}\"}"_s);
    auto *label = find<QLabel>(u"payloadProblems"_s);
    QTRY_VERIFY(label->isVisible());
    QVERIFY2(label->text().startsWith(u"Satır 1, sütun 11: bilinmeyen alan"_s),
             qPrintable(label->text()));

    LanguageManager::instance().setLanguage(Language::English);
    QTRY_COMPARE(add->text(), u"Add &Webhook"_s);
    QCOMPARE(sections->tabText(0), u"&Body"_s);
    QCOMPARE(menu->findChild<QAction *>(u"preset-vip-to-slack"_s)->text(), u"VIP to Slack"_s);
    QTRY_VERIFY(label->text().startsWith(u"Line 1, column 11: unknown field"_s));
}

namespace {

// A presets file of one preset, with `extra` members added to it.
QByteArray onePreset(const QByteArray &body, const QByteArray &extra = {})
{
    return R"({"format": "kanca.presets", "version": 1, "presets": [{"id": "p", "group": "examples",
               "label": "P", "description": "D", "method": "POST", "body": )"
           + body + extra + "}]}";
}

} // namespace

// Auth, signing and body kinds are named in presets as in rule sets.
void TestActionEditor::presetsReadTheFormatsNames()
{
    QString error;
    const std::optional<PresetLibrary> library = PresetLibrary::load(
        onePreset(R"({"format": "text", "template": "x", "contentType": "text/csv"})",
                  R"(, "auth": {"type": "bearer", "secret": "CRM_TOKEN"},
                     "signing": {"type": "hmac-sha256", "encoding": "base64", "prefix": "",
                                 "secret": "S"})"),
        &error);
    QVERIFY2(library, qPrintable(error));
    QCOMPARE(library->presets().size(), qsizetype(1));
    const Preset &preset = library->presets().first();
    QCOMPARE(preset.format, Body::Format::Text);
    QCOMPARE(preset.contentType, u"text/csv"_s);
    QVERIFY(preset.auth);
    QCOMPARE(preset.auth->type, Auth::Type::Bearer);
    QCOMPARE(preset.auth->secret.name, u"CRM_TOKEN"_s);
    QVERIFY(preset.signing);
    QCOMPARE(preset.signing->type, Signing::Type::HmacSha256);
    QCOMPARE(preset.signing->encoding, Signing::Encoding::Base64);
    QCOMPARE(preset.signing->prefix, QString());
    QCOMPARE(preset.signing->header, u"X-Hub-Signature-256"_s);

    // The presets shipped: every one read.
    QVERIFY(PresetLibrary::builtIn().presets().size() >= 10);
}

void TestActionEditor::presetsRefuseWhatThePayloadMenuCannotApply_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("error");
    QTest::newRow("a form body") << onePreset(R"({"format": "form", "template": "x"})")
                                 << u"preset 0 lacks"_s;
    QTest::newRow("an unknown body format")
        << onePreset(R"({"format": "xml", "template": "x"})") << u"preset 0 lacks"_s;
    QTest::newRow("no auth") << onePreset(R"({"format": "json", "template": "{}"})",
                                          R"(, "auth": {"type": "none"})")
                             << u"preset \"p\" has an unknown authentication"_s;
    QTest::newRow("an unknown auth")
        << onePreset(R"({"format": "json", "template": "{}"})", R"(, "auth": {"type": "digest"})")
        << u"preset \"p\" has an unknown authentication"_s;
    QTest::newRow("no signing") << onePreset(R"({"format": "json", "template": "{}"})",
                                             R"(, "signing": {"type": "none"})")
                                << u"preset \"p\" has an unknown signing"_s;
}

void TestActionEditor::presetsRefuseWhatThePayloadMenuCannotApply()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, error);
    QString said;
    QVERIFY(!PresetLibrary::load(json, &said));
    QVERIFY2(said.contains(error), qPrintable(said));
}

QTEST_MAIN(TestActionEditor)
#include "tst_actioneditor.moc"
