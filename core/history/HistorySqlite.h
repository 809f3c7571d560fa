#pragma once

#include <QSqlDatabase>
#include <QSqlError>
#include <QString>

// What the history needs that is SQLite's own, in one place: the library's configuration, a
// read-only connection to a file, SQLite's counter of commits by other connections, and the
// check of a whole file. The lists themselves are portable SQL (HistoryQueryBuilder) on any Qt
// Sql connection; a history on PostgreSQL (Qt's QPSQL driver) would provide the last three its
// own way: a connection to the server, a change counter or LISTEN/NOTIFY, and no file to check
// (the server keeps its pages).
namespace Kanca::HistorySqlite {

// The largest file checked whole when it is opened for reading. PRAGMA quick_check reads every
// page: about 3 ms per MiB on a two-core machine (5.5 s for a history of a million deliveries),
// so a larger file is not checked whole; the reads that meet its damage report it.
inline constexpr qint64 QuickCheckMaxBytes = 32 * 1024 * 1024;

// Configures the SQLite library for the history, once per process, before its first connection:
// no memory statistics (SQLite otherwise takes a process-wide mutex and updates counters on
// every allocation, dozens per delivery; nothing in Kanca reads them). Called by every opening
// of a history; does nothing once SQLite has started (another part of the process opened a
// database first).
void configureLibrary();

// Opens `connectionName` on the file `path`, read-only, waiting up to `busyTimeoutMs` for a
// connection that holds a lock. WAL lets it read while another connection writes.
bool openForReading(const QString &connectionName, const QString &path, int busyTimeoutMs,
                    QSqlDatabase *db, QSqlError *error);

// PRAGMA data_version: a number that changes when another connection (or process) commits.
bool dataVersion(const QSqlDatabase &db, qint64 *version, QSqlError *error);

// Whether the file is whole, as far as PRAGMA quick_check sees: run on files of at most
// QuickCheckMaxBytes, true without a look at larger ones. Damage found is an error of SQLite's
// kind "damaged" (SQLITE_CORRUPT) with the check's first finding as its text.
bool checkIntegrity(const QSqlDatabase &db, const QString &path, QSqlError *error);

} // namespace Kanca::HistorySqlite
