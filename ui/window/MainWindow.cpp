#include "window/MainWindow.h"

#include "backtest/BacktestPanel.h"
#include "catcher/CatcherPanel.h"
#include "document/RuleSetDocument.h"
#include "editor/RuleEditor.h"
#include "history/HistoryDatabase.h"
#include "history/HistoryPanel.h"
#include "outbox/OpenStorage.h"
#include "preview/PreviewPanel.h"
#include "problems/ProblemsPanel.h"
#include "rules/RuleListPanel.h"
#include "services/DeliveryService.h"
#include "services/SecretStore.h"
#include "services/TestEndpoints.h"
#include "settings/LanguageManager.h"
#include "settings/Settings.h"
#include "window/Dialogs.h"
#include "window/DocumentController.h"
#include "window/RuleSetSettingsDialog.h"
#include "window/ServerHistoryDialog.h"
#include "window/StorageBanner.h"
#include "window/WebhookSiteDialog.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QFileInfo>
#include <QJsonObject>
#include <QMenuBar>
#include <QMessageBox>
#include <QRegularExpression>
#include <QScreen>
#include <QScrollArea>
#include <QSplitter>
#include <QStatusBar>
#include <QStyle>
#include <QTimer>
#include <QToolBar>
#include <QUndoStack>
#include <QVBoxLayout>

#include <algorithm>

namespace Kanca {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_document(new RuleSetDocument(this))
    , m_deliveries(new DeliveryService(this))
    , m_documents(new DocumentController(m_document, this))
    , m_testEndpoints(new TestEndpoints(&m_deliveries->secrets(), this))
{
    setObjectName(QStringLiteral("mainWindow"));

    m_ruleList = new RuleListPanel(m_document, this);
    m_ruleEditor = new RuleEditor(m_document, this);
    m_ruleEditor->setSecretStore(&m_deliveries->secrets());
    m_ruleEditor->setTestEndpoints(m_testEndpoints);
    m_preview = new PreviewPanel(m_document, m_deliveries, this);
    m_preview->setTestEndpoints(m_testEndpoints);
    m_history = new HistoryPanel(m_deliveries, this);
    m_catcherPanel = new CatcherPanel(m_testEndpoints, m_document, &m_deliveries->secrets(), this);
    m_problems = new ProblemsPanel(m_document, this);
    m_backtest = new BacktestPanel(*m_document, m_deliveries, this);

    // The preview scrolls when the window is low, rather than squeeze its sections (or raise
    // the window's minimum height whenever a result makes them taller).
    m_previewScroll = new QScrollArea(this);
    m_previewScroll->setObjectName(QStringLiteral("previewScroll"));
    m_previewScroll->setWidget(m_preview);
    m_previewScroll->setWidgetResizable(true);
    m_previewScroll->setFrameShape(QFrame::NoFrame);
    m_previewScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);

    // Rules | editor | preview.
    m_workSplitter = new QSplitter(Qt::Horizontal, this);
    m_workSplitter->setObjectName(QStringLiteral("workSplitter"));
    m_workSplitter->addWidget(m_ruleList);
    m_workSplitter->addWidget(m_ruleEditor);
    m_workSplitter->addWidget(m_previewScroll);
    m_workSplitter->setStretchFactor(0, 2);
    m_workSplitter->setStretchFactor(1, 5);
    m_workSplitter->setStretchFactor(2, 4);
    m_workSplitter->setChildrenCollapsible(false);
    // Above the work, while the history cannot be opened or written: why nothing is sent, and
    // a way to resume.
    m_storageBanner = new StorageBanner(m_deliveries, this);
    auto *central = new QWidget(this);
    central->setObjectName(QStringLiteral("centralArea"));
    auto *centralLayout = new QVBoxLayout(central);
    centralLayout->setContentsMargins(0, 0, 0, 0);
    centralLayout->addWidget(m_storageBanner);
    centralLayout->addWidget(m_workSplitter, 1);
    setCentralWidget(central);

