#pragma once

#include "history/HistoryQuery.h"

#include <QObject>
#include <QSqlDatabase>

#include <atomic>
#include <memory>

namespace Kanca {

// Reads the history for the history view on a thread of its own, so that no query (a text
// search scans every delivery) ever holds up the window. Its own read-only SQLite connection
// (WAL lets it read while the delivery engine writes). Every request carries a generation;
// requests that a newer one has made useless are skipped without touching the database.
class HistoryReader final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HistoryReader)

public:
    // The generations that still matter, set by the model: counts older than `latestCount`
    // and pages older than `displayed` are skipped.
    struct Generations
    {
        std::atomic<quint64> latestCount{0};
        std::atomic<quint64> displayed{0};
    };

    explicit HistoryReader(std::shared_ptr<Generations> generations, QObject *parent = nullptr);
    ~HistoryReader() override;

    // Each of these runs on the reader's thread and answers with a signal.
    void open(const QString &path);
    void count(const Kanca::HistoryCountRequest &request);
    void fetch(const Kanca::HistoryPageRequest &request);
    void locate(quint64 generation, const Kanca::HistoryQuery &query, const QString &id);
    void listRules();
    // Emits changedElsewhere() if another connection (the engine, or `kanca send` in another
    // process) has committed since the last check.
    void checkForChanges();

Q_SIGNALS:
    void opened(bool ok, const QString &error);
    void counted(const Kanca::HistoryCount &count);
    void fetched(const Kanca::HistoryPage &page);
    void located(quint64 generation, const QString &id, qint64 row); // row -1: not shown
    void rulesListed(const QList<Kanca::HistoryRule> &rules);
    void changedElsewhere();

private:
    void close();

    std::shared_ptr<Generations> m_generations;
    QString m_connectionName;
    QSqlDatabase m_db;
    qint64 m_dataVersion = -1;
};

} // namespace Kanca
