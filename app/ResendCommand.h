#pragma once

#include "CommandContext.h"

#include <QCoreApplication>

namespace Kanca {

// kanca resend DELIVERY_ID | --failed [--rule ID] [--since TIME] [--db PATH]: a new delivery
// with the same request, of one delivery or of every failed one.
class ResendCommand final
{
    Q_DECLARE_TR_FUNCTIONS(ResendCommand)

public:
    static QString usage();
    static int run(CommandContext &context);
};

} // namespace Kanca