    // Below: History, Local Catcher and Problems, tabbed docks. A dock's content never sets
    // the window's height: each can be as low as a few lines, and scrolls.
    const auto dock = [this](const char *name, QWidget *panel) {
        auto *dockWidget = new QDockWidget(this);
        dockWidget->setObjectName(QString::fromLatin1(name));
        auto *scroll = new QScrollArea(dockWidget);
        scroll->setWidget(panel);
        scroll->setWidgetResizable(true);
        scroll->setFrameShape(QFrame::NoFrame);
        dockWidget->setWidget(scroll);
        dockWidget->setFeatures(QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable
                                | QDockWidget::DockWidgetFloatable);
        addDockWidget(Qt::BottomDockWidgetArea, dockWidget);
        return dockWidget;
    };
    setDockOptions(QMainWindow::AnimatedDocks | QMainWindow::AllowTabbedDocks);
    setTabPosition(Qt::BottomDockWidgetArea, QTabWidget::North);
    m_historyDock = dock("historyDock", m_history);
    m_catcherDock = dock("catcherDock", m_catcherPanel);
    m_problemsDock = dock("problemsDock", m_problems);
    m_backtestDock = dock("backtestDock", m_backtest);
    tabifyDockWidget(m_historyDock, m_catcherDock);
    tabifyDockWidget(m_catcherDock, m_problemsDock);
    tabifyDockWidget(m_problemsDock, m_backtestDock);
    m_catcherDock->hide();
    m_historyDock->raise();
    connect(m_testEndpoints, &TestEndpoints::catcherWanted, this, &MainWindow::showCatcherPanel);
    connect(m_problems, &ProblemsPanel::problemActivated, this, &MainWindow::showProblem);
    // An event chosen in a backtest: its rule, previewed with that event and its trace.
    connect(m_backtest, &BacktestPanel::eventChosen, this,
            [this](qsizetype ruleIndex, const QJsonObject &event) {
                m_document->setCurrentRule(ruleIndex);
                m_preview->previewEvent(event);
                m_previewScroll->ensureWidgetVisible(m_preview);
            });
    connect(m_problems, &ProblemsPanel::countChanged, this,
            [this] { m_problemsDock->setWindowTitle(m_problems->title()); });
    connect(m_documents, &DocumentController::message, this,
            [this](const QString &text) { statusBar()->showMessage(text, 20000); });
    connect(m_documents, &DocumentController::problemsToShow, this, [this] {
        m_problemsDock->show();
        m_problemsDock->raise();
    });
    connect(&m_deliveries->secrets(), &SecretStore::keychainError, this,
            [this](const QString &name, const QString &message) {
                // A rule's secret says so beside its field; webhook.site's key has no field.
                if (name == QLatin1StringView(TestEndpoints::ApiKeySecret))
                    statusBar()->showMessage(tr("webhook.site API key: %1").arg(message));
            });
    setMinimumSize(MinimumSize);
    // The last server's password, read from the keychain before it is asked for.
    if (const QString server = Settings::instance().serverHistoryUrl(); !server.isEmpty())
        m_deliveries->secrets().load({DeliveryService::serverPasswordName(server)});

    createActions();
    createMenus();
    retranslateUi();
    restoreLayout();

    connect(m_document, &RuleSetDocument::modifiedChanged, this, &MainWindow::updateTitle);
    connect(m_document, &RuleSetDocument::fileNameChanged, this, &MainWindow::updateTitle);
    connect(m_document, &RuleSetDocument::resetDone, this, &MainWindow::updateTitle);
    connect(m_document, &RuleSetDocument::resetDone, this,
            [this] { m_deliveries->secrets().load(m_document->ruleSet().secretNames()); });
    connect(m_documents, &DocumentController::recentFilesChanged, this,
            &MainWindow::updateRecentFiles);
    connect(&LanguageManager::instance(), &LanguageManager::languageChanged, this,
            [this](Language language) {
                m_english->setChecked(language == Language::English);
                m_turkish->setChecked(language == Language::Turkish);
            });
    updateTitle();
    updateRecentFiles();
}

MainWindow::~MainWindow() = default;

void MainWindow::openHistory(const QString &databasePath)
{
    // A failure is said by the storage banner, until the history opens.
    const QString path = databasePath.isEmpty() ? HistoryDatabase::defaultPath() : databasePath;
    m_deliveries->open(path, nullptr);
}

