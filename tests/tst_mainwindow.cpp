// The whole designer window, driven as a person would: menus, clicks, typing, shortcuts.
#include "catalog/Catalog.h"
#include "document/RuleSetDocument.h"
#include "engine/RuleSetLoader.h"
#include "settings/LanguageManager.h"
#include "settings/Settings.h"
#include "support/QuietOffscreen.h"
#include "window/Dialogs.h"
#include "window/DocumentController.h"
#include "window/MainWindow.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QComboBox>
#include <QFile>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QUndoStack>

using namespace Kanca;
using namespace Qt::StringLiterals;

namespace {

const QString example =
    QStringLiteral(KANCA_SOURCE_DIR "/resources/examples/supsis-examples.kanca.json");

template<typename T>
T *visibleChild(QWidget *parent, const QString &name)
{
    const QList<T *> all = parent->findChildren<T *>(name);
    for (T *widget : all) {
        if (widget->isVisible())
            return widget;
    }
    return nullptr;
}

// Types text as a keyboard would; characters beyond ASCII (ş, ı, ü) come as a key event with
// their text, as an input method delivers them.
void type(QWidget *widget, const QString &text)
{
    for (const QChar c : text) {
        if (c.unicode() < 128) {
            QTest::keyClick(widget, char(c.unicode()));
            continue;
        }
        QKeyEvent press(QEvent::KeyPress, Qt::Key_unknown, Qt::NoModifier, QString(c));
        QApplication::sendEvent(widget, &press);
        QKeyEvent release(QEvent::KeyRelease, Qt::Key_unknown, Qt::NoModifier, QString(c));
        QApplication::sendEvent(widget, &release);
    }
}

QAction *actionWithText(QMenu *menu, const QString &text)
{
    for (QAction *action : menu->actions()) {
        if (action->text().remove(u'&') == text)
            return action;
    }
    return nullptr;
}

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void buildVipToSlackThroughTheWidgets();
    void switchToTurkishAtRunTime();
    void undoAndRedoWithShortcuts();
    void saveReopenCompare();
    void importBrokenFileKeepsTheDocument();

private:
    void choose(QComboBox *combo, const QString &text);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<MainWindow> m_window;
};

void TestMainWindow::initTestCase()
{
    Kanca::Testing::quietOffscreenWarnings();
    QStandardPaths::setTestModeEnabled(true);
    Dialogs::setRecordOnly(true);
}

void TestMainWindow::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    Settings::useTemporaryFile(m_dir->filePath(u"settings.ini"_s));
    LanguageManager::instance().setLanguage(Language::English);
    m_window = std::make_unique<MainWindow>();
    m_window->openHistory(m_dir->filePath(u"history.sqlite"_s));
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
}

void TestMainWindow::cleanup()
{
    m_window->document()->undoStack()->setClean(); // no question on close
    m_window.reset();
    LanguageManager::instance().setLanguage(Language::English);
}

// Opens the combo's list, moves to the entry as the keyboard would and presses Return.
void TestMainWindow::choose(QComboBox *combo, const QString &text)
{
    QVERIFY(combo);
    const int target = combo->findText(text, Qt::MatchExactly);
    QVERIFY2(target >= 0, qPrintable(u"no \"%1\" in %2"_s.arg(text, combo->objectName())));
    combo->showPopup();
    QAbstractItemView *view = combo->view();
    QTRY_VERIFY(view->isVisible());
    view->setCurrentIndex(combo->model()->index(target, combo->modelColumn()));
    QTest::keyClick(view, Qt::Key_Return);
    QTRY_VERIFY(!view->isVisible());
    QCOMPARE(combo->currentText(), text);
    m_window->activateWindow();
}

