#pragma once

#include <QCompleter>

class QStandardItemModel;

namespace Kanca {

// The choices of a {{placeholder}}: after "{{" the catalog's field paths, with their labels in
// the interface's language beside them; after "|" the filters, with what each one does.
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

    // The text a chosen filter inserts and where the cursor goes in it (inside the quotes of
    // default:"", after the colon of truncate:).
    static QString filterInsertion(const QString &choice, qsizetype *cursor);

private:
    void fill();

    Mode m_mode = Mode::Fields;
    QStandardItemModel *m_model;
};

} // namespace Kanca
