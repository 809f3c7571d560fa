#include "CommandLine.h"
#include "Designer.h"
#include "KancaVersion.h"
#include "SystemTranslators.h"

#include <QCoreApplication>

namespace {

QStringList argumentsOf(int argc, char *argv[])
{
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));
    return arguments;
}

void setApplicationNames()
{
    QCoreApplication::setApplicationName(QStringLiteral("Kanca"));
    QCoreApplication::setOrganizationName(QStringLiteral("Kanca"));
    QCoreApplication::setApplicationVersion(QStringLiteral(KANCA_VERSION_STRING));
}

// kanca COMMAND ...: no window, no display needed.
int runCommandLine(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const Kanca::SystemTranslators translators;
    return Kanca::CommandLine::run(QCoreApplication::arguments());
}

} // namespace

int main(int argc, char *argv[])
{
    setApplicationNames();
    if (Kanca::CommandLine::wantsCommand(argumentsOf(argc, argv)))
        return runCommandLine(argc, argv);
    return Kanca::Designer::run(argc, argv);
}