void TestMainWindow::buildVipToSlackThroughTheWidgets()
{
    RuleSetDocument *document = m_window->document();
    m_window->documents()->newDocument();
    QCOMPARE(document->ruleCount(), 0);

    // Add a rule for "Chat Opened" from the Add menu.
    auto *chatMenu = m_window->findChild<QMenu *>(u"addRuleMenu_chat"_s);
    QVERIFY(chatMenu);
    QAction *chatOpened = actionWithText(chatMenu, u"Chat Opened"_s);
    QVERIFY(chatOpened);
    chatOpened->trigger();
    QCOMPARE(document->ruleCount(), 1);
    QCOMPARE(document->rule(0).when, u"chat.opened"_s);

    // Name it.
    auto *name = visibleChild<QLineEdit>(m_window.get(), u"ruleName"_s);
    QVERIFY(name);
    name->selectAll();
    type(name, u"VIP müşteri yazınca Slack'e bildir"_s);
    QTRY_COMPARE(document->rule(0).name, u"VIP müşteri yazınca Slack'e bildir"_s);

    // If: Contact Tags contains VIP.
    auto *addCondition = visibleChild<QAbstractButton>(m_window.get(), u"addCondition"_s);
    QVERIFY(addCondition);
    QTest::mouseClick(addCondition, Qt::LeftButton);
    choose(visibleChild<QComboBox>(m_window.get(), u"conditionField"_s), u"Contact Tags"_s);
    choose(visibleChild<QComboBox>(m_window.get(), u"conditionOperator"_s), u"contains"_s);
    auto *value = visibleChild<QLineEdit>(m_window.get(), u"conditionValue"_s);
    QVERIFY(value);
    type(value, u"VIP"_s);
    QTRY_VERIFY(document->rule(0).condition
                && *document->rule(0).condition
                       == Condition::all(
                           {Condition::leaf(u"contact.tags"_s, Operator::Contains, u"VIP"_s)}));

    // Then: the Slack URL and the seed's payload.
    auto *url = visibleChild<QLineEdit>(m_window.get(), u"actionUrl"_s);
    QVERIFY(url);
    url->selectAll();
    type(url, u"https://hooks.slack.com/services/T000/B000/XXXX"_s);
    auto *payload = visibleChild<QPlainTextEdit>(m_window.get(), u"payloadEditor"_s);
    QVERIFY(payload);
    payload->selectAll();
    QTest::keyClick(payload, Qt::Key_Delete);
    type(payload, u"{\"text\": \"VIP müşteri "_s);
    type(payload, u"{{contact.fullname"_s);
    QTest::keyClick(payload, Qt::Key_Escape); // close the completion list, keep what was typed
    type(payload, u"}} Supsis üzerinden yeni sohbet açtı.\"}"_s);
    const auto &webhook = [&] { return std::get<WebhookAction>(document->rule(0).actions.at(0)); };
    QTRY_COMPARE(webhook().url, u"https://hooks.slack.com/services/T000/B000/XXXX"_s);
    QTRY_VERIFY2(webhook().body.templateText.contains(u"{{contact.fullname}}"),
                 qPrintable(webhook().body.templateText));

    // The preview, with the Turkish sample: it matches and the body names the contact.
    choose(visibleChild<QComboBox>(m_window.get(), u"previewSample"_s), u"Turkish sample"_s);
    auto *verdict = visibleChild<QLabel>(m_window.get(), u"previewVerdict"_s);
    QVERIFY(verdict);
    QTRY_VERIFY2(verdict->text().contains(u"Matches"), qPrintable(verdict->text()));
    const QString fullname = Catalog::builtIn()
                                 .sampleEvent(u"chat.opened"_s, Language::Turkish)
                                 .value(u"contact"_s)
                                 .toObject()
                                 .value(u"fullname"_s)
                                 .toString();
    auto *body = visibleChild<QPlainTextEdit>(m_window.get(), u"previewBody"_s);
    QVERIFY(body);
    QTRY_VERIFY2(body->toPlainText().contains(u"VIP müşteri "_s + fullname + u" Supsis"_s),
                 qPrintable(body->toPlainText()));
    QVERIFY(!hasErrors(document->problems()));
}

