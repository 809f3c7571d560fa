#pragma once

#include "format/Problem.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>

namespace Kanca {

class Catalog;

// Checks an event as a server accepts it, every problem with its JSON pointer (below `pointer`,
// the event's place in the request: "" or "/3"). Errors make the event refused:
//   - "type" missing, not a text, or not an event of the catalog;
//   - "id" missing, not a text, empty or longer than 200 characters (it is the key that makes
//     accepting an event idempotent);
//   - "occurredAt" not an ISO 8601 date-time with a time zone;
//   - a part (contact, conversation, message, workspace) that is not an object;
//   - a field of the catalog with a value of the wrong type (a text where a list is expected…).
// Warnings: a number outside a field's documented range, a one-of value the catalog does not
// know, a part named like the values Kanca adds itself (event, rule, delivery). Fields the
// catalog does not know are allowed: no rule reads them.
class EventValidator final
{
    Q_DECLARE_TR_FUNCTIONS(EventValidator)

public:
    static constexpr qsizetype MaxIdLength = 200;

    explicit EventValidator(const Catalog &catalog)
        : m_catalog(catalog)
    {}

    Problems check(const QJsonObject &event, const QString &pointer = {}) const;

private:
    const Catalog &m_catalog;
};

} // namespace Kanca
