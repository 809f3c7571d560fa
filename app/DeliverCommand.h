#pragma once

#include "CommandContext.h"

#include <QCoreApplication>

namespace Kanca {

// kanca deliver [--db PATH]: finishes every unfinished delivery of the outbox.
class DeliverCommand final
{
    Q_DECLARE_TR_FUNCTIONS(DeliverCommand)

public:
    static QString usage();
    static int run(CommandContext &context);
};

} // namespace Kanca
