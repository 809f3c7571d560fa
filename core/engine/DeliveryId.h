#pragma once

#include <QDateTime>
#include <QString>

namespace Kanca {

// A new delivery id: "msg_" and a ULID (48 bits of milliseconds, 80 random bits, Crockford
// base32), so ids sort by creation time and never repeat. It is the webhook-id of Standard
// Webhooks signing and stays the same across a delivery's retries.
QString newDeliveryId(const QDateTime &now = QDateTime::currentDateTimeUtc());

} // namespace Kanca
