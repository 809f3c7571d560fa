#pragma once

#include "CommandContext.h"

#include <QCoreApplication>

namespace Kanca {

// kanca fleet [--db URL] [--json]: the servers sharing a PostgreSQL database, as each reports
// itself (see WorkerRegistry), and whether they run the same rule set.
class FleetCommand final
{
    Q_DECLARE_TR_FUNCTIONS(FleetCommand)

public:
    static QString usage();
    static int run(CommandContext &context);
};

} // namespace Kanca