void TestMainWindow::switchToTurkishAtRunTime()
{
    QVERIFY(m_window->documents()->open(example));
    QMenu *fileMenu = m_window->menuBar()->actions().first()->menu();
    QCOMPARE(fileMenu->title().remove(u'&'), u"File"_s);
    auto *turkish = m_window->findChild<QAction *>(u"actionTurkish"_s);
    QVERIFY(turkish);
    turkish->trigger();
    QCOMPARE(LanguageManager::instance().language(), Language::Turkish);
    QTRY_COMPARE(fileMenu->title().remove(u'&'), u"Dosya"_s);
    auto *picker = visibleChild<QComboBox>(m_window.get(), u"eventPicker"_s);
    QVERIFY(picker);
    m_window->document()->setCurrentRule(m_window->document()->indexOfRule(u"vip-to-slack"_s));
    QTRY_COMPARE(picker->currentText(), u"Sohbet Açıldı"_s);
    // Remembered for the next start.
    QCOMPARE(Settings::instance().language(), std::optional<Language>(Language::Turkish));
    m_window->findChild<QAction *>(u"actionEnglish"_s)->trigger();
    QTRY_COMPARE(picker->currentText(), u"Chat Opened"_s);
}

void TestMainWindow::undoAndRedoWithShortcuts()
{
    QVERIFY(m_window->documents()->open(example));
    RuleSetDocument *document = m_window->document();
    const qsizetype before = document->ruleCount();
    auto *list = visibleChild<QAbstractItemView>(m_window.get(), u"ruleList"_s);
    QVERIFY(list);
    list->setFocus();
    QTRY_VERIFY(list->hasFocus());
    QTest::keyClick(list, Qt::Key_Delete);
    QTRY_COMPARE(document->ruleCount(), before - 1);
    QTest::keyClick(m_window.get(), Qt::Key_Z, Qt::ControlModifier);
    QTRY_COMPARE(document->ruleCount(), before);
    QTest::keyClick(m_window.get(), Qt::Key_Y, Qt::ControlModifier);
    QTRY_COMPARE(document->ruleCount(), before - 1);
    QVERIFY(m_window->isWindowModified());
    // The menu items carry the standard shortcuts.
    QCOMPARE(m_window->findChild<QAction *>(u"actionUndo"_s)->shortcut(),
             QKeySequence(QKeySequence::Undo));
    QCOMPARE(m_window->findChild<QAction *>(u"actionSave"_s)->shortcut(),
             QKeySequence(QKeySequence::Save));
}

void TestMainWindow::saveReopenCompare()
{
    QVERIFY(m_window->documents()->open(example));
    RuleSetDocument *document = m_window->document();
    auto *name = visibleChild<QLineEdit>(m_window.get(), u"ruleName"_s);
    QVERIFY(name);
    name->selectAll();
    type(name, u"Yeniden adlandırıldı"_s);
    QTRY_VERIFY(document->isModified());
    const QString path = m_dir->filePath(u"saved.kanca.json"_s);
    Dialogs::setNextFileName(path);
    QTest::keyClick(m_window.get(), Qt::Key_S, Qt::ControlModifier | Qt::ShiftModifier);
    QTRY_VERIFY(QFile::exists(path));
    QVERIFY(!document->isModified());

    MainWindow reopened;
    QVERIFY(reopened.documents()->open(path));
    QVERIFY(reopened.document()->ruleSet() == document->ruleSet());
    QCOMPARE(reopened.document()->rule(0).name, u"Yeniden adlandırıldı"_s);
}

void TestMainWindow::importBrokenFileKeepsTheDocument()
{
    QVERIFY(m_window->documents()->open(example));
    const RuleSet before = m_window->document()->ruleSet();
    const QString broken = m_dir->filePath(u"broken.json"_s);
    QFile file(broken);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("{\"format\": \"kanca.ruleset\", \"version\": 1, \"rules\": [{\"id\": \"a\", "
               "\"name\": \"A\", \"when\": \"chat.opened\", \"if\": {\"field\": "
               "\"contact.tags\", \"op\": \"containz\", \"value\": \"x\"}, \"then\": []}]}");
    file.close();
    Dialogs::setNextFileName(broken);
    m_window->findChild<QAction *>(u"actionImport"_s)->trigger();
    QVERIFY(m_window->document()->ruleSet() == before);
    QVERIFY(!m_window->document()->isModified());
    QVERIFY2(Dialogs::lastMessage().contains(
                 u"/rules/0/if/op: unknown operator \"containz\" (did you mean \"contains\"?)"),
             qPrintable(Dialogs::lastMessage()));
    QVERIFY(Dialogs::lastMessage().contains(u"/rules/0/then: a rule needs at least one action"));
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
