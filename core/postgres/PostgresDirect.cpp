#include "postgres/PostgresDirect.h"

#include <QCoreApplication>
#include <QSqlDriver>
#include <QVarLengthArray>
#include <QVariant>

#include <libpq-fe.h>
#include <utility>

using namespace Qt::StringLiterals;

namespace Kanca {

PostgresResult::PostgresResult(pg_result *result)
    : m_result(result)
    , m_rows(result ? PQntuples(result) : 0)
{}

PostgresResult::~PostgresResult()
{
    if (m_result)
        PQclear(m_result);
}

PostgresResult::PostgresResult(PostgresResult &&other) noexcept
    : m_result(std::exchange(other.m_result, nullptr))
    , m_rows(std::exchange(other.m_rows, 0))
    , m_row(std::exchange(other.m_row, -1))
{}

bool PostgresResult::next()
{
    if (m_row >= m_rows)
        return false;
    ++m_row;
    return m_row < m_rows;
}

QString PostgresResult::text(int column) const
{
    return QString::fromUtf8(PQgetvalue(m_result, m_row, column),
                             PQgetlength(m_result, m_row, column));
}

QSet<QString> PostgresResult::remainingTexts(int column)
{
    QSet<QString> texts;
    while (next())
        texts.insert(text(column));
    return texts;
}

pg_conn *PostgresDirect::connectionOf(const QSqlDatabase &db)
{
    if (!db.isOpen() || !db.driver())
        return nullptr;
    // Qt 6 names the driver's handle by libpq's struct (pg_conn*), Qt 5 by its typedef.
    const QVariant handle = db.driver()->handle();
    if (!handle.isValid()
        || (qstrcmp(handle.typeName(), "pg_conn*") != 0
            && qstrcmp(handle.typeName(), "PGconn*") != 0)) {
        return nullptr;
    }
    return *static_cast<pg_conn *const *>(handle.constData());
}

QByteArray PostgresDirect::numbered(const QString &sql)
{
    const QByteArray text = sql.toUtf8();
    QByteArray out;
    out.reserve(text.size() + 16);
    int number = 0;
    char quote = 0; // inside '…' or "…"
    for (const char c : text) {
        if (quote) {
            if (c == quote)
                quote = 0;
            out += c;
        } else if (c == '\'' || c == '"') {
            quote = c;
            out += c;
        } else if (c == '?') {
            out += '$';
            out += QByteArray::number(++number);
        } else {
            out += c;
        }
    }
    return out;
}

void PostgresDirect::discardResults(pg_conn *connection)
{
    while (PGresult *result = PQgetResult(connection))
        PQclear(result);
}

void PostgresDirect::takeNotifications(pg_conn *connection)
{
    const int self = PQbackendPID(connection);
    while (PGnotify *notify = PQnotifies(connection)) {
        const QString channel = QString::fromUtf8(notify->relname);
        const bool own = notify->be_pid == self;
        PQfreemem(notify);
        if (!own && m_notified)
            m_notified(channel);
    }
}

QSqlError PostgresDirect::error(pg_conn *connection, pg_result *result, const QString &what)
{
    const bool lost = !result || PQstatus(connection) == CONNECTION_BAD;
    const QString message =
        QString::fromUtf8(result ? PQresultErrorMessage(result) : PQerrorMessage(connection));
    const char *state = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
    return QSqlError(what,
                     message.isEmpty() ? QString::fromUtf8(PQerrorMessage(connection)) : message,
                     lost ? QSqlError::ConnectionError : QSqlError::StatementError,
                     state ? QString::fromLatin1(state) : QString());
}

std::optional<PostgresResult> PostgresDirect::run(pg_conn *connection, const QString &sql,
                                                  const QList<QByteArray> &values,
                                                  QSqlError *sqlError)
{
    discardResults(connection);
    auto name = m_prepared.constFind(sql);
    if (name == m_prepared.cend()) {
        const QByteArray newName = "kanca_" + QByteArray::number(++m_count);
        PGresult *prepared =
            PQprepare(connection, newName.constData(), numbered(sql).constData(), 0, nullptr);
        const bool ok = prepared && PQresultStatus(prepared) == PGRES_COMMAND_OK;
        if (!ok) {
            *sqlError = error(connection, prepared, tr("Unable to prepare statement"));
            if (prepared)
                PQclear(prepared);
            takeNotifications(connection);
            return std::nullopt;
        }
        PQclear(prepared);
        name = m_prepared.insert(sql, newName);
    }
    QVarLengthArray<const char *, 16> texts;
    QVarLengthArray<int, 16> lengths;
    for (const QByteArray &value : values) {
        texts.append(value.isNull() ? nullptr : value.constData());
        lengths.append(int(value.size()));
    }
    PGresult *result = PQexecPrepared(connection, name->constData(), int(values.size()),
                                      texts.constData(), lengths.constData(), nullptr, 0);
    takeNotifications(connection);
    const ExecStatusType status = result ? PQresultStatus(result) : PGRES_FATAL_ERROR;
    if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK) {
        *sqlError = error(connection, result, tr("Unable to execute statement"));
        if (result)
            PQclear(result);
        return std::nullopt;
    }
    return PostgresResult(result);
}

bool PostgresDirect::plain(pg_conn *connection, const QString &sql, QSqlError *sqlError)
{
    discardResults(connection);
    PGresult *result = PQexec(connection, sql.toUtf8().constData());
    takeNotifications(connection);
    const ExecStatusType status = result ? PQresultStatus(result) : PGRES_FATAL_ERROR;
    const bool ok = status == PGRES_TUPLES_OK || status == PGRES_COMMAND_OK;
    if (!ok)
        *sqlError = error(connection, result, tr("Unable to run command"));
    if (result)
        PQclear(result);
    return ok;
}

} // namespace Kanca
