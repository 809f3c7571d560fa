#pragma once

#include "event/CompactEvent.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

class QIODevice;

namespace Kanca {

class Catalog;

// The events of a JSON-lines file (one event object per line, as kanca render --event reads
// one), read once into the form the rules are evaluated on (CompactEvent, by EventParser). A line
// that is not a valid event (not JSON, no "type", too long) is skipped and reported with its line
// number; an empty line is skipped silently. Memory: one line at a time beside the events kept,
// each line at most MaxLineBytes (a longer one is skipped without being held).
class EventLines final
{
    Q_DECLARE_TR_FUNCTIONS(EventLines)

public:
    static constexpr qint64 MaxLineBytes = 1024 * 1024;

    struct Event
    {
        CompactEvent event;
        qint64 line = 0; // 1-based; 0 when the event did not come from a file

        // The event's "id" ("" when it has none), read from the event rather than kept twice:
        // only the few events a report shows need it.
        QString id() const { return event.id(); }
    };
    struct Skipped
    {
        qint64 line = 0;
        QString message;
    };
    struct Result
    {
        QList<Event> events;
        QList<Skipped> skipped; // at most MaxReported kept; skippedCount counts them all
        qint64 skippedCount = 0;
        QString error; // the file could not be read (then events holds what came before)
    };
    static constexpr int MaxReported = 1000;

    static Result read(QIODevice &device, const Catalog &catalog);
    static Result readFile(const QString &path, const Catalog &catalog);
};

} // namespace Kanca
