#include "CommandLine.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

int main(int argc, char *argv[])
{
    QCoreApplication::setApplicationName(QStringLiteral("Kanca"));
    QCoreApplication::setOrganizationName(QStringLiteral("Kanca"));
    QCoreApplication::setApplicationVersion(QStringLiteral(KANCA_VERSION));

    // Until the designer window exists, every invocation is the command line; with no
    // arguments it prints the help.
    QCoreApplication app(argc, argv);

    // Messages in the system's language where Kanca speaks it (Turkish or English).
    QTranslator kancaTranslator;
    QTranslator qtTranslator;
    if (kancaTranslator.load(QLocale(), QStringLiteral("kanca"), QStringLiteral("_"),
                             QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(&kancaTranslator);
    if (qtTranslator.load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
                          QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(&qtTranslator);

    return Kanca::CommandLine::run(QCoreApplication::arguments());
}
