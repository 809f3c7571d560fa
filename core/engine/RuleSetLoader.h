#pragma once

#include "engine/CompiledRuleSet.h"
#include "format/Problem.h"
#include "format/RuleSetReader.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace Kanca {

class Catalog;

// Everything it takes to open a rule set: read the text, check it against the catalog, compile
// it, and place every problem at its line and column.
class RuleSetLoader final
{
    Q_DECLARE_TR_FUNCTIONS(RuleSetLoader)

public:
    struct Result
    {
        std::optional<CompiledRuleSet> compiled; // present when the text was a rule set at all
        Problems problems;                       // sorted by position
        // The JSON object of the text, when it was JSON (also when not a rule set): what the
        // problems' pointers point into.
        QJsonObject document;
        bool ok() const { return compiled && !hasErrors(problems); }
        // Whether the text is a rule set at all, however many problems its rules have: a JSON
        // object of format "kanca.ruleset", of a version this Kanca reads, with a list of rules
        // of which every item is an object. The designer opens such a file and lists its
        // problems; anything else it refuses, so nothing of a file is lost by opening it.
        bool isRuleSet() const { return compiled && readable; }
        bool readable = false; // set by load(): see isRuleSet()
        const RuleSet &ruleSet() const { return compiled->ruleSet(); }
    };

    static Result load(const QByteArray &json, const Catalog &catalog,
                       RuleSetReader::UnknownKeys unknownKeys = RuleSetReader::UnknownKeys::Warn);
    // Reads the file with BoundedReader (at most BoundedReader::MaxSize), then loads it.
    static Result
    loadFile(const QString &fileName, const Catalog &catalog,
             RuleSetReader::UnknownKeys unknownKeys = RuleSetReader::UnknownKeys::Warn);
};

} // namespace Kanca
