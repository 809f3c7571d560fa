#include "Designer.h"

#include "StartupProbe.h"
#include "settings/LanguageManager.h"
#include "settings/Settings.h"
#include "window/DocumentController.h"
#include "window/MainWindow.h"

#include <QApplication>
#include <QIcon>

namespace Kanca::Designer {

namespace {

// The hook at every size the resources hold (rendered from
// resources/icons/io.github.kanca.Kanca.svg: Qt's SVG image plugin is not always installed, PNG
// always reads). Every window and dialog inherits it.
QIcon applicationIcon()
{
    QIcon icon;
    for (const int size : {16, 24, 32, 48, 64, 128, 256})
        icon.addFile(QStringLiteral(":/icons/%1x%1/apps/io.github.kanca.Kanca.png").arg(size),
                     QSize(size, size));
    return icon;
}

} // namespace

int run(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationDisplayName(QStringLiteral("Kanca"));
    QApplication::setWindowIcon(applicationIcon());
    // The desktop entry's id: the window is matched to its menu entry and icon.
    QGuiApplication::setDesktopFileName(QStringLiteral("io.github.kanca.Kanca"));
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

} // namespace Kanca::Designer
