// The payload editor with a very long line (a minified body pasted on one line), driven with
// real key presses: the line is shown in pieces, and whatever is typed, deleted, pasted, undone
// or redone, the text as written is exactly what a plain editor holding the line whole would
// have. A body without such a line behaves exactly as in a plain QPlainTextEdit. Nothing is
// timed here: bench/system/typing_bench.cpp measures the keystrokes.
#include "action/SoftBreaks.h"
#include "action/TemplateEditor.h"
#include "editing/LongLineCuts.h"
#include "settings/LanguageManager.h"
#include "support/QuietOffscreen.h"

#include <QApplication>
#include <QClipboard>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTest>
#include <QTextBlock>

#include <functional>
#include <memory>

using namespace Kanca;
using namespace Qt::StringLiterals;

namespace {

using LongLineCuts::LongLine;
using LongLineCuts::PieceLength;

// A minified JSON body of at least `size` characters on one line, with placeholders, Turkish
// letters and characters outside the BMP (surrogate pairs).
QString minified(qsizetype size)
{
    QString body = u"{\"text\":\"{{contact.fullname}} yazdı 😀\",\"items\":["_s;
    for (int n = 0; body.size() < size; ++n) {
        body += u"{\"n\":%1,\"name\":\"{{contact.fullname}}\",\"note\":\"Müşteri şikâyeti, "
                u"sipariş gecikti 📦\",\"ok\":true},"_s.arg(n);
    }
    body += u"{\"n\":-1}]}"_s;
    return body;
}

// The keys a person types for `text`; a letter outside ASCII (ş, ğ) as a keyboard layout sends it.
void type(QWidget *widget, const QString &text)
{
    for (const QChar c : text) {
        if (c.unicode() < 0x80)
            QTest::keyClick(widget, c.toLatin1());
        else
            QTest::sendKeyEvent(QTest::Click, widget, Qt::Key_unknown, QString(c), Qt::NoModifier);
    }
}

void key(QWidget *widget, Qt::Key key, Qt::KeyboardModifiers modifiers = Qt::NoModifier)
{
    QTest::keyClick(widget, key, modifiers);
}

void shortcut(QWidget *widget, QKeySequence::StandardKey standard)
{
    QTest::keySequence(widget, QKeySequence(standard));
}

int documentPosition(const QPlainTextEdit *editor, qsizetype offset)
{
    return SoftBreaks::toDocument(SoftBreaks::positions(editor->document()), offset);
}

qsizetype textOffset(const QPlainTextEdit *editor, int position)
{
    return SoftBreaks::toText(SoftBreaks::positions(editor->document()), position);
}

// Places the cursor (and an anchor) at offsets of the text as written.
void select(QPlainTextEdit *editor, qsizetype anchor, qsizetype position)
{
    QTextCursor cursor = editor->textCursor();
    cursor.setPosition(documentPosition(editor, anchor));
    cursor.setPosition(documentPosition(editor, position), QTextCursor::KeepAnchor);
    editor->setTextCursor(cursor);
}

void place(QPlainTextEdit *editor, qsizetype offset)
{
    select(editor, offset, offset);
}

// Every piece of the document at most PieceLength characters (and the line cut only where it
// is longer than LongLine).
bool piecesAreShort(const QTextDocument *document)
{
    for (QTextBlock block = document->begin(); block.isValid(); block = block.next()) {
        if (block.length() - 1 > LongLine)
            return false;
    }
    return true;
}

} // namespace

class TestLongLines : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void cutsMakeShortPiecesThatJoinBack_data();
    void cutsMakeShortPiecesThatJoinBack();
    void aMinifiedBodyIsCutAfterCommas();
    void smallBodiesBehaveAsInAPlainEditor();
    void aLongLineIsShownInPieces();
    void typingAndDeletingAcrossBreaksMatchAPlainEditor();
    void backspaceAndDeleteAtABreakDeleteACharacter();
    void enterInAPieceMakesALine();
    void emptyingAPieceIsOneUndoStep();
    void undoAndRedoGoBackAndForthExactly();
    void copyCutAndPasteUseTheTextAsWritten();
    void pastingALongLineCutsIt();
    void typingALineLongCutsIt();
    void problemsAreMarkedWhereTheyAre();
    void templateEditedCarriesTheTextAsWritten();

