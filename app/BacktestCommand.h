#pragma once

#include "CommandContext.h"

#include <QCoreApplication>

namespace Kanca {

// kanca backtest RULESET (--events FILE.jsonl | --db PATH [--since T] [--until T])
//                [--against OLD_RULESET] [--json] [--limit N]
class BacktestCommand final
{
    Q_DECLARE_TR_FUNCTIONS(BacktestCommand)

public:
    static QString usage();
    static int run(CommandContext &context);
};

} // namespace Kanca
