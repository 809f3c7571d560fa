#include "history/HistoryPostgres.h"

#include "history/HistorySelect.h"
#include "postgres/PostgresDirect.h"
#include "postgres/PostgresSchema.h"

#include <QSqlDriver>
#include <QSqlQuery>
#include <QStringList>

#include <libpq-fe.h>

using namespace Qt::StringLiterals;

namespace Kanca::HistoryPostgres {

bool openForReading(const QString &connectionName, const PostgresUrl &url, QSqlDatabase *db,
                    QSqlError *error)
{
    if (!QSqlDatabase::isDriverAvailable(u"QPSQL"_s)) {
        *error = QSqlError(QCoreApplication::translate("Kanca::HistoryPostgres",
                                                       "Qt's PostgreSQL driver (QPSQL) is not "
                                                       "installed (Debian: libqt6sql6-psql)"),
                           QString(), QSqlError::ConnectionError);
        return false;
    }
    *db = QSqlDatabase::addDatabase(u"QPSQL"_s, connectionName);
    db->setHostName(url.host);
    db->setPort(url.port);
    db->setDatabaseName(url.database);
    if (!url.user.isEmpty())
        db->setUserName(url.user);
    if (!url.password.isEmpty())
        db->setPassword(url.password);
    QString options = u"connect_timeout=5;application_name=kanca-history"_s;
    if (!url.options.isEmpty())
        options += u';' + url.options;
    db->setConnectOptions(options);
    if (!db->open()) {
        *error = db->lastError();
        return false;
    }
    // The reader only reads: a statement that would write is refused by the server.
    QSqlQuery query(*db);
    if (!query.exec(u"SET default_transaction_read_only = on"_s)
        || !query.exec(u"SET client_min_messages = warning"_s)) {
        *error = query.lastError();
        return false;
    }
    return true;
}

bool isBroken(const QSqlDatabase &db)
{
    if (!db.isOpen())
        return true;
    const PGconn *connection = PostgresDirect::connectionOf(db);
    return !connection || PQstatus(connection) == CONNECTION_BAD;
}

bool changeMark(const QSqlDatabase &db, QString *mark, QSqlError *error)
{
    QStringList parts;
    if (!HistorySelect::rows(
            db,
            {u"SELECT (SELECT max(id) FROM attempts), (SELECT max(created_at) FROM deliveries), "
             u"(SELECT count(*) FROM deliveries WHERE status = 'pending')"_s,
             {}},
            [&](const QSqlQuery &query) {
                for (int i = 0; i < 3; ++i)
                    parts.append(query.value(i).toString());
            },
            error)) {
        return false;
    }
    *mark = parts.join(u'/');
    return true;
}

bool estimateDeliveries(const QSqlDatabase &db, qint64 *estimate, QSqlError *error)
{
    // reltuples is -1 until the table is first vacuumed or analysed (PostgreSQL 14 and later;
    // 0 before), relpages 0: no estimate then, rather than a division by zero.
    QVariant value;
    if (!HistorySelect::value(
            db,
            {u"SELECT CASE WHEN c.reltuples >= 0 AND c.relpages > 0 THEN "
             u"round(c.reltuples::float8 / c.relpages * (pg_relation_size(c.oid)::float8 / "
             u"current_setting('block_size')::float8))::bigint ELSE -1 END "
             u"FROM pg_class c WHERE c.oid = 'deliveries'::regclass"_s,
             {}},
            &value, error)) {
        return false;
    }
    *estimate = value.isNull() ? -1 : value.toLongLong();
    return true;
}

bool checkSchema(const QSqlDatabase &db, QString *refusal, QSqlError *error)
{
    // Two statements: the second would not even be planned without its table.
    QVariant exists;
    if (!HistorySelect::value(db, {u"SELECT to_regclass('schema_version') IS NOT NULL"_s, {}},
                              &exists, error)) {
        return false;
    }
    QVariant version;
    if (exists.toBool()
        && !HistorySelect::value(
            db, {u"SELECT coalesce(max(version), 0) FROM schema_version"_s, {}}, &version, error)) {
        return false;
    }
    const int found = version.toInt();
    if (found <= 0) {
        *refusal = QCoreApplication::translate("Kanca::HistoryPostgres",
                                               "it holds no Kanca history (no server or command "
                                               "has written to it yet)");
    } else if (found > PostgresSchema::Version) {
        *refusal = QCoreApplication::translate("Kanca::HistoryPostgres",
                                               "its schema (version %1) is newer than this "
                                               "program knows (version %2); use a newer Kanca")
                       .arg(found)
                       .arg(PostgresSchema::Version);
    }
    return true;
}

QString explain(const QSqlError &error)
{
    QString text = error.databaseText().isEmpty() ? error.driverText() : error.databaseText();
    if (text.isEmpty())
        text = error.text();
    return text.trimmed();
}

QString readError(const PostgresUrl &url, const QString &why)
{
    return QCoreApplication::translate("Kanca::HistoryPostgres", "Cannot read the history %1: %2")
        .arg(url.shown(), why);
}

} // namespace Kanca::HistoryPostgres
