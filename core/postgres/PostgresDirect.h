#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlError>
#include <QString>

#include <functional>
#include <optional>

struct pg_conn;
struct pg_result;

namespace Kanca {

// The rows of a statement run by PostgresDirect, all read before it returned.
class PostgresResult
{
public:
    explicit PostgresResult(pg_result *result);
    ~PostgresResult();
    PostgresResult(PostgresResult &&other) noexcept;
    PostgresResult &operator=(PostgresResult &&other) = delete;
    PostgresResult(const PostgresResult &) = delete;
    PostgresResult &operator=(const PostgresResult &) = delete;

    // Moves to the next row (the first on the first call); false after the last.
    bool next();
    // The row's value in `column` as text ("" for NULL).
    QString text(int column) const;
    // The values in `column` of the rows not read yet (they are read).
    QSet<QString> remainingTexts(int column);

private:
    pg_result *m_result = nullptr;
    int m_rows = 0;
    int m_row = -1;
};

// Statements run through libpq on the connection of Qt's QPSQL driver. Qt's driver sends a
// prepared statement's values written into the text of an EXECUTE (each value quoted by the
// client, then parsed again by the server); here a statement is prepared once per connection
// (PQprepare) and run with its values as parameters of the extended protocol (PQexecPrepared),
// and plain commands go in one round trip each (PQexec), several at once where they follow each
// other (such as "SET LOCAL …; COMMIT"). The connection stays Qt's: its notifications, which
// libpq may read while a statement here runs, are handed to `notified`.
class PostgresDirect
{
    Q_DECLARE_TR_FUNCTIONS(PostgresDirect)

public:
    // A notification read from another session (by its channel).
    using Notified = std::function<void(const QString &channel)>;

    // Forgets the statements prepared: after the connection was opened again.
    void reset() { m_prepared.clear(); }
    void onNotification(Notified notified) { m_notified = std::move(notified); }

    // Runs `sql` (its values marked `?`, in order) with `values` as UTF-8 text; null values are
    // SQL NULLs. The rows, or null with the error.
    std::optional<PostgresResult> run(pg_conn *connection, const QString &sql,
                                      const QList<QByteArray> &values, QSqlError *error);
    // Runs commands without values (several, separated by semicolons, in one round trip; the
    // first that fails ends them and is the error).
    bool plain(pg_conn *connection, const QString &sql, QSqlError *error);

    // libpq's connection under a QPSQL connection; null when it is not open.
    static pg_conn *connectionOf(const QSqlDatabase &db);

    // `sql` with its `?` marks numbered as PostgreSQL's $1, $2, … (outside quoted text).
    static QByteArray numbered(const QString &sql);

private:
    // Ends what Qt left unread on the connection, as Qt does before its own statements.
    static void discardResults(pg_conn *connection);
    void takeNotifications(pg_conn *connection);
    // The error of `result` (null: the connection's), as Qt's driver makes it.
    static QSqlError error(pg_conn *connection, pg_result *result, const QString &what);

    QHash<QString, QByteArray> m_prepared; // statement text -> its name on the server
    int m_count = 0;
    Notified m_notified;
};

} // namespace Kanca
