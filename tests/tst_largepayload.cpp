// A payload of about 2 MiB in the designer's window, as a person pastes and edits it: the
// preview renders it correctly in the end, the editor says why it is not highlighted, a long
// single line is shown in pieces (and said so) yet kept exactly as pasted and typed, and
// problems are still found. Nothing here is timed: bench/system/typing_bench.cpp measures how
// long each keystroke takes (tst_longlines tests the pieces in detail).
#include "action/SoftBreaks.h"
#include "action/TemplateEditor.h"
#include "catalog/Catalog.h"
#include "document/RuleSetDocument.h"
#include "engine/RuleSetLoader.h"
#include "settings/LanguageManager.h"
#include "settings/Settings.h"
#include "support/QuietOffscreen.h"
#include "window/Dialogs.h"
#include "window/DocumentController.h"
#include "window/MainWindow.h"

#include <QApplication>
#include <QClipboard>
#include <QLabel>
#include <QPlainTextEdit>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextLayout>
#include <QUndoStack>

#include <memory>

using namespace Kanca;
using namespace Qt::StringLiterals;

namespace {

const QString example =
    QStringLiteral(KANCA_SOURCE_DIR "/resources/examples/supsis-examples.kanca.json");

QString largeBody(bool oneLine)
{
    QString body = u"{\n  \"text\": \"{{contact.fullname}} yazdı\",\n  \"items\": [\n"_s;
    for (int n = 0; body.size() < 2 * 1024 * 1024; ++n) {
        body += u"    {\"n\": %1, \"name\": \"{{contact.fullname}}\", \"note\": \"Müşteri "
                u"şikâyeti: sipariş gecikti.\"},\n"_s.arg(n);
    }
    body += u"    {\"n\": -1}\n  ]\n}\n"_s;
    if (oneLine)
        body.remove(u'\n');
    return body;
}

} // namespace

class TestLargePayload : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void pastedBodyIsRenderedAndEditable();
    void oneLongLineIsShownInPiecesAndKeptAsWritten();

private:
    template<typename T>
    T *visible(const QString &name) const
    {
        for (T *widget : m_window->findChildren<T *>(name)) {
            if (widget->isVisible())
                return widget;
        }
        return nullptr;
    }
    QString ruleBody() const;
    void paste(QPlainTextEdit *editor, const QString &text);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<MainWindow> m_window;
};

void TestLargePayload::initTestCase()
{
    Kanca::Testing::quietOffscreenWarnings();
    QStandardPaths::setTestModeEnabled(true);
    Dialogs::setRecordOnly(true);
}

void TestLargePayload::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    Settings::useTemporaryFile(m_dir->filePath(u"settings.ini"_s));
    LanguageManager::instance().setLanguage(Language::English);
    m_window = std::make_unique<MainWindow>();
    m_window->openHistory(m_dir->filePath(u"history.sqlite"_s));
    m_window->resize(1366, 768);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    QVERIFY(m_window->documents()->open(example));
    RuleSetDocument *document = m_window->document();
    document->setCurrentRule(document->indexOfRule(u"vip-to-slack"_s));
    QTRY_VERIFY(visible<QPlainTextEdit>(u"payloadEditor"_s) != nullptr);
}

void TestLargePayload::cleanup()
{
    m_window->document()->undoStack()->setClean();
    m_window.reset();
}

QString TestLargePayload::ruleBody() const
{
    const RuleSetDocument *document = m_window->document();
    return std::get<WebhookAction>(document->rule(document->currentRule()).actions.first())
        .body.templateText;
}

