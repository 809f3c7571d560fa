#pragma once

#include "history/HistoryFilter.h"
#include "history/HistoryQueryBuilder.h"
#include "history/HistoryRow.h"

#include <QList>
#include <QMetaType>
#include <QString>

#include <optional>

namespace Kanca {

// Requests to a HistoryReader and its answers. `generation` ties an answer to its request. An
// answer with an error has no rows: a list is shown whole or not at all.
struct HistoryCountRequest
{
    quint64 generation = 0;
    HistoryFilter filter;
    std::optional<HistoryKey> previousNewest; // to count the rows that came since
    // A PostgreSQL history listed whole (no filter, no previousNewest) may be answered with an
    // estimate (HistoryCount::estimated) in place of an exact count(*), which reads a whole
    // index there. Ignored for a SQLite file, whose exact count is fast.
    bool estimate = false;
};

struct HistoryCount
{
    quint64 generation = 0;
    qint64 count = 0;
    bool estimated = false; // `count` is an estimate, never below the rows known to be there
    std::optional<HistoryKey> newest;
    qint64 newer = -1; // rows newer than previousNewest; -1 when there was none
    qint64 elapsedMs = 0;
    QString error; // "Cannot read the history FILE: why"
};

// A page of a list: the rows of `range` (its limit is the page's size), returned in the list's
// order even when the range walks backward.
struct HistoryPageRequest
{
    quint64 generation = 0;
    HistoryFilter filter;
    qint64 page = 0;
    HistoryRange range;
};

struct HistoryPage
{
    quint64 generation = 0;
    qint64 page = 0;
    QList<HistoryRow> rows;
    qint64 elapsedMs = 0;
    QString error;
};

} // namespace Kanca

Q_DECLARE_METATYPE(Kanca::HistoryCount)
Q_DECLARE_METATYPE(Kanca::HistoryPage)
