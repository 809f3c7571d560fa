#include "action/TemplateEditor.h"

#include "action/EditorColors.h"
#include "action/JsonTemplateHighlighter.h"
#include "action/PlaceholderCompleter.h"
#include "catalog/Catalog.h"
#include "settings/LanguageManager.h"

#include <QAbstractItemView>
#include <QFontDatabase>
#include <QFutureWatcher>
#include <QHelpEvent>
#include <QScrollBar>
#include <QTextBlock>
#include <QTimer>
#include <QToolTip>
#include <QtConcurrent/QtConcurrentRun>

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
    connect(m_editTimer, &QTimer::timeout, this, [this] { Q_EMIT templateEdited(toPlainText()); });
    connect(m_checkWatcher, &QFutureWatcher<QList<TemplateProblem>>::finished, this, [this] {
        // Only the check of the text as it is now counts; a newer one is on its way otherwise.
        if (!m_checkTimer->isActive() && !m_checkWatcher->isCanceled())
            applyProblems(m_checkWatcher->result());
    });
    connect(this, &QPlainTextEdit::textChanged, this, [this] {
        // characterCount() counts without copying the text.
        setLarge(document()->characterCount() > LargeText);
        m_checkTimer->start();
        if (m_updating)
            return;
        if (m_large)
            m_editTimer->start();
        else
            Q_EMIT templateEdited(toPlainText());
    });
}

TemplateEditor::~TemplateEditor()
{
    m_checkWatcher->cancel();
    m_checkWatcher->waitForFinished();
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
    Q_EMIT templateEdited(toPlainText());
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
    if (text == toPlainText())
        return;
    const int position = textCursor().position();
    const int anchor = textCursor().anchor();
    const int scroll = verticalScrollBar()->value();
    m_editTimer->stop(); // the document's text replaces an edit not handed on yet
    m_updating = true;
    setPlainText(text);
    m_updating = false;
    QTextCursor cursor = textCursor();
    const int end = int(text.size());
    cursor.setPosition(std::min(anchor, end));
    cursor.setPosition(std::min(position, end), QTextCursor::KeepAnchor);
    setTextCursor(cursor);
    verticalScrollBar()->setValue(scroll);
    checkNow();
}

void TemplateEditor::checkNow()
{
    m_checkTimer->stop();
    const QString text = toPlainText();
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
    if (!forced)
        QPlainTextEdit::keyPressEvent(event);
    if (forced || (!event->text().isEmpty() && event->text().at(0).isPrint())
        || event->key() == Qt::Key_Backspace) {
        updateCompletion(forced);
    } else if (event->key() != Qt::Key_Shift && event->key() != Qt::Key_Control
               && event->key() != Qt::Key_Alt && event->key() != Qt::Key_Meta) {
        m_completer->popup()->hide();
    }
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
    for (const TemplateProblem &problem : std::as_const(m_problems)) {
        const auto [start, end] = problemRange(problem);
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

std::pair<int, int> TemplateEditor::problemRange(const TemplateProblem &problem) const
{
    // Reads the characters from the document itself: copying a text of megabytes for each
    // problem made many problems slow to show.
    const QTextDocument *doc = document();
    const qsizetype size = doc->characterCount() - 1; // without the final paragraph separator
    if (size <= 0)
        return {0, 0};
    qsizetype start = std::clamp<qsizetype>(problem.offset, 0, size);
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
    for (const TemplateProblem &problem : m_problems) {
        const auto [start, end] = problemRange(problem);
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
