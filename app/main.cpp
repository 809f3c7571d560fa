#include "CommandLine.h"

#include <QCoreApplication>

int main(int argc, char *argv[])
{
    QCoreApplication::setApplicationName(QStringLiteral("Kanca"));
    QCoreApplication::setOrganizationName(QStringLiteral("Kanca"));
    QCoreApplication::setApplicationVersion(QStringLiteral(KANCA_VERSION));

    // Until the designer window exists, every invocation is the command line; with no
    // arguments it prints the help.
    QCoreApplication app(argc, argv);
    return Kanca::CommandLine::run(QCoreApplication::arguments());
}
