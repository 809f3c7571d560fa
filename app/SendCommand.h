#pragma once

#include "CommandContext.h"

#include <QCoreApplication>

namespace Kanca {

// kanca send FILE (--event EVENT.json|- | --sample TYPE [--lang tr|en]) [--db PATH] [--no-retry]
class SendCommand final
{
    Q_DECLARE_TR_FUNCTIONS(SendCommand)

public:
    static QString usage();
    static int run(CommandContext &context);
};

} // namespace Kanca
