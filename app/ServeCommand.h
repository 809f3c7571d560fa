#pragma once

#include "CommandContext.h"

#include <QCoreApplication>

namespace Kanca {

// kanca serve: runs a rule set as a server (core/server/Server): events in over HTTP, webhooks
// out through the outbox, health, readiness and metrics, reload on SIGHUP, drain on SIGTERM.
class ServeCommand final
{
    Q_DECLARE_TR_FUNCTIONS(ServeCommand)

public:
    static QString usage();
    static int run(CommandContext &context);
};

} // namespace Kanca
