#include "history/HistoryReader.h"

#include <QElapsedTimer>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Kanca {

namespace {

std::atomic<quint64> connectionCounter{0};

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

// A LIKE pattern that finds `text` anywhere, with its % and _ taken literally (ESCAPE '\').
QString containsPattern(const QString &text)
{
    QString escaped = u"%"_s;
    for (const QChar c : text) {
        if (c == u'\\' || c == u'%' || c == u'_')
            escaped.append(u'\\');
        escaped.append(c);
    }
    escaped.append(u'%');
    return escaped;
}

// A WHERE clause being built: conditions joined with AND, and their bound values.
struct Where
{
    QStringList conditions;
    QList<QVariant> values;

    QString sql() const
    {
        return conditions.isEmpty() ? QString() : u" WHERE "_s + conditions.join(u" AND "_s);
    }
};

// The query's filters. Each single filter (rule, status, time) has an index that leads with it
// (deliveries_rule, deliveries_status, deliveries_created); the text is searched row by row.
Where filterWhere(const HistoryQuery &query)
{
    Where where;
    if (!query.ruleId.isEmpty()) {
        where.conditions.append(u"rule_id = ?"_s);
        where.values.append(query.ruleId);
    }
    if (query.status) {
        where.conditions.append(u"status = ?"_s);
        where.values.append(deliveryStatusId(*query.status));
    }
    if (!query.text.isEmpty()) {
        static const QStringList searched = {u"url"_s,      u"rule_id"_s,    u"rule_name"_s,
                                             u"event_id"_s, u"event_type"_s, u"last_error"_s};
        QStringList alternatives;
        const QString pattern = containsPattern(query.text);
        for (const QString &column : searched) {
            alternatives.append(column + u" LIKE ? ESCAPE '\\'"_s);
            where.values.append(pattern);
        }
        where.conditions.append(u'(' + alternatives.join(u" OR "_s) + u')');
    }
    if (query.from.isValid()) {
        where.conditions.append(u"created_at >= ?"_s);
        where.values.append(query.from.toMSecsSinceEpoch());
    }
    if (query.to.isValid()) {
        where.conditions.append(u"created_at <= ?"_s);
        where.values.append(query.to.toMSecsSinceEpoch());
    }
    return where;
}

// Rows on one side of `key`: newer (towards the newest) or older.
void addKeyCondition(Where &where, const HistoryKey &key, bool newer)
{
    where.conditions.append(newer ? u"(created_at, id) > (?, ?)"_s
                                  : u"(created_at, id) < (?, ?)"_s);
    where.values.append(key.createdAt);
    where.values.append(key.id);
}

QString orderBy(bool newestFirst)
{
    return newestFirst ? u" ORDER BY created_at DESC, id DESC"_s
                       : u" ORDER BY created_at ASC, id ASC"_s;
}

bool run(QSqlQuery &query, const QString &sql, const QList<QVariant> &values, QString *error)
{
    query.setForwardOnly(true);
    bool ok = query.prepare(sql);
    for (qsizetype i = 0; ok && i < values.size(); ++i)
        query.bindValue(int(i), values.at(i));
    if (!ok || !query.exec()) {
        *error = query.lastError().text();
        return false;
    }
    return true;
}

// count(*) of a WHERE clause; -1 on an error.
qint64 countOf(QSqlDatabase &db, const Where &where, QString *error)
{
    QSqlQuery query(db);
    if (!run(query, u"SELECT count(*) FROM deliveries"_s + where.sql(), where.values, error)
        || !query.next()) {
        return -1;
    }
    return query.value(0).toLongLong();
}

} // namespace

HistoryReader::HistoryReader(std::shared_ptr<Generations> generations, QObject *parent)
    : QObject(parent)
    , m_generations(std::move(generations))
    , m_connectionName(u"kanca-history-view-%1"_s.arg(++connectionCounter))
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

void HistoryReader::open(const QString &path)
{
    close();
    m_dataVersion = -1;
    m_db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_connectionName);
    m_db.setDatabaseName(path);
    m_db.setConnectOptions(u"QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=5000"_s);
    if (!m_db.open()) {
        const QString error = m_db.lastError().text();
        close();
        Q_EMIT opened(false, error);
        return;
    }
    Q_EMIT opened(true, QString());
}

