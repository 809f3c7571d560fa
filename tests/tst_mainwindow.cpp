// The whole designer window, driven as a person would: menus, clicks, typing, shortcuts.
#include "catalog/Catalog.h"
#include "document/RuleSetDocument.h"
#include "engine/RuleSetLoader.h"
#include "history/HistoryDatabase.h"
#include "http/HttpServer.h"
#include "services/DeliveryService.h"
#include "settings/LanguageManager.h"
#include "settings/Settings.h"
#include "support/QuietOffscreen.h"
#include "window/Dialogs.h"
#include "window/DocumentController.h"
#include "window/MainWindow.h"
#include "window/StorageBanner.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialog>
#include <QDir>
#include <QFile>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScopeGuard>
#include <QScrollBar>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTextLayout>
#include <QTimer>
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
    void problemsAreSaidWhereTheyAreAndWrap();
    void historyThatCannotBeWrittenIsSaidInWords();
    void historyThatCannotBeOpenedIsSaidInWords();

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
    // Each problem where it is in words, then its pointer as a detail.
    const QString said = Dialogs::lastMessage();
    QVERIFY2(said.contains(u"Rule \"A\" › If › operator: unknown operator \"containz\" (did you "
                           u"mean \"contains\"?)\n    Line 1, column "_s),
             qPrintable(said));
    QVERIFY2(said.contains(u" · /rules/0/if/op\n"_s), qPrintable(said));
    QVERIFY2(said.contains(u"Rule \"A\" › Then: a rule needs at least one action"_s),
             qPrintable(said));
}

void TestMainWindow::problemsAreSaidWhereTheyAreAndWrap()
{
    // A rule set that opens, with what it holds that is lost when saved: an unknown key, named
    // at length, in the second condition of a group.
    const QString longKey = u"a note about why this condition is here that someone wrote into "
                            u"the file by hand, much longer than the dialog is wide"_s;
    const QString path = m_dir->filePath(u"problems.kanca.json"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(uR"({"format": "kanca.ruleset", "version": 1, "name": "P", "rules": [
  {"id": "vip", "name": "VIP müşteri yazınca Slack kanalına bildir ve CRM kaydı aç",
   "when": "chat.opened",
   "if": {"all": [{"field": "contact.tags", "op": "contains", "value": "VIP"},
     {"any": [{"field": "contact.city", "op": "equals", "value": "İzmir"},
       {"field": "contact.city", "op": "equals", "value": "Ankara", "%1": 1}]}]},
   "then": [{"type": "webhook", "method": "POST", "url": "https://x.test/a"}]}]})"_s.arg(longKey)
                   .toUtf8());
    file.close();

    // The dialog is shown for real; looked at while it is open, then closed.
    Dialogs::setRecordOnly(false);
    const auto recordAgain = qScopeGuard([] { Dialogs::setRecordOnly(true); });
    QString shown;
    int wrappedLines = 0;
    qreal widest = 0;
    int room = 0;
    int sideways = -1;
    bool wrapsAtWidth = false;
    QTimer look;
    look.setInterval(20);
    connect(&look, &QTimer::timeout, this, [&] {
        auto *dialog = qobject_cast<QDialog *>(QApplication::activeModalWidget());
        auto *list = dialog ? dialog->findChild<QTextBrowser *>(u"problemList"_s) : nullptr;
        if (!list || !list->isVisible())
            return;
        shown = list->toPlainText();
        wrapsAtWidth = list->lineWrapMode() == QTextEdit::WidgetWidth;
        sideways = list->horizontalScrollBar()->maximum();
        for (QTextBlock block = list->document()->begin(); block.isValid(); block = block.next()) {
            if (!block.text().contains(u"it is ignored"_s) || !block.layout())
                continue;
            wrappedLines = block.layout()->lineCount();
            for (int i = 0; i < wrappedLines; ++i)
                widest = std::max(widest, block.layout()->lineAt(i).naturalTextWidth());
        }
        room = list->viewport()->width();
        if (wrappedLines == 0)
            return; // not laid out yet
        look.stop();
        dialog->reject();
    });
    look.start();
    QVERIFY(m_window->documents()->open(path));
    QVERIFY2(!look.isActive(), "the problems dialog was shown");

    // The rule by its name (shortened), the group and the condition, then what is wrong.
    const QString place =
        u"Rule \"VIP müşteri yazınca Slack…\" › If › group 1 › condition 2 › \"%1\": unknown key"_s
            .arg(longKey);
    QVERIFY2(shown.contains(place), qPrintable(shown));
    QVERIFY2(shown.contains(u"Warning · Line 6, column "_s), qPrintable(shown));
    QVERIFY2(shown.contains(u" · /rules/0/if/all/1/any/1/"_s + longKey), qPrintable(shown));
    QVERIFY(Dialogs::lastMessage().contains(place));
    // The long message wraps at the dialog's width: no scrolling sideways.
    QVERIFY(wrapsAtWidth);
    QCOMPARE(sideways, 0);
    // The place and message (and the detail after its line break) take several lines, none
    // wider than the list.
    QVERIFY2(wrappedLines > 2, qPrintable(QString::number(wrappedLines)));
    QVERIFY2(widest <= room, qPrintable(u"%1 > %2"_s.arg(widest).arg(room)));
}

