#pragma once

#include "event/CompactEvent.h"
#include "event/EventParser.h"
#include "event/EventValidator.h"
#include "format/Problem.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>

namespace Kanca {

class Catalog;

// The events of one ingest request: one event object, or a JSON array of 1 to MaxEvents of
// them (the event format of docs/format.md). Read strictly (RFC 8259) and every event checked
// (EventValidator); any error refuses the whole request, each with its JSON pointer ("/3/id")
// and its line and column in the body, so that a client can fix it and post it again as a whole.
// A server reads bodies with an EventBatch::Reader.
struct EventBatch
{
    Q_DECLARE_TR_FUNCTIONS(EventBatch)

public:
    static constexpr qsizetype MaxEvents = 1000;

    struct Event
    {
        QString id;
        QString type;
        CompactEvent event;
        QByteArray stored; // the event as it is stored: compact JSON text
    };

    QList<Event> events; // when there are no errors
    bool isArray = false;
    qsizetype count = 0; // events in the request, valid or not (0 when it is not JSON)
    Problems problems;   // warnings too

    bool ok() const { return !hasErrors(problems); }

    // The body read through QJsonDocument and EventValidator::check(): the road that words
    // every problem.
    static EventBatch read(const QByteArray &body, const EventValidator &validator);

    // Reads bodies as read() does, with the same verdicts and events, and the same problems
    // when it refuses one (the warnings of a body accepted are not looked for: nothing reads
    // them), most of them faster: simdjson straight into the compact form
    // (EventParser::quickReadBatch) and each event checked in place (EventValidator::accepts). A
    // body that is not plainly a batch of valid events is read by read(), which says why. It keeps
    // buffers from one body to the next: one per thread.
    class Reader
    {
    public:
        explicit Reader(const Catalog &catalog)
            : m_validator(catalog)
        {}
        EventBatch read(const QByteArray &body);

    private:
        EventValidator m_validator;
        EventParser m_parser;
    };
};

} // namespace Kanca
