#pragma once

#include <QObject>
#include <QPointer>

class QLineEdit;
class QModelIndex;

namespace Kanca {

class PlaceholderCompleter;

// {{placeholder}} completion in a one-line field (the URL, a header or form value), as the
// payload editor has it: after "{{" the catalog's fields, after "|" the filters, Ctrl+Space to
// ask; Return or a click inserts the choice and closes the placeholder. The choice goes in as
// typing does, so the field's textEdited() reports it and Undo takes it back.
class LinePlaceholderCompletion final : public QObject
{
    Q_OBJECT

public:
    // Completes in `edit`; the object lives as long as the field does.
    static LinePlaceholderCompletion *attach(QLineEdit *edit);

    PlaceholderCompleter *completer() const { return m_completer; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    explicit LinePlaceholderCompletion(QLineEdit *edit);
    void update(bool forced);
    void insert(const QModelIndex &index);

    QPointer<QLineEdit> m_edit;
    PlaceholderCompleter *m_completer;
    qsizetype m_prefixStart = 0;
};

} // namespace Kanca
