#pragma once

#include "catalog/Catalog.h"

#include <QJsonValue>
#include <QString>

namespace Kanca {

// Whether a value an event carries for a field is of the field's type: text, a list of texts,
// one of the allowed values, a number (within the documented range), an ISO 8601 date-time with
// a time zone. Shared by the catalog's own samples and the events a server accepts.
struct FieldValueCheck
{
    enum class Verdict {
        Fits,
        WrongType,  // not of the field's type at all
        OutOfRange, // a number outside the field's documented range
        NotAllowed, // a one-of text that is not one of the field's values
    };
    Verdict verdict = Verdict::Fits;
    QString message; // why not, in words (empty when it fits)

    static FieldValueCheck check(const FieldInfo &field, const QJsonValue &value);
    // ISO 8601 with a time zone ("2026-11-21T10:30:00Z", "…+03:00").
    static bool isZonedDateTime(const QString &text);
};

} // namespace Kanca
