#include "event/FieldPath.h"

#include "event/EventKeys.h"
#include "text/ProcessIds.h"

namespace Kanca {

namespace {

// Paths are parsed when conditions and templates are compiled, never while they are evaluated,
// so the table's lock costs nothing that matters.
ProcessIds &pathIds()
{
    static ProcessIds ids;
    return ids;
}

} // namespace

FieldPath::FieldPath(QStringView path)
    : m_text(path.toString())
{
    const QStringList segments = m_text.split(u'.');
    if (segments.size() < 2)
        return;
    for (const QString &segment : segments) {
        if (segment.isEmpty())
            return;
    }
    const QString &head = segments.first();
    if (head == u"event") {
        if (segments.size() != 2)
            return;
        m_root = Root::Event;
        m_keys = {segments.at(1)};
    } else if (head == u"rule") {
        if (segments.size() != 2)
            return;
        m_root = Root::Rule;
        m_keys = {segments.at(1)};
    } else if (head == u"delivery") {
        if (segments.size() != 2)
            return;
        m_root = Root::Delivery;
        m_keys = {segments.at(1)};
    } else {
        m_root = Root::Part;
        m_keys = segments;
    }
    if (m_root != Root::Event && m_root != Root::Part)
        return;
    m_id = pathIds().idOf(m_text);
    m_eventKeys.reserve(std::size_t(m_keys.size()));
    for (const QString &key : std::as_const(m_keys)) {
        QByteArray utf8 = key.toUtf8();
        const quint32 id = EventKeys::idOf(utf8);
        m_eventKeys.push_back({id, std::move(utf8)});
    }
}

} // namespace Kanca
