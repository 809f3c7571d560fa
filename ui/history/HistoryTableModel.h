#pragma once

#include "history/HistoryFilter.h"
#include "history/HistoryReader.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QSet>
#include <QThread>
#include <QTimer>

#include <map>
#include <memory>
#include <optional>

namespace Kanca {

// The deliveries of a history, newest first, for a table that must open at once and scroll
// smoothly over millions of them. Nothing is loaded whole: the row count comes from one COUNT
// with the filters, and rows are read in pages of PageSize (a small cache of the latest pages)
// by a HistoryReader on its own thread. A page is read by keyset from the nearest row whose key
// is known (from either end, or the edge of a page read before), so that scrolling to the end
// or anywhere costs an index walk of at most the distance from there, not an OFFSET from the top.
// Rows not read yet show as "Loading…" and fill in a moment later (dataChanged).
//
// A refresh (debounced, RefreshDelayMs) counts again: on DeliveryService::historyChanged, and
// when a poll of SQLite's data_version, or of a server database's newest attempt, newest
// delivery and pending count (every PollIntervalMs), sees a write by another process. If
// the only change is deliveries newer than the newest shown, they are inserted as rows (selection
// and scroll position stay with their deliveries) and the rows shown are read again; otherwise the
// model is reset. A new filter or order takes effect once it has been counted: until then the old
// rows stay shown.
//
// A server's PostgreSQL history listed whole opens from an estimate of its size (see
// HistoryReader: PostgreSQL has no stored row count, and an exact one of a million deliveries
// reads a whole index), so that the first rows show at once; isEstimated() says so. The exact
// count follows from a second reader on its own thread and connection (every exact count of a
// server's history is made there, so that pages never wait for one) and settles the rows as a
// refresh does: new deliveries inserted at the top, then rows inserted or removed at the end, so
// that selection and scroll position stay. While the count is an estimate, pages are read
// forward from the nearest row read (the estimated end is not the real one); a page further than
// EstimatedReach rows from any is read once the count is exact. A SQLite file is counted exactly
// at once, on the one reader: its count is fast.
//
// A read that fails (a damaged file, or one that cannot be read) empties the model: it has no
// rows and failure() says why, until a later count succeeds. A list is shown whole or not at all.
//
// Measured by tst_historyview on a generated history of 1,000,000 deliveries (1.7 GB) on a busy
// two-core machine: the COUNT about 90 ms and the rows in view shown about 160 ms after opening;
// the last row 10 to 50 ms after scrollToBottom() (read backwards from the end); a jump to an
// unread row in the middle under 200 ms (the index walk from the nearest known row, where an
// OFFSET from the top would walk up to the whole index); a status or rule filter counted in about
// 30 ms. A text search reads every delivery (about 3 s): on the reader's thread, so the window
// stays responsive and the old rows stay shown until it is counted.
class HistoryTableModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HistoryTableModel)

