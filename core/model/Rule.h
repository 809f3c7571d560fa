#pragma once

#include "model/Condition.h"
#include "model/WebhookAction.h"

#include <QList>
#include <QString>

#include <optional>
#include <variant>

namespace Kanca {

// One action of a rule's "then". Adding an action kind means adding a type here and teaching
// the reader, the writer and the renderer about it; std::visit makes the compiler list the places.
using Action = std::variant<WebhookAction>;

// When (one event type) / If (a condition tree) / Then (one or more actions).
struct Rule
{
    QString id;
    QString name;
    QString description;
    bool enabled = true;
    QString when;                       // an event id of the catalog
    std::optional<Condition> condition; // absent: always matches
    QList<Action> actions;

    friend bool operator==(const Rule &, const Rule &) = default;
};

} // namespace Kanca
