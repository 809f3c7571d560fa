#include "window/MainWindow.h"

#include "catcher/CatcherPanel.h"
#include "document/RuleSetDocument.h"
#include "editor/RuleEditor.h"
#include "history/HistoryDatabase.h"
#include "history/HistoryPanel.h"
#include "preview/PreviewPanel.h"
#include "rules/RuleListPanel.h"
#include "services/DeliveryService.h"
#include "services/TestEndpoints.h"
#include "settings/LanguageManager.h"
#include "settings/Settings.h"
#include "window/DocumentController.h"
#include "window/WebhookSiteDialog.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QFileInfo>
#include <QMenuBar>
#include <QMessageBox>
#include <QSplitter>
#include <QStatusBar>
#include <QUndoStack>

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

    // Rules | editor | preview above; the history below.
    m_workSplitter = new QSplitter(Qt::Horizontal, this);
    m_workSplitter->setObjectName(QStringLiteral("workSplitter"));
    m_workSplitter->addWidget(m_ruleList);
    m_workSplitter->addWidget(m_ruleEditor);
    m_workSplitter->addWidget(m_preview);
    m_workSplitter->setStretchFactor(0, 2);
    m_workSplitter->setStretchFactor(1, 5);
    m_workSplitter->setStretchFactor(2, 4);
    m_workSplitter->setChildrenCollapsible(false);

    m_mainSplitter = new QSplitter(Qt::Vertical, this);
    m_mainSplitter->setObjectName(QStringLiteral("mainSplitter"));
    m_mainSplitter->addWidget(m_workSplitter);
    m_mainSplitter->addWidget(m_history);
    m_mainSplitter->setStretchFactor(0, 3);
    m_mainSplitter->setStretchFactor(1, 1);
    setCentralWidget(m_mainSplitter);

    // The local catcher: a dock below everything, shown when the catcher starts.
    m_catcherDock = new QDockWidget(this);
    m_catcherDock->setObjectName(QStringLiteral("catcherDock"));
    m_catcherDock->setWidget(m_catcherPanel);
    addDockWidget(Qt::BottomDockWidgetArea, m_catcherDock);
    m_catcherDock->hide();
    connect(m_testEndpoints, &TestEndpoints::catcherStarted, m_catcherDock, &QDockWidget::show);

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
    QString error;
    const QString path = databasePath.isEmpty() ? HistoryDatabase::defaultPath() : databasePath;
    if (!m_deliveries->open(path, &error))
        statusBar()->showMessage(tr("The history cannot be opened: %1").arg(error));
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
    m_export = make("actionExport", QKeySequence(Qt::CTRL | Qt::Key_E),
                    [this] { m_documents->exportWithDialog(); });
    m_quit = make("actionQuit", QKeySequence::Quit, [this] { close(); });

    m_undo = m_document->undoStack()->createUndoAction(this);
    m_undo->setObjectName(QStringLiteral("actionUndo"));
    m_undo->setShortcut(QKeySequence::Undo);
    m_redo = m_document->undoStack()->createRedoAction(this);
    m_redo->setObjectName(QStringLiteral("actionRedo"));
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
    m_showHistory = make("actionShowHistory", QKeySequence(Qt::CTRL | Qt::Key_H),
                         [this] { m_history->setVisible(!m_history->isVisible()); });
    m_showHistory->setCheckable(true);
    m_showHistory->setChecked(true);

    m_showCatcher = m_catcherDock->toggleViewAction();
    m_showCatcher->setObjectName(QStringLiteral("actionShowCatcher"));
    m_showCatcher->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_K));
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
    m_fileMenu->addActions({m_import, m_export});
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
    m_viewMenu->addActions({m_showHistory, m_showCatcher});
    m_languageMenu = m_viewMenu->addMenu(QString());
    m_languageMenu->addActions({m_english, m_turkish});

    m_helpMenu = menuBar()->addMenu(QString());
    m_helpMenu->addAction(m_about);

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
    m_quit->setText(tr("&Quit"));
    m_find->setText(tr("&Find Rule"));
    m_showPreview->setText(tr("Show &Preview"));
    m_showHistory->setText(tr("Show &History"));
    m_showCatcher->setText(tr("Show Local &Catcher"));
    m_catcherDock->setWindowTitle(tr("Local Catcher"));
    m_webhookSiteSettings->setText(tr("&webhook.site Settings…"));
    m_about->setText(tr("&About Kanca"));
    m_ruleList->setAccessibleName(tr("Rules"));
    m_ruleEditor->setAccessibleName(tr("Rule editor"));
    m_preview->setAccessibleName(tr("Preview"));
    m_history->setAccessibleName(tr("History"));
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
    settings.setSplitterState(QStringLiteral("main"), m_mainSplitter->saveState());
    settings.setSplitterState(QStringLiteral("work"), m_workSplitter->saveState());
    settings.setSplitterState(QStringLiteral("preview"), m_preview->saveState());
    settings.setSplitterState(QStringLiteral("history"), m_history->saveState());
}

void MainWindow::restoreLayout()
{
    const Settings &settings = Settings::instance();
    if (!restoreGeometry(settings.windowGeometry()))
        resize(1440, 900);
    restoreState(settings.windowState());
    m_mainSplitter->restoreState(settings.splitterState(QStringLiteral("main")));
    m_workSplitter->restoreState(settings.splitterState(QStringLiteral("work")));
    m_preview->restoreState(settings.splitterState(QStringLiteral("preview")));
    m_history->restoreState(settings.splitterState(QStringLiteral("history")));
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
