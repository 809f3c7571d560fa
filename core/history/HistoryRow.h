#pragma once

#include "delivery/Delivery.h"

#include <QString>

#include <optional>

namespace Kanca {

// A delivery's place in the history's order: its creation time and, between deliveries of the
// same millisecond, its id (the deliveries_created index).
struct HistoryKey
{
    qint64 createdAt = 0; // ms since the epoch, UTC
    QString id;

    friend bool operator==(const HistoryKey &, const HistoryKey &) = default;
};

// One line of a history list: the columns of a delivery that a table shows, without its request
// or attempts.
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

} // namespace Kanca
