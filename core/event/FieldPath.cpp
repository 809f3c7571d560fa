#include "event/FieldPath.h"

#include <QHash>
#include <QMutex>

namespace Kanca {

namespace {

// The number of a path's text: paths are parsed when conditions and templates are compiled,
// never while they are evaluated, so a lock here costs nothing that matters.
int idOf(const QString &text)
{
    static QMutex mutex;
    static QHash<QString, int> ids;
    const QMutexLocker locker(&mutex);
    const auto it = ids.constFind(text);
    if (it != ids.constEnd())
        return *it;
    const int id = int(ids.size());
    ids.insert(text, id);
    return id;
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
    m_id = isValid() && (m_root == Root::Event || m_root == Root::Part) ? idOf(m_text) : -1;
}

} // namespace Kanca
