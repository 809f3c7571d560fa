#pragma once

#include "delivery/Delivery.h"

#include <QList>
#include <QStringList>

namespace Kanca {

// The delivery ids an accepted event produced, as the event stores keep them: a compact JSON
// array of strings ("[\"01J…\",\"01J…\"]").
QString deliveryIdsToJson(const QList<Delivery> &deliveries);
QStringList deliveryIdsFromJson(const QString &json);

} // namespace Kanca
