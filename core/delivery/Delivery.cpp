#include "delivery/Delivery.h"

namespace Kanca {

QString deliveryStatusId(DeliveryStatus status)
{
    switch (status) {
    case DeliveryStatus::Pending:
        return QStringLiteral("pending");
    case DeliveryStatus::Succeeded:
        return QStringLiteral("succeeded");
    case DeliveryStatus::Failed:
        return QStringLiteral("failed");
    }
    return {};
}

std::optional<DeliveryStatus> deliveryStatusFromId(QStringView id)
{
    if (id == u"pending")
        return DeliveryStatus::Pending;
    if (id == u"succeeded")
        return DeliveryStatus::Succeeded;
    if (id == u"failed")
        return DeliveryStatus::Failed;
    return std::nullopt;
}

} // namespace Kanca
