// The PostgreSQL store's connection: opening, migrating, reconnecting, prepared statements,
// transactions, readiness and notifications.
#include "postgres/PostgresStore.h"

#include "history/HistoryRows.h"
#include "postgres/PostgresPrivate.h"
#include "postgres/PostgresSchema.h"

#include <QPointer>
#include <QSqlDriver>
#include <QUuid>

#include <algorithm>
#include <libpq-fe.h>
#include <utility>

using namespace Qt::StringLiterals;

namespace Kanca {

namespace {

// A key of this program's advisory lock: servers starting at once migrate one after another.
constexpr qint64 MigrationLock = 0x4b616e6361; // "Kanca"

// What a call finds while the connection is lost and not yet opened again.
QSqlError noConnection()
{
    return QSqlError(PostgresStore::tr("the connection to the database is lost; connecting again"),
                     QString(), QSqlError::ConnectionError);
}

} // namespace

PostgresStore::PostgresStore()
    : d(std::make_unique<Private>())
{
    d->connectionName = u"kanca-postgres-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces);
}

PostgresStore::~PostgresStore()
{
    close();
}

bool PostgresStore::open(const PostgresUrl &url, QString *error, OpenMode mode)
{
    close();
    d->url = url;
    d->readExisting = mode == OpenMode::ReadExisting;
    if (!QSqlDatabase::isDriverAvailable(u"QPSQL"_s)) {
        setError(error, tr("Cannot open the database %1: Qt's PostgreSQL driver (QPSQL) is not "
                           "installed (Debian: libqt6sql6-psql).")
                            .arg(d->shown()));
        return false;
    }
    d->db = QSqlDatabase::addDatabase(u"QPSQL"_s, d->connectionName);
    d->db.setHostName(url.host);
    d->db.setPort(url.port);
    d->db.setDatabaseName(url.database);
    if (!url.user.isEmpty())
        d->db.setUserName(url.user);
    if (!url.password.isEmpty())
        d->db.setPassword(url.password);
    QString options = u"connect_timeout=5;application_name=kanca"_s;
    if (!url.options.isEmpty())
        options += u';' + url.options;
    d->db.setConnectOptions(options);
    QSqlError sqlError;
    QString refusal;
    if (!d->connect(&sqlError) || !d->migrate(&sqlError, &refusal)) {
        const QString why = refusal.isEmpty() ? Private::explain(sqlError) : refusal;
        setError(error, tr("Cannot open the database %1: %2").arg(d->shown(), why));
        close();
        return false;
    }
    d->open = true;
    return true;
}

bool PostgresStore::isOpen() const
{
    return d->open;
}

void PostgresStore::close()
{
    d->statements.clear();
    d->open = false;
    d->notificationsConnected = false;
    if (d->db.isValid()) {
        d->db.close();
        d->db = QSqlDatabase();
        QSqlDatabase::removeDatabase(d->connectionName);
    }
}

QString PostgresStore::location() const
{
    return d->shown();
}

int PostgresStore::schemaVersion() const
{
    return d->version;
}

bool PostgresStore::Private::connect(QSqlError *sqlError)
{
    statements.clear();
    direct.reset();
    db.close();
    ended = false;
    if (!db.open()) {
        *sqlError = db.lastError();
        return false;
    }
    // Notifications libpq read while a statement of `direct` ran: Qt's driver does not see
    // them, so they wake the engines from here, after this turn of the event loop as the
    // driver's own would.
    direct.onNotification(
        [this, driver = QPointer<QSqlDriver>(db.driver())](const QString &channel) {
            if (channel != QString(Channel) || !driver)
                return;
            QMetaObject::invokeMethod(
                driver.data(),
                [this] {
                    if (wake)
                        wake();
                },
                Qt::QueuedConnection);
        });
    // Times are kept as numbers; the session's settings only matter for messages.
    QSqlError ignored;
    plain(u"SET client_min_messages = warning"_s, &ignored);
    // Commits wait for the flush only where they must (Flush::Wait, with the database's own
    // setting); see Private::Flush.
    QSqlQuery setting(db);
    if (!setting.exec(u"SHOW synchronous_commit"_s) || !setting.next()) {
        *sqlError = setting.lastError();
        return false;
    }
    flushedCommit = setting.value(0).toString();
    setting.finish();
    if (!plain(u"SET synchronous_commit = off"_s, sqlError))
        return false;
    // A writer's statements are planned once per connection (Planning::Keyed). Planning them
    // for their values every time cost a fifth of PostgreSQL's time for an event (65 of 284 µs
    // a delivery, pg_stat_statements during bench/server/run.sh). A generic plan is kept as
    // the table was when it was made, so it must not depend on the table's size: a server
    // started on a new database once planned its updates by id as scans of a table it took for
    // empty and kept them while the table grew (7 ms instead of 0.15 for five deliveries). So
    // the session prices whole-table scans and hash and merge joins out: every statement finds
    // its rows through an index and joins by nested loops, which is right for any number of
    // rows because each statement names its rows by key. Those prices would make PostgreSQL
    // compile statements to machine code (JIT, 110 ms for a heartbeat), so JIT is off. A
    // transaction that chooses among many rows is planned per call (Planning::PerCall).
    if (!readExisting
        && !plain(planningSettings(Planning::Keyed, u"SET"_s) + u"; SET jit = off"_s, sqlError)) {
        return false;
    }
    if (wake)
        listen();
    return true;
}

void PostgresStore::Private::listen()
{
    QSqlDriver *driver = db.driver();
    if (!driver || driver->subscribedToNotifications().contains(QString(Channel)))
        return;
    driver->subscribeToNotification(QString(Channel));
    if (std::exchange(notificationsConnected, true))
        return; // the same driver, subscribed again on a new connection
    QObject::connect(
        driver, &QSqlDriver::notification, driver,
        [this](const QString &name, QSqlDriver::NotificationSource source, const QVariant &) {
            // This connection's own commits: the engine that made them knows.
            if (name == QString(Channel) && source != QSqlDriver::SelfSource && wake)
                wake();
        });
}

bool PostgresStore::Private::endedByServer(const QSqlError &error)
{
    if (error.type() == QSqlError::ConnectionError)
        return true;
    const QString state = error.nativeErrorCode();
    return state.startsWith(u"08"_s) || state == u"57P01"_s || state == u"57P02"_s
           || state == u"57P03"_s;
}

pg_conn *PostgresStore::Private::connection() const
{
    return PostgresDirect::connectionOf(db);
}

bool PostgresStore::Private::broken() const
{
    if (ended || !db.isOpen())
        return true;
    const PGconn *handle = connection();
    return !handle || PQstatus(handle) == CONNECTION_BAD;
}

bool PostgresStore::Private::ready(QSqlError *sqlError)
{
    if (!broken())
        return true;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (now < reconnectAtMs) {
        *sqlError = noConnection();
        return false;
    }
    if (connect(sqlError)) {
        backoffMs = 0;
        reconnectAtMs = 0;
        return true;
    }
    backoffMs = backoffMs == 0 ? FirstBackoffMs : std::min(2 * backoffMs, MaxBackoffMs);
    reconnectAtMs = now + backoffMs;
    return false;
}

QSqlQuery *PostgresStore::Private::run(const QString &sql, const QList<QVariant> &values,
                                       QSqlError *sqlError, Rows rows)
{
    std::shared_ptr<QSqlQuery> &slot = statements[sql];
    if (!slot) {
        auto query = std::make_shared<QSqlQuery>(db);
        query->setForwardOnly(rows == Rows::Streamed); // once, before its first use
        if (!query->prepare(sql)) {
            *sqlError = query->lastError();
            noteError(*sqlError);
            statements.remove(sql);
            return nullptr;
        }
        slot = std::move(query);
    }
    QSqlQuery *query = slot.get();
    for (qsizetype i = 0; i < values.size(); ++i)
        query->bindValue(int(i), values.at(i));
    if (!query->exec()) {
        // The statement stays prepared on the server: it runs again later as it is.
        *sqlError = query->lastError();
        noteError(*sqlError);
        return nullptr;
    }
    return query;
}

QSqlQuery *PostgresStore::Private::runAlone(const QString &sql, const QList<QVariant> &values,
                                            QSqlError *sqlError, Rows rows)
{
    return againOnNewConnection(sqlError, [&] { return run(sql, values, sqlError, rows); });
}

bool PostgresStore::Private::exec(const QString &sql, const QList<QVariant> &values,
                                  QSqlError *sqlError, int *rows)
{
    QSqlQuery *query = run(sql, values, sqlError);
    if (!query)
        return false;
    if (rows)
        *rows = query->numRowsAffected();
    query->finish();
    return true;
}

bool PostgresStore::Private::plain(const QString &sql, QSqlError *sqlError)
{
    pg_conn *handle = connection();
    if (!handle)
        *sqlError = noConnection();
    else if (direct.plain(handle, sql, sqlError))
        return true;
    noteError(*sqlError);
    return false;
}

std::optional<PostgresResult> PostgresStore::Private::runDirect(const QString &sql,
                                                                const QList<QByteArray> &values,
                                                                QSqlError *sqlError)
{
    pg_conn *handle = connection();
    if (!handle) {
        *sqlError = noConnection();
        noteError(*sqlError);
        return std::nullopt;
    }
    std::optional<PostgresResult> result = direct.run(handle, sql, values, sqlError);
    if (!result)
        noteError(*sqlError);
    return result;
}

std::optional<PostgresResult>
PostgresStore::Private::runDirectAlone(const QString &sql, const QList<QByteArray> &values,
                                       QSqlError *sqlError)
{
    return againOnNewConnection(sqlError, [&] { return runDirect(sql, values, sqlError); });
}

bool PostgresStore::Private::endRows(QSqlQuery *query, QSqlError *sqlError)
{
    const QSqlError failed = query->lastError();
    query->finish();
    if (!failed.isValid())
        return true;
    *sqlError = failed;
    noteError(failed);
    return false;
}

QString PostgresStore::Private::planningSettings(Planning planning, const QString &set)
{
    const bool keyed = planning == Planning::Keyed;
    QStringList commands = {set + u" plan_cache_mode = "_s
                            + (keyed ? u"force_generic_plan"_s : u"force_custom_plan"_s)};
    for (const QString &way : {u"enable_seqscan"_s, u"enable_hashjoin"_s, u"enable_mergejoin"_s})
        commands.append(set + u' ' + way + (keyed ? u" = off"_s : u" = on"_s));
    return commands.join(u"; "_s);
}

bool PostgresStore::Private::begin(Flush flush, QSqlError *sqlError, Planning planning)
{
    if (!ready(sqlError))
        return false;
    // One round trip. The setting is one of PostgreSQL's own words for it, read from the
    // server: safe to put in SQL.
    QString sql = flush == Flush::Wait && flushedCommit != u"off"_s
                      ? u"BEGIN; SET LOCAL synchronous_commit = "_s + flushedCommit
                      : u"BEGIN"_s;
    if (planning == Planning::PerCall && !readExisting)
        sql += u"; "_s + planningSettings(Planning::PerCall, u"SET LOCAL"_s);
    if (againOnNewConnection(sqlError, [&] { return plain(sql, sqlError); }))
        return true;
    rollback(); // BEGIN may have passed and what follows it failed
    return false;
}

bool PostgresStore::Private::notify(QSqlError *sqlError)
{
    return plain(u"SELECT pg_notify('"_s + QString(Channel) + u"', '')"_s, sqlError);
}

bool PostgresStore::Private::checkOpen(QString *error) const
{
    if (open)
        return true;
    setError(error, PostgresStore::tr("The database is not open."));
    return false;
}

QString PostgresStore::Private::explain(const QSqlError &error)
{
    QString text = error.databaseText().isEmpty() ? error.driverText() : error.databaseText();
    if (text.isEmpty())
        text = error.text();
    return text.trimmed();
}

bool PostgresStore::Private::migrate(QSqlError *sqlError, QString *refusal)
{
    if (readExisting)
        return readVersion(sqlError, refusal);
    if (!begin(Flush::Wait, sqlError))
        return false;
    const auto fail = [&] {
        rollback();
        return false;
    };
    if (!plain(u"SELECT pg_advisory_xact_lock(%1)"_s.arg(MigrationLock), sqlError)
        || !plain(u"CREATE TABLE IF NOT EXISTS schema_version (version integer NOT NULL)"_s,
                  sqlError)) {
        return fail();
    }
    QSqlQuery query(db);
    if (!query.exec(u"SELECT max(version) FROM schema_version"_s) || !query.next()) {
        *sqlError = query.lastError();
        return fail();
    }
    int current = query.value(0).isNull() ? 0 : query.value(0).toInt();
    query.finish();
    if (current > PostgresSchema::Version) {
        *refusal = PostgresStore::tr("its schema (version %1) is newer than this program knows "
                                     "(version %2); use a newer Kanca")
                       .arg(current)
                       .arg(PostgresSchema::Version);
        return fail();
    }
    for (int next = current + 1; next <= PostgresSchema::Version; ++next) {
        for (const QLatin1StringView statement : PostgresSchema::migration(next)) {
            if (!plain(QString(statement), sqlError))
                return fail();
        }
    }
    if (current != PostgresSchema::Version) {
        if (!plain(u"DELETE FROM schema_version"_s, sqlError)
            || !plain(
                u"INSERT INTO schema_version (version) VALUES (%1)"_s.arg(PostgresSchema::Version),
                sqlError)) {
            return fail();
        }
        current = PostgresSchema::Version;
    }
    if (!commit(sqlError))
        return fail();
    version = current;
    return true;
}

bool PostgresStore::Private::readVersion(QSqlError *sqlError, QString *refusal)
{
    // Two statements: the second would not even be planned without its table.
    QSqlQuery query(db);
    if (!query.exec(u"SELECT to_regclass('schema_version') IS NOT NULL"_s) || !query.next()) {
        *sqlError = query.lastError();
        return false;
    }
    const bool exists = query.value(0).toBool();
    query.finish();
    int current = 0;
    if (exists) {
        if (!query.exec(u"SELECT coalesce(max(version), 0) FROM schema_version"_s)
            || !query.next()) {
            *sqlError = query.lastError();
            return false;
        }
        current = query.value(0).toInt();
        query.finish();
    }
    if (current <= 0) {
        *refusal = PostgresStore::tr("it holds no Kanca history (no server or command has "
                                     "written to it yet)");
        return false;
    }
    if (current > PostgresSchema::Version) {
        *refusal = PostgresStore::tr("its schema (version %1) is newer than this program knows "
                                     "(version %2); use a newer Kanca")
                       .arg(current)
                       .arg(PostgresSchema::Version);
        return false;
    }
    version = current;
    return true;
}

bool PostgresStore::isReachable(QString *error)
{
    if (!d->checkOpen(error))
        return false;
    QSqlError sqlError;
    QSqlQuery *query = d->runAlone(u"SELECT 1"_s, {}, &sqlError);
    if (query && query->next()) {
        query->finish();
        return true;
    }
    if (query)
        sqlError = query->lastError();
    setError(error,
             tr("The database %1 does not answer: %2").arg(d->shown(), Private::explain(sqlError)));
    return false;
}

bool PostgresStore::isReconnecting() const
{
    return d->open && d->broken();
}

void PostgresStore::onNewWork(std::function<void()> wake)
{
    d->wake = std::move(wake);
    if (d->open && d->wake)
        d->listen();
}

} // namespace Kanca
