#pragma once

#include "format/Problem.h"
#include "model/RuleSet.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonObject>

#include <optional>

namespace Kanca {

// Reads a rule set of format version 1 (docs/format.md) from JSON text into the model. It checks
// the document's shape (types, required keys, operator and kind names, secret references) and
// collects every problem, not just the first; semantic checks that need the catalog (events,
// fields, templates, regular expressions) belong to CompiledRuleSet. Problems carry JSON
// pointers; their line and column are filled in (see JsonLocator).
class RuleSetReader final
{
    Q_DECLARE_TR_FUNCTIONS(RuleSetReader)

public:
    // Unknown keys are a warning when a file is opened or imported (a newer file never silently
    // loses meaning), and an error in a file exported for a server.
    enum class UnknownKeys { Warn, Reject };

    struct Result
    {
        std::optional<RuleSet> ruleSet; // empty when the text is not JSON or not a rule set
        Problems problems;
    };

    // Parses, reads and places every problem at its line and column.
    static Result read(const QByteArray &json, UnknownKeys unknownKeys = UnknownKeys::Warn);

    // The steps of read(), for callers that add problems of their own before placing them:
    // the JSON object of the text (syntax errors with line and column), then the model (problems
    // with pointers only). fromJson always gives a rule set; it is only as good as the problems
    // say.
    static std::optional<QJsonObject> parseObject(const QByteArray &json, Problems *problems);
    static RuleSet fromJson(const QJsonObject &root, UnknownKeys unknownKeys, Problems *problems);

    // The version this reader understands; a larger one is refused with a message naming it.
    static constexpr int SupportedVersion = RuleSet::FormatVersion;
};

} // namespace Kanca
