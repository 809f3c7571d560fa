#include "event/FieldPath.h"

namespace Kanca {

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
}

} // namespace Kanca
