#include "event/EventKeys.h"

#include <QHash>
#include <QMutex>

#include <atomic>
#include <cstring>
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

// The names a thread asked about last, one per slot chosen by a hash of the name's bytes: an
// event's names are found here by a hash of a few bytes and one comparison, with no allocation
// and no lock (a QHash<QByteArray> lookup, Qt's SipHash of the name, was about a quarter of
// reading an event from text). Plain data, so the thread's copy needs no set-up: 18 KB a thread.
struct RecentName
{
    quint32 idPlusOne = 0; // 0: the slot is empty
    quint8 size = 0;
    char bytes[EventKeys::MaxNameBytes];
};
constexpr std::size_t RecentSlots = 256;
thread_local RecentName recent[RecentSlots];

std::size_t slotOf(QByteArrayView utf8)
{
    // FNV-1a: names are short.
    quint32 hash = 2166136261u;
    for (const char c : utf8)
        hash = (hash ^ quint8(c)) * 16777619u;
    return (hash ^ (hash >> 16)) % RecentSlots;
}

} // namespace

quint32 EventKeys::idOf(QByteArrayView utf8)
{
    if (utf8.size() > MaxNameBytes)
        return NoId;
    RecentName &slot = recent[slotOf(utf8)];
    if (slot.idPlusOne != 0 && slot.size == utf8.size()
        && std::memcmp(slot.bytes, utf8.data(), std::size_t(utf8.size())) == 0)
        return slot.idPlusOne - 1;
    const quint32 id = lookUp(utf8);
    if (id != NoId) {
        slot.idPlusOne = id + 1;
        slot.size = quint8(utf8.size());
        std::memcpy(slot.bytes, utf8.data(), std::size_t(utf8.size()));
    }
    return id;
}

quint32 EventKeys::lookUp(QByteArrayView utf8)
{
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
