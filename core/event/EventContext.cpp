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
    const int id = path.id();
    if (id < 0)
        return lookUp(path);
    for (const RememberedValue &remembered : m_values) {
        if (remembered.pathId == id)
            return remembered.value;
    }
    QJsonValue found = lookUp(path);
    if (m_values.empty())
        m_values.reserve(ExpectedPaths);
    m_values.push_back({id, found});
    return found;
}

QJsonValue EventContext::lookUp(const FieldPath &path) const
{
    switch (path.root()) {
    case FieldPath::Root::Event:
    case FieldPath::Root::Part: {
        const QStringList &keys = path.keys();
        if (keys.size() == 1)
            return m_event.value(keys.first());
        QJsonValue current = part(keys.first());
        for (qsizetype i = 1; i < keys.size(); ++i) {
            if (!current.isObject())
                return QJsonValue(QJsonValue::Undefined);
            current = current.toObject().value(keys.at(i));
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

QJsonValue EventContext::part(const QString &key) const
{
    for (const RememberedPart &remembered : m_parts) {
        if (remembered.key == key)
            return remembered.value;
    }
    QJsonValue found = m_event.value(key);
    m_parts.push_back({key, found});
    return found;
}

} // namespace Kanca
