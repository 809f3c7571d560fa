#pragma once

#include "CommandContext.h"

#include <QCoreApplication>

namespace Kanca {

// kanca catch [--listen HOST:PORT] [--status N] [--delay MS] [--body TEXT] [--header LINE]...
//             [--secret NAME [--signing auto|standard-webhooks|hmac-sha256]] [--max-body BYTES]
class CatchCommand final
{
    Q_DECLARE_TR_FUNCTIONS(CatchCommand)

public:
    static QString usage();
    static int run(CommandContext &context);
};

} // namespace Kanca