private:
    std::unique_ptr<TemplateEditor> m_editor;
    std::unique_ptr<QPlainTextEdit> m_plain; // the reference: a plain editor
};

void TestLongLines::initTestCase()
{
    Kanca::Testing::quietOffscreenWarnings();
    LanguageManager::instance().setLanguage(Language::English);
}

void TestLongLines::init()
{
    m_editor = std::make_unique<TemplateEditor>();
    m_editor->resize(800, 400);
    m_editor->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_editor.get()));
    m_plain = std::make_unique<QPlainTextEdit>();
    m_plain->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_plain->setTabChangesFocus(true);
}

void TestLongLines::cleanup()
{
    m_editor.reset();
    m_plain.reset();
}

void TestLongLines::cutsMakeShortPiecesThatJoinBack_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<bool>("cut");
    QTest::newRow("short") << u"{\"a\": 1}"_s << false;
    QTest::newRow("exactly LongLine") << QString(LongLine, u'x') << false;
    QTest::newRow("one more") << QString(LongLine + 1, u'x') << true;
    QTest::newRow("minified JSON") << minified(3 * LongLine) << true;
    QTest::newRow("one long string") << (u"\""_s + QString(2 * LongLine, u'a') + u"\""_s) << true;
    QTest::newRow("surrogate pairs") << u"😀"_s.repeated(LongLine) << true;
    QTest::newRow("a pair off the even places")
        << (u"x"_s + u"😀"_s.repeated(LongLine) + u"x"_s) << true;
    QTest::newRow("combining marks") << u"e\u0301\u0327"_s.repeated(LongLine / 2) << true;
    QTest::newRow("joined emoji") << u"👩\u200d👩\u200d👧"_s.repeated(LongLine / 4) << true;
    QTest::newRow("spaces") << u"kelime "_s.repeated(LongLine / 3) << true;
    QTest::newRow("placeholders") << u"{{contact.fullname}}"_s.repeated(LongLine / 10) << true;
}

void TestLongLines::cutsMakeShortPiecesThatJoinBack()
{
    QFETCH(QString, line);
    QFETCH(bool, cut);
    const QList<qsizetype> cuts = LongLineCuts::cuts(line);
    QCOMPARE(!cuts.isEmpty(), cut);
    QStringList pieces;
    qsizetype start = 0;
    for (const qsizetype at : cuts) {
        QVERIFY2(at > start && at - start <= PieceLength,
                 qPrintable(u"a piece from %1 to %2"_s.arg(start).arg(at)));
        // Never inside a surrogate pair, before a combining mark or at a zero width joiner.
        QVERIFY(!line.at(at).isLowSurrogate());
        QVERIFY(!line.at(at).isMark());
        QVERIFY(line.at(at) != QChar(0x200d) && line.at(at - 1) != QChar(0x200d));
        pieces.append(line.mid(start, at - start));
        start = at;
    }
    QVERIFY(line.size() - start <= (cut ? PieceLength : LongLine));
    pieces.append(line.mid(start));
    QCOMPARE(pieces.join(QString()), line);
}

void TestLongLines::aMinifiedBodyIsCutAfterCommas()
{
    const QString line = minified(2 * LongLine);
    const QList<qsizetype> cuts = LongLineCuts::cuts(line);
    QVERIFY(!cuts.isEmpty());
    for (const qsizetype at : cuts)
        QCOMPARE(line.at(at - 1), u',');
    // Not after the comma inside the string "Müşteri şikâyeti, sipariş gecikti".
    for (const qsizetype at : cuts)
        QVERIFY(!line.mid(at).startsWith(u" sipariş"_s));
}

