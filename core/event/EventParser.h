#pragma once

#include "event/CompactEvent.h"
#include "format/Problem.h"

#include <QByteArray>

#include <memory>
#include <optional>

namespace Kanca {

class Catalog;

// Reads events given as JSON text straight into their compact form (CompactEvent), as strictly
// as EventReader reads them: the same texts are accepted and refused, with the same problems.
//
// The text is parsed by simdjson (a validating parser of JSON, UTF-8 included, much faster than
// QJsonDocument), then checked for what it lets through and RFC 8259 and EventReader do not: a
// raw control character or a lone surrogate escape in a string and a key twice in an object.
// Whatever is not plainly a valid event (a parse error, a number at the edge of what a double
// holds, no "type"...) is handed to EventReader, whose verdict and problems are returned: the
// quick road only ever accepts what EventReader accepts, and never words a problem itself.
//
// A parser keeps its buffers from one text to the next (use one per thread), up to the size
// that KeepBytes of text needs: what a longer text made it allocate is given back after it, so a
// server's parser does not hold for its life the room of the largest post it ever read.
class EventParser final
{
public:
    struct Result
    {
        std::optional<CompactEvent> event; // present unless there are errors
        // The errors; warnings (an unknown event type...) only when EventReader was asked.
        Problems problems;
    };

    EventParser();
    ~EventParser();
    Q_DISABLE_COPY_MOVE(EventParser)

    Result read(const QByteArray &json, const Catalog &catalog);

    // The compact event when the quick road takes `json` as a valid event; nullopt when
    // EventReader must decide. For the tests, which check that both roads agree.
    std::optional<CompactEvent> quickRead(QByteArrayView json);

    // The events of a server's ingest request (EventBatch): `json` one event object, or an array
    // of 1 to `maxEvents` of them, each taken as quickRead() takes one event. Nullopt when any
    // of it is not plainly so: the caller reads it the slow way, which words the problems.
    struct Batch
    {
        std::vector<CompactEvent> events;
        bool isArray = false;
    };
    std::optional<Batch> quickReadBatch(QByteArrayView json, qsizetype maxEvents);

    static constexpr qsizetype KeepBytes = qsizetype(1) << 20;
    // What the parser keeps between texts: the bytes of the padded copy plus the length of text
    // simdjson's buffers are made for (they take several bytes for each byte of it).
    qsizetype bufferBytes() const;

private:
    // After a text of `size` bytes: its buffers given back if it was longer than KeepBytes.
    void releaseAfter(qsizetype size);
    // quickReadBatch() before its release of buffers.
    std::optional<Batch> readBatch(QByteArrayView json, qsizetype maxEvents);

    struct Simdjson;
    std::unique_ptr<Simdjson> m_simdjson;
    CompactEvent::Builder m_builder;
};

} // namespace Kanca
