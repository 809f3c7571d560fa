#pragma once

#include "delivery/Delivery.h"
#include "history/HistoryFilter.h"
#include "history/HistoryQueryBuilder.h"
#include "outbox/OutboxStorage.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>

#include <memory>
#include <optional>

namespace Kanca {

// The outbox and history: a SQLite database (Qt Sql, WAL) with a versioned schema. A delivery is
// committed before its first attempt; every attempt is recorded with its request and response.
// One object per thread; each opens its own connection. Any number of connections, in one
// process or several, may share the file: the outbox's claims (see Outbox) make each delivery
// sent by one engine at a time.
class HistoryDatabase final : public OutboxStorage
{
    Q_DECLARE_TR_FUNCTIONS(HistoryDatabase)

public:
    static constexpr int SchemaVersion = 4;
    // How long a statement waits for another connection or process that holds the database.
    static constexpr int DefaultBusyTimeoutMs = 5000;

    HistoryDatabase();
    ~HistoryDatabase() override;
    HistoryDatabase(const HistoryDatabase &) = delete;
    HistoryDatabase &operator=(const HistoryDatabase &) = delete;

    // The default file: $KANCA_DB if set, else history.sqlite in the platform's application-data
    // folder (~/.local/share/Kanca/Kanca/ on Linux).
    static QString defaultPath();

    // Opens or creates the database (and its folder), switches to WAL, and migrates an older
    // schema. A database of a newer schema, a file that is not a database, or one that cannot be
    // written is refused with a message saying so.
    bool open(const QString &path, QString *error);
    bool isOpen() const;
    QString path() const;
    void close();

    // Whether a commit of accepted events (acceptEvents) waits for the disk (fsync) before it
    // returns. Normal (the default): every commit survives the program dying at any moment, but
    // the last ones may be lost if the whole machine loses power. Full: a commit of accepted
    // events survives that too (and with it everything committed before it); a server
    // acknowledging events uses it, and commits events in groups to pay the wait once per group.
    // The engine's own bookkeeping (claims, attempt starts and results) stays Normal: lost at a
    // power loss, it costs at most an attempt sent again, never an acknowledged event.
    enum class Durability { Normal, Full };
    bool setDurability(Durability durability, QString *error);

    // How long a statement waits for a lock held by another connection before it gives up with
    // "the database is locked". Takes effect at once and on later opens.
    void setBusyTimeout(int ms);
    int busyTimeout() const;
    // Checkpoints of the write-ahead log made on the history's own checkpointing thread since
    // it was opened (see WalCheckpointer): for tests and diagnostics.
    qint64 logCheckpoints() const;

    // The outbox (see Outbox).
    QString location() const override;
    bool insertDeliveries(const QList<Delivery> &deliveries, const Claim *claim,
                          QString *error) override;
    std::optional<QList<Delivery>> claimDue(const ClaimRequest &request, const Claim &claim,
                                            QString *error) override;
    bool startAttempts(const QList<AttemptStart> &starts, const Claim &claim, QStringList *lost,
                       QString *error) override;
    bool recordAttempts(const QList<AttemptResult> &results, const Claim &claim, QStringList *lost,
                        QString *error) override;
    bool renewClaims(const Claim &claim, const QDateTime &now, QString *error) override;
    bool releaseClaims(const QStringList &deliveryIds, const Claim &claim, QString *error) override;
    bool releaseUnsent(const QStringList &deliveryIds, const Claim &claim, QString *error) override;
    std::optional<QDateTime> nextDue(const Claim &claim, QString *error) override;
    qint64 heldElsewhere(const Claim &claim, const QDateTime &now, QString *error) override;
    std::optional<Depth> depth(QString *error) override;
    bool isReachable(QString *error) override;

    // The events a server accepted (see EventStore).
    std::optional<QList<Accepted>> acceptEvents(const QList<IncomingEvent> &events,
                                                const Outbox::Claim *claim,
                                                QString *error) override;
    std::optional<QList<StoredEvent>> events(const QDateTime &from, const QDateTime &to, int limit,
                                             qint64 offset, QString *error) const override;
    std::optional<qint64> pruneEvents(const QDateTime &before, int batch, QString *error) override;

    // Ends every lease of `claim` now, for an engine that stopped (its history could not be
    // written) and will not continue: the next claim takes its deliveries over at once, and
    // records an attempt it had started as interrupted. Not part of Outbox: only the designer,
    // which starts a new engine in the same process, needs it.
    bool endClaims(const Claim &claim, QString *error);

    // Pending deliveries, soonest due first, whoever holds them.
    QList<Delivery> unfinishedDeliveries(QString *error = nullptr) const;

    // The history's reads (see HistoryStore).
    HistoryDialect dialect() const override { return HistoryDialect::Sqlite; }
    std::optional<Delivery> delivery(const QString &id, QString *error = nullptr) const override;
    std::optional<bool> hasResend(const QString &id, QString *error = nullptr) const override;
    QList<Attempt> attempts(const QString &deliveryId, QString *error = nullptr) const override;
    std::optional<StoredEvent> event(const QString &eventId,
                                     QString *error = nullptr) const override;
    // The deliveries a filter lists, in its order, or the part of them in `range` (built by
    // HistoryQueryBuilder). On an error, none: a list is whole or not given at all.
    QList<Delivery> deliveries(const HistoryFilter &filter, const HistoryRange &range = {},
                               QString *error = nullptr) const override;
    qint64 countDeliveries(const HistoryFilter &filter, QString *error = nullptr) const override;
    qint64 countAttempts(QString *error = nullptr) const;

    // Whether the file is whole, checked with SQLite's quick_check where it is small enough to
    // be read whole at once (HistorySqlite::QuickCheckMaxBytes); the damage of a larger file is
    // found by the reads that meet it. False with a message naming the file and the damage.
    bool checkIntegrity(QString *error) const override;

    // The Qt Sql connection name, for tests that look at the connection itself.
    QString connectionName() const;

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace Kanca
