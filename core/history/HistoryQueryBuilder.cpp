#include "history/HistoryQueryBuilder.h"

#include "history/HistoryRows.h"

#include <QStringList>

#include <limits>

using namespace Qt::StringLiterals;

namespace Kanca {

// A WHERE clause being built: conditions joined with AND, and their bound values.
struct HistoryQueryBuilder::Where
{
    QStringList conditions;
    QList<QVariant> values;

    QString sql() const
    {
        return conditions.isEmpty() ? QString() : u" WHERE "_s + conditions.join(u" AND "_s);
    }

    // Rows on one side of `key` in the order (created_at, id): newer, or older.
    void addKey(const HistoryKey &key, bool newer, bool inclusive = false)
    {
        const QString comparison = QString(newer ? u'>' : u'<') + (inclusive ? u"="_s : QString());
        conditions.append(u"(created_at, id) "_s + comparison + u" (?, ?)"_s);
        values.append(key.createdAt);
        values.append(key.id);
    }

    HistoryStatement statement(const QString &head, const QString &tail = {}) const
    {
        return {head + sql() + tail, values};
    }
};

namespace {

QString orderBy(bool newestFirst)
{
    return newestFirst ? u" ORDER BY created_at DESC, id DESC"_s
                       : u" ORDER BY created_at ASC, id ASC"_s;
}

} // namespace

HistoryQueryBuilder::HistoryQueryBuilder(HistoryFilter filter, HistoryDialect dialect)
    : m_filter(std::move(filter))
    , m_dialect(dialect)
{}

// Each single filter (rule, status, time) has an index that leads with it (deliveries_rule,
// deliveries_status, deliveries_created); the text is searched row by row.
HistoryQueryBuilder::Where HistoryQueryBuilder::where() const
{
    Where where;
    if (!m_filter.ruleId.isEmpty()) {
        where.conditions.append(u"rule_id = ?"_s);
        where.values.append(m_filter.ruleId);
    }
    if (m_filter.status) {
        where.conditions.append(u"status = ?"_s);
        where.values.append(deliveryStatusId(*m_filter.status));
    }
    if (!m_filter.text.isEmpty()) {
        static const QStringList searched = {u"url"_s,      u"rule_id"_s,    u"rule_name"_s,
                                             u"event_id"_s, u"event_type"_s, u"last_error"_s};
        // Case-insensitive either way: SQLite's LIKE ignores the case of ASCII letters,
        // PostgreSQL's does not.
        const QString like = m_dialect == HistoryDialect::Postgres ? u" ILIKE ? ESCAPE '\\'"_s
                                                                   : u" LIKE ? ESCAPE '\\'"_s;
        QStringList alternatives;
        const QString pattern = containsPattern(m_filter.text);
        for (const QString &column : searched) {
            alternatives.append(column + like);
            where.values.append(pattern);
        }
        where.conditions.append(u'(' + alternatives.join(u" OR "_s) + u')');
    }
    if (m_filter.from.isValid()) {
        where.conditions.append(u"created_at >= ?"_s);
        where.values.append(m_filter.from.toMSecsSinceEpoch());
    }
    if (m_filter.to.isValid()) {
        where.conditions.append(u"created_at <= ?"_s);
        where.values.append(m_filter.to.toMSecsSinceEpoch());
    }
    return where;
}

HistoryStatement HistoryQueryBuilder::select(QLatin1StringView columns,
                                             const HistoryRange &range) const
{
    // Forward goes the list's way; backward the other way.
    const bool descending = range.backward != m_filter.newestFirst();
    Where where = this->where();
    if (range.anchor)
        where.addKey(*range.anchor, !descending, range.inclusive);
    QString tail = orderBy(descending);
    if (range.limit > 0 || range.offset > 0) {
        // OFFSET only ever comes with a LIMIT, as SQLite wants it.
        tail += u" LIMIT ?"_s;
        where.values.append(range.limit > 0 ? range.limit : std::numeric_limits<qint64>::max());
    }
    if (range.offset > 0) {
        tail += u" OFFSET ?"_s;
        where.values.append(range.offset);
    }
    return where.statement(u"SELECT "_s + columns + u" FROM deliveries"_s, tail);
}

HistoryStatement HistoryQueryBuilder::count() const
{
    return where().statement(u"SELECT count(*) FROM deliveries"_s);
}

HistoryStatement HistoryQueryBuilder::countUpTo(qint64 limit) const
{
    Where where = this->where();
    where.values.append(limit);
    return where.statement(u"SELECT count(*) FROM (SELECT 1 FROM deliveries"_s,
                           u" LIMIT ?) AS counted"_s);
}

HistoryStatement HistoryQueryBuilder::countBefore(const HistoryKey &key) const
{
    Where where = this->where();
    where.addKey(key, m_filter.newestFirst());
    return where.statement(u"SELECT count(*) FROM deliveries"_s);
}

HistoryStatement HistoryQueryBuilder::countNewerThan(const HistoryKey &key) const
{
    Where where = this->where();
    where.addKey(key, true);
    return where.statement(u"SELECT count(*) FROM deliveries"_s);
}

HistoryStatement HistoryQueryBuilder::newest() const
{
    return where().statement(u"SELECT created_at, id FROM deliveries"_s,
                             orderBy(true) + u" LIMIT 1"_s);
}

HistoryStatement HistoryQueryBuilder::createdAtOf(const QString &id) const
{
    Where where = this->where();
    where.conditions.append(u"id = ?"_s);
    where.values.append(id);
    return where.statement(u"SELECT created_at FROM deliveries"_s);
}

HistoryStatement HistoryQueryBuilder::ruleIds()
{
    return {u"WITH RECURSIVE r(id) AS (SELECT min(rule_id) FROM deliveries UNION ALL "
            u"SELECT (SELECT min(rule_id) FROM deliveries WHERE rule_id > r.id) FROM r "
            u"WHERE r.id IS NOT NULL) SELECT id FROM r WHERE id IS NOT NULL"_s,
            {}};
}

HistoryStatement HistoryQueryBuilder::latestRuleName(const QString &ruleId)
{
    return {u"SELECT rule_name FROM deliveries WHERE rule_id = ?"_s + orderBy(true) + u" LIMIT 1"_s,
            {ruleId}};
}

HistoryStatement HistoryQueryBuilder::resendsOf(const QString &id)
{
    return {u"SELECT count(*) FROM deliveries WHERE resend_of = ?"_s, {id}};
}

HistoryStatement HistoryQueryBuilder::event(const QString &eventId)
{
    return {u"SELECT "_s + HistoryRows::StoredEventColumns + u" FROM events WHERE id = ?"_s,
            {eventId}};
}

QString HistoryQueryBuilder::containsPattern(const QString &text)
{
    QString escaped;
    escaped.reserve(text.size() + 2);
    escaped.append(u'%');
    for (const QChar c : text) {
        if (c == u'\\' || c == u'%' || c == u'_')
            escaped.append(u'\\');
        escaped.append(c);
    }
    escaped.append(u'%');
    return escaped;
}

} // namespace Kanca
