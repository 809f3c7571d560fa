#include "event/EventContext.h"

#include "model/Rule.h"

#include <algorithm>

namespace Kanca {

EventContext::EventContext(CompactEvent event, const Rule *rule, QString deliveryId)
    : m_event(std::move(event))
    , m_rule(rule)
    , m_deliveryId(std::move(deliveryId))
{}

EventContext::EventContext(const QJsonObject &event, const Rule *rule, QString deliveryId)
    : EventContext(CompactEvent::fromJson(event), rule, std::move(deliveryId))
{}

const QString &EventContext::eventType() const
{
    if (!m_type)
        m_type = m_event.type();
    return *m_type;
}

void EventContext::rememberSharedVerdict(quint32 owner, int slot, quint8 verdict) const
{
    if (slot < 0 || owner == 0)
        return;
    if (owner != m_sharedOwner) {
        m_sharedOwner = owner;
        m_shared.clear();
    }
    if (slot >= m_shared.size()) {
        const qsizetype known = m_shared.size();
        m_shared.resize(slot + 1);
        std::fill(m_shared.begin() + known, m_shared.end(), quint8(0));
    }
    m_shared[slot] = verdict;
}

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
    m_values.push_back({id, found});
    return found;
}

QJsonValue EventContext::lookUp(const FieldPath &path) const
{
    switch (path.root()) {
    case FieldPath::Root::Event:
    case FieldPath::Root::Part:
        return m_event.value(path);
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
