#include "event/EventReader.h"

#include "catalog/Catalog.h"
#include "format/JsonDuplicateKeys.h"
#include "format/JsonLocator.h"
#include "format/StrictJson.h"
#include "text/Suggest.h"

#include <QDateTime>
#include <QJsonDocument>

namespace Kanca {

EventReader::Result EventReader::read(const QByteArray &json, const Catalog &catalog)
{
    Result result;
    const std::optional<QJsonDocument> document = StrictJson::parse(json, &result.problems);
    if (!document)
        return result;
    if (!document->isObject()) {
        result.problems.append({Problem::Severity::Error, QString(), 1, 1,
                                tr("an event is a JSON object such as {\"type\": \"chat.opened\", "
                                   "…}")});
        return result;
    }
    const QJsonObject event = document->object();
    const QJsonValue type = event.value(QLatin1String("type"));
    if (type.isUndefined()) {
        result.problems.append({Problem::Severity::Error, QString(), 0, 0,
                                tr("the event has no \"type\" (such as \"chat.opened\")")});
    } else if (!type.isString()) {
        result.problems.append({Problem::Severity::Error, QStringLiteral("/type"), 0, 0,
                                tr("the event's \"type\" must be a string")});
    } else if (!catalog.event(type.toString())) {
        result.problems.append(
            {Problem::Severity::Warning, QStringLiteral("/type"), 0, 0,
             tr("unknown event type \"%1\"%2: no rule will fire for it")
                 .arg(type.toString(), didYouMean(type.toString(), catalog.eventIds()))});
    }
    const QJsonValue occurredAt = event.value(QLatin1String("occurredAt"));
    if (occurredAt.isString()
        && !QDateTime::fromString(occurredAt.toString(), Qt::ISODateWithMs).isValid()) {
        result.problems.append({Problem::Severity::Warning, QStringLiteral("/occurredAt"), 0, 0,
                                tr("\"occurredAt\" is not an ISO 8601 date-time such as "
                                   "\"2026-11-21T10:30:00Z\"")});
    }
    // Positions and duplicate keys cost a pass that builds every pointer: made only when there
    // is something to place or to report.
    if (!result.problems.isEmpty() || jsonHasDuplicateKeys(json)) {
        const JsonLocator locator(json);
        result.problems += locator.duplicateKeys();
        locator.locate(&result.problems);
    }
    if (!hasErrors(result.problems))
        result.event = event;
    return result;
}

} // namespace Kanca