void TestLongLines::smallBodiesBehaveAsInAPlainEditor()
{
    // The same keys in the payload editor and in a plain editor: the same text and cursor at
    // every step, and no piece anywhere.
    const QString text = u"{\n  \"text\": \"{{contact.fullname}} yazdı\",\n  \"long\": \""_s
                         + QString(LongLine - 200, u'a') + u"\"\n}"_s;
    m_editor->setTemplateText(text);
    m_plain->setPlainText(text);
    QCOMPARE(m_editor->document()->blockCount(), 4);
    QCOMPARE(m_editor->longestLine(), LongLine - 188);
    const auto same = [&](const char *step) {
        QVERIFY2(m_editor->templateText() == m_plain->toPlainText(), step);
        QVERIFY2(m_editor->toPlainText() == m_plain->toPlainText(), step);
        QVERIFY2(m_editor->textCursor().position() == m_plain->textCursor().position(), step);
        QVERIFY2(SoftBreaks::positions(m_editor->document()).isEmpty(), step);
    };
    const auto both = [&](const std::function<void(QPlainTextEdit *)> &keys) {
        keys(m_editor.get());
        keys(m_plain.get());
    };
    both([](QPlainTextEdit *e) {
        place(e, 3);
        type(e, u"abc ş"_s);
    });
    same("typing");
    both([](QPlainTextEdit *e) { key(e, Qt::Key_Return); });
    same("enter");
    both([](QPlainTextEdit *e) {
        key(e, Qt::Key_Backspace);
        key(e, Qt::Key_Backspace);
    });
    same("backspace over a line break");
    both([](QPlainTextEdit *e) {
        key(e, Qt::Key_End);
        key(e, Qt::Key_Delete);
    });
    same("delete at the end of a line");
    both([](QPlainTextEdit *e) { key(e, Qt::Key_Backspace, Qt::ControlModifier); });
    same("delete a word");
    QGuiApplication::clipboard()->setText(u"x\ny\r\nz"_s);
    both([](QPlainTextEdit *e) { shortcut(e, QKeySequence::Paste); });
    same("paste");
    both([](QPlainTextEdit *e) {
        select(e, 5, 40);
        shortcut(e, QKeySequence::Cut);
    });
    same("cut");
    both([](QPlainTextEdit *e) {
        shortcut(e, QKeySequence::Undo);
        shortcut(e, QKeySequence::Undo);
    });
    same("undo");
    both([](QPlainTextEdit *e) { shortcut(e, QKeySequence::Redo); });
    same("redo");
}

void TestLongLines::aLongLineIsShownInPieces()
{
    const QString text = u"[\n"_s + minified(3 * LongLine) + u"\n]\n"_s;
    m_editor->setTemplateText(text);
    QCOMPARE(m_editor->templateText(), text);
    QVERIFY(m_editor->document()->blockCount() > 3 * LongLine / PieceLength);
    for (QTextBlock block = m_editor->document()->begin(); block.isValid(); block = block.next())
        QVERIFY(block.length() - 1 <= PieceLength);
    QCOMPARE(m_editor->longestLine(), text.split(u'\n').at(1).size());
    // The first line and the last two are lines of their own.
    QVERIFY(!SoftBreaks::isContinuation(m_editor->document()->findBlockByNumber(1)));
    QVERIFY(SoftBreaks::isContinuation(m_editor->document()->findBlockByNumber(2)));
    QVERIFY(!SoftBreaks::isContinuation(m_editor->document()->lastBlock()));
    // Nothing to undo after setting the text, as before.
    QVERIFY(!m_editor->document()->isUndoAvailable());
    // Setting the same text again changes nothing.
    QSignalSpy changes(m_editor.get(), &QPlainTextEdit::textChanged);
    m_editor->setTemplateText(text);
    QCOMPARE(changes.count(), 0);
    // And back to a short text: no pieces.
    m_editor->setTemplateText(u"{}"_s);
    QCOMPARE(m_editor->document()->blockCount(), 1);
    QCOMPARE(m_editor->templateText(), u"{}"_s);
}