void TestMainWindow::historyThatCannotBeWrittenIsSaidInWords()
{
    // A receiver that holds its first answer until the history cannot grow any more.
    HttpServer server;
    QString error;
    QVERIFY2(server.listen(QHostAddress::LocalHost, 0, &error), qPrintable(error));
    QList<HttpResponder> held;
    int received = 0;
    server.setHandler([&](const HttpRequest &, HttpResponder responder) {
        if (++received == 1)
            held.append(responder);
        else
            responder.respond(200, {{"Content-Type", "application/json"}}, "{\"ok\": true}");
    });
    QVERIFY(m_window->documents()->open(example));
    RuleSetDocument *document = m_window->document();
    const qsizetype index = document->indexOfRule(u"vip-to-slack"_s);
    QVERIFY(index >= 0);
    Rule rule = document->rule(index);
    auto &webhook = std::get<WebhookAction>(rule.actions.first());
    webhook.url = server.url() + u"/hooks/vip"_s;
    webhook.retry.maxAttempts = 3;
    webhook.retry.initialDelayMs = 10;
    webhook.retry.maxDelayMs = 20;
    document->changeRule(index, rule, u"Point at the test server"_s);
    document->setCurrentRule(index);

    StorageBanner *banner = m_window->storageBanner();
    QVERIFY(banner->isHidden());
    auto *retry = visibleChild<QCheckBox>(m_window.get(), u"sendTestRetry"_s);
    QVERIFY(retry);
    retry->setChecked(true); // an attempt of the test may be made again, as the rule says
    auto *send = visibleChild<QToolButton>(m_window.get(), u"sendTestButton"_s);
    QVERIFY(send);
    QTRY_VERIFY(send->isEnabled());
    QTest::mouseClick(send, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(held.size(), 1, 15000); // its start is recorded: it was sent

    // The history's file may grow no more: SQLite's "database or disk is full", as a full disk
    // gives it (max_page_count on the window's own connection). The answer's body needs room.
    HistoryDatabase &history = m_window->deliveries()->history();
    {
        QSqlQuery full(QSqlDatabase::database(history.connectionName()));
        QVERIFY(full.exec(u"PRAGMA page_count"_s) && full.next());
        const qint64 pages = full.value(0).toLongLong();
        QVERIFY(full.exec(u"PRAGMA max_page_count = %1"_s.arg(pages)));
    }
    const QList<Delivery> pending = history.unfinishedDeliveries();
    QCOMPARE(pending.size(), 1);
    const QString id = pending.first().id;
    held.first().respond(200, {{"Content-Type", "text/plain"}}, QByteArray(200 * 1024, 'x'));

    // Said in the window, in words, until it is resolved: what happened (the file and SQLite's
    // reason), that sending stopped, what may be sent again, what to do.
    QTRY_VERIFY_WITH_TIMEOUT(banner->isVisible(), 15000);
    const QString said = banner->text();
    QVERIFY2(said.startsWith(u"Sending has stopped: the history cannot be written."_s),
             qPrintable(said));
    QVERIFY2(said.contains(QDir::toNativeSeparators(m_dir->filePath(u"history.sqlite"_s))),
             qPrintable(said));
    QVERIFY2(said.contains(u"the disk is full"_s), qPrintable(said));
    QVERIFY2(said.contains(u"1 delivery may have reached its receiver without its result being "
                           u"recorded; it is sent again (with the same webhook-id) when sending "
                           u"resumes: "_s),
             qPrintable(said));
    QVERIFY2(said.contains(id), qPrintable(said));
    QVERIFY2(said.contains(u"Free space on its disk, or make the file and its folder writable"_s),
             qPrintable(said));
    QCOMPARE(banner->resumeButton()->text(), u"Resume Sending"_s);
    qInfo("the window says: %s", qPrintable(said));
    // Nothing says it was delivered: the test's banner and answer say it is not recorded.
    auto *result = visibleChild<QLabel>(m_window.get(), u"testResultBanner"_s);
    QVERIFY(result);
    QTRY_VERIFY2(result->text().startsWith(u"✗ Not recorded"_s), qPrintable(result->text()));
    auto *status = visibleChild<QLabel>(m_window.get(), u"previewResponseStatus"_s);
    QVERIFY(status);
    QVERIFY2(status->text().startsWith(u"✗ Not recorded"_s), qPrintable(status->text()));
    QTRY_COMPARE(m_window->findChild<QAction *>(u"sendTestAction"_s)->text(), u"Send test"_s);
    QCOMPARE(history.delivery(id)->status, DeliveryStatus::Pending);
    QCOMPARE(received, 1);
    // It stays: a moment later it is still there.
    QTest::qWait(200);
    QVERIFY(banner->isVisible());

    // Once there is room (here: the history opened again, without the limit), Resume Sending
    // takes the delivery over at once: its attempt is recorded as interrupted, and it is sent
    // again with the same id, delivered and recorded.
    QTest::mouseClick(banner->resumeButton(), Qt::LeftButton);
    QTRY_VERIFY(banner->isHidden());
    QTRY_COMPARE_WITH_TIMEOUT(received, 2, 15000);
    QTRY_VERIFY2_WITH_TIMEOUT(result->text().startsWith(u"✓ Delivered"_s),
                              qPrintable(result->text()), 15000);
    HistoryDatabase &reopened = m_window->deliveries()->history();
    QTRY_COMPARE(reopened.delivery(id)->status, DeliveryStatus::Succeeded);
    const QList<Attempt> attempts = reopened.attempts(id);
    QCOMPARE(attempts.size(), 2);
    QVERIFY2(attempts.first().error.startsWith(u"Interrupted"_s),
             qPrintable(attempts.first().error));
    QCOMPARE(attempts.last().outcome, Attempt::Outcome::Succeeded);
}

void TestMainWindow::historyThatCannotBeOpenedIsSaidInWords()
{
    // A folder where the history file should be: nothing can be sent, and the window says so
    // until the history opens.
    const QString path = m_dir->filePath(u"blocked.sqlite"_s);
    QVERIFY(QDir().mkpath(path));
    m_window->openHistory(path);
    StorageBanner *banner = m_window->storageBanner();
    QVERIFY(banner->isVisible());
    const QString said = banner->text();
    QVERIFY2(said.startsWith(u"Nothing can be sent: the history cannot be opened.\n"_s),
             qPrintable(said));
    QVERIFY2(said.contains(u"Cannot open the history %1: it is a folder, not a file."_s.arg(
                 QDir::toNativeSeparators(path))),
             qPrintable(said));
    QVERIFY2(said.contains(u"then choose Open Again."_s), qPrintable(said));
    QCOMPARE(banner->resumeButton()->text(), u"Open Again"_s);
    // Said in Turkish too, once the interface is.
    LanguageManager::instance().setLanguage(Language::Turkish);
    QTRY_VERIFY2(banner->text().startsWith(u"Hiçbir şey gönderilemiyor: geçmiş açılamıyor."_s),
                 qPrintable(banner->text()));
    QCOMPARE(banner->resumeButton()->text(), u"Yeniden Aç"_s);
    LanguageManager::instance().setLanguage(Language::English);

    // Still a folder: opening again says so again.
    QTest::mouseClick(banner->resumeButton(), Qt::LeftButton);
    QVERIFY(banner->isVisible());
    QVERIFY(banner->text().contains(u"it is a folder"_s));
    // The folder gone, Open Again opens the history and the message goes.
    QVERIFY(QDir().rmdir(path));
    QTest::mouseClick(banner->resumeButton(), Qt::LeftButton);
    QTRY_VERIFY(banner->isHidden());
    QVERIFY(m_window->deliveries()->isOpen());
    QCOMPARE(m_window->deliveries()->databasePath(), path);
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
