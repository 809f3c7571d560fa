#pragma once

// Private to the PostgreSQL store: its connection, the statements it prepares once per
// connection, reconnecting, and transactions.

#include "history/HistoryQueryBuilder.h"
#include "postgres/PostgresDirect.h"
#include "postgres/PostgresStore.h"

#include <QHash>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>
#include <QVariant>

#include <functional>
#include <memory>

namespace Kanca {

struct PostgresStore::Private
{
    // What a transaction's commit waits for. Work handed over to the store (accepted events,
    // deliveries added) is acknowledged only once PostgreSQL has flushed it (the database's own
    // synchronous_commit, "on" unless its administrator chose otherwise), as SQLite's accepted
    // events are. The engine's bookkeeping (claims, started attempts, results, slots, breakers,
    // heartbeats) does not wait for the flush, as the SQLite history's does not
    // (synchronous = NORMAL): PostgreSQL keeps commit order, so a crash of PostgreSQL itself can
    // only lose the last fraction of a second of it, which makes its deliveries due again once
    // their leases end (at least once, as a worker's crash does).
    enum class Flush { Wait, DontWait };
    // How a writer's statements are planned. Keyed (the session's way, see connect()): each
    // statement once per connection, a generic plan that finds rows through an index and joins
    // by nested loops. PerCall: planned for the values it runs with, every way open to the
    // planner, as PostgreSQL does by default; for a transaction whose statements choose among
    // many rows by what they hold (a claim, the history's reads).
    enum class Planning { Keyed, PerCall };
    // The commands that make statements planned as `planning` says, each begun with `set`
    // ("SET" for the session, "SET LOCAL" for a transaction).
    static QString planningSettings(Planning planning, const QString &set);

    PostgresUrl url;
    QString connectionName;
    QSqlDatabase db;
    bool open = false;
    bool readExisting = false; // opened with OpenMode::ReadExisting: the schema is left alone
    int version = 0;
    // Prepared statements by their text, for this connection (dropped when it is opened again).
    QHash<QString, std::shared_ptr<QSqlQuery>> statements;
    // The writers' statements through libpq (see PostgresDirect), on the same connection.
    PostgresDirect direct;
    std::function<void()> wake;
    bool notificationsConnected = false; // the driver's signal, connected once
    // Reconnecting: not before this time (ms since the epoch); the wait doubles up to a limit.
    qint64 reconnectAtMs = 0;
    int backoffMs = 0;
    // The connection's synchronous_commit as the database configured it, for Flush::Wait; the
    // session itself runs with synchronous_commit = off.
    QString flushedCommit = QStringLiteral("on");
    // When the holders of slots were last checked for being gone (ms since the epoch).
    qint64 holdersCheckedAtMs = 0;
    static constexpr int FirstBackoffMs = 250;
    static constexpr int MaxBackoffMs = 5000;

    // Opens the connection (a new one) and listens on the channel when asked to wake someone.
    bool connect(QSqlError *sqlError);
    // Whether the connection is lost: libpq says so, or the server said it ends it (see
    // endedByServer).
    bool broken() const;
    // Whether an error says the server ended (or refused) the connection: SQLSTATE class 08
    // (connection exception) or 57P01-57P03 (an administrator's or a crash's shutdown, not
    // accepting connections yet). The server sends such an error before it closes the
    // connection, and libpq reports the connection as bad only once it has read the close: a
    // statement read in single-row mode (Qt's forward-only queries) returns before that.
    static bool endedByServer(const QSqlError &error);
    // Notes an error: one that ended the connection makes broken() true until connect().
    void noteError(const QSqlError &error)
    {
        if (endedByServer(error))
            ended = true;
    }
    bool ended = false; // the server said it ended the connection (noteError)
    // The connection, opened again if it was lost (at most once per back-off period).
    bool ready(QSqlError *sqlError);
    void listen();

