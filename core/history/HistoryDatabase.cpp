#include "history/HistoryDatabase.h"

#include "history/HistoryPrivate.h"
#include "history/HistoryRows.h"
#include "history/HistorySchema.h"
#include "history/HistorySqlite.h"

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

#include <atomic>

using namespace Qt::StringLiterals;

namespace Kanca {

using namespace HistoryErrors;
using namespace HistoryRows;

namespace {

std::atomic<quint64> connectionCounter{0};

// The most SQLite's page cache of the history's connection may hold.
constexpr int PageCacheKiB = 32 * 1024;

} // namespace

HistoryDatabase::HistoryDatabase()
    : d(std::make_unique<Private>())
{
    d->connectionName = u"kanca-history-%1"_s.arg(++connectionCounter);
}

HistoryDatabase::~HistoryDatabase()
{
    close();
}

QString HistoryDatabase::defaultPath()
{
    const QString fromEnvironment = qEnvironmentVariable("KANCA_DB");
    if (!fromEnvironment.isEmpty())
        return fromEnvironment;
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + u"/history.sqlite"_s;
}

bool HistoryDatabase::open(const QString &path, QString *error)
{
    close();
    const QString shown = native(path);
    const auto fail = [&](const QString &message) {
        setError(error, message);
        close();
        return false;
    };

    if (path.isEmpty())
        return fail(tr("No history file was given."));
    const QFileInfo info(path);
    if (info.isDir())
        return fail(tr("Cannot open the history %1: it is a folder, not a file.").arg(shown));
    const QString folder = info.absolutePath();
    if (!QDir().mkpath(folder)) {
        return fail(tr("Cannot open the history %1: the folder %2 cannot be created.")
                        .arg(shown, native(folder)));
    }

    HistorySqlite::configureLibrary();
    d->db = QSqlDatabase::addDatabase(u"QSQLITE"_s, d->connectionName);
    if (!d->db.isValid()) {
        return fail(tr("Cannot open the history %1: Qt's SQLite driver (QSQLITE) is not "
                       "installed.")
                        .arg(shown));
    }
    d->db.setDatabaseName(path);
    d->db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=%1"_s.arg(d->busyTimeoutMs));
    if (!d->db.open())
        return fail(tr("Cannot open the history %1: %2").arg(shown, explain(d->db.lastError())));
    d->path = path;

    QSqlError sqlError;
    const auto failSql = [&] {
        return fail(tr("Cannot open the history %1: %2").arg(shown, explain(sqlError)));
    };
    // The first statement that reads the file finds out whether it is a database at all.
    QVariant applicationId;
    QVariant userVersion;
    QVariant tableCount;
    if (!d->exec(u"PRAGMA busy_timeout = %1"_s.arg(d->busyTimeoutMs), &sqlError)
        || !d->exec(u"PRAGMA application_id"_s, &sqlError, &applicationId)
        || !d->exec(u"PRAGMA user_version"_s, &sqlError, &userVersion)
        || !d->exec(u"SELECT count(*) FROM sqlite_master"_s, &sqlError, &tableCount)) {
        return failSql();
    }
    const int appId = applicationId.toInt();
    int version = userVersion.toInt();
    const bool foreign = (appId != 0 && appId != HistorySchema::ApplicationId)
                         || (appId == 0 && version == 0 && tableCount.toInt() > 0)
                         || (appId == 0 && version > 0 && version <= SchemaVersion);
    if (foreign) {
        return fail(tr("Cannot open the history %1: it is a database of another program, not a "
                       "Kanca history.")
                        .arg(shown));
    }
    const auto newer = [&](int found) {
        return fail(tr("Cannot open the history %1: this history was written by a newer Kanca "
                       "(schema %2); this one reads schema %3.")
                        .arg(shown)
                        .arg(found)
                        .arg(SchemaVersion));
    };
    if (version > SchemaVersion)
        return newer(version);

    QVariant journalMode;
    if (!d->exec(u"PRAGMA journal_mode = WAL"_s, &sqlError, &journalMode))
        return failSql();
    if (journalMode.toString().compare(u"wal", Qt::CaseInsensitive) != 0) {
        return fail(tr("Cannot open the history %1: it cannot be switched to write-ahead logging "
                       "(its journal mode stays \"%2\").")
                        .arg(shown, journalMode.toString()));
    }
    // The page cache: SQLite's default (2 MiB) holds a small outbox; a server's outbox of tens
    // of thousands of deliveries was then read back from the file, a page per read(), at every
    // claim. It grows only as pages are used.
    if (!d->exec(u"PRAGMA synchronous = NORMAL"_s, &sqlError)
        || !d->exec(u"PRAGMA foreign_keys = ON"_s, &sqlError)
        || !d->exec(u"PRAGMA cache_size = -%1"_s.arg(PageCacheKiB), &sqlError)) {
        return failSql();
    }

    // The write lock makes the migration one process's alone. SQLite opens a write-protected
    // file read-only without a word: a write that is rolled back proves that it can be written.
    if (!d->begin(&sqlError))
        return failSql();
    // Another process may have migrated the file since it was read above.
    if (!d->exec(u"PRAGMA user_version"_s, &sqlError, &userVersion)) {
        d->rollback();
        return failSql();
    }
    version = userVersion.toInt();
    if (version > SchemaVersion) {
        d->rollback();
        return newer(version);
    }
    const auto failMigration = [&](int to) {
        d->rollback();
        return fail(tr("Cannot update the history %1 to schema %2: %3")
                        .arg(shown)
                        .arg(to)
                        .arg(explain(sqlError)));
    };
    if (version == SchemaVersion) {
        const bool writable = d->exec(u"PRAGMA user_version = %1"_s.arg(version), &sqlError);
        d->rollback();
        if (!writable)
            return failSql();
    }
    bool schemaTextEdited = false;
    for (int to = version + 1; to <= SchemaVersion; ++to) {
        const bool editsSchemaText = HistorySchema::editsSchemaText(to);
        schemaTextEdited = schemaTextEdited || editsSchemaText;
        QVariant schemaVersion;
        if (editsSchemaText
            && (!d->exec(u"PRAGMA schema_version"_s, &sqlError, &schemaVersion)
                || !d->exec(u"PRAGMA writable_schema = ON"_s, &sqlError))) {
            return failMigration(to);
        }
        const QList<QLatin1StringView> steps = HistorySchema::migration(to);
        for (const QLatin1StringView step : steps) {
            if (!d->exec(QString(step), &sqlError))
                return failMigration(to);
        }
        if (editsSchemaText
            && (!d->exec(u"PRAGMA schema_version = %1"_s.arg(schemaVersion.toLongLong() + 1),
                         &sqlError)
                || !d->exec(u"PRAGMA writable_schema = OFF"_s, &sqlError))) {
            return failMigration(to);
        }
        if (!d->exec(u"PRAGMA user_version = %1"_s.arg(to), &sqlError))
            return failMigration(to);
    }
    if (version < SchemaVersion && !d->commit(&sqlError))
        return failMigration(SchemaVersion);
    // The incremented schema_version makes every other connection read the definitions again,
    // but not this one, which incremented it: RESET does.
    if (schemaTextEdited && !d->exec(u"PRAGMA writable_schema = RESET"_s, &sqlError))
        return failSql();

    // Without a second connection the writer checkpoints itself, as SQLite does by default.
    if (sqlite3 *const handle = d->nativeHandle())
        d->checkpointer.start(path, handle);
    d->open = true;
    return true;
}

bool HistoryDatabase::isOpen() const
{
    return d->open;
}

QString HistoryDatabase::path() const
{
    return d->path;
}

void HistoryDatabase::close()
{
    // Every query and every handle on the connection goes before the connection is removed.
    d->checkpointer.stop(); // its connection closed first: the writer's close is the last
    for (std::unique_ptr<QSqlQuery> &statement : d->statements)
        statement.reset();
    d->finalizeWrites();
    if (d->db.isValid())
        d->db.close();
    d->db = QSqlDatabase();
    if (QSqlDatabase::contains(d->connectionName))
        QSqlDatabase::removeDatabase(d->connectionName);
    d->open = false;
    d->path.clear();
}

bool HistoryDatabase::setDurability(Durability durability, QString *error)
{
    if (!d->checkOpen(error))
        return false;
    d->durableEvents = durability == Durability::Full;
    return true;
}

qint64 HistoryDatabase::logCheckpoints() const
{
    return d->checkpointer.checkpoints();
}

void HistoryDatabase::setBusyTimeout(int ms)
{
    d->busyTimeoutMs = qMax(0, ms);
    if (d->open) {
        QSqlError ignored; // only a closed connection refuses it
        d->exec(u"PRAGMA busy_timeout = %1"_s.arg(d->busyTimeoutMs), &ignored);
    }
}

int HistoryDatabase::busyTimeout() const
{
    return d->busyTimeoutMs;
}

QString HistoryDatabase::connectionName() const
{
    return d->connectionName;
}

} // namespace Kanca
