#include "server/EventBatch.h"

#include "event/EventValidator.h"
#include "format/JsonDuplicateKeys.h"
#include "format/JsonLocator.h"
#include "format/StrictJson.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>

namespace Kanca {

namespace {

// An event of a batch, stored as its compact form writes it (for an event read through
// QJsonDocument, whose keys come sorted, that is QJsonDocument's own compact text).
EventBatch::Event eventOf(CompactEvent event)
{
    QString id = event.id();
    QString type = event.type();
    QByteArray stored = event.toJsonText();
    return {std::move(id), std::move(type), std::move(event), std::move(stored)};
}

} // namespace

EventBatch EventBatch::read(const QByteArray &body, const EventValidator &validator)
{
    EventBatch batch;
    const std::optional<QJsonDocument> document = StrictJson::parse(body, &batch.problems);
    if (!document)
        return batch;
    QList<QJsonObject> objects;
    if (document->isObject()) {
        batch.count = 1;
        objects.append(document->object());
    } else {
        batch.isArray = true;
        const QJsonArray array = document->array();
        batch.count = array.size();
        if (array.isEmpty()) {
            batch.problems.append(
                {Problem::Severity::Error, QString(), 1, 1, tr("the list of events is empty")});
        } else if (array.size() > MaxEvents) {
            batch.problems.append({Problem::Severity::Error, QString(), 1, 1,
                                   tr("%1 events in one request; at most %2 are accepted at once")
                                       .arg(array.size())
                                       .arg(MaxEvents)});
        }
        for (qsizetype i = 0; i < array.size() && batch.problems.isEmpty(); ++i) {
            if (!array.at(i).isObject()) {
                batch.problems.append({Problem::Severity::Error, jsonPointerAppend(QString(), i), 0,
                                       0,
                                       tr("an event is a JSON object such as {\"type\": "
                                          "\"chat.opened\", \"id\": …}")});
                continue;
            }
        }
        if (!batch.problems.isEmpty()) {
            JsonLocator(body).locate(&batch.problems);
            return batch;
        }
        for (const QJsonValue &value : array)
            objects.append(value.toObject());
    }
    for (qsizetype i = 0; i < objects.size(); ++i) {
        const QString pointer = batch.isArray ? jsonPointerAppend(QString(), i) : QString();
        batch.problems += validator.check(objects.at(i), pointer);
    }
    if (!batch.problems.isEmpty() || jsonHasDuplicateKeys(body)) {
        const JsonLocator locator(body);
        batch.problems += locator.duplicateKeys();
        locator.locate(&batch.problems);
    }
    if (hasErrors(batch.problems))
        return batch;
    batch.events.reserve(objects.size());
    for (const QJsonObject &object : std::as_const(objects))
        batch.events.append(eventOf(CompactEvent::fromJson(object)));
    return batch;
}

EventBatch EventBatch::Reader::read(const QByteArray &body)
{
    std::optional<EventParser::Batch> quick = m_parser.quickReadBatch(body, MaxEvents);
    if (!quick
        || !std::all_of(quick->events.cbegin(), quick->events.cend(),
                        [this](const CompactEvent &event) { return m_validator.accepts(event); })) {
        return EventBatch::read(body, m_validator);
    }
    EventBatch batch;
    batch.isArray = quick->isArray;
    batch.count = qsizetype(quick->events.size());
    batch.events.reserve(batch.count);
    for (CompactEvent &event : quick->events)
        batch.events.append(eventOf(std::move(event)));
    return batch;
}

} // namespace Kanca
