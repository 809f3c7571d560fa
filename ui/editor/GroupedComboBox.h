#pragma once

#include <QComboBox>

class QStandardItemModel;

namespace Kanca {

// A combo box whose entries come in groups under headers that cannot be chosen (the keyboard
// and the mouse skip them). Each entry has an id (an event id, a field path); setting the
// current id from the program never emits activated(), so only a person's choice does.
class GroupedComboBox : public QComboBox
{
    Q_OBJECT

public:
    explicit GroupedComboBox(QWidget *parent = nullptr);

    static constexpr int IdRole = Qt::UserRole + 1;

    void clearEntries();
    void addHeader(const QString &text);
    void addEntry(const QString &text, const QString &id);

    int indexOfId(const QString &id) const; // -1 if none
    QString currentId() const;
    // Selects the entry with this id, or none (the placeholder) if there is no such entry.
    void setCurrentId(const QString &id);

private:
    QStandardItemModel *m_model;
};

} // namespace Kanca
