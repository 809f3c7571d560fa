#include "Designer.h"

#include "StartupProbe.h"
#include "settings/LanguageManager.h"
#include "settings/Settings.h"
#include "window/DocumentController.h"
#include "window/MainWindow.h"

#include <QApplication>

namespace Kanca::Designer {

int run(int argc, char *argv[])
{
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

} // namespace Kanca::Designer
