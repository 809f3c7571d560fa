#pragma once

#include "CommandContext.h"

#include <QCoreApplication>

namespace Kanca {

// kanca history [--db PATH] [--json] [--limit N] [--rule ID] [--status S]
class HistoryCommand final
{
    Q_DECLARE_TR_FUNCTIONS(HistoryCommand)

public:
    static QString usage();
    static int run(CommandContext &context);
};

} // namespace Kanca