void MainWindow::openServerHistory()
{
    ServerHistoryDialog dialog(Settings::instance().serverHistoryUrl(), this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    QString error;
    if (!m_deliveries->openServerHistory(dialog.url(), dialog.password(), &error)) {
        Dialogs::warning(this, tr("Open Server History"),
                         tr("The server history cannot be opened: %1").arg(error));
        return;
    }
    Settings::instance().setServerHistoryUrl(dialog.url());
    m_historyDock->show();
    m_historyDock->raise();
    statusBar()->showMessage(
        tr("Showing the history of %1.").arg(OpenStorage::shown(m_deliveries->shownLocation())),
        20000);
}

void MainWindow::editWebhookSiteSettings()
{
    const std::optional<QByteArray> key =
        m_deliveries->secrets().secret(QString::fromLatin1(TestEndpoints::ApiKeySecret));
    WebhookSiteDialog dialog(m_testEndpoints->webhookSite()->baseUrl(),
                             key ? QString::fromUtf8(*key) : QString(), this);
    if (dialog.exec() == QDialog::Accepted)
        m_testEndpoints->setWebhookSiteSettings(dialog.baseUrl(), dialog.apiKey());
}

void MainWindow::createActions()
{
    const auto make = [this](const char *name, QKeySequence shortcut, auto slot) {
        auto *action = new QAction(this);
        action->setObjectName(QString::fromLatin1(name));
        if (!shortcut.isEmpty())
            action->setShortcut(shortcut);
        connect(action, &QAction::triggered, this, slot);
        return action;
    };
    m_new = make("actionNew", QKeySequence::New, [this] { m_documents->newDocument(); });
    m_open = make("actionOpen", QKeySequence::Open, [this] { m_documents->openWithDialog(); });
    m_save = make("actionSave", QKeySequence::Save, [this] { m_documents->save(); });
    m_saveAs = make("actionSaveAs", QKeySequence::SaveAs, [this] { m_documents->saveAs(); });
    // Not every desktop binds Save As; Ctrl+Shift+S is what people expect.
    QList<QKeySequence> saveAsKeys = QKeySequence::keyBindings(QKeySequence::SaveAs);
    if (!saveAsKeys.contains(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S)))
        saveAsKeys.append(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
    m_saveAs->setShortcuts(saveAsKeys);
    m_import = make("actionImport", QKeySequence(Qt::CTRL | Qt::Key_I),
                    [this] { m_documents->importWithDialog(); });
    // Not Ctrl+E: in a line or text field that is "to the end of the line".
    m_export = make("actionExport", QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E),
                    [this] { m_documents->exportWithDialog(); });
    m_openServerHistory = make("actionOpenServerHistory", {}, [this] { openServerHistory(); });
    m_openLocalHistory =
        make("actionOpenLocalHistory", {}, [this] { m_deliveries->showLocalHistory(); });
    m_openLocalHistory->setEnabled(false);
    connect(m_deliveries, &DeliveryService::historyChanged, this,
            [this] { m_openLocalHistory->setEnabled(m_deliveries->showsServerHistory()); });
    m_ruleSetSettings = make("actionRuleSetSettings", {}, [this] { editRuleSetSettings(); });
    m_ruleSetSettings->setIcon(
        QIcon::fromTheme(QStringLiteral("document-properties"),
                         style()->standardIcon(QStyle::SP_FileDialogInfoView)));
    m_quit = make("actionQuit", QKeySequence::Quit, [this] { close(); });

    // Undo and Redo name the step in the interface's language ("Geri Al: Kuralı Sil"), which
    // QUndoStack's own actions cannot.
    QUndoStack *stack = m_document->undoStack();
    m_undo = make("actionUndo", QKeySequence::Undo, [stack] { stack->undo(); });
    m_redo = make("actionRedo", {}, [stack] { stack->redo(); });
    connect(stack, &QUndoStack::canUndoChanged, this, &MainWindow::updateUndoTexts);
    connect(stack, &QUndoStack::canRedoChanged, this, &MainWindow::updateUndoTexts);
    connect(stack, &QUndoStack::undoTextChanged, this, &MainWindow::updateUndoTexts);
    connect(stack, &QUndoStack::redoTextChanged, this, &MainWindow::updateUndoTexts);
    // The platform's Redo keys, plus Ctrl+Y and Ctrl+Shift+Z where the platform has not bound
    // them: a sequence given twice would make the shortcut ambiguous and dead.
    QList<QKeySequence> redoKeys = QKeySequence::keyBindings(QKeySequence::Redo);
    for (const QKeySequence &key :
         {QKeySequence(Qt::CTRL | Qt::Key_Y), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z)}) {
        if (!redoKeys.contains(key))
            redoKeys.append(key);
    }
    m_redo->setShortcuts(redoKeys);

    m_find = make("actionFind", QKeySequence::Find, [this] { m_ruleList->focusFilter(); });
    m_showPreview = make("actionShowPreview", QKeySequence(Qt::CTRL | Qt::Key_P), [this] {
        m_preview->show();
        m_preview->setFocus(Qt::ShortcutFocusReason);
    });
    m_showHistory = m_historyDock->toggleViewAction();
    m_showHistory->setObjectName(QStringLiteral("actionShowHistory"));
    m_showHistory->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_H));

    m_showCatcher = m_catcherDock->toggleViewAction();
    m_showCatcher->setObjectName(QStringLiteral("actionShowCatcher"));
    m_showCatcher->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_K));
    m_showProblems = m_problemsDock->toggleViewAction();
    m_showProblems->setObjectName(QStringLiteral("actionShowProblems"));
    m_showBacktest = m_backtestDock->toggleViewAction();
    m_showBacktest->setObjectName(QStringLiteral("actionShowBacktest"));
    m_showBacktest->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_B));
    m_webhookSiteSettings =
        make("actionWebhookSiteSettings", {}, [this] { editWebhookSiteSettings(); });

    m_languages = new QActionGroup(this);
    m_english = make("actionEnglish", {}, [] {
        LanguageManager::instance().setLanguage(Language::English);
        Settings::instance().setLanguage(Language::English);
    });
    m_turkish = make("actionTurkish", {}, [] {
        LanguageManager::instance().setLanguage(Language::Turkish);
        Settings::instance().setLanguage(Language::Turkish);
    });
    for (QAction *action : {m_english, m_turkish}) {
        action->setCheckable(true);
        m_languages->addAction(action);
    }
    // Each language is named in itself, so that anyone can find their own.
    m_english->setText(QStringLiteral("English"));
    m_turkish->setText(QStringLiteral("Türkçe"));
    const Language language = LanguageManager::instance().language();
    m_english->setChecked(language == Language::English);
    m_turkish->setChecked(language == Language::Turkish);

    m_about = make("actionAbout", {}, [this] {
        QMessageBox::about(this, tr("About Kanca"),
                           tr("Kanca %1\n\nDesign, test and ship webhook rules.")
                               .arg(QApplication::applicationVersion()));
    });
}

