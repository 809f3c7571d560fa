#pragma once

#include "format/Problem.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace Kanca {

class Catalog;

// The events of one ingest request: one event object, or a JSON array of 1 to MaxEvents of
// them (the event format of docs/format.md). Read strictly (RFC 8259) and every event checked
// (EventValidator); any error refuses the whole request, each with its JSON pointer ("/3/id")
// and its line and column in the body, so that a client can fix it and post it again as a whole.
struct EventBatch
{
    Q_DECLARE_TR_FUNCTIONS(EventBatch)

public:
    static constexpr qsizetype MaxEvents = 1000;

    struct Event
    {
        QString id;
        QString type;
        QJsonObject json;
        QByteArray compact; // the event as it is stored
    };

    QList<Event> events; // when there are no errors
    bool isArray = false;
    qsizetype count = 0; // events in the request, valid or not (0 when it is not JSON)
    Problems problems;   // warnings too

    bool ok() const { return !hasErrors(problems); }

    static EventBatch read(const QByteArray &body, const Catalog &catalog);
};

} // namespace Kanca
