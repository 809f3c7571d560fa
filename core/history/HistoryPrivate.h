#pragma once

// Private to the history: the state of a HistoryDatabase (its connection and the statements it
// prepares once), and the wording of SQLite's errors.

#include "history/HistoryDatabase.h"
#include "history/WalCheckpointer.h"

#include <QHash>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>
#include <QVariant>

#include <array>
#include <memory>

struct sqlite3;
struct sqlite3_stmt;

namespace Kanca {

namespace HistoryErrors {

// SQLite's primary result codes (the low byte of an extended code).
enum SqliteCode {
    SqliteBusy = 5,
    SqliteLocked = 6,
    SqliteReadOnly = 8,
    SqliteIoError = 10,
    SqliteCorrupt = 11,
    SqliteFull = 13,
    SqliteCantOpen = 14,
    SqliteConstraint = 19,
    SqliteNotADatabase = 26,
};

int sqliteCode(const QSqlError &error);
QString native(const QString &path);
// Why a statement failed, in words (the clause after "Cannot … the history FILE: ").
QString explain(const QSqlError &error);
// "Cannot read the history FILE: why".
QString readError(const QString &path, const QSqlError &error);
// Whether the error says the file is damaged (or not a database at all): reading it again will
// not mend it.
bool isDamage(const QSqlError &error);

} // namespace HistoryErrors

struct HistoryDatabase::Private
{
    // The statements prepared once per connection.
    enum Statement {
        Begin,
        Commit,
        Rollback,
        InsertDelivery,
        DeliveryAuth,
        InsertAttempt,
        UpdateDelivery,
        SelectDelivery,
        SelectAttempts,
        SelectUnfinished,
        CountAttempts,
        StartAttempt,
        RenewClaims,
        ReleaseClaim,
        ReleaseUnsent,
        EndClaims,
        NextDue,
        HeldElsewhere,
        InsertEvent,
        EventDeliveries,
        StatementCount
    };

    QString connectionName;
    QString path;
    int busyTimeoutMs = DefaultBusyTimeoutMs;
    bool durableEvents = false; // acceptEvents commits with synchronous = FULL
    bool open = false;
    QSqlDatabase db;
    std::array<std::unique_ptr<QSqlQuery>, StatementCount> statements;
    // The statements that write, on SQLite's own handle of the same connection
    // (HistoryWrites.cpp): Qt Sql's binding costs more than SQLite's work for these rows.
    sqlite3 *handle = nullptr;
    // SQLite's handle of the connection (QSQLITE's), found once; null when not open.
    sqlite3 *nativeHandle();
    // The log's checkpoints, on a thread and connection of their own (SQLite files).
    WalCheckpointer checkpointer;
    std::array<sqlite3_stmt *, StatementCount> writeStatements{};
    QByteArray utf8Texts; // the UTF-8 of the texts bound to a write (HistoryWrites.cpp)
    static constexpr qsizetype MaxKeptUtf8Bytes = 1 << 20;
    // The header that carries the secret of the deliveries this connection inserted with a claim
    // or claimed ("" for auth of another kind), by delivery id: a delivery's auth never changes,
    // so recording an attempt need not read it back from the row. A cache: what is not here is
    // read with DeliveryAuth; emptied when it reaches MaxKnownAuthHeaders.
    QHash<QString, QString> knownAuthHeaders;
    static constexpr qsizetype MaxKnownAuthHeaders = 16384;

    static QString sql(Statement statement);
    QSqlQuery *prepared(Statement statement, QSqlError *sqlError);
    QSqlQuery *run(Statement statement, const QList<QVariant> &values, QSqlError *sqlError);
    // The number a counting statement selects; 0, with why, when it cannot be read.
    qint64 count(Statement statement, const QList<QVariant> &values, QString *error);
    bool exec(const QString &sql, QSqlError *sqlError, QVariant *result = nullptr);
    // Binds `values` as Qt's SQLite driver would and runs a statement that returns no rows,
    // through SQLite's C API.
    bool write(Statement statement, const QList<QVariant> &values, QSqlError *sqlError);
    // The rows the last write() changed.
    int changes() const;
    sqlite3_stmt *preparedWrite(Statement statement, QSqlError *sqlError);
    // Finalises the write statements; before the connection closes.
    void finalizeWrites();
    bool begin(QSqlError *sqlError) { return write(Begin, {}, sqlError); }
    bool commit(QSqlError *sqlError) { return write(Commit, {}, sqlError); }
    void rollback()
    {
        QSqlError ignored; // fails harmlessly when SQLite already rolled back
        write(Rollback, {}, &ignored);
    }
    // Runs `statement` with (id, claim token) for every id, all in one transaction (rolled back
    // on failure).
    bool writeForEach(Statement statement, const QStringList &deliveryIds, const QString &token,
                      QSqlError *sqlError);
    QString authHeaderName(const QString &deliveryId, bool *found, QSqlError *sqlError);
    void rememberAuthHeader(const Delivery &delivery);
    bool checkOpen(QString *error) const;
    // Inside a claim's transaction: records the attempts that engines whose leases expired
    // left in flight (see Outbox::claimDue).
    bool recordInterrupted(const Outbox::Claim &claim, qint64 now, QSqlError *sqlError);
    // Inside a transaction: one new delivery, claimed by `claim` when given (a lease from now).
    bool insertDelivery(const Delivery &delivery, const Outbox::Claim *claim, qint64 now,
                        QSqlError *sqlError);
    QString readError(const QSqlError &sqlError) const
    {
        return HistoryErrors::readError(path, sqlError);
    }
};

} // namespace Kanca
