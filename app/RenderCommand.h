#pragma once

#include "CommandContext.h"

#include <QCoreApplication>

namespace Kanca {

// kanca render FILE (--event EVENT.json|- | --sample TYPE) [--lang en|tr] [--explain]
//              [--show-secrets]
class RenderCommand final
{
    Q_DECLARE_TR_FUNCTIONS(RenderCommand)

public:
    static QString usage();
    static int run(CommandContext &context);
};

} // namespace Kanca
