#pragma once

#include "history/HistoryReaderMessages.h"
#include "history/HistoryRule.h"
#include "postgres/PostgresUrl.h"

#include <QObject>
#include <QSqlDatabase>

#include <atomic>
#include <memory>
#include <optional>

class QSqlError;

namespace Kanca {

// Reads a history's lists on a thread of its own, so that no query (a text search scans every
// delivery) ever holds up a window: counts, pages by keyset, a delivery's place in a list, the
// rules. Its own read-only connection: to a SQLite file (WAL lets it read while the delivery
// engine writes), or to a PostgreSQL database that servers write to. Every request carries a
// generation; requests that a newer one has made useless are skipped without touching the
// database. Every statement comes from HistoryQueryBuilder, in the connection's dialect.
//
// A file found damaged (on opening, where it is small enough to be checked whole, or by any read
// that meets the damage) stays so until it is opened again: every later answer carries the same
// error, so that no list is ever pieced together from the parts that still read.
//
// PostgreSQL keeps no count of a table's rows (which rows a reader sees depends on its snapshot),
// so an exact count(*) of a large history reads a whole index. A count request that allows it
// (HistoryCountRequest::estimate) for the whole list is answered at once there: exactly when
// fewer than EstimateAbove deliveries are found, else from the table's statistics
// (HistoryPostgres::estimateDeliveries), never below EstimateAbove. Its user asks for the exact
// count afterwards, of another reader so that pages are read meanwhile.
//
// A PostgreSQL connection that cannot be made, or is lost, makes every answer an error saying
// why; it is tried again at the next request or check for changes (at most once a second), and
// once it is back, changedElsewhere() says so.
class HistoryReader final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HistoryReader)

public:
    // The generations that still matter, set by the reader's user: counts older than
    // `latestCount` and pages older than `displayed` are skipped.
    struct Generations
    {
        std::atomic<quint64> latestCount{0};
        std::atomic<quint64> displayed{0};
    };

    // A history with fewer deliveries than this is counted exactly, even when an estimate would
    // do: counting them costs no more than estimating.
    static constexpr qint64 EstimateAbove = 1000;

    explicit HistoryReader(std::shared_ptr<Generations> generations, QObject *parent = nullptr);
    ~HistoryReader() override;

    // Each of these runs on the reader's thread and answers with a signal.
    // Opens a SQLite file, or a PostgreSQL database when `where` is a postgresql:// URL (with
    // `password`, if given, in place of the one libpq would find).
    void open(const QString &where, const QString &password = {});
    // Closes the connection; nothing is read until open() is called again.
    void close();
    void count(const Kanca::HistoryCountRequest &request);
    void fetch(const Kanca::HistoryPageRequest &request);
    void locate(quint64 generation, const Kanca::HistoryFilter &filter, const QString &id);
    void listRules();
    // Emits changedElsewhere() if another connection (the engine, or `kanca send` in another
    // process) has committed since the last check.
    void checkForChanges();

Q_SIGNALS:
    void opened(bool ok, const QString &error);
    void counted(const Kanca::HistoryCount &count);
    void fetched(const Kanca::HistoryPage &page);
    void located(quint64 generation, const QString &id, qint64 row); // row -1: not listed
    void rulesListed(const QList<Kanca::HistoryRule> &rules);
    void changedElsewhere();

private:
    // The error in words; a damaged file is remembered as such.
    QString failure(const QSqlError &error);
    // The whole list's count from PostgreSQL's statistics, or exact when it is small.
    bool estimateCount(const HistoryQueryBuilder &builder, HistoryCount *result, QSqlError *error);
    // PostgreSQL: connects and checks that the database holds a history this program reads.
    bool connectToServer(QString *why);
    // The connection to be read from: a lost PostgreSQL connection is made again (at most once
    // a second); false with why when it cannot be. A SQLite file: always true.
    bool ensureConnected(QString *why);
    HistoryDialect dialect() const;

    std::shared_ptr<Generations> m_generations;
    QString m_connectionName;
    QString m_path;
    std::optional<PostgresUrl> m_url; // a PostgreSQL database rather than the file m_path
    QSqlDatabase m_db;
    QString m_damage; // why the file cannot be read, once it was found damaged
    qint64 m_dataVersion = -1;
    QString m_changeMark;   // PostgreSQL's counterpart of the data version
    QString m_connectError; // why the server cannot be read, while it cannot
    qint64 m_retryAtMs = 0; // not connecting again before this time (ms since the epoch)
};

} // namespace Kanca