void MainWindow::createMenus()
{
    m_fileMenu = menuBar()->addMenu(QString());
    m_fileMenu->addActions({m_new, m_open});
    m_recentMenu = m_fileMenu->addMenu(QString());
    m_fileMenu->addSeparator();
    m_fileMenu->addActions({m_save, m_saveAs});
    m_fileMenu->addSeparator();
    m_fileMenu->addAction(m_ruleSetSettings);
    m_fileMenu->addSeparator();
    m_fileMenu->addActions({m_import, m_export});
    m_fileMenu->addSeparator();
    m_fileMenu->addActions({m_openServerHistory, m_openLocalHistory});
    m_fileMenu->addSeparator();
    m_fileMenu->addAction(m_quit);

    m_editMenu = menuBar()->addMenu(QString());
    m_editMenu->addActions({m_undo, m_redo});
    m_editMenu->addSeparator();
    m_editMenu->addActions({m_ruleList->addRuleAction(), m_ruleList->duplicateRuleAction(),
                            m_ruleList->deleteRuleAction()});
    m_editMenu->addSeparator();
    m_editMenu->addAction(m_find);

    m_ruleMenu = menuBar()->addMenu(QString());
    m_ruleMenu->addActions({m_preview->sendTestAction(), m_showPreview});
    m_ruleMenu->addSeparator();
    m_ruleMenu->addActions({m_history->resendAction(), m_history->copyCurlAction()});
    m_ruleMenu->addSeparator();
    m_ruleMenu->addAction(m_webhookSiteSettings);

    m_viewMenu = menuBar()->addMenu(QString());
    m_viewMenu->addActions({m_showHistory, m_showCatcher, m_showProblems, m_showBacktest});
    m_languageMenu = m_viewMenu->addMenu(QString());
    m_languageMenu->addActions({m_english, m_turkish});

    m_helpMenu = menuBar()->addMenu(QString());
    m_helpMenu->addAction(m_about);

    // What is used most, one click away.
    m_toolBar = addToolBar(QString());
    m_toolBar->setObjectName(QStringLiteral("mainToolBar"));
    m_toolBar->setMovable(false);
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_new->setIcon(QIcon::fromTheme(QStringLiteral("document-new"),
                                    style()->standardIcon(QStyle::SP_FileIcon)));
    m_open->setIcon(QIcon::fromTheme(QStringLiteral("document-open"),
                                     style()->standardIcon(QStyle::SP_DialogOpenButton)));
    m_save->setIcon(QIcon::fromTheme(QStringLiteral("document-save"),
                                     style()->standardIcon(QStyle::SP_DialogSaveButton)));
    m_toolBar->addActions({m_new, m_open, m_save});
    m_toolBar->addSeparator();
    m_toolBar->addAction(m_ruleSetSettings);
    m_toolBar->addSeparator();
    m_toolBar->addAction(m_preview->sendTestAction());

    // The window itself carries the actions too, so their shortcuts work wherever the focus is
    // in the window, whether or not the menu bar is shown.
    for (QMenu *menu : {m_fileMenu, m_editMenu, m_ruleMenu, m_viewMenu}) {
        for (QAction *action : menu->actions()) {
            if (!action->isSeparator() && !action->menu())
                addAction(action);
        }
    }
}

