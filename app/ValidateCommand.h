#pragma once

#include "CommandContext.h"

#include <QCoreApplication>

namespace Kanca {

// kanca validate [--strict] FILE...
class ValidateCommand final
{
    Q_DECLARE_TR_FUNCTIONS(ValidateCommand)

public:
    static QString usage();
    static int run(CommandContext &context);
};

} // namespace Kanca