    // How a statement's rows are read. Whole: all of them, and its end, before run() returns,
    // so that run() succeeds only for a statement that completed (and, outside a transaction,
    // committed), and fails with the error that ended it otherwise, such as the server ending
    // the connection halfway. Streamed: one by one as next() asks (Qt's forward-only, libpq's
    // single-row mode), for reads of unbounded size; their end must be checked (endRows). A
    // statement keeps the way it was first run with.
    enum class Rows { Whole, Streamed };
    // Prepares (once) and runs a statement with its values bound in order. Null when it failed.
    QSqlQuery *run(const QString &sql, const QList<QVariant> &values, QSqlError *sqlError,
                   Rows rows = Rows::Whole);
    // run() for a statement outside a transaction: once more on a new connection if the first
    // try found the connection lost.
    QSqlQuery *runAlone(const QString &sql, const QList<QVariant> &values, QSqlError *sqlError,
                        Rows rows = Rows::Whole);
    // Runs a statement that returns no rows; `rows` gets the rows it changed.
    bool exec(const QString &sql, const QList<QVariant> &values, QSqlError *sqlError,
              int *rows = nullptr);
    // Commands without values, through libpq: several, separated by semicolons, go in one
    // round trip (the first that fails ends them).
    bool plain(const QString &sql, QSqlError *sqlError);
    // The writers' hot statements through libpq (see PostgresDirect): `sql` with its values as
    // UTF-8 text (null: SQL NULL). The rows, or null with the error.
    std::optional<PostgresResult> runDirect(const QString &sql, const QList<QByteArray> &values,
                                            QSqlError *sqlError);
    // runDirect() outside a transaction: once more on a new connection if the first try found
    // the connection lost.
    std::optional<PostgresResult>
    runDirectAlone(const QString &sql, const QList<QByteArray> &values, QSqlError *sqlError);
    // libpq's connection under Qt's driver; null when there is none.
    pg_conn *connection() const;
    // Runs `attempt` (once the connection is ready) outside a transaction, and once more on a
    // new connection if it failed and found the connection lost: nothing of it reached the
    // server. Its result, which tests false on failure (`sqlError` then says why).
    template<typename Attempt>
    auto againOnNewConnection(QSqlError *sqlError, Attempt attempt) -> decltype(attempt())
    {
        if (!ready(sqlError))
            return {};
        if (auto result = attempt())
            return result;
        if (!broken())
            return {};
        reconnectAtMs = 0;
        if (!ready(sqlError))
            return {};
        return attempt();
    }
    // Ends reading a statement's streamed rows: false (with the error) when they ended with an
    // error instead of their end, such as the server ending the connection halfway (the rows
    // read are then not all there are).
    bool endRows(QSqlQuery *query, QSqlError *sqlError);

    // BEGIN, on a new connection if the current one is found lost (nothing was sent yet); the
    // commit waits for the flush or not as `flush` says, and the transaction's statements are
    // planned as `planning` says (in the same round trip).
    bool begin(Flush flush, QSqlError *sqlError, Planning planning = Planning::Keyed);
    bool commit(QSqlError *sqlError) { return plain(QStringLiteral("COMMIT"), sqlError); }
    void rollback()
    {
        QSqlError ignored;
        plain(QStringLiteral("ROLLBACK"), &ignored);
    }
    // Inside a transaction: wakes the engines listening once it commits.
    bool notify(QSqlError *sqlError);

    bool checkOpen(QString *error) const;
    QString shown() const { return url.shown(); }
    static QString explain(const QSqlError &error);

    // Inside a transaction: records the results (no delivery twice) whose deliveries
    // `claimToken` still holds, in two statements; the others' ids go to `refused`, and
    // `missing` names a delivery that does not exist (then the transaction must be rolled
    // back).
    bool recordResults(const QList<Outbox::AttemptResult> &results, const QString &claimToken,
                       QStringList *refused, bool *givenBack, QString *missing,
                       QSqlError *sqlError);
    // The columns of a new delivery's row, in the order of HistoryRows::newDeliveryValues().
    static const QStringList &newDeliveryColumns();
    // Inside a transaction: new deliveries, claimed by `claim` when given, in one statement.
    bool insertDeliveries(const QList<Delivery> &deliveries, const Outbox::Claim *claim, qint64 now,
                          QSqlError *sqlError);
    // Inside a claim's transaction: the attempts engines whose leases expired left in flight.
    bool recordInterrupted(const Outbox::Claim &claim, qint64 now, QSqlError *sqlError);
    bool migrate(QSqlError *sqlError, QString *refusal);
    // The schema version of the database, without changing it; a refusal when it holds no Kanca
    // history or a newer one (OpenMode::ReadExisting).
    bool readVersion(QSqlError *sqlError, QString *refusal);
    // Runs a statement of the history's reads outside a transaction and hands each row to `row`.
    bool select(const HistoryStatement &statement,
                const std::function<void(const QSqlQuery &)> &row, QSqlError *sqlError);
    QString readError(const QSqlError &sqlError) const;
};

} // namespace Kanca
