#pragma once

#include "delivery/Delivery.h"

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>

#include <optional>

namespace Kanca {

// What the history view shows: the filters, applied in SQL, and the order (by time only).
struct HistoryQuery
{
    QString ruleId;                       // empty: every rule
    std::optional<DeliveryStatus> status; // absent: every status
    QString text;   // found in the URL, rule id or name, event id or type, or last error
    QDateTime from; // created at or after, if valid
    QDateTime to;   // created at or before, if valid
    Qt::SortOrder order = Qt::DescendingOrder; // newest first

    friend bool operator==(const HistoryQuery &, const HistoryQuery &) = default;
};

// A delivery's place in the order: the deliveries_created index (created_at, id).
struct HistoryKey
{
    qint64 createdAt = 0;
    QString id;

    friend bool operator==(const HistoryKey &, const HistoryKey &) = default;
};

// One row of the history table: the columns of a delivery that the table shows, without its
// request or attempts.
struct HistoryRow
{
    QString id;
    qint64 createdAt = 0; // ms since the epoch, UTC
    DeliveryStatus status = DeliveryStatus::Pending;
    int attemptCount = 0;
    std::optional<int> httpStatus;
    QString ruleId;
    QString ruleName;
    QString eventId;
    QString eventType;
    QString url;
    QString lastError;
    QString resendOf;

    HistoryKey key() const { return {createdAt, id}; }
};

// A rule that has deliveries in the history, with the name of its latest delivery.
struct HistoryRule
{
    QString id;
    QString name;
};

// Requests to the reader thread and its answers. `generation` ties an answer to the request.
struct HistoryCountRequest
{
    quint64 generation = 0;
    HistoryQuery query;
    std::optional<HistoryKey> previousNewest; // to count the rows that came since
};

struct HistoryCount
{
    quint64 generation = 0;
    qint64 count = 0;
    std::optional<HistoryKey> newest;
    qint64 newer = -1; // rows newer than previousNewest; -1 when there was none
    qint64 elapsedMs = 0;
    QString error;
};

// A page of rows: `size` rows after `offset` further rows past the anchor, in the view's order
// (backward: in the opposite order, from the anchor towards the top, returned in view order).
struct HistoryPageRequest
{
    quint64 generation = 0;
    HistoryQuery query;
    qint64 page = 0;
    int size = 0;
    std::optional<HistoryKey> anchor; // absent: from the first (or, backward, the last) row
    bool backward = false;
    qint64 offset = 0;
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
Q_DECLARE_METATYPE(Kanca::HistoryRule)
