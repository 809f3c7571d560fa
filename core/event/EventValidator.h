#pragma once

#include "event/FieldPath.h"
#include "format/Problem.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>

#include <vector>

namespace Kanca {

class Catalog;
class CompactEvent;
struct FieldInfo;

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

    explicit EventValidator(const Catalog &catalog);

    Problems check(const QJsonObject &event, const QString &pointer = {}) const;

    // Whether check() finds no error in the event (warnings are not looked for): the same rules,
    // read in place from the compact form, with no words made. A server reads most events this
    // way and asks check() only for the ones refused, to say why.
    bool accepts(const CompactEvent &event) const;

private:
    const Catalog &m_catalog;
    // From the catalog, once, for both checks: the parts (each a top-level key that must hold an
    // object or null) and the catalog's fields below them, with their paths parsed for
    // accepts(), which also finds the event's own values by path.
    FieldPath m_type{u"event.type"};
    FieldPath m_id{u"event.id"};
    FieldPath m_occurredAt{u"event.occurredAt"};
    struct Part
    {
        QString name;  // "contact"
        FieldPath key; // "event.contact": the top-level key
    };
    std::vector<Part> m_parts;
    struct PartField
    {
        const FieldInfo *field;
        FieldPath path;
    };
    std::vector<PartField> m_partFields;
};

} // namespace Kanca
