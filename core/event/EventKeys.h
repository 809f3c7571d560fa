#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QtGlobal>

namespace Kanca {

// The names of the members of events' objects ("contact", "fullname"...), each given a small
// number once for the rest of the process, so that an event in its compact form (CompactEvent)
// names a member by a number and a field path finds it by comparing numbers. Any thread may ask.
//
// The table is bounded: names longer than MaxNameBytes, and every new name once MaxNames are
// known, get no number (NoId) and an event keeps such a name as text. A name that has a number
// always gets the same one, so a name is either numbered in every event and path, or in none.
class EventKeys final
{
public:
    static constexpr quint32 MaxNames = 1 << 16;
    static constexpr qsizetype MaxNameBytes = 64;
    static constexpr quint32 NoId = 0xFFFFFFFF;

    // The number of `utf8`, given now if it has none yet and the table has room; NoId otherwise.
    static quint32 idOf(QByteArrayView utf8);
    // The name of a number idOf() gave.
    static QByteArrayView name(quint32 id);

private:
    // idOf() for a name that is not among the thread's recent ones.
    static quint32 lookUp(QByteArrayView utf8);
};

} // namespace Kanca