public:
    enum Column {
        TimeColumn,
        StatusColumn,
        AttemptsColumn,
        HttpColumn,
        RuleColumn,
        EventColumn,
        UrlColumn,
        IdColumn,
        ErrorColumn,
        ColumnCount
    };
    enum Role {
        DeliveryIdRole = Qt::UserRole + 1, // the delivery id (empty while loading)
        LoadedRole,                        // whether the row has been read
    };

    static constexpr int PageSize = 256;
    static constexpr int CachedPages = 32;
    static constexpr int RefreshDelayMs = 300;
    static constexpr int PollIntervalMs = 2000;
    // While the count is an estimate: how far from the nearest row read a page is read at once.
    static constexpr qint64 EstimatedReach = 16 * PageSize;

    explicit HistoryTableModel(QObject *parent = nullptr);
    ~HistoryTableModel() override;

    // Reads this history from now on: a file, or a server's PostgreSQL database (a postgresql://
    // URL, with `password` if it is not libpq's to find). Empty: nothing is shown.
    void setDatabase(const QString &where, const QString &password = {});
    void setDatabasePath(const QString &path) { setDatabase(path); }
    QString databasePath() const { return m_path; }

    // The filters and the order; shown once counted (counted() is emitted).
    void setFilter(const HistoryFilter &filter);
    HistoryFilter filter() const { return m_wantedFilter; }

    void refresh(); // counts again now
    // Counts again after RefreshDelayMs (or twice the last count's time, if longer: a text
    // search over a large history is not repeated back to back), however often it is called.
    void refreshSoon();

    // Whether a count or a page is still being read (not the exact count that follows an
    // estimate: the rows are shown meanwhile).
    bool isLoading() const;
    // Whether rowCount() is an estimate, the exact count still to come.
    bool isEstimated() const { return m_estimated; }
    // Why the history cannot be shown ("Cannot read the history FILE: why"); empty while it can.
    QString failure() const { return m_failure; }
    // Finds the row of a delivery under the current filters: answered by located().
    void locate(const QString &deliveryId);
    // Headers and status texts in the new language.
    void retranslate();

    // What the last count and page read took (ms), for the curious and the benchmarks.
    qint64 lastCountMs() const { return m_lastCountMs; }
    qint64 lastPageMs() const { return m_lastPageMs; }

    static QString statusText(DeliveryStatus status);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    void sort(int column, Qt::SortOrder order) override; // by time only

Q_SIGNALS:
    void counted(qint64 rows); // a count arrived and is shown
    void pageLoaded(int firstRow, int lastRow);
    void located(const QString &deliveryId, int row); // row -1: not under the filters
    void rulesListed(const QList<Kanca::HistoryRule> &rules);
    void readFailed(const QString &message); // the model has just been emptied: see failure()

private:
    struct Page
    {
        QList<HistoryRow> rows;
        quint64 lastUse = 0;
    };

    void requestCount();
    void requestPage(qint64 page) const;
    const HistoryRow *row(int row) const;
    void showCount(const HistoryCount &count);
    void showPage(const HistoryPage &page);
    void showLocated(quint64 generation, const QString &id, qint64 row);
    void fail(const QString &message);
    void forgetRows();
    void useGeneration(const HistoryCount &count);
    void resizeEnd(qint64 rows);
    QVariant display(const HistoryRow &row, int column) const;
    QVariant toolTip(const HistoryRow &row, int column) const;

    QString m_path;
    QString m_password;
    QThread m_thread;
    std::shared_ptr<HistoryReader::Generations> m_generations;
    HistoryReader *m_reader; // lives on m_thread
    QThread m_counterThread;
    HistoryReader *m_counter; // lives on m_counterThread: a server's exact counts
    bool m_postgres = false;  // m_path is a server's PostgreSQL database
    QTimer m_refreshTimer;
    QTimer m_pollTimer; // writes by other processes

    HistoryFilter m_filter;       // shown
    HistoryFilter m_wantedFilter; // being counted, or shown
    QString m_failure;
    quint64 m_nextGeneration = 0;
    quint64 m_generation = 0;      // of the rows shown
    quint64 m_countGeneration = 0; // of the count awaited, 0 if none
    bool m_countIsRefresh = false; // the count awaited is of the rows shown
    bool m_counted = false;        // m_rowCount is a real count
    bool m_estimated = false;      // ... but an estimate: the exact count is asked for
    qint64 m_rowCount = 0;
    std::optional<HistoryKey> m_newest;

    // Mutable: data() reads pages on demand.
    mutable QHash<qint64, Page> m_pages;
    mutable QSet<qint64> m_requested;
    mutable std::map<qint64, HistoryKey> m_anchors; // row -> key, the edges of pages read
    mutable quint64 m_useCounter = 0;
    // The pages of the previous generation, shown (shifted by new rows) until re-read.
    QHash<qint64, Page> m_stale;
    qint64 m_staleShift = 0;

    qint64 m_lastCountMs = 0;
    qint64 m_lastPageMs = 0;
};

} // namespace Kanca