void TestLongLines::typingAndDeletingAcrossBreaksMatchAPlainEditor()
{
    const QString text = minified(LongLine + 5 * PieceLength);
    m_editor->setTemplateText(text);
    m_plain->setPlainText(text);
    QVERIFY(!SoftBreaks::positions(m_editor->document()).isEmpty());
    const QList<int> breaks = SoftBreaks::positions(m_editor->document());
    // At each of a few breaks: from the end of the piece before, and from the start of the one
    // after (the same place of the text as written).
    QVERIFY(breaks.size() > 40);
    int step = 0;
    for (const qsizetype index : {3, 10, 40}) {
        for (const bool fromEnd : {true, false}) {
            ++step;
            const int at = SoftBreaks::positions(m_editor->document()).at(index);
            const qsizetype offset = textOffset(m_editor.get(), at);
            QTextCursor cursor = m_editor->textCursor();
            cursor.setPosition(fromEnd ? at : at + 1);
            m_editor->setTextCursor(cursor);
            QCOMPARE(textOffset(m_editor.get(), m_editor->textCursor().position()), offset);
            place(m_plain.get(), offset);
            for (QPlainTextEdit *e :
                 {static_cast<QPlainTextEdit *>(m_editor.get()), m_plain.get()}) {
                type(e, u"xy"_s);
                key(e, Qt::Key_Backspace);
                key(e, Qt::Key_Backspace);
                key(e, Qt::Key_Backspace); // one beyond what was typed: across the break
                key(e, Qt::Key_Delete);
                type(e, u"ğ"_s);
                key(e, Qt::Key_Delete);
            }
            QVERIFY2(m_editor->templateText() == m_plain->toPlainText(),
                     qPrintable(u"step %1"_s.arg(step)));
            QCOMPARE(textOffset(m_editor.get(), m_editor->textCursor().position()),
                     qsizetype(m_plain->textCursor().position()));
        }
    }
    // A selection over several pieces, replaced by typing.
    select(m_editor.get(), 300, 900);
    select(m_plain.get(), 300, 900);
    type(m_editor.get(), u"Z"_s);
    type(m_plain.get(), u"Z"_s);
    QCOMPARE(m_editor->templateText(), m_plain->toPlainText());
    // Deleted with Delete.
    select(m_editor.get(), 1000, 2000);
    select(m_plain.get(), 1000, 2000);
    key(m_editor.get(), Qt::Key_Delete);
    key(m_plain.get(), Qt::Key_Delete);
    QCOMPARE(m_editor->templateText(), m_plain->toPlainText());
    QVERIFY(piecesAreShort(m_editor->document()));
}

void TestLongLines::backspaceAndDeleteAtABreakDeleteACharacter()
{
    // Pieces of surrogate pairs: Backspace at the start of one deletes the whole character at
    // the end of the piece before, Delete at the end of one the whole first of the next.
    const QString text = u"😀"_s.repeated(LongLine);
    m_editor->setTemplateText(text);
    const QTextBlock second = m_editor->document()->findBlockByNumber(1);
    QVERIFY(SoftBreaks::isContinuation(second));
    QTextCursor cursor = m_editor->textCursor();
    cursor.setPosition(second.position());
    m_editor->setTextCursor(cursor);
    const qsizetype offset = textOffset(m_editor.get(), second.position());
    key(m_editor.get(), Qt::Key_Backspace);
    QString expected = text;
    expected.remove(offset - 2, 2);
    QCOMPARE(m_editor->templateText(), expected);
    QCOMPARE(textOffset(m_editor.get(), m_editor->textCursor().position()), offset - 2);

    // Delete at the end of a piece.
    const QTextBlock third = m_editor->document()->findBlockByNumber(2);
    cursor.setPosition(third.position() - 1); // the end of the second piece
    m_editor->setTextCursor(cursor);
    const qsizetype end = textOffset(m_editor.get(), cursor.position());
    key(m_editor.get(), Qt::Key_Delete);
    expected.remove(end, 2);
    QCOMPARE(m_editor->templateText(), expected);

    // Emptying a piece with Backspace removes it; the line stays one line as written.
    const QTextBlock fourth = m_editor->document()->findBlockByNumber(3);
    const int blocks = m_editor->document()->blockCount();
    cursor.setPosition(fourth.position() + fourth.length() - 1);
    m_editor->setTextCursor(cursor);
    const qsizetype pieceEnd = textOffset(m_editor.get(), cursor.position());
    const qsizetype pieceLength = fourth.length() - 1;
    for (qsizetype i = 0; i < pieceLength / 2; ++i)
        key(m_editor.get(), Qt::Key_Backspace);
    expected.remove(pieceEnd - pieceLength, pieceLength);
    QCOMPARE(m_editor->templateText(), expected);
    QCOMPARE(m_editor->document()->blockCount(), blocks - 1);
    // And one more deletes the character before the piece.
    key(m_editor.get(), Qt::Key_Backspace);
    expected.remove(pieceEnd - pieceLength - 2, 2);
    QCOMPARE(m_editor->templateText(), expected);

    // Ctrl+Backspace at the start of a piece deletes a word of the text before it.
    const QString words = u"kelime "_s.repeated(LongLine / 5);
    m_editor->setTemplateText(words);
    const QTextBlock piece = m_editor->document()->findBlockByNumber(1);
    cursor = m_editor->textCursor();
    cursor.setPosition(piece.position());
    m_editor->setTextCursor(cursor);
    const qsizetype wordEnd = textOffset(m_editor.get(), piece.position());
    QCOMPARE(words.at(wordEnd - 1), u' '); // cut after a space
    key(m_editor.get(), Qt::Key_Backspace, Qt::ControlModifier);
    QCOMPARE(m_editor->templateText(), QString(words).remove(wordEnd - 7, 7));
}

