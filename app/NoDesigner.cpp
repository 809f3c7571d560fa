#include "Designer.h"
#include "ExitCode.h"
#include "SystemTranslators.h"

#include <QCoreApplication>
#include <QTextStream>

namespace Kanca {

namespace {

// Only for its tr() context.
class NoDesigner final
{
    Q_DECLARE_TR_FUNCTIONS(NoDesigner)

public:
    static QString message()
    {
        return tr("kanca: the designer is not part of this build of Kanca (it was built with "
                  "KANCA_BUILD_DESIGNER=OFF, for servers); only the command line is.\n"
                  "Run \"kanca help\" for its commands.\n");
    }
};

} // namespace

int Designer::run(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const SystemTranslators translators;
    QTextStream(stderr) << NoDesigner::message();
    return ExitUsage;
}

} // namespace Kanca
