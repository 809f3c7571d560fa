#include "action/TemplateEditor.h"

#include "action/EditorColors.h"
#include "action/JsonTemplateHighlighter.h"
#include "action/PlaceholderCompleter.h"
#include "catalog/Catalog.h"
#include "settings/LanguageManager.h"

#include <QAbstractItemView>
#include <QFontDatabase>
#include <QHelpEvent>
#include <QScrollBar>
#include <QTextBlock>
#include <QTimer>
#include <QToolTip>

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
    connect(this, &QPlainTextEdit::textChanged, this, [this] {
        m_checkTimer->start();
        if (!m_updating)
            Q_EMIT templateEdited(toPlainText());
    });
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
    QList<TemplateProblem> problems;
    Template::parse(toPlainText(), m_context, Catalog::builtIn(), &problems);
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
    const QString text = toPlainText();
    if (text.isEmpty())
        return {0, 0};
    qsizetype start = std::clamp<qsizetype>(problem.offset, 0, text.size());
    if (start == text.size())
        --start; // at the end: mark the last character
    qsizetype end = start + 1;
    if (QStringView(text).mid(start).startsWith(u"{{")) {
        end = start + 2;
    } else if (isPathChar(text[start])) {
        while (end < text.size() && isPathChar(text[end]))
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
