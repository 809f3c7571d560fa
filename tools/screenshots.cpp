// Takes the README's screenshots of the designer: the bundled example open, the "VIP to Slack"
// rule selected, in English and in Turkish; and a test send of the signed "score reached" rule
// to the local catcher, with what arrived beside what was sent. Runs offscreen:
//   QT_QPA_PLATFORM=offscreen build/tools/kanca_screenshots docs/screenshots
#include "action/WebhookActionEditor.h"
#include "document/RuleSetDocument.h"
#include "preview/ComparisonView.h"
#include "preview/PreviewPanel.h"
#include "settings/LanguageManager.h"
#include "settings/Settings.h"
#include "window/DocumentController.h"
#include "window/MainWindow.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QSplitter>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextStream>
#include <QToolButton>
#include <QUndoStack>

using namespace Kanca;

namespace {

void settle(int ms)
{
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < ms)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
}

// Sends the signed rule to the local catcher and waits for the comparison; then takes the
// window with what arrived beside what was sent, and the Local Catcher panel on its own.
bool takeComparison(MainWindow &window, const QString &comparisonFile, const QString &catcherFile)
{
    RuleSetDocument *document = window.document();
    document->setCurrentRule(document->indexOfRule(QStringLiteral("score-reached-signed")));
    window.resize(1680, 1050);
    window.show();
    settle(300);
    window.findChild<QAction *>(QStringLiteral("actionShowHistory"))->trigger(); // for room
    for (WebhookActionEditor *editor : window.findChildren<WebhookActionEditor *>()) {
        if (editor->isVisible())
            editor->catcherButton()->click();
    }
    auto *preview = window.findChild<PreviewPanel *>();
    preview->sendTestAction()->trigger();
    QElapsedTimer clock;
    clock.start();
    while (!preview->comparisonView()->summaryText().startsWith(u'✓') && clock.elapsed() < 10000)
        settle(50);
    settle(300);
    QDockWidget *dock = window.catcherDock();
    dock->resize(1680, 360);
    if (!dock->grab().save(catcherFile))
        return false;
    dock->hide();
    if (auto *work = window.findChild<QSplitter *>(QStringLiteral("workSplitter")))
        work->setSizes({240, 560, 880});
    if (auto *sections = window.findChild<QSplitter *>(QStringLiteral("previewSplitter")))
        sections->setSizes({80, 60, 150, 900});
    settle(300);
    return window.grab().save(comparisonFile);
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

    LanguageManager::instance().setLanguage(Language::English);
    qputenv("KANCA_SECRET_KANCA_SIGNING_SECRET", "whsec_" + QByteArray("demo key").toBase64());
    MainWindow window;
    window.openHistory(work.filePath(QStringLiteral("history.sqlite")));
    window.documents()->open(
        QStringLiteral(KANCA_SOURCE_DIR "/resources/examples/supsis-examples.kanca.json"));
    const QString comparison = outputDir + QStringLiteral("/comparison-en.png");
    const QString catcher = outputDir + QStringLiteral("/catcher-en.png");
    if (!takeComparison(window, comparison, catcher)) {
        out << "cannot write " << comparison << " or " << catcher << Qt::endl;
        return 1;
    }
    out << comparison << Qt::endl << catcher << Qt::endl;
    window.document()->undoStack()->setClean();
    return 0;
}
