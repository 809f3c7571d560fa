#pragma once

#include "CommandContext.h"
#include "model/RuleSet.h"

#include <QCoreApplication>
#include <QJsonObject>

#include <optional>

namespace Kanca {

// The event a command works on: a JSON file, standard input ("-"), or a built-in sample.
class EventInput final
{
    Q_DECLARE_TR_FUNCTIONS(EventInput)

public:
    // Reads --event PATH|- ; prints problems as "PATH:LINE:COL: message" on failure.
    static std::optional<QJsonObject> fromFile(const QString &path, CommandContext &context);
    // The catalog's sample of TYPE in LANGUAGE; an unknown type is reported with a suggestion.
    static std::optional<QJsonObject> fromSample(const QString &type, Language language,
                                                 CommandContext &context);
};

} // namespace Kanca
