#pragma once

#include "event/FieldPath.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QString>

namespace Kanca {

struct Rule;

// What conditions and templates look values up in: the event, the rule that fired and the
// delivery's id. Looking up a path that is absent gives QJsonValue::Undefined.
class EventContext final
{
public:
    EventContext() = default;
    explicit EventContext(QJsonObject event, const Rule *rule = nullptr, QString deliveryId = {});

    QJsonValue value(const FieldPath &path) const;
    QJsonValue value(QStringView path) const { return value(FieldPath(path)); }

    const QJsonObject &event() const { return m_event; }
    QString eventType() const { return m_event.value(QLatin1String("type")).toString(); }
    const Rule *rule() const { return m_rule; }
    void setRule(const Rule *rule) { m_rule = rule; }
    const QString &deliveryId() const { return m_deliveryId; }
    void setDeliveryId(QString id) { m_deliveryId = std::move(id); }

private:
    QJsonObject m_event;
    const Rule *m_rule = nullptr;
    QString m_deliveryId;
};

} // namespace Kanca
