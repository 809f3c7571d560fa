#pragma once

#include "history/HistoryFilter.h"
#include "history/HistoryRow.h"

#include <QLatin1StringView>
#include <QList>
#include <QString>
#include <QVariant>

#include <optional>

namespace Kanca {

// A statement and the values bound to its positional placeholders (`?`), in order.
struct HistoryStatement
{
    QString sql;
    QList<QVariant> values;
};

// The SQL dialect a statement is written for. The lists' SQL is the same on both but for one
// thing: SQLite's LIKE ignores the case of ASCII letters and PostgreSQL's does not, so the text
// filter says ILIKE there (which ignores case beyond ASCII too).
enum class HistoryDialect { Sqlite, Postgres };

// Which rows of a list: from the list's first row, or from just past `anchor`, skip `offset`
// rows and take at most `limit` (0: all). `backward` walks the other way, towards the list's
// first row (from its last row without an anchor), and the rows come in the order walked.
// Walking from the nearest row whose key is known costs an index walk of that distance only,
// where an OFFSET from the top walks everything before it.
struct HistoryRange
{
    std::optional<HistoryKey> anchor;
    bool backward = false;
    qint64 offset = 0;
    qint64 limit = 0;
    bool inclusive = false; // the anchor's own row is the first of the range
};

// The SQL of the history's lists, built from a HistoryFilter: the WHERE clause of the filters,
// the order, keyset paging around a (created_at, id) anchor, and counts. Every read of a list
// (`kanca history`, the designer's reader thread) is built here and nowhere else.
//
// The SQL is meant for SQLite and PostgreSQL alike: positional `?` placeholders, row values
// compared as `(created_at, id) < (?, ?)`, `LIKE ? ESCAPE '\'`, LIMIT and OFFSET always bound
// together or not at all. The one difference, the text filter's case-insensitive LIKE, is the
// builder's dialect (HistoryDialect).
class HistoryQueryBuilder final
{
public:
    HistoryQueryBuilder(HistoryFilter filter, HistoryDialect dialect);

    // `columns` of the rows in `range`, in the filter's order (backward: the other way).
    HistoryStatement select(QLatin1StringView columns, const HistoryRange &range = {}) const;
    // How many deliveries the filter lists: one row, one column.
    HistoryStatement count() const;
    // How many deliveries the filter lists, counting no further than `limit`: one row, one column.
    // Reads at most `limit` rows, however many there are.
    HistoryStatement countUpTo(qint64 limit) const;
    // How many of them come before `key` in the filter's order: the row `key` is listed at.
    HistoryStatement countBefore(const HistoryKey &key) const;
    // How many of them are newer than `key`, whatever the order.
    HistoryStatement countNewerThan(const HistoryKey &key) const;
    // The key (created_at, id) of the newest delivery the filter lists: one row or none.
    HistoryStatement newest() const;
    // The creation time of the delivery `id` if the filter lists it: one row or none.
    HistoryStatement createdAtOf(const QString &id) const;

    // The ids of the rules that have deliveries, in order, skipping through the deliveries_rule
    // index (a few lookups per rule however many deliveries there are).
    static HistoryStatement ruleIds();
    // The rule name of a rule's latest delivery: one row or none.
    static HistoryStatement latestRuleName(const QString &ruleId);

    // How many deliveries send the delivery `id` again: one row, one column.
    static HistoryStatement resendsOf(const QString &id);
    // The event a server accepted with this id (id, type, received_at, body): one row or none.
    static HistoryStatement event(const QString &eventId);

    // A LIKE pattern (ESCAPE '\') that finds `text` anywhere, its %, _ and \ taken literally.
    static QString containsPattern(const QString &text);

private:
    struct Where;
    Where where() const;

    HistoryFilter m_filter;
    HistoryDialect m_dialect;
};

} // namespace Kanca
