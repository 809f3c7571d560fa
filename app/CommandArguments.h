#pragma once

#include "CommandContext.h"

#include <QString>

#include <optional>

class QCommandLineParser;

namespace Kanca {

// What every command does first with its arguments: parses them (its options added to the
// parser already; -h/--help is added here), answers --help with the command's usage, and
// reports a usage error as "kanca COMMAND: message", a blank line and the usage, exit code 2.
class CommandArguments
{
public:
    CommandArguments(CommandContext &context, const QString &command, const QString &usage);

    // Parses the context's arguments: nullopt to go on, or the exit code to return (a usage
    // error printed, or the usage printed for --help).
    std::optional<int> parse(QCommandLineParser &parser) const;
    // Prints a usage error; returns the exit code for it.
    int usageError(const QString &message) const;

private:
    CommandContext &m_context;
    QString m_command;
    QString m_usage;
};

} // namespace Kanca
