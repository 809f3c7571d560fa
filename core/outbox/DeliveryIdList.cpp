#include "DeliveryIdList.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace Kanca {

QString deliveryIdsToJson(const QList<Delivery> &deliveries)
{
    QJsonArray ids;
    for (const Delivery &delivery : deliveries)
        ids.append(delivery.id);
    return QString::fromUtf8(QJsonDocument(ids).toJson(QJsonDocument::Compact));
}

QStringList deliveryIdsFromJson(const QString &json)
{
    QStringList ids;
    for (const QJsonValue &id : QJsonDocument::fromJson(json.toUtf8()).array())
        ids.append(id.toString());
    return ids;
}

} // namespace Kanca