void MainWindow::retranslateUi()
{
    m_fileMenu->setTitle(tr("&File"));
    m_recentMenu->setTitle(tr("Open &Recent"));
    m_editMenu->setTitle(tr("&Edit"));
    m_ruleMenu->setTitle(tr("&Rule"));
    m_viewMenu->setTitle(tr("&View"));
    m_languageMenu->setTitle(tr("&Language"));
    m_helpMenu->setTitle(tr("&Help"));

    m_new->setText(tr("&New"));
    m_open->setText(tr("&Open…"));
    m_save->setText(tr("&Save"));
    m_saveAs->setText(tr("Save &As…"));
    m_import->setText(tr("&Import Rules…"));
    m_export->setText(tr("&Export for Server…"));
    m_export->setToolTip(tr("Write the rule set for the server that runs it, after checking it"));
    m_openServerHistory->setText(tr("Open Server &History…"));
    m_openServerHistory->setToolTip(
        tr("Shows the history of the servers that share a PostgreSQL database"));
    m_openLocalHistory->setText(tr("Open &Local History"));
    m_openLocalHistory->setToolTip(tr("Shows this computer's history again"));
    m_ruleSetSettings->setText(tr("Rule Set &Settings…"));
    m_ruleSetSettings->setToolTip(
        tr("The rule set's name, description and the language its text comparisons use"));
    m_toolBar->setWindowTitle(tr("Toolbar"));
    m_quit->setText(tr("&Quit"));
    m_find->setText(tr("&Find Rule"));
    m_showPreview->setText(tr("Show &Preview"));
    m_showHistory->setText(tr("Show &History"));
    m_showCatcher->setText(tr("Show Local &Catcher"));
    m_showProblems->setText(tr("Show P&roblems"));
    m_showBacktest->setText(tr("Show &Backtest"));
    m_backtestDock->setWindowTitle(tr("Backtest"));
    m_historyDock->setWindowTitle(tr("History"));
    m_catcherDock->setWindowTitle(tr("Local Catcher"));
    m_problemsDock->setWindowTitle(m_problems->title());
    m_webhookSiteSettings->setText(tr("&webhook.site Settings…"));
    m_about->setText(tr("&About Kanca"));
    m_ruleList->setAccessibleName(tr("Rules"));
    m_ruleEditor->setAccessibleName(tr("Rule editor"));
    m_preview->setAccessibleName(tr("Preview"));
    m_history->setAccessibleName(tr("History"));
    updateUndoTexts();
    updateTitle();
    updateRecentFiles();
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QMainWindow::changeEvent(event);
}

void MainWindow::updateTitle()
{
    setWindowModified(m_document->isModified());
    setWindowTitle(tr("%1[*] — Kanca").arg(m_document->displayName()));
}

