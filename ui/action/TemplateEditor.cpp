#include "action/TemplateEditor.h"

#include "action/EditorColors.h"
#include "action/JsonTemplateHighlighter.h"
#include "action/PlaceholderCompleter.h"
#include "action/SoftBreaks.h"
#include "catalog/Catalog.h"
#include "editing/LongLineCuts.h"
#include "settings/LanguageManager.h"

#include <QAbstractItemView>
#include <QFontDatabase>
#include <QFutureWatcher>
#include <QHelpEvent>
#include <QMimeData>
#include <QScrollBar>
#include <QTextBlock>
#include <QTimer>
#include <QToolTip>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

namespace Kanca {

namespace {

constexpr int CheckDelayMs = 250;

bool isPathChar(QChar c)
{
    return c.isLetterOrNumber() || c == u'.' || c == u'_' || c == u'-';
}

} // namespace

TemplateEditor::TemplateEditor(QWidget *parent)
    : QPlainTextEdit(parent)
    , m_highlighter(new JsonTemplateHighlighter(document()))
    , m_completer(new PlaceholderCompleter(this))
    , m_checkTimer(new QTimer(this))
    , m_editTimer(new QTimer(this))
    , m_checkWatcher(new QFutureWatcher<QList<TemplateProblem>>(this))
{
    setObjectName(QStringLiteral("payloadEditor"));
    QFont font = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    setFont(font);
    setTabStopDistance(QFontMetricsF(font).horizontalAdvance(u' ') * 2);
    setLineWrapMode(QPlainTextEdit::NoWrap);
    // Tab moves to the next input (keyboard users); indentation is two spaces or Format JSON.
    setTabChangesFocus(true);
    m_highlighter->setPalette(palette());

    m_completer->setWidget(this);
    // Catalog labels follow the language even where no translator changes.
    connect(&LanguageManager::instance(), &LanguageManager::languageChanged, m_completer,
            &PlaceholderCompleter::retranslate);
    connect(m_completer, qOverload<const QModelIndex &>(&QCompleter::activated), this,
            &TemplateEditor::insertCompletion);

    m_checkTimer->setSingleShot(true);
    m_checkTimer->setInterval(CheckDelayMs);
    connect(m_checkTimer, &QTimer::timeout, this, &TemplateEditor::checkNow);
    m_editTimer->setSingleShot(true);
    m_editTimer->setInterval(LargeEditDelayMs);
    connect(m_editTimer, &QTimer::timeout, this, [this] { Q_EMIT templateEdited(templateText()); });
    connect(m_checkWatcher, &QFutureWatcher<QList<TemplateProblem>>::finished, this, [this] {
        // Only the check of the text as it is now counts; a newer one is on its way otherwise.
        if (!m_checkTimer->isActive() && !m_checkWatcher->isCanceled())
            applyProblems(m_checkWatcher->result());
    });
    connect(this, &QPlainTextEdit::textChanged, this, [this] {
        m_checkTimer->start();
        if (m_updating)
            return; // setTemplateText() decides whether the text is large
        updateLarge();
        if (m_large)
            m_editTimer->start();
        else
            Q_EMIT templateEdited(templateText());
    });
}

TemplateEditor::~TemplateEditor()
{
    m_checkWatcher->cancel();
    m_checkWatcher->waitForFinished();
}

QString TemplateEditor::templateText() const
{
    return SoftBreaks::text(document());
}

qsizetype TemplateEditor::longestLine() const
{
    return SoftBreaks::longestLine(document());
}

void TemplateEditor::updateLarge()
{
    // characterCount() counts without copying the text; each break between the pieces of a long
    // line is one of the block separators, and counted out only where it makes the difference.
    const QTextDocument *doc = document();
    const qsizetype count = doc->characterCount(); // the text and a final separator
    setLarge(count > LargeText
             && (count - doc->blockCount() + 1 > LargeText
                 || SoftBreaks::textLength(doc) + 1 > LargeText));
}

void TemplateEditor::setLarge(bool large)
{
    if (large == m_large)
        return;
    m_large = large;
    // Highlighting a text of megabytes at every keystroke is what made typing slow.
    m_highlighter->setDocument(large ? nullptr : document());
    if (!large && m_editTimer->isActive())
        flushEdit();
    Q_EMIT largeChanged(large);
}

void TemplateEditor::flushEdit()
{
    if (!m_editTimer->isActive())
        return;
    m_editTimer->stop();
    Q_EMIT templateEdited(templateText());
}

bool TemplateEditor::isChecking() const
{
    return m_checkWatcher->isRunning();
}

void TemplateEditor::focusOutEvent(QFocusEvent *event)
{
    flushEdit();
    QPlainTextEdit::focusOutEvent(event);
}

void TemplateEditor::setTemplateContext(TemplateContext context)
{
    if (context == m_context)
        return;
    m_context = context;
    m_highlighter->setJson(context == TemplateContext::Json);
    checkNow();
}

void TemplateEditor::setTemplateText(const QString &text)
{
    if (text == templateText())
        return;
    // The cursor stays at the same place of the text as written.
    QList<int> breaks = SoftBreaks::positions(document());
    const qsizetype position = SoftBreaks::toText(breaks, textCursor().position());
    const qsizetype anchor = SoftBreaks::toText(breaks, textCursor().anchor());
    const int scroll = verticalScrollBar()->value();
    m_editTimer->stop(); // the document's text replaces an edit not handed on yet
    m_updating = true;
    // A large text is not highlighted even once (a small one is, once it is in).
    if (text.size() + 1 > LargeText)
        setLarge(true);
    if (SoftBreaks::mayMakeLongLine(text, 0)) {
        // Inserted piece by piece: a long line is never laid out whole.
        setPlainText(QString());
        QTextDocument *doc = document();
        doc->setUndoRedoEnabled(false); // as setPlainText() leaves it: nothing to undo
        QTextCursor insertion(doc);
        SoftBreaks::insert(insertion, text);
        doc->setUndoRedoEnabled(true);
        doc->setModified(false);
    } else {
        setPlainText(text);
    }
    m_updating = false;
    updateLarge();
    breaks = SoftBreaks::positions(document());
    QTextCursor cursor = textCursor();
    const int end = document()->characterCount() - 1;
    cursor.setPosition(std::min(SoftBreaks::toDocument(breaks, anchor), end));
    cursor.setPosition(std::min(SoftBreaks::toDocument(breaks, position), end),
                       QTextCursor::KeepAnchor);
    setTextCursor(cursor);
    verticalScrollBar()->setValue(scroll);
    checkNow();
}

void TemplateEditor::checkNow()
{
    m_checkTimer->stop();
    const QString text = templateText();
    if (text.size() > LargeText) {
        // Parsed on a worker thread; the result is applied if the text has not changed since.
        m_checkWatcher->cancel();
        m_checkWatcher->setFuture(QtConcurrent::run([text, context = m_context] {
            QList<TemplateProblem> problems;
            Template::parse(text, context, Catalog::builtIn(), &problems);
            return problems;
        }));
        return;
    }
    m_checkWatcher->cancel();
    QList<TemplateProblem> problems;
    Template::parse(text, m_context, Catalog::builtIn(), &problems);
    applyProblems(problems);
}

void TemplateEditor::applyProblems(const QList<TemplateProblem> &problems)
{
    if (problems != m_problems) {
        m_problems = problems;
        Q_EMIT problemsChanged();
    }
    showProblemSelections();
}

QSize TemplateEditor::sizeHint() const
{
    const int frame = 2 * frameWidth();
    const QFontMetrics metrics(font());
    return {metrics.averageCharWidth() * 72 + frame, metrics.lineSpacing() * 15 + frame};
}

void TemplateEditor::keyPressEvent(QKeyEvent *event)
{
    if (m_completer->popup()->isVisible()) {
        switch (event->key()) {
        case Qt::Key_Enter:
        case Qt::Key_Return:
        case Qt::Key_Escape:
        case Qt::Key_Tab:
        case Qt::Key_Backtab:
            // The completer takes these.
            event->ignore();
            return;
        default:
            break;
        }
    }
    const bool forced =
        event->key() == Qt::Key_Space && (event->modifiers() & Qt::ControlModifier) != 0;
    if (!forced && !editAtSoftBreak(event)) {
        // A key that may make a line long, or empty a piece of one, is one undo step with what
        // tidyPieces() then does (any other key is left as Qt groups it, typing merged).
        const QTextCursor cursor = textCursor();
        const QTextBlock block = cursor.block();
        const bool characterDelete =
            (event->key() == Qt::Key_Backspace && (event->modifiers() & Qt::ControlModifier) == 0)
            || event->matches(QKeySequence::Delete);
        const bool deleting = characterDelete || event->matches(QKeySequence::DeleteStartOfWord)
                              || event->matches(QKeySequence::DeleteEndOfWord)
                              || event->matches(QKeySequence::DeleteEndOfLine)
                              || event->matches(QKeySequence::Cut);
        const bool inPiece =
            SoftBreaks::isContinuation(block) || SoftBreaks::isContinuation(block.next());
        const bool tidy =
            !isReadOnly()
            && (block.length() + event->text().size() > LongLineCuts::LongLine + 1
                || (deleting && inPiece
                    && (cursor.hasSelection() || !characterDelete || block.length() <= 3)));
        if (tidy) {
            QTextCursor step(document());
            step.beginEditBlock();
            QPlainTextEdit::keyPressEvent(event);
            tidyPieces(deleting);
            step.endEditBlock();
            ensureCursorVisible();
        } else {
            QPlainTextEdit::keyPressEvent(event);
        }
    }
    if (forced || (!event->text().isEmpty() && event->text().at(0).isPrint())
        || event->key() == Qt::Key_Backspace) {
        updateCompletion(forced);
    } else if (event->key() != Qt::Key_Shift && event->key() != Qt::Key_Control
               && event->key() != Qt::Key_Alt && event->key() != Qt::Key_Meta) {
        m_completer->popup()->hide();
    }
}

bool TemplateEditor::editAtSoftBreak(QKeyEvent *event)
{
    if (isReadOnly())
        return false;
    QTextCursor cursor = textCursor();
    if (event->matches(QKeySequence::InsertParagraphSeparator)) {
        // At a break between pieces: the break becomes the line break.
        QTextBlock next;
        if (!cursor.hasSelection() && cursor.atBlockStart()
            && SoftBreaks::isContinuation(cursor.block())) {
            next = cursor.block();
        } else if (!cursor.hasSelection() && cursor.atBlockEnd()
                   && SoftBreaks::isContinuation(cursor.block().next())) {
            next = cursor.block().next();
        }
        if (next.isValid()) {
            QTextCursor(next).setBlockFormat(
                SoftBreaks::continuationFormat(next.blockFormat(), false));
            cursor.setPosition(next.position());
            setTextCursor(cursor);
            ensureCursorVisible();
            event->accept();
            return true;
        }
        // Qt gives the new block the format of the block the cursor is in: a piece's, it would
        // continue the line, and the line break typed would not be in the text. (The block
        // before it, where a selection starts, keeps its own.)
        if (!SoftBreaks::isContinuation(cursor.block()))
            return false;
        cursor.insertBlock(SoftBreaks::continuationFormat(cursor.blockFormat(), false));
        setTextCursor(cursor);
        ensureCursorVisible();
        event->accept();
        return true;
    }
    if (cursor.hasSelection())
        return false;
    // The break between two pieces is not in the text: Backspace at the start of a piece deletes
    // the last character of the one before, Delete at the end of a piece the first of the next.
    const bool backward =
        (event->key() == Qt::Key_Backspace && (event->modifiers() & ~Qt::ShiftModifier) == 0)
        || event->matches(QKeySequence::Backspace)
        || event->matches(QKeySequence::DeleteStartOfWord);
    const bool forward = event->matches(QKeySequence::Delete)
                         || event->matches(QKeySequence::DeleteEndOfWord)
                         || event->matches(QKeySequence::DeleteEndOfLine);
    bool moved = false;
    if (backward) {
        while (cursor.atBlockStart() && SoftBreaks::isContinuation(cursor.block())) {
            cursor.setPosition(cursor.position() - 1);
            moved = true;
        }
    } else if (forward) {
        while (cursor.atBlockEnd() && SoftBreaks::isContinuation(cursor.block().next())) {
            cursor.setPosition(cursor.position() + 1);
            moved = true;
        }
    }
    if (moved)
        setTextCursor(cursor);
    return false;
}

void TemplateEditor::tidyPieces(bool deleted)
{
    QTextCursor cursor = textCursor();
    const QTextBlock block = cursor.block();
    if (block.length() > LongLineCuts::LongLine + 1) {
        // Typed (or merged) past the length of a long line: cut it.
        SoftBreaks::cutLongBlock(document(), cursor.position());
        return;
    }
    if (!deleted || block.length() != 1)
        return;
    // A piece emptied: merged away (the break it leaves is the one it had before it).
    const bool breakBefore = SoftBreaks::isContinuation(block);
    const bool breakAfter = SoftBreaks::isContinuation(block.next());
    if (!breakBefore && !breakAfter)
        return;
    if (breakAfter)
        cursor.deleteChar(); // the next piece joins this block, which keeps its format
    else
        cursor.deletePreviousChar(); // this block joins the piece before
    setTextCursor(cursor);
}

void TemplateEditor::insertFromMimeData(const QMimeData *source)
{
    if (isReadOnly() || !source->hasText()) {
        QPlainTextEdit::insertFromMimeData(source);
        return;
    }
    QTextCursor cursor = textCursor();
    const QTextBlock first = document()->findBlock(cursor.selectionStart());
    const QTextBlock last = document()->findBlock(cursor.selectionEnd());
    const QString text = source->text();
    // As Qt pastes, unless the text goes into a piece of a long line (whose format new lines
    // would copy) or may make a long line.
    if (!SoftBreaks::isContinuation(first) && !SoftBreaks::isContinuation(last)
        && !SoftBreaks::mayMakeLongLine(text, first.length() + last.length())) {
        QPlainTextEdit::insertFromMimeData(source);
        return;
    }
    SoftBreaks::insert(cursor, text);
    setTextCursor(cursor);
    ensureCursorVisible();
}

QMimeData *TemplateEditor::createMimeDataFromSelection() const
{
    const QTextCursor cursor = textCursor();
    const QList<int> breaks = SoftBreaks::positions(document());
    const auto next = std::lower_bound(breaks.cbegin(), breaks.cend(), cursor.selectionStart());
    if (next == breaks.cend() || *next >= cursor.selectionEnd())
        return QPlainTextEdit::createMimeDataFromSelection();
    // The text as written, without the breaks between pieces.
    auto *data = new QMimeData;
    data->setText(SoftBreaks::text(document(), cursor.selectionStart(), cursor.selectionEnd()));
    return data;
}

void TemplateEditor::focusInEvent(QFocusEvent *event)
{
    m_completer->setWidget(this);
    QPlainTextEdit::focusInEvent(event);
}

// Decides from the text before the cursor whether a field path or a filter is being typed.
void TemplateEditor::updateCompletion(bool forced)
{
    const QTextCursor cursor = textCursor();
    const QTextBlock block = cursor.block();
    const std::optional<PlaceholderCompleter::Typing> typing =
        m_completer->update(block.text(), cursor.positionInBlock(), cursorRect(), forced);
    if (typing)
        m_completionStart = block.position() + int(typing->prefixStart);
}

void TemplateEditor::insertCompletion(const QModelIndex &index)
{
    const QString choice = index.sibling(index.row(), 0).data().toString();
    if (choice.isEmpty())
        return;
    QTextCursor cursor = textCursor();
    const int blockStart = cursor.block().position();
    const PlaceholderCompleter::Insertion insertion =
        PlaceholderCompleter::insertion(choice, m_completer->mode(), cursor.block().text(),
                                        m_completionStart - blockStart, cursor.positionInBlock());
    cursor.beginEditBlock();
    cursor.setPosition(blockStart + int(insertion.start));
    cursor.setPosition(blockStart + int(insertion.end), QTextCursor::KeepAnchor);
    cursor.insertText(insertion.text);
    cursor.endEditBlock();
    cursor.setPosition(blockStart + int(insertion.start + insertion.cursor));
    setTextCursor(cursor);
    m_completer->popup()->hide();
}

void TemplateEditor::showProblemSelections()
{
    QList<QTextEdit::ExtraSelection> selections;
    const QColor colour = EditorColors::problem(palette());
    const QList<int> breaks = SoftBreaks::positions(document());
    for (const TemplateProblem &problem : std::as_const(m_problems)) {
        const auto [start, end] = problemRange(problem, breaks);
        QTextEdit::ExtraSelection selection;
        selection.cursor = QTextCursor(document());
        selection.cursor.setPosition(start);
        selection.cursor.setPosition(end, QTextCursor::KeepAnchor);
        selection.format.setUnderlineStyle(QTextCharFormat::WaveUnderline);
        selection.format.setUnderlineColor(colour);
        selection.format.setToolTip(problem.message);
        selections.append(selection);
    }
    setExtraSelections(selections);
}

std::pair<int, int> TemplateEditor::problemRange(const TemplateProblem &problem,
                                                 const QList<int> &breaks) const
{
    // Reads the characters from the document itself: copying a text of megabytes for each
    // problem made many problems slow to show.
    const QTextDocument *doc = document();
    const qsizetype size = doc->characterCount() - 1; // without the final paragraph separator
    if (size <= 0)
        return {0, 0};
    qsizetype start =
        std::clamp<qsizetype>(SoftBreaks::toDocument(breaks, problem.offset), 0, size);
    if (start == size)
        --start; // at the end: mark the last character
    const auto at = [doc](qsizetype position) { return doc->characterAt(int(position)); };
    qsizetype end = start + 1;
    if (at(start) == u'{' && start + 1 < size && at(start + 1) == u'{') {
        end = start + 2;
    } else if (isPathChar(at(start))) {
        while (end < size && isPathChar(at(end)))
            ++end;
    }
    return {int(start), int(end)};
}

const TemplateProblem *TemplateEditor::problemAt(int position) const
{
    const QList<int> breaks = SoftBreaks::positions(document());
    for (const TemplateProblem &problem : m_problems) {
        const auto [start, end] = problemRange(problem, breaks);
        if (position >= start && position <= end)
            return &problem;
    }
    return nullptr;
}

bool TemplateEditor::viewportEvent(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const QTextCursor cursor = cursorForPosition(help->pos());
        if (const TemplateProblem *problem = problemAt(cursor.position()))
            QToolTip::showText(help->globalPos(), problem->message, viewport());
        else
            QToolTip::hideText();
        return true;
    }
    return QPlainTextEdit::viewportEvent(event);
}

void TemplateEditor::changeEvent(QEvent *event)
{
    QPlainTextEdit::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) {
        m_highlighter->setPalette(palette());
        showProblemSelections();
    } else if (event->type() == QEvent::LanguageChange) {
        m_completer->retranslate();
        m_problems.clear(); // the messages are in the old language
        checkNow();
    } else if (event->type() == QEvent::FontChange) {
        setTabStopDistance(QFontMetricsF(font()).horizontalAdvance(u' ') * 2);
    }
}

} // namespace Kanca