void TestLongLines::enterInAPieceMakesALine()
{
    const QString text = minified(2 * LongLine);
    m_editor->setTemplateText(text);
    // In the middle of a piece that continues the line.
    const QTextBlock piece = m_editor->document()->findBlockByNumber(5);
    QVERIFY(SoftBreaks::isContinuation(piece));
    QTextCursor cursor = m_editor->textCursor();
    cursor.setPosition(piece.position() + 4);
    m_editor->setTextCursor(cursor);
    const qsizetype middle = textOffset(m_editor.get(), cursor.position());
    key(m_editor.get(), Qt::Key_Return);
    QString expected = text;
    expected.insert(middle, u'\n');
    QCOMPARE(m_editor->templateText(), expected);
    QCOMPARE(textOffset(m_editor.get(), m_editor->textCursor().position()), middle + 1);
    type(m_editor.get(), u"q"_s);
    expected.insert(middle + 1, u'q');
    QCOMPARE(m_editor->templateText(), expected);

    // At the start of a piece (after the break) and at the end of one (before it).
    const QTextBlock later = m_editor->document()->findBlockByNumber(20);
    QVERIFY(SoftBreaks::isContinuation(later));
    cursor.setPosition(later.position());
    m_editor->setTextCursor(cursor);
    const qsizetype start = textOffset(m_editor.get(), later.position());
    const int blocks = m_editor->document()->blockCount();
    key(m_editor.get(), Qt::Key_Enter);
    expected.insert(start, u'\n');
    QCOMPARE(m_editor->templateText(), expected);
    // The break became the line break: no empty row.
    QCOMPARE(m_editor->document()->blockCount(), blocks);
    QCOMPARE(textOffset(m_editor.get(), m_editor->textCursor().position()), start + 1);
    const QTextBlock other = m_editor->document()->findBlockByNumber(30);
    QVERIFY(SoftBreaks::isContinuation(other));
    cursor.setPosition(other.position() - 1);
    m_editor->setTextCursor(cursor);
    const qsizetype end = textOffset(m_editor.get(), cursor.position());
    key(m_editor.get(), Qt::Key_Return);
    expected.insert(end, u'\n');
    QCOMPARE(m_editor->templateText(), expected);

    // Replacing a selection over pieces with a line break.
    select(m_editor.get(), 500, 1500);
    key(m_editor.get(), Qt::Key_Return);
    expected.replace(500, 1000, u"\n"_s);
    QCOMPARE(m_editor->templateText(), expected);
}

void TestLongLines::emptyingAPieceIsOneUndoStep()
{
    const QString text = u"😀"_s.repeated(LongLine);
    m_editor->setTemplateText(text);
    const int blocks = m_editor->document()->blockCount();
    const QTextBlock fourth = m_editor->document()->findBlockByNumber(3);
    QTextCursor cursor = m_editor->textCursor();
    cursor.setPosition(fourth.position());
    cursor.setPosition(fourth.position() + fourth.length() - 1, QTextCursor::KeepAnchor);
    m_editor->setTextCursor(cursor);
    const qsizetype start = textOffset(m_editor.get(), cursor.selectionStart());
    const qsizetype length = fourth.length() - 1;
    key(m_editor.get(), Qt::Key_Delete);
    QCOMPARE(m_editor->templateText(), QString(text).remove(start, length));
    QCOMPARE(m_editor->document()->blockCount(), blocks - 1);
    shortcut(m_editor.get(), QKeySequence::Undo);
    QCOMPARE(m_editor->templateText(), text);
    QCOMPARE(m_editor->document()->blockCount(), blocks);
    shortcut(m_editor.get(), QKeySequence::Redo);
    QCOMPARE(m_editor->templateText(), QString(text).remove(start, length));
    QCOMPARE(m_editor->document()->blockCount(), blocks - 1);
}

