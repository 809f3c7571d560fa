#pragma once

#include <QAbstractTableModel>
#include <QPointer>

namespace Kanca {

class Catcher;
struct CaughtRequest;

// The local catcher's requests as a table, oldest first, following the catcher live: a request
// caught is a row appended, the oldest dropped past the catcher's capacity are rows removed.
class CaughtRequestModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        NumberColumn,
        TimeColumn,
        MethodColumn,
        PathColumn,
        SizeColumn,
        SignatureColumn,
        AnswerColumn,
        ColumnCount
    };

    explicit CaughtRequestModel(Catcher *catcher, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    const CaughtRequest *request(int row) const; // null when out of range

    static QString signatureText(const CaughtRequest &request);
    // The interface language changed: the headers and words are shown anew.
    void retranslate();

private:
    QPointer<Catcher> m_catcher;
    int m_rows = 0;
};

} // namespace Kanca
