#pragma once

#include <QHash>
#include <QMutex>
#include <QString>

namespace Kanca {

// Gives every distinct text a small number, the same for the same text for the rest of the
// process (0, 1, 2… in the order first seen), from any thread. For what is named at compile time
// (a field path, a regular expression) and looked up by number while evaluating. The table only
// grows: a few bytes for each distinct text ever asked for.
class ProcessIds final
{
public:
    int idOf(const QString &text)
    {
        const QMutexLocker locker(&m_mutex);
        const auto it = m_ids.constFind(text);
        if (it != m_ids.constEnd())
            return *it;
        const int id = int(m_ids.size());
        m_ids.insert(text, id);
        return id;
    }

private:
    QMutex m_mutex;
    QHash<QString, int> m_ids;
};

} // namespace Kanca
