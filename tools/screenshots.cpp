// Takes the README's screenshots of the designer at 1366×768, a common laptop screen: the
// bundled example open, the "VIP to Slack" rule selected, in English and in Turkish; the same in
// a dark theme with the Problems panel showing a problem; a test send of the signed "score
// reached" rule to the local catcher, with what arrived beside what was sent; and the Backtest
// panel in Turkish, the example with an edit run over the shipped events. Runs offscreen:
//   QT_QPA_PLATFORM=offscreen build/tools/kanca_screenshots docs/screenshots
#include "action/WebhookActionEditor.h"
#include "backtest/BacktestPanel.h"
#include "document/RuleSetDocument.h"
#include "model/WebhookAction.h"
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
#include <QPalette>
#include <QSplitter>
#include <QStandardPaths>
#include <QStyleFactory>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTextStream>
#include <QToolButton>
#include <QUndoStack>

#include <algorithm>

using namespace Kanca;

namespace {

constexpr int Width = 1366;
constexpr int Height = 768;

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
    window.resize(Width, Height);
    window.show();
    settle(300);
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
    dock->raise();
    settle(300);
    if (!dock->grab().save(catcherFile))
        return false;
    // For room: the panels below are closed, and the preview's result gets most of its height.
    for (QDockWidget *below : {window.historyDock(), window.catcherDock(), window.problemsDock()})
        below->hide();
    if (auto *sections = window.findChild<QSplitter *>(QStringLiteral("previewSplitter")))
        sections->setSizes({80, 60, 150, 900});
    settle(300);
    return window.grab().save(comparisonFile);
}

// The Backtest panel in Turkish: the example with "destek" taken out of the support rule (an
// edit, not saved) run over resources/examples/events.jsonl against the saved file; the support
// rule's change is selected, its events that no longer match listed beside.
bool takeBacktest(MainWindow &window, const QString &file)
{
    RuleSetDocument *document = window.document();
    const qsizetype support = document->indexOfRule(QStringLiteral("support-to-tickets"));
    Rule rule = document->rule(support);
    std::vector<Condition> &any = rule.condition->children;
    any.erase(std::remove_if(any.begin(), any.end(),
                             [](const Condition &c) {
                                 return c.value.toString() == QStringLiteral("destek");
                             }),
              any.end());
    document->changeRule(support, rule, QStringLiteral("Remove destek"));
    document->setCurrentRule(support);
    window.resize(Width, Height);
    window.show();
    QDockWidget *dock = window.backtestDock();
    dock->show();
    dock->raise();
    settle(300); // the window's own first height of the docks comes once it is laid out
    window.resizeDocks({dock}, {340}, Qt::Vertical);
    BacktestPanel *panel = window.backtestPanel();
    bool finished = false;
    QObject::connect(panel, &BacktestPanel::runFinished, panel, [&finished] { finished = true; });
    panel->loadEventsFile(QStringLiteral(KANCA_SOURCE_DIR "/resources/examples/events.jsonl"));
    QElapsedTimer clock;
    clock.start();
    while ((!finished || panel->isRunning()) && clock.elapsed() < 30000)
        settle(50);
    if (panel->report().changedRules() == 0)
        return false;
    if (auto *rules = panel->findChild<QTableWidget *>(QStringLiteral("backtestRules")))
        rules->selectRow(int(support));
    settle(500);
    const bool saved = window.grab().save(file);
    document->undoStack()->setClean();
    return saved;
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
        window.resize(Width, Height);
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

    // A dark theme, with the Problems panel showing what a rule without a URL yet looks like.
    {
        LanguageManager::instance().setLanguage(Language::English);
        const QPalette light = QApplication::palette();
        QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
        QPalette dark;
        dark.setColor(QPalette::Window, QColor(0x2b, 0x2d, 0x30));
        dark.setColor(QPalette::WindowText, QColor(0xe6, 0xe6, 0xe6));
        dark.setColor(QPalette::Base, QColor(0x1e, 0x1f, 0x22));
        dark.setColor(QPalette::AlternateBase, QColor(0x26, 0x28, 0x2b));
        dark.setColor(QPalette::Text, QColor(0xe6, 0xe6, 0xe6));
        dark.setColor(QPalette::PlaceholderText, QColor(0x9a, 0x9a, 0x9a));
        dark.setColor(QPalette::Button, QColor(0x3c, 0x3f, 0x41));
        dark.setColor(QPalette::ButtonText, QColor(0xe6, 0xe6, 0xe6));
        dark.setColor(QPalette::Highlight, QColor(0x35, 0x74, 0xf0));
        dark.setColor(QPalette::HighlightedText, Qt::white);
        dark.setColor(QPalette::ToolTipBase, QColor(0x3c, 0x3f, 0x41));
        dark.setColor(QPalette::ToolTipText, QColor(0xe6, 0xe6, 0xe6));
        dark.setColor(QPalette::Link, QColor(0x6c, 0xa0, 0xff));
        dark.setColor(QPalette::Disabled, QPalette::Text, QColor(0x80, 0x80, 0x80));
        dark.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0x80, 0x80, 0x80));
        dark.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0x80, 0x80, 0x80));
        QApplication::setPalette(dark);
        MainWindow window;
        window.openHistory(work.filePath(QStringLiteral("history.sqlite")));
        window.documents()->open(
            QStringLiteral(KANCA_SOURCE_DIR "/resources/examples/supsis-examples.kanca.json"));
        RuleSetDocument *document = window.document();
        const qsizetype index = document->indexOfRule(QStringLiteral("score-reached-signed"));
        Rule rule = document->rule(index);
        std::get<WebhookAction>(rule.actions[0]).url = QStringLiteral("https://");
        document->changeRule(index, rule, QStringLiteral("Change URL"));
        document->setCurrentRule(document->indexOfRule(QStringLiteral("vip-to-slack")));
        window.resize(Width, Height);
        window.show();
        window.problemsDock()->show();
        window.problemsDock()->raise();
        settle(800);
        const QString file = outputDir + QStringLiteral("/main-dark-en.png");
        if (!window.grab().save(file)) {
            out << "cannot write " << file << Qt::endl;
            return 1;
        }
        out << file << Qt::endl;
        document->undoStack()->setClean();
        QApplication::setPalette(light);
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

    LanguageManager::instance().setLanguage(Language::Turkish);
    MainWindow turkish;
    turkish.openHistory(work.filePath(QStringLiteral("history.sqlite")));
    turkish.documents()->open(
        QStringLiteral(KANCA_SOURCE_DIR "/resources/examples/supsis-examples.kanca.json"));
    const QString backtest = outputDir + QStringLiteral("/backtest-tr.png");
    if (!takeBacktest(turkish, backtest)) {
        out << "cannot write " << backtest << " (or the run changed nothing)" << Qt::endl;
        return 1;
    }
    out << backtest << Qt::endl;
    return 0;
}