void TestLargePayload::paste(QPlainTextEdit *editor, const QString &text)
{
    QGuiApplication::clipboard()->setText(text);
    editor->setFocus();
    QTest::keyClick(editor, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClick(editor, Qt::Key_V, Qt::ControlModifier);
}

void TestLargePayload::pastedBodyIsRenderedAndEditable()
{
    auto *editor = visible<QPlainTextEdit>(u"payloadEditor"_s);
    // (The preview column may be scrolled: its body need not be in view.)
    auto *preview = m_window->findChild<QPlainTextEdit *>(u"previewBody"_s);
    QVERIFY(preview);
    // A small payload is highlighted.
    QTRY_VERIFY(!editor->document()->firstBlock().layout()->formats().isEmpty());

    const QString body = largeBody(false);
    paste(editor, body);
    // The document gets the body after the pause, and the preview renders it: placeholders
    // filled in with the sample's values.
    QTRY_COMPARE_WITH_TIMEOUT(ruleBody().size(), body.size(), 30000);
    QCOMPARE(ruleBody(), body);
    const QString name = Catalog::builtIn()
                             .sampleEvent(u"chat.opened", Language::Turkish)
                             .value("contact"_L1)
                             .toObject()
                             .value("fullname"_L1)
                             .toString();
    QTRY_VERIFY_WITH_TIMEOUT(preview->toPlainText().contains(u"\"name\": \"%1\""_s.arg(name)),
                             30000);
    QVERIFY(!preview->toPlainText().contains(u"{{contact.fullname}}"_s));

    // Not highlighted, and the editor says so.
    auto *notice = visible<QLabel>(u"payloadLargeNotice"_s);
    QVERIFY(notice);
    QVERIFY2(notice->text().contains(u"not highlighted"_s), qPrintable(notice->text()));
    QVERIFY(!notice->text().contains(u"in pieces"_s));
    QVERIFY(editor->document()->firstBlock().layout()->formats().isEmpty());

    // Typing into one of the first items: the preview follows.
    QTextCursor cursor = editor->textCursor();
    cursor.setPosition(int(body.indexOf(u"sipariş gecikti"_s)));
    editor->setTextCursor(cursor);
    QTest::keyClicks(editor, u"acil "_s);
    QTRY_VERIFY_WITH_TIMEOUT(preview->toPlainText().contains(u"şikâyeti: acil sipariş"_s), 30000);
    QVERIFY(ruleBody().contains(u"şikâyeti: acil sipariş"_s));

    // A problem typed in is still found (on the worker thread) and shown.
    cursor.setPosition(int(body.indexOf(u"{{contact.fullname}}\"},"_s)) + 2);
    editor->setTextCursor(cursor);
    QTest::keyClicks(editor, u"nosuch."_s);
    auto *problems = m_window->findChild<QWidget *>(u"payloadProblems"_s);
    QTRY_VERIFY_WITH_TIMEOUT(problems->isVisible(), 30000);

    // Back to a small payload: highlighted again, the notice gone.
    paste(editor, u"{\"text\": \"{{contact.fullname}}\"}"_s);
    QTRY_COMPARE_WITH_TIMEOUT(ruleBody(), u"{\"text\": \"{{contact.fullname}}\"}"_s, 30000);
    QVERIFY(!notice->isVisible());
    QTRY_VERIFY(!editor->document()->firstBlock().layout()->formats().isEmpty());
}

void TestLargePayload::oneLongLineIsShownInPiecesAndKeptAsWritten()
{
    auto *editor = visible<QPlainTextEdit>(u"payloadEditor"_s);
    const QString body = largeBody(true);
    paste(editor, body);
    QTRY_COMPARE_WITH_TIMEOUT(ruleBody().size(), body.size(), 60000);
    QCOMPARE(ruleBody(), body);
    // Shown in pieces, and the notice says so, with the way to have lines instead.
    QVERIFY(editor->document()->blockCount() > 10000);
    auto *notice = visible<QLabel>(u"payloadLargeNotice"_s);
    QVERIFY(notice);
    QTRY_VERIFY2(notice->text().contains(u"shown in pieces"_s)
                     && notice->text().contains(u"Format JSON splits the payload into lines"_s),
                 qPrintable(notice->text()));

    // Typed into far into the line, a character deleted across a break between pieces: the
    // document gets the text as written.
    QTextCursor cursor =
        editor->document()->find(u"sipariş gecikti"_s, editor->document()->characterCount() / 2);
    QVERIFY(!cursor.isNull());
    cursor.setPosition(cursor.selectionStart());
    editor->setTextCursor(cursor);
    const qsizetype at =
        SoftBreaks::toText(SoftBreaks::positions(editor->document()), cursor.position());
    QTest::keyClicks(editor, u"cok "_s);
    QString expected = body;
    expected.insert(at, u"cok "_s);
    const QTextBlock piece = editor->document()->findBlockByNumber(100);
    QVERIFY(SoftBreaks::isContinuation(piece));
    cursor.setPosition(piece.position());
    editor->setTextCursor(cursor);
    const qsizetype pieceStart =
        SoftBreaks::toText(SoftBreaks::positions(editor->document()), piece.position());
    QTest::keyClick(editor, Qt::Key_Backspace);
    expected.remove(pieceStart - 1, 1);
    QTRY_COMPARE_WITH_TIMEOUT(ruleBody(), expected, 30000);

    // Format JSON, clicked: lines, and the notice no longer speaks of pieces.
    auto *format = visible<QWidget>(u"formatJson"_s);
    QVERIFY(format);
    QTest::mouseClick(format, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(ruleBody().count(u'\n') > 1000, 60000);
    QVERIFY(SoftBreaks::positions(editor->document()).isEmpty());
    QCOMPARE(qobject_cast<TemplateEditor *>(editor)->templateText(), ruleBody());
    QTRY_VERIFY(!notice->text().contains(u"in pieces"_s));
}

QTEST_MAIN(TestLargePayload)
#include "tst_largepayload.moc"
