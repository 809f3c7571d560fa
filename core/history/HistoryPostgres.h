#pragma once

#include "postgres/PostgresUrl.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QSqlError>
#include <QString>

// What reading a history on PostgreSQL needs of its own, as HistorySqlite has it for a file: a
// read-only connection to the server (Qt's QPSQL driver), a mark that changes when deliveries or
// attempts are committed (in place of SQLite's data_version), a check that the database holds a
// Kanca history this program reads (in place of the check of a file's pages), and the wording of
// errors. The lists themselves are HistoryQueryBuilder's, in PostgreSQL's dialect.
namespace Kanca::HistoryPostgres {

// Opens `connectionName` on the database of `url`, its transactions read-only. The password is
// the URL's if it has one, else libpq's (PGPASSWORD, ~/.pgpass).
bool openForReading(const QString &connectionName, const PostgresUrl &url, QSqlDatabase *db,
                    QSqlError *error);

// Whether libpq says the connection is lost (the server went away or restarted).
bool isBroken(const QSqlDatabase &db);

// A mark that changes when another connection commits deliveries or attempts: the newest
// attempt's id, the newest delivery's creation time and the number of pending deliveries, each
// read from an index.
bool changeMark(const QSqlDatabase &db, QString *mark, QSqlError *error);

// The number of deliveries as PostgreSQL's statistics have it, without reading them: the table's
// row count of its last VACUUM or ANALYZE (pg_class.reltuples) scaled by how much the table grew
// or shrank since (its pages now against pg_class.relpages), as the planner estimates a table's
// rows. -1 when the table has no statistics yet (never vacuumed or analysed).
bool estimateDeliveries(const QSqlDatabase &db, qint64 *estimate, QSqlError *error);

// Whether the database holds a Kanca history of a schema this program reads; if not, `refusal`
// says why (and `error` stays empty), or the statement failed (`error`).
bool checkSchema(const QSqlDatabase &db, QString *refusal, QSqlError *error);

// Why a statement or a connection failed, in the server's words.
QString explain(const QSqlError &error);
// "Cannot read the history URL: why", the URL without its password.
QString readError(const PostgresUrl &url, const QString &why);

} // namespace Kanca::HistoryPostgres