void TestLongLines::undoAndRedoGoBackAndForthExactly()
{
    const QString text = minified(2 * LongLine);
    m_editor->setTemplateText(text);
    QStringList states{m_editor->templateText()};
    const QTextBlock piece = m_editor->document()->findBlockByNumber(7);
    QTextCursor cursor = m_editor->textCursor();
    cursor.setPosition(piece.position());
    m_editor->setTextCursor(cursor);
    // Each a step of its own (the cursor moved in between).
    key(m_editor.get(), Qt::Key_Backspace); // across the break
    states.append(m_editor->templateText());
    key(m_editor.get(), Qt::Key_Return);
    states.append(m_editor->templateText());
    select(m_editor.get(), 3000, 4000);
    key(m_editor.get(), Qt::Key_Delete);
    states.append(m_editor->templateText());
    QGuiApplication::clipboard()->setText(minified(LongLine + 100));
    select(m_editor.get(), 100, 100);
    shortcut(m_editor.get(), QKeySequence::Paste);
    states.append(m_editor->templateText());
    select(m_editor.get(), 5000, 5000);
    type(m_editor.get(), u"abc"_s);
    states.append(m_editor->templateText());
    QCOMPARE(states.size(), 6);
    for (qsizetype i = 1; i < states.size(); ++i)
        QVERIFY(states.at(i) != states.at(i - 1));

    for (qsizetype i = states.size() - 2; i >= 0; --i) {
        shortcut(m_editor.get(), QKeySequence::Undo);
        QVERIFY2(m_editor->templateText() == states.at(i), qPrintable(u"undo to %1"_s.arg(i)));
    }
    QCOMPARE(m_editor->toPlainText(), m_editor->toPlainText());
    for (qsizetype i = 1; i < states.size(); ++i) {
        shortcut(m_editor.get(), QKeySequence::Redo);
        QVERIFY2(m_editor->templateText() == states.at(i), qPrintable(u"redo to %1"_s.arg(i)));
    }
    // And all the way back once more: the pieces as they were.
    for (qsizetype i = 1; i < states.size(); ++i)
        shortcut(m_editor.get(), QKeySequence::Undo);
    QCOMPARE(m_editor->templateText(), text);
    QVERIFY(piecesAreShort(m_editor->document()));
}

void TestLongLines::copyCutAndPasteUseTheTextAsWritten()
{
    const QString text = minified(2 * LongLine);
    m_editor->setTemplateText(text);
    select(m_editor.get(), 1000, 3000); // over several pieces
    shortcut(m_editor.get(), QKeySequence::Copy);
    QCOMPARE(QGuiApplication::clipboard()->text(), text.mid(1000, 2000));
    // Within one piece: as a plain editor copies.
    const QTextBlock piece = m_editor->document()->findBlockByNumber(3);
    QTextCursor cursor = m_editor->textCursor();
    cursor.setPosition(piece.position() + 1);
    cursor.setPosition(piece.position() + 10, QTextCursor::KeepAnchor);
    m_editor->setTextCursor(cursor);
    shortcut(m_editor.get(), QKeySequence::Copy);
    QCOMPARE(QGuiApplication::clipboard()->text(), piece.text().mid(1, 9));

    select(m_editor.get(), 4000, 7000);
    shortcut(m_editor.get(), QKeySequence::Cut);
    QCOMPARE(QGuiApplication::clipboard()->text(), text.mid(4000, 3000));
    QString expected = text;
    expected.remove(4000, 3000);
    QCOMPARE(m_editor->templateText(), expected);
    // Pasted back elsewhere, into the middle of a piece.
    select(m_editor.get(), 200, 200);
    shortcut(m_editor.get(), QKeySequence::Paste);
    expected.insert(200, text.mid(4000, 3000));
    QCOMPARE(m_editor->templateText(), expected);
    QVERIFY(piecesAreShort(m_editor->document()));

    // Text with line breaks pasted into a piece: lines of their own.
    QGuiApplication::clipboard()->setText(u"a\nb\r\nc"_s);
    const QTextBlock continuation = m_editor->document()->findBlockByNumber(12);
    QVERIFY(SoftBreaks::isContinuation(continuation));
    cursor.setPosition(continuation.position() + 2);
    m_editor->setTextCursor(cursor);
    const qsizetype at = textOffset(m_editor.get(), cursor.position());
    shortcut(m_editor.get(), QKeySequence::Paste);
    expected.insert(at, u"a\nb\nc"_s); // "\r\n" as a plain editor pastes it
    QCOMPARE(m_editor->templateText(), expected);
    QCOMPARE(textOffset(m_editor.get(), m_editor->textCursor().position()), at + 5);
}

