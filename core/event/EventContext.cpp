#include "event/EventContext.h"

#include "model/Rule.h"

namespace Kanca {

EventContext::EventContext(QJsonObject event, const Rule *rule, QString deliveryId)
    : m_event(std::move(event))
    , m_rule(rule)
    , m_deliveryId(std::move(deliveryId))
{}

QJsonValue EventContext::value(const FieldPath &path) const
{
    switch (path.root()) {
    case FieldPath::Root::Event:
    case FieldPath::Root::Part: {
        QJsonValue current = m_event;
        for (const QString &key : path.keys()) {
            if (!current.isObject())
                return QJsonValue(QJsonValue::Undefined);
            current = current.toObject().value(key);
        }
        return current;
    }
    case FieldPath::Root::Rule: {
        if (!m_rule)
            return QJsonValue(QJsonValue::Undefined);
        const QString &key = path.keys().first();
        if (key == u"id")
            return m_rule->id;
        if (key == u"name")
            return m_rule->name;
        if (key == u"description")
            return m_rule->description;
        return QJsonValue(QJsonValue::Undefined);
    }
    case FieldPath::Root::Delivery:
        if (path.keys().first() == u"id" && !m_deliveryId.isEmpty())
            return m_deliveryId;
        return QJsonValue(QJsonValue::Undefined);
    case FieldPath::Root::Invalid:
        break;
    }
    return QJsonValue(QJsonValue::Undefined);
}

} // namespace Kanca
