#pragma once

#include "format/Problem.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonObject>

#include <optional>

namespace Kanca {

class Catalog;

// Reads an event given to the engine as JSON (docs/format.md, "Events given to the engine"):
// an object with "type", and usually "id", "occurredAt" and the parts that apply. An unknown
// event type is a warning (no rule will fire), a missing or non-text "type" an error.
class EventReader final
{
    Q_DECLARE_TR_FUNCTIONS(EventReader)

public:
    struct Result
    {
        std::optional<QJsonObject> event; // present unless there are errors
        Problems problems;
    };

    static Result read(const QByteArray &json, const Catalog &catalog);
};

} // namespace Kanca
