#pragma once

#include "delivery/Delivery.h"

#include <QDateTime>
#include <QMetaType>
#include <QString>

#include <optional>

namespace Kanca {

// Which deliveries a list of the history holds, and in which order: the filters (applied in SQL
// by HistoryQueryBuilder) and the order by creation time, the id deciding between deliveries of
// the same millisecond. The default is every delivery, newest first. `kanca history` and the
// designer's history view both list the history through it.
struct HistoryFilter
{
    QString ruleId;                       // empty: every rule
    std::optional<DeliveryStatus> status; // absent: every status
    QString text;   // found in the URL, rule id or name, event id or type, or last error
    QDateTime from; // created at or after, if valid
    QDateTime to;   // created at or before, if valid
    Qt::SortOrder order = Qt::DescendingOrder; // newest first

    bool newestFirst() const { return order == Qt::DescendingOrder; }
    // Whether no filter narrows the list: every delivery, in either order.
    bool listsEverything() const
    {
        return ruleId.isEmpty() && !status && text.isEmpty() && !from.isValid() && !to.isValid();
    }

    friend bool operator==(const HistoryFilter &, const HistoryFilter &) = default;
};

} // namespace Kanca

Q_DECLARE_METATYPE(Kanca::HistoryFilter)
