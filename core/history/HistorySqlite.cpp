#include "history/HistorySqlite.h"

#include "history/HistoryPrivate.h"
#include "history/HistorySelect.h"

#include <QFileInfo>

#include <mutex>
#include <sqlite3.h>

using namespace Qt::StringLiterals;

namespace Kanca::HistorySqlite {

void configureLibrary()
{
    static std::once_flag once;
    std::call_once(once, [] {
        // SQLITE_MISUSE when SQLite has already started: it then keeps its statistics.
        sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    });
}

bool openForReading(const QString &connectionName, const QString &path, int busyTimeoutMs,
                    QSqlDatabase *db, QSqlError *error)
{
    configureLibrary();
    *db = QSqlDatabase::addDatabase(u"QSQLITE"_s, connectionName);
    db->setDatabaseName(path);
    db->setConnectOptions(u"QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=%1"_s.arg(busyTimeoutMs));
    if (!db->open()) {
        *error = db->lastError();
        return false;
    }
    return true;
}

bool dataVersion(const QSqlDatabase &db, qint64 *version, QSqlError *error)
{
    QVariant value;
    if (!HistorySelect::value(db, {u"PRAGMA data_version"_s, {}}, &value, error))
        return false;
    *version = value.toLongLong();
    return true;
}

bool checkIntegrity(const QSqlDatabase &db, const QString &path, QSqlError *error)
{
    const QFileInfo file(path);
    if (file.size() > QuickCheckMaxBytes)
        return true;
    // One row "ok", or a row per problem found (up to the first 10).
    QStringList findings;
    if (!HistorySelect::rows(
            db, {u"PRAGMA quick_check(10)"_s, {}},
            [&](const QSqlQuery &query) { findings.append(query.value(0).toString()); }, error)) {
        return false;
    }
    if (findings == QStringList{u"ok"_s})
        return true;
    // The first finding, without the line that names the schema ("*** in database main ***").
    QString first;
    for (const QString &line : findings.join(u'\n').split(u'\n', Qt::SkipEmptyParts)) {
        if (!line.startsWith(u"***"_s)) {
            first = line;
            break;
        }
    }
    *error = QSqlError(QString(), first.isEmpty() ? findings.join(u' ') : first,
                       QSqlError::StatementError, QString::number(HistoryErrors::SqliteCorrupt));
    return false;
}

} // namespace Kanca::HistorySqlite
