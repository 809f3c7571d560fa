#include "history/HistoryReader.h"

#include "history/HistoryPostgres.h"
#include "history/HistoryPrivate.h"
#include "history/HistorySelect.h"
#include "history/HistorySqlite.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Kanca {

namespace {

std::atomic<quint64> connectionCounter{0};

// How long a read waits for a connection that holds a lock (a checkpoint, or a migration).
constexpr int BusyTimeoutMs = 5000;
// How often a lost PostgreSQL connection is tried again, at most.
constexpr qint64 ReconnectIntervalMs = 1000;

// The columns of a HistoryRow, in the order readRow() reads them.
constexpr QLatin1StringView RowColumns(
    "id, created_at, status, attempt_count, last_http_status, rule_id, rule_name, event_id, "
    "event_type, url, last_error, resend_of");

HistoryRow readRow(const QSqlQuery &query)
{
    HistoryRow row;
    row.id = query.value(0).toString();
    row.createdAt = query.value(1).toLongLong();
    row.status = deliveryStatusFromId(query.value(2).toString()).value_or(DeliveryStatus::Failed);
    row.attemptCount = query.value(3).toInt();
    const QVariant http = query.value(4);
    if (!http.isNull())
        row.httpStatus = http.toInt();
    row.ruleId = query.value(5).toString();
    row.ruleName = query.value(6).toString();
    row.eventId = query.value(7).toString();
    row.eventType = query.value(8).toString();
    row.url = query.value(9).toString();
    row.lastError = query.value(10).toString();
    row.resendOf = query.value(11).toString();
    return row;
}

} // namespace

HistoryReader::HistoryReader(std::shared_ptr<Generations> generations, QObject *parent)
    : QObject(parent)
    , m_generations(std::move(generations))
    , m_connectionName(u"kanca-history-reader-%1"_s.arg(++connectionCounter))
{}

HistoryReader::~HistoryReader()
{
    close();
}

void HistoryReader::close()
{
    if (m_db.isValid())
        m_db.close();
    m_db = QSqlDatabase();
    if (QSqlDatabase::contains(m_connectionName))
        QSqlDatabase::removeDatabase(m_connectionName);
}

QString HistoryReader::failure(const QSqlError &error)
{
    if (m_url)
        return HistoryPostgres::readError(*m_url, HistoryPostgres::explain(error));
    const QString message = HistoryErrors::readError(m_path, error);
    if (HistoryErrors::isDamage(error))
        m_damage = message;
    return message;
}

HistoryDialect HistoryReader::dialect() const
{
    return m_url ? HistoryDialect::Postgres : HistoryDialect::Sqlite;
}

void HistoryReader::open(const QString &where, const QString &password)
{
    close();
    m_path = where;
    m_url.reset();
    m_damage.clear();
    m_dataVersion = -1;
    m_changeMark.clear();
    m_connectError.clear();
    m_retryAtMs = 0;
    if (PostgresUrl::isPostgresUrl(where)) {
        QString why;
        m_url = PostgresUrl::parse(where, &why);
        if (!m_url) {
            m_damage = why; // every answer says so until another is opened
            Q_EMIT opened(false, why);
            return;
        }
        if (!password.isEmpty())
            m_url->password = password;
        m_retryAtMs = QDateTime::currentMSecsSinceEpoch() + ReconnectIntervalMs;
        if (!connectToServer(&m_connectError)) {
            Q_EMIT opened(false, m_connectError);
            return;
        }
        Q_EMIT opened(true, QString());
        return;
    }
    QSqlError error;
    if (!HistorySqlite::openForReading(m_connectionName, where, BusyTimeoutMs, &m_db, &error)
        || !HistorySqlite::checkIntegrity(m_db, where, &error)) {
        Q_EMIT opened(false, failure(error));
        return;
    }
    Q_EMIT opened(true, QString());
}

bool HistoryReader::connectToServer(QString *why)
{
    close();
    QSqlError error;
    QString refusal;
    if (!HistoryPostgres::openForReading(m_connectionName, *m_url, &m_db, &error)
        || !HistoryPostgres::checkSchema(m_db, &refusal, &error)) {
        *why = failure(error);
        close();
        return false;
    }
    if (!refusal.isEmpty()) {
        *why = HistoryPostgres::readError(*m_url, refusal);
        close();
        return false;
    }
    return true;
}

bool HistoryReader::ensureConnected(QString *why)
{
    if (!m_url)
        return true; // a file: its errors come with its reads
    if (!HistoryPostgres::isBroken(m_db))
        return true;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (now < m_retryAtMs) {
        *why = m_connectError.isEmpty() ? HistoryPostgres::readError(
                   *m_url, tr("the connection to the database is lost; connecting again"))
                                        : m_connectError;
        return false;
    }
    m_retryAtMs = now + ReconnectIntervalMs;
    if (!connectToServer(&m_connectError)) {
        *why = m_connectError;
        return false;
    }
    m_connectError.clear();
    return true;
}

