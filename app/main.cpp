#include "CommandLine.h"
#include "KancaVersion.h"
#include "StartupProbe.h"
#include "settings/LanguageManager.h"
#include "settings/Settings.h"
#include "window/DocumentController.h"
#include "window/MainWindow.h"

#include <QApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

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

// kanca [FILE]: the designer.
int runDesigner(int argc, char *argv[])
{
    using namespace Kanca;
    QApplication app(argc, argv);
    QApplication::setApplicationDisplayName(QStringLiteral("Kanca"));
    LanguageManager::instance().setLanguage(
        Settings::instance().language().value_or(LanguageManager::systemLanguage()));

    MainWindow window;
    window.openHistory(Settings::instance().historyDatabase());
    const QStringList arguments = QCoreApplication::arguments();
    if (!window.documents()->offerRecovery()) {
        if (arguments.size() > 1)
            window.documents()->open(arguments.at(1));
        else if (Settings::instance().firstStart())
            window.documents()->openExample();
        else
            window.documents()->newDocument();
    }
    Settings::instance().setFirstStartDone();
    if (StartupProbe::isRequested())
        new StartupProbe(&window); // bench/system/run.sh: prints when shown, then quits
    window.show();
    return app.exec();
}

} // namespace

int main(int argc, char *argv[])
{
    setApplicationNames();
    if (Kanca::CommandLine::wantsCommand(argumentsOf(argc, argv)))
        return runCommandLine(argc, argv);
    return runDesigner(argc, argv);
}
