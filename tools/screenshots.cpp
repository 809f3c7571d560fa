// Takes the README's screenshots of the designer: the bundled example open, the "VIP to Slack"
// rule selected, in English and in Turkish. Runs offscreen:
//   QT_QPA_PLATFORM=offscreen build/tools/kanca_screenshots docs/screenshots
#include "app/DocumentController.h"
#include "app/LanguageManager.h"
#include "app/MainWindow.h"
#include "app/Settings.h"
#include "document/RuleSetDocument.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextStream>

using namespace Kanca;

namespace {

void settle(int ms)
{
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < ms)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication::setApplicationName(QStringLiteral("Kanca"));
    QCoreApplication::setOrganizationName(QStringLiteral("Kanca"));
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    const QString outputDir = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QStringLiteral(".");
    QDir().mkpath(outputDir);
    QTemporaryDir work;
    Settings::useTemporaryFile(work.filePath(QStringLiteral("settings.ini")));

    QTextStream out(stdout);
    for (const Language language : {Language::English, Language::Turkish}) {
        LanguageManager::instance().setLanguage(language);
        MainWindow window;
        window.openHistory(work.filePath(QStringLiteral("history.sqlite")));
        window.documents()->open(
            QStringLiteral(KANCA_SOURCE_DIR "/resources/examples/supsis-examples.kanca.json"));
        RuleSetDocument *document = window.document();
        document->setCurrentRule(document->indexOfRule(QStringLiteral("vip-to-slack")));
        window.resize(1680, 1050);
        window.show();
        settle(800);
        const QString file =
            outputDir + QStringLiteral("/main-") + languageCode(language) + QStringLiteral(".png");
        if (!window.grab().save(file)) {
            out << "cannot write " << file << Qt::endl;
            return 1;
        }
        out << file << Qt::endl;
    }
    return 0;
}