void HistoryReader::count(const HistoryCountRequest &request)
{
    if (request.generation < m_generations->latestCount.load())
        return; // a newer filter or refresh was asked for meanwhile
    QElapsedTimer timer;
    timer.start();
    HistoryCount result;
    result.generation = request.generation;
    const HistoryQueryBuilder builder(request.filter, dialect());
    QSqlError error;
    QVariant newer;
    QString unreachable;
    bool ok = m_damage.isEmpty() && ensureConnected(&unreachable);
    if (ok && request.estimate && m_url && request.filter.listsEverything()
        && !request.previousNewest) {
        ok = estimateCount(builder, &result, &error);
    } else if (ok) {
        QVariant count;
        ok = HistorySelect::value(m_db, builder.count(), &count, &error);
        result.count = count.toLongLong();
    }
    if (ok && result.count > 0) {
        ok = HistorySelect::rows(
            m_db, builder.newest(),
            [&](const QSqlQuery &query) {
                result.newest = HistoryKey{query.value(0).toLongLong(), query.value(1).toString()};
            },
            &error);
    }
    if (ok && request.previousNewest) {
        ok = HistorySelect::value(m_db, builder.countNewerThan(*request.previousNewest), &newer,
                                  &error);
        result.newer = newer.toLongLong();
    }
    if (!ok) {
        result = HistoryCount{};
        result.generation = request.generation;
        result.error = !m_damage.isEmpty()      ? m_damage
                       : !unreachable.isEmpty() ? unreachable
                                                : failure(error);
    }
    result.elapsedMs = timer.elapsed();
    Q_EMIT counted(result);
}

bool HistoryReader::estimateCount(const HistoryQueryBuilder &builder, HistoryCount *result,
                                  QSqlError *error)
{
    // Rows found are rows there: an estimate of 0 or -1 (a table never analysed) never hides
    // them, and a small history needs no estimate.
    QVariant found;
    if (!HistorySelect::value(m_db, builder.countUpTo(EstimateAbove), &found, error))
        return false;
    result->count = found.toLongLong();
    if (result->count < EstimateAbove)
        return true;
    qint64 estimate = -1;
    if (!HistoryPostgres::estimateDeliveries(m_db, &estimate, error))
        return false;
    result->count = qMax(result->count, estimate);
    result->estimated = true;
    return true;
}

void HistoryReader::fetch(const HistoryPageRequest &request)
{
    if (request.generation < m_generations->displayed.load())
        return; // the rows it was asked for are no longer shown
    QElapsedTimer timer;
    timer.start();
    HistoryPage result;
    result.generation = request.generation;
    result.page = request.page;
    result.rows.reserve(request.range.limit);
    QSqlError error;
    QString unreachable;
    const bool ok =
        m_damage.isEmpty() && ensureConnected(&unreachable)
        && HistorySelect::rows(
            m_db, HistoryQueryBuilder(request.filter, dialect()).select(RowColumns, request.range),
            [&](const QSqlQuery &query) { result.rows.append(readRow(query)); }, &error);
    if (!ok) {
        result.rows.clear();
        result.error = !m_damage.isEmpty()      ? m_damage
                       : !unreachable.isEmpty() ? unreachable
                                                : failure(error);
    } else if (request.range.backward) {
        std::reverse(result.rows.begin(), result.rows.end());
    }
    result.elapsedMs = timer.elapsed();
    Q_EMIT fetched(result);
}

void HistoryReader::locate(quint64 generation, const HistoryFilter &filter, const QString &id)
{
    QString unreachable;
    if (generation < m_generations->displayed.load() || !m_damage.isEmpty()
        || !ensureConnected(&unreachable)) {
        return;
    }
    const HistoryQueryBuilder builder(filter, dialect());
    QSqlError error;
    QVariant createdAt;
    QVariant before;
    qint64 row = -1;
    if (HistorySelect::value(m_db, builder.createdAtOf(id), &createdAt, &error)
        && !createdAt.isNull()
        && HistorySelect::value(m_db, builder.countBefore({createdAt.toLongLong(), id}), &before,
                                &error)) {
        row = before.toLongLong();
    }
    if (error.isValid())
        failure(error);
    Q_EMIT located(generation, id, row);
}

void HistoryReader::listRules()
{
    QString unreachable;
    if (!m_damage.isEmpty() || !ensureConnected(&unreachable))
        return;
    QList<HistoryRule> rules;
    QSqlError error;
    bool ok = HistorySelect::rows(
        m_db, HistoryQueryBuilder::ruleIds(),
        [&](const QSqlQuery &query) {
            rules.append({query.value(0).toString(), QString()});
        },
        &error);
    for (qsizetype i = 0; ok && i < rules.size(); ++i) {
        QVariant name;
        ok = HistorySelect::value(m_db, HistoryQueryBuilder::latestRuleName(rules.at(i).id), &name,
                                  &error);
        rules[i].name = name.toString();
    }
    if (!ok) {
        failure(error);
        return; // the rules offered stay as they were
    }
    Q_EMIT rulesListed(rules);
}

void HistoryReader::checkForChanges()
{
    if (m_url) {
        // A server that was away and is back: the lists are read again.
        const bool wasAway = HistoryPostgres::isBroken(m_db);
        QString unreachable;
        if (!ensureConnected(&unreachable))
            return;
        QString mark;
        QSqlError error;
        if (!HistoryPostgres::changeMark(m_db, &mark, &error))
            return;
        const bool changed = wasAway || (!m_changeMark.isEmpty() && mark != m_changeMark);
        m_changeMark = mark;
        if (changed)
            Q_EMIT changedElsewhere();
        return;
    }
    if (!m_db.isOpen())
        return;
    qint64 version = 0;
    QSqlError error;
    if (!HistorySqlite::dataVersion(m_db, &version, &error))
        return;
    const bool changed = m_dataVersion >= 0 && version != m_dataVersion;
    m_dataVersion = version;
    if (changed)
        Q_EMIT changedElsewhere();
}

} // namespace Kanca