void HistoryReader::count(const HistoryCountRequest &request)
{
    if (request.generation < m_generations->latestCount.load())
        return; // a newer filter or refresh was asked for meanwhile
    QElapsedTimer timer;
    timer.start();
    HistoryCount result;
    result.generation = request.generation;
    const Where where = filterWhere(request.query);
    result.count = countOf(m_db, where, &result.error);
    if (result.count > 0) {
        QSqlQuery newest(m_db);
        if (run(newest,
                u"SELECT created_at, id FROM deliveries"_s + where.sql() + orderBy(true)
                    + u" LIMIT 1"_s,
                where.values, &result.error)
            && newest.next()) {
            result.newest = HistoryKey{newest.value(0).toLongLong(), newest.value(1).toString()};
        }
    }
    if (request.previousNewest && result.error.isEmpty()) {
        Where newer = where;
        addKeyCondition(newer, *request.previousNewest, true);
        result.newer = countOf(m_db, newer, &result.error);
    }
    result.count = qMax<qint64>(0, result.count);
    result.elapsedMs = timer.elapsed();
    Q_EMIT counted(result);
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
    const bool newestFirst = request.query.order == Qt::DescendingOrder;
    // Forward goes the view's way; backward goes the other way and is turned round after.
    const bool descending = request.backward ? !newestFirst : newestFirst;
    Where where = filterWhere(request.query);
    if (request.anchor)
        addKeyCondition(where, *request.anchor, !descending);
    where.values.append(request.size);
    where.values.append(request.offset);
    QSqlQuery query(m_db);
    if (run(query,
            u"SELECT "_s + RowColumns + u" FROM deliveries"_s + where.sql() + orderBy(descending)
                + u" LIMIT ? OFFSET ?"_s,
            where.values, &result.error)) {
        result.rows.reserve(request.size);
        while (query.next())
            result.rows.append(readRow(query));
    }
    if (request.backward)
        std::reverse(result.rows.begin(), result.rows.end());
    result.elapsedMs = timer.elapsed();
    Q_EMIT fetched(result);
}

void HistoryReader::locate(quint64 generation, const HistoryQuery &historyQuery, const QString &id)
{
    if (generation < m_generations->displayed.load())
        return;
    QString error;
    Where where = filterWhere(historyQuery);
    Where self = where;
    self.conditions.append(u"id = ?"_s);
    self.values.append(id);
    QSqlQuery query(m_db);
    qint64 row = -1;
    if (run(query, u"SELECT created_at FROM deliveries"_s + self.sql(), self.values, &error)
        && query.next()) {
        const HistoryKey key{query.value(0).toLongLong(), id};
        query.finish();
        // The rows before it in the view's order.
        addKeyCondition(where, key, historyQuery.order == Qt::DescendingOrder);
        row = countOf(m_db, where, &error);
    }
    Q_EMIT located(generation, id, row);
}

void HistoryReader::listRules()
{
    // The distinct rule ids by skipping through deliveries_rule (a loose index scan): a few
    // lookups per rule, however many deliveries there are.
    QList<HistoryRule> rules;
    QString error;
    QSqlQuery query(m_db);
    if (run(query,
            u"WITH RECURSIVE r(id) AS (SELECT min(rule_id) FROM deliveries UNION ALL "
            u"SELECT (SELECT min(rule_id) FROM deliveries WHERE rule_id > r.id) FROM r "
            u"WHERE r.id IS NOT NULL) SELECT id FROM r WHERE id IS NOT NULL"_s,
            {}, &error)) {
        while (query.next())
            rules.append({query.value(0).toString(), QString()});
    }
    query.finish();
    for (HistoryRule &rule : rules) {
        QSqlQuery name(m_db);
        if (run(name,
                u"SELECT rule_name FROM deliveries WHERE rule_id = ? "
                u"ORDER BY created_at DESC, id DESC LIMIT 1"_s,
                {rule.id}, &error)
            && name.next()) {
            rule.name = name.value(0).toString();
        }
    }
    Q_EMIT rulesListed(rules);
}

void HistoryReader::checkForChanges()
{
    if (!m_db.isOpen())
        return;
    QSqlQuery query(m_db);
    QString error;
    if (!run(query, u"PRAGMA data_version"_s, {}, &error) || !query.next())
        return;
    const qint64 version = query.value(0).toLongLong();
    const bool changed = m_dataVersion >= 0 && version != m_dataVersion;
    m_dataVersion = version;
    if (changed)
        Q_EMIT changedElsewhere();
}

} // namespace Kanca
