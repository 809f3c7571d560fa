#pragma once

#include "engine/CompiledRuleSet.h"
#include "format/Problem.h"
#include "format/RuleSetReader.h"

#include <QByteArray>
#include <QCoreApplication>
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
        bool ok() const { return compiled && !hasErrors(problems); }
        const RuleSet &ruleSet() const { return compiled->ruleSet(); }
    };

    // Larger files are refused rather than read: no rule set comes near this.
    static constexpr qint64 MaxFileSize = 64 * 1024 * 1024;

    static Result load(const QByteArray &json, const Catalog &catalog,
                       RuleSetReader::UnknownKeys unknownKeys = RuleSetReader::UnknownKeys::Warn);
    static Result
    loadFile(const QString &fileName, const Catalog &catalog,
             RuleSetReader::UnknownKeys unknownKeys = RuleSetReader::UnknownKeys::Warn);

    // Reads a whole file, refusing directories, unreadable and oversized files with a message.
    static std::optional<QByteArray> readFile(const QString &fileName, QString *error);
};

} // namespace Kanca