void MainWindow::updateRecentFiles()
{
    if (!m_recentMenu)
        return;
    m_recentMenu->clear();
    const QStringList files = m_documents->recentFiles();
    for (const QString &file : files) {
        QAction *action = m_recentMenu->addAction(QFileInfo(file).fileName());
        action->setToolTip(file);
        connect(action, &QAction::triggered, this, [this, file] {
            if (!QFileInfo::exists(file)) {
                Settings::instance().removeRecentFile(file);
                updateRecentFiles();
            }
            m_documents->open(file);
        });
    }
    m_recentMenu->setEnabled(!files.isEmpty());
}

void MainWindow::saveLayout()
{
    Settings &settings = Settings::instance();
    settings.setWindowGeometry(saveGeometry());
    settings.setWindowState(saveState());
    settings.setSplitterState(QStringLiteral("work"), m_workSplitter->saveState());
    settings.setSplitterState(QStringLiteral("preview"), m_preview->saveState());
    settings.setSplitterState(QStringLiteral("history"), m_history->saveState());
}

void MainWindow::restoreLayout()
{
    const Settings &settings = Settings::instance();
    if (!restoreGeometry(settings.windowGeometry()))
        resize(1440, 900);
    fitToScreen();
    if (!restoreState(settings.windowState())) {
        // Low at first, so that the editor keeps most of a laptop's height; dragged higher at
        // will. Once the window is laid out: before, the docks have no height to share.
        QTimer::singleShot(0, this, [this] {
            resizeDocks({m_historyDock}, {fontMetrics().height() * 9}, Qt::Vertical);
        });
    }
    m_workSplitter->restoreState(settings.splitterState(QStringLiteral("work")));
    m_preview->restoreState(settings.splitterState(QStringLiteral("preview")));
    m_history->restoreState(settings.splitterState(QStringLiteral("history")));
}

void MainWindow::fitToScreen()
{
    // A geometry remembered on a larger screen (or the default) is brought within this one:
    // no larger than its free area (less room for the frame), and placed inside it.
    QScreen *screen = this->screen() ? this->screen() : QGuiApplication::primaryScreen();
    if (!screen)
        return;
    const QRect available = screen->availableGeometry();
    const QSize frame(16, 48); // title bar and borders, which geometry() leaves out
    const QSize room = (available.size() - frame).expandedTo(minimumSize());
    QRect geometry = this->geometry();
    geometry.setSize(geometry.size().boundedTo(room));
    geometry.moveLeft(std::clamp(geometry.left(), available.left(),
                                 std::max(available.left(), available.right() - geometry.width())));
    geometry.moveTop(std::clamp(geometry.top(), available.top() + frame.height() - 8,
                                std::max(available.top(), available.bottom() - geometry.height())));
    if (isMaximized() || isFullScreen())
        return;
    setGeometry(geometry);
}

void MainWindow::updateUndoTexts()
{
    const QUndoStack *stack = m_document->undoStack();
    m_undo->setEnabled(stack->canUndo());
    m_redo->setEnabled(stack->canRedo());
    m_undo->setText(stack->canUndo() ? tr("&Undo %1").arg(stack->undoText()) : tr("&Undo"));
    m_redo->setText(stack->canRedo() ? tr("&Redo %1").arg(stack->redoText()) : tr("&Redo"));
}

void MainWindow::showCatcherPanel()
{
    m_catcherDock->show();
    m_catcherDock->raise();
}

void MainWindow::editRuleSetSettings()
{
    RuleSetSettingsDialog dialog(m_document->ruleSet(), this);
    if (dialog.exec() == QDialog::Accepted)
        m_document->setProperties(dialog.name(), dialog.description(), dialog.locale());
}

void MainWindow::showProblem(const QString &pointer)
{
    static const QRegularExpression rule(QStringLiteral("^/rules/([0-9]+)(/|$)"));
    const QRegularExpressionMatch match = rule.match(pointer);
    const qsizetype index = match.hasMatch() ? match.captured(1).toLongLong() : -1;
    if (index < 0 || index >= m_document->ruleCount()) {
        editRuleSetSettings(); // the set's own name or language
        return;
    }
    m_document->setCurrentRule(index);
    m_ruleEditor->focusProblem(pointer);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!m_documents->maybeSave()) {
        event->ignore();
        return;
    }
    saveLayout();
    event->accept();
}

} // namespace Kanca