void TestLongLines::pastingALongLineCutsIt()
{
    // A minified body of 2 MiB over a small template, as a person pastes it.
    const QString body = minified(2 * 1024 * 1024);
    m_editor->setTemplateText(u"{\"a\": 1}"_s);
    QGuiApplication::clipboard()->setText(body);
    m_editor->setFocus();
    shortcut(m_editor.get(), QKeySequence::SelectAll);
    shortcut(m_editor.get(), QKeySequence::Paste);
    QVERIFY(m_editor->isLarge());
    QCOMPARE(m_editor->templateText(), body);
    QVERIFY(piecesAreShort(m_editor->document()));
    QVERIFY(m_editor->document()->blockCount() > body.size() / PieceLength);
    // Typed into, far into the line.
    const qsizetype at = body.indexOf(u"gecikti"_s, body.size() / 2);
    place(m_editor.get(), at);
    type(m_editor.get(), u"çok "_s);
    QCOMPARE(m_editor->templateText(), QString(body).insert(at, u"çok "_s));
    shortcut(m_editor.get(), QKeySequence::Undo);
    QCOMPARE(m_editor->templateText(), body);
    shortcut(m_editor.get(), QKeySequence::Undo);
    QCOMPARE(m_editor->templateText(), u"{\"a\": 1}"_s);
    QVERIFY(!m_editor->isLarge());
    shortcut(m_editor.get(), QKeySequence::Redo);
    QCOMPARE(m_editor->templateText(), body);
}

void TestLongLines::typingALineLongCutsIt()
{
    // A line of LongLine characters typed into one more: cut in the same undo step.
    const QString text = QString(LongLine, u'a');
    m_editor->setTemplateText(text);
    QCOMPARE(m_editor->document()->blockCount(), 1);
    place(m_editor.get(), 50);
    type(m_editor.get(), u"b"_s);
    QVERIFY(m_editor->document()->blockCount() > 1);
    QVERIFY(piecesAreShort(m_editor->document()));
    QCOMPARE(m_editor->templateText(), QString(text).insert(50, u'b'));
    QCOMPARE(textOffset(m_editor.get(), m_editor->textCursor().position()), 51);
    shortcut(m_editor.get(), QKeySequence::Undo);
    QCOMPARE(m_editor->templateText(), text);
    QCOMPARE(m_editor->document()->blockCount(), 1);
}

void TestLongLines::problemsAreMarkedWhereTheyAre()
{
    // An unknown field far into a long line (under LargeText: checked at once).
    QString text = minified(3 * LongLine);
    const qsizetype at = text.indexOf(u"contact.fullname"_s, 2 * LongLine);
    text.insert(at, u"nosuch"_s);
    m_editor->setTemplateText(text);
    m_editor->checkNow();
    QCOMPARE(m_editor->problems().size(), 1);
    const TemplateProblem problem = m_editor->problems().constFirst();
    QCOMPARE(problem.offset, at);
    QCOMPARE(problem.line, 1);
    const QList<QTextEdit::ExtraSelection> marks = m_editor->extraSelections();
    QCOMPARE(marks.size(), 1);
    QCOMPARE(marks.constFirst().cursor.selectedText(), u"nosuchcontact.fullname"_s);
    QCOMPARE(textOffset(m_editor.get(), marks.constFirst().cursor.selectionStart()), at);
}

void TestLongLines::templateEditedCarriesTheTextAsWritten()
{
    QSignalSpy edited(m_editor.get(), &TemplateEditor::templateEdited);
    const QString text = minified(2 * LongLine);
    m_editor->setTemplateText(text);
    QCOMPARE(edited.count(), 0);
    place(m_editor.get(), 5000);
    type(m_editor.get(), u"k"_s);
    QVERIFY(!edited.isEmpty());
    QCOMPARE(edited.constLast().constFirst().toString(), QString(text).insert(5000, u'k'));
}

QTEST_MAIN(TestLongLines)
#include "tst_longlines.moc"
