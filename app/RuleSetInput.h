#pragma once

#include "CommandContext.h"
#include "engine/RuleSetLoader.h"

#include <QByteArray>
#include <QCoreApplication>

#include <optional>

namespace Kanca {

// A rule-set file named on the command line: read, checked, compiled, its problems printed.
struct RuleSetInput
{
    QString fileName;
    QByteArray bytes; // to place problems found later (rendering) at their line
    RuleSetLoader::Result loaded;

    // Empty (after printing why) when the file cannot be read or has errors; warnings are
    // printed and do not stop it.
    static std::optional<RuleSetInput> load(const QString &fileName, CommandContext &context);

    // Prints problems found after loading (while rendering), placed in the file.
    void printProblems(Problems problems, CommandContext &context) const;
};

} // namespace Kanca
