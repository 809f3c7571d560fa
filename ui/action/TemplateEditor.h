#pragma once

#include "templates/Template.h"

#include <QList>
#include <QPlainTextEdit>

class QMimeData;
class QTimer;
template<typename T>
class QFutureWatcher;

namespace Kanca {

class JsonTemplateHighlighter;
class PlaceholderCompleter;

// The payload editor: a monospace text editor for a JSON (or plain-text) template with
// highlighting, completion of {{placeholders}} (field paths after "{{", filters after "|",
// Ctrl+Space to ask) and the template's problems underlined where they are, with the message
// as a tooltip. Problems are found shortly after typing stops.
//
// A large payload (from LargeText characters on: a pasted body of megabytes) is not
// highlighted, is handed on (templateEdited) after a pause in typing instead of at every
// keystroke, and is checked on a worker thread, so that each keystroke costs what typing into a
// plain text editor costs.
class TemplateEditor final : public QPlainTextEdit
{
    Q_OBJECT

public:
    static constexpr qsizetype LargeText = 256 * 1024;
    static constexpr int LargeEditDelayMs = 300;

    explicit TemplateEditor(QWidget *parent = nullptr);
    ~TemplateEditor() override;

    // Json or PlainText: how the text is highlighted and checked.
    void setTemplateContext(TemplateContext context);

    // The text as written (without the breaks between the pieces of a long line).
    QString templateText() const;
    // Shows this text without emitting templateEdited(); keeps the cursor where it was.
    void setTemplateText(const QString &text);

    // Checks the template now instead of after the short delay.
    void checkNow();
    const QList<TemplateProblem> &problems() const { return m_problems; }
    PlaceholderCompleter *completer() const { return m_completer; }
    // Whether the text is large (see the class comment).
    bool isLarge() const { return m_large; }
    // Hands on an edit that waits for a pause in typing at once.
    void flushEdit();
    // Whether a check is running on the worker thread.
    bool isChecking() const;
    // The length of the longest line of the text as written.
    qsizetype longestLine() const;

    // Room for a typical payload (about fifteen lines), also inside a scroll area.
    QSize sizeHint() const override;

Q_SIGNALS:
    void templateEdited(const QString &text);
    void problemsChanged();
    void largeChanged(bool large);

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void focusInEvent(QFocusEvent *event) override;
    void focusOutEvent(QFocusEvent *event) override;
    bool viewportEvent(QEvent *event) override;
    void changeEvent(QEvent *event) override;
    void insertFromMimeData(const QMimeData *source) override;
    QMimeData *createMimeDataFromSelection() const override;

private:
    void updateCompletion(bool forced);
    void insertCompletion(const QModelIndex &index);
    void showProblemSelections();
    void setLarge(bool large);
    void updateLarge();
    // Enter in a piece of a long line; the cursor moved over a break before Backspace or Delete.
    // Whether the key was handled here.
    bool editAtSoftBreak(QKeyEvent *event);
    // After a key changed the text: a line that became long is cut into pieces, an emptied piece
    // removed (in the key's edit block).
    void tidyPieces(bool deleted);
    void applyProblems(const QList<TemplateProblem> &problems);
    const TemplateProblem *problemAt(int position) const;
    // The extent of the text a problem points at, as document positions (`breaks`: where the
    // pieces of long lines meet, SoftBreaks::positions): the field path or filter name there,
    // the "{{" of an unclosed placeholder, or one character.
    std::pair<int, int> problemRange(const TemplateProblem &problem,
                                     const QList<int> &breaks) const;

    TemplateContext m_context = TemplateContext::Json;
    JsonTemplateHighlighter *m_highlighter;
    PlaceholderCompleter *m_completer;
    QTimer *m_checkTimer;
    QTimer *m_editTimer; // a large text's edit, handed on after a pause
    QFutureWatcher<QList<TemplateProblem>> *m_checkWatcher;
    bool m_large = false;
    QList<TemplateProblem> m_problems;
    int m_completionStart = 0; // where the text the completion replaces begins
    bool m_updating = false;
};

} // namespace Kanca
