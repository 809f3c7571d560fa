#pragma once

#include <QCompleter>
#include <QRect>

#include <optional>

class QStandardItemModel;

namespace Kanca {

// The choices of a {{placeholder}}: after "{{" the catalog's field paths, whole, with their labels
// in the interface's language beside them, found by any part of the path or of the label as
// you type; after "|" the filters, with what each one does.
class PlaceholderCompleter final : public QCompleter
{
    Q_OBJECT

public:
    enum class Mode { Fields, Filters };

    explicit PlaceholderCompleter(QObject *parent = nullptr);

    Mode mode() const { return m_mode; }
    void setMode(Mode mode);
    // Labels follow the interface's language.
    void retranslate();

    // Where a placeholder is being typed in a line of text with the cursor at `cursor`: a field
    // path after "{{", or a filter after "|", and the part of it typed so far.
    struct Typing
    {
        Mode mode = Mode::Fields;
        qsizetype prefixStart = 0;
        QString prefix;
    };
    static std::optional<Typing> typingAt(const QString &line, qsizetype cursor);

    // What choosing `choice` does to the line: [start, end) becomes `text`, and the cursor goes
    // to start + cursor. The closing "}}" is added unless the placeholder is closed already.
    struct Insertion
    {
        qsizetype start = 0;
        qsizetype end = 0;
        QString text;
        qsizetype cursor = 0;
    };
    static Insertion insertion(const QString &choice, Mode mode, const QString &line,
                               qsizetype prefixStart, qsizetype cursor);

    // Shows the choices for what is typed at the cursor of `line` (under `cursorRect` of the
    // completer's widget), or hides them. Forced (Ctrl+Space): shown even for a full match.
    // Returns the typing it completes, if any.
    std::optional<Typing> update(const QString &line, qsizetype cursor, const QRect &cursorRect,
                                 bool forced);

    // The text a chosen filter inserts and where the cursor goes in it (inside the quotes of
    // default:"", after the colon of truncate:).
    static QString filterInsertion(const QString &choice, qsizetype *cursor);

private:
    void fill();

    Mode m_mode = Mode::Fields;
    QStandardItemModel *m_model;
};

} // namespace Kanca
