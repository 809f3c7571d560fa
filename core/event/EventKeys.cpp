#include "event/EventKeys.h"

#include <QHash>
#include <QMutex>

#include <atomic>
#include <memory>

namespace Kanca {

namespace {

// Names are written once, before their number is handed out, and never moved: the array is
// allocated whole, so name() reads without the lock.
struct Table
{
    QMutex mutex;
    QHash<QByteArray, quint32> ids;
    std::unique_ptr<QByteArray[]> names = std::make_unique<QByteArray[]>(EventKeys::MaxNames);
    std::atomic<quint32> count{0};
};

Table &table()
{
    static Table t;
    return t;
}

} // namespace

quint32 EventKeys::idOf(QByteArrayView utf8)
{
    if (utf8.size() > MaxNameBytes)
        return NoId;
    // Each thread remembers the numbers it has seen: events repeat a few dozen names, so the
    // shared table (and its lock) is asked about each name once per thread.
    thread_local QHash<QByteArray, quint32> seen;
    const QByteArray key = QByteArray::fromRawData(utf8.data(), utf8.size());
    const auto found = seen.constFind(key);
    if (found != seen.constEnd())
        return *found;
    Table &t = table();
    quint32 id = NoId;
    {
        const QMutexLocker locker(&t.mutex);
        const auto known = t.ids.constFind(key);
        if (known != t.ids.constEnd()) {
            id = *known;
        } else {
            const quint32 next = t.count.load(std::memory_order_relaxed);
            if (next >= MaxNames)
                return NoId;
            const QByteArray copy(utf8.data(), utf8.size());
            t.names[next] = copy;
            t.ids.insert(copy, next);
            t.count.store(next + 1, std::memory_order_release);
            id = next;
        }
    }
    seen.insert(QByteArray(utf8.data(), utf8.size()), id);
    return id;
}

QByteArrayView EventKeys::name(quint32 id)
{
    Table &t = table();
    Q_ASSERT(id < t.count.load(std::memory_order_acquire));
    return QByteArrayView(t.names[id]);
}

} // namespace Kanca
