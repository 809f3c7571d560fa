#pragma once

#include "delivery/Delivery.h"
#include "outbox/DestinationCoordination.h"
#include "outbox/OutboxStorage.h"
#include "postgres/PostgresUrl.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>

#include <memory>
#include <optional>

namespace Kanca {

// The outbox and accepted events in PostgreSQL, for several `kanca serve` processes sharing one
// database. The same semantics as the SQLite history (see Outbox, EventStore), with PostgreSQL's
// means: claims are taken with one UPDATE … WHERE id IN (SELECT … FOR UPDATE SKIP LOCKED), so
// that workers claiming at once never wait for each other nor claim the same row; the unique key
// of events makes ingest idempotent across workers (INSERT … ON CONFLICT DO NOTHING, then the
// first answer is read); the per-host limit and the circuit breaker hold across the servers
// (DestinationCoordination: slots with leases, and shared breakers); every commit that adds due
// work notifies the channel kanca_outbox, on which idle engines listen (onNewWork()).
//
// One object per thread, each with its own connection (Qt's QPSQL driver). A connection found
// broken is opened again (at most every few seconds while the server stays away); a transaction
// whose first statement met a broken connection is run again on the new one, as nothing of it
// reached the server. Passwords come from PGPASSWORD or ~/.pgpass (libpq) and are never shown.
//
// It also keeps the table of the servers sharing the database (WorkerRegistry: the table
// workers), which `kanca fleet` lists, and what they agree on per destination
// (DestinationCoordination: host slots and breakers).
class PostgresStore final : public OutboxStorage,
                            public WorkerRegistry,
                            public DestinationCoordination
{
    Q_DECLARE_TR_FUNCTIONS(PostgresStore)

public:
    // The channel NOTIFY wakes idle engines on.
    static constexpr QLatin1StringView Channel{"kanca_outbox"};

    PostgresStore();
    ~PostgresStore() override;
    PostgresStore(const PostgresStore &) = delete;
    PostgresStore &operator=(const PostgresStore &) = delete;

    // What open() does with the schema. Migrate creates or updates it (the server, the command
    // line). ReadExisting changes nothing, and refuses a database that holds no Kanca history:
    // the designer looking at a server's history never alters the server's database.
    enum class OpenMode { Migrate, ReadExisting };

    // Connects and creates or migrates the schema (see OpenMode). A database of a newer schema
    // is refused.
    bool open(const PostgresUrl &url, QString *error, OpenMode mode = OpenMode::Migrate);
    bool isOpen() const;
    void close();

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
    void onNewWork(std::function<void()> wake) override;
    bool isReconnecting() const override;
    DestinationCoordination *destinationCoordination() override;

    // Each destination's slots and breaker, shared by the servers (see DestinationCoordination).
    std::optional<SlotAnswer> takeSlots(const QList<SlotNeed> &needs, int maxPerHost,
                                        const Claim &claim, qint64 nowMs, QString *error) override;
    bool releaseSlots(const QHash<QString, int> &counts, const Claim &claim,
                      QString *error) override;
    std::optional<QHash<QString, int>> renewSlots(const Claim &claim, qint64 nowMs,
                                                  QString *error) override;
    std::optional<QList<Breaker>> openBreakers(qint64 nowMs, QString *error) override;
    bool openBreaker(const Breaker &breaker, const Claim &claim, QString *error) override;
    std::optional<Probe> takeProbe(const QString &destination, const Claim &claim, qint64 nowMs,
                                   QString *error) override;
    bool closeBreaker(const QString &destination, QString *error) override;

    // The events (see EventStore).
    std::optional<QList<Accepted>> acceptEvents(const QList<IncomingEvent> &events,
                                                const Outbox::Claim *claim,
                                                QString *error) override;
    std::optional<QList<StoredEvent>> events(const QDateTime &from, const QDateTime &to, int limit,
                                             qint64 offset, QString *error) const override;
    std::optional<qint64> pruneEvents(const QDateTime &before, int batch, QString *error) override;

    // The servers sharing the database (see WorkerRegistry).
    WorkerRegistry *workerRegistry() override { return this; }
    bool beat(const Worker &worker, QString *error) override;
    bool removeWorker(const QString &id, QString *error) override;
    std::optional<QList<Worker>> workers(QString *error) override;

    // The history's reads (see HistoryStore), with the same statements as SQLite's
    // (HistoryQueryBuilder, in PostgreSQL's dialect).
    HistoryDialect dialect() const override { return HistoryDialect::Postgres; }
    QList<Delivery> deliveries(const HistoryFilter &filter, const HistoryRange &range = {},
                               QString *error = nullptr) const override;
    qint64 countDeliveries(const HistoryFilter &filter, QString *error = nullptr) const override;
    std::optional<Delivery> delivery(const QString &id, QString *error = nullptr) const override;
    QList<Attempt> attempts(const QString &deliveryId, QString *error = nullptr) const override;
    std::optional<StoredEvent> event(const QString &eventId,
                                     QString *error = nullptr) const override;
    std::optional<bool> hasResend(const QString &id, QString *error = nullptr) const override;
    // The database holds a Kanca history of a schema this program reads (PostgreSQL keeps its
    // own pages whole).
    bool checkIntegrity(QString *error) const override;

    // The schema version of the open database.
    int schemaVersion() const;

private:
    // Gives claims back (releaseClaims, or with their starts forgotten: releaseUnsent) in one
    // statement, and wakes the engines listening.
    bool giveBack(const QStringList &deliveryIds, const Claim &claim, bool forgetStarts,
                  QString *error);

    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace Kanca
