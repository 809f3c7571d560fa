// Fuzz target: the event readers. Any bytes are read as an event given to the engine
// (EventReader, for `kanca render` and `kanca send`) and as the body of a server's ingest
// request (EventBatch, which checks every event with EventValidator). Nothing may crash, leak or
// hit undefined behaviour, and what they say must hold together: a batch without errors has one
// stored event per event counted, each with an id and a type, stored as JSON that reads back as
// the same event. EventParser (the text straight into the compact form) must agree with
// EventReader on every input: the same verdict, the same event, the same errors; and a server's
// EventBatch::Reader (simdjson and EventValidator::accepts) with EventBatch::read (QJsonDocument
// and EventValidator::check): the same verdict, the same events stored as texts that read back
// the same, the same problems.

#include "catalog/Catalog.h"
#include "event/EventContext.h"
#include "event/EventParser.h"
#include "event/EventReader.h"
#include "server/EventBatch.h"

#include <QByteArray>
#include <QJsonDocument>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

using namespace Kanca;

namespace {

[[noreturn]] void fail(const char *what)
{
    std::fprintf(stderr, "%s\n", what);
    std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const Catalog &catalog = Catalog::builtIn();
    const QByteArray json =
        QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));

    const EventReader::Result read = EventReader::read(json, catalog);
    static EventParser parser;
    const EventParser::Result parsed = parser.read(json, catalog);
    if (parsed.event.has_value() != read.event.has_value())
        fail("EventParser and EventReader disagree on whether the text is an event");
    if (parsed.event
        && QJsonDocument(parsed.event->toJson()).toJson() != QJsonDocument(*read.event).toJson())
        fail("EventParser reads another event than EventReader");
    if (!parsed.event && parsed.problems != read.problems)
        fail("EventParser reports other problems than EventReader");

    if (read.event) {
        if (hasErrors(read.problems))
            fail("EventReader gave an event together with errors");
        const EventContext context(*read.event);
        (void)context.value(u"contact.fullname");
        (void)context.value(u"event.occurredAt");
    }

    static const EventValidator validator(catalog);
    const EventBatch batch = EventBatch::read(json, validator);
    static EventBatch::Reader reader(catalog);
    const EventBatch quick = reader.read(json);
    if (quick.ok() != batch.ok() || quick.count != batch.count || quick.isArray != batch.isArray)
        fail("EventBatch::Reader and EventBatch::read disagree on the request");
    if (!batch.ok() && quick.problems != batch.problems)
        fail("EventBatch::Reader reports other problems than EventBatch::read");
    for (qsizetype i = 0; batch.ok() && i < batch.events.size(); ++i) {
        const EventBatch::Event &a = quick.events.at(i);
        const EventBatch::Event &b = batch.events.at(i);
        if (a.id != b.id || a.type != b.type || a.event.toJson() != b.event.toJson()
            || QJsonDocument::fromJson(a.stored).object()
                   != QJsonDocument::fromJson(b.stored).object())
            fail("EventBatch::Reader reads another event than EventBatch::read");
    }
    if (batch.ok()) {
        if (batch.events.size() != batch.count || batch.count < 1
            || batch.count > EventBatch::MaxEvents)
            fail("EventBatch without errors does not hold every event it counted");
        for (const EventBatch::Event &event : batch.events) {
            if (event.id.isEmpty() || event.type.isEmpty())
                fail("EventBatch accepted an event without an id or a type");
            QJsonParseError error;
            const QJsonDocument stored = QJsonDocument::fromJson(event.stored, &error);
            if (error.error != QJsonParseError::NoError || stored.object() != event.event.toJson())
                fail("EventBatch stores an event that does not read back the same");
        }
    } else if (!batch.events.isEmpty()) {
        fail("EventBatch with errors still holds events");
    }
    return 0;
}
