#pragma once

#include <QCoreApplication>
#include <QStringList>

namespace Kanca {

// The headless side of the program: `kanca COMMAND ...`. Dispatches to the commands, prints
// help, and returns the exit code.
class CommandLine final
{
    Q_DECLARE_TR_FUNCTIONS(CommandLine)

public:
    // True when the arguments ask for a command rather than the designer window.
    static bool wantsCommand(const QStringList &arguments);
    static int run(const QStringList &arguments);
    static QString usage();
};

} // namespace Kanca
