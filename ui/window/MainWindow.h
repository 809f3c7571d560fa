#pragma once

#include <QMainWindow>

class QAction;
class QDockWidget;
class QActionGroup;
class QMenu;
class QScrollArea;
class QSplitter;
class QToolBar;

namespace Kanca {

class CatcherPanel;
class DeliveryService;
class DocumentController;
class HistoryPanel;
class PreviewPanel;
class BacktestPanel;
class ProblemsPanel;
class RuleEditor;
class RuleListPanel;
class RuleSetDocument;
class StorageBanner;
class TestEndpoints;

// The designer's window. It only composes: the rule list, the rule editor and the preview side
// by side (the preview scrolls rather than squeeze), and below them the History, Local Catcher
// and Problems panels as tabbed docks; the File menu's work is DocumentController's. Above the
// work, while the history cannot be opened or written, the storage banner says why nothing is
// sent. It opens within the screen, never grows by itself, and fits a 1280×720 screen.
class MainWindow final : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    RuleSetDocument *document() const { return m_document; }
    DocumentController *documents() const { return m_documents; }
    DeliveryService *deliveries() const { return m_deliveries; }
    TestEndpoints *testEndpoints() const { return m_testEndpoints; }
    CatcherPanel *catcherPanel() const { return m_catcherPanel; }
    QDockWidget *catcherDock() const { return m_catcherDock; }
    QDockWidget *historyDock() const { return m_historyDock; }
    QDockWidget *problemsDock() const { return m_problemsDock; }
    ProblemsPanel *problemsPanel() const { return m_problems; }
    BacktestPanel *backtestPanel() const { return m_backtest; }
    // Shown while the history cannot be opened or written.
    StorageBanner *storageBanner() const { return m_storageBanner; }
    QDockWidget *backtestDock() const { return m_backtestDock; }
    // Asks for webhook.site's address and API key, and keeps them.
    void editWebhookSiteSettings();
    // Asks for the rule set's name, description and comparison language (one undo step).
    void editRuleSetSettings();
    // Shows the rule and focuses the field a problem's JSON pointer is about.
    void showProblem(const QString &pointer);

    // The smallest size the window may have: it fits a 1280×720 screen with room for the
    // window's frame and a panel of the desktop.
    static constexpr QSize MinimumSize{1000, 560};

    // Opens the history database given (or the default one); the storage banner says so if not.
    void openHistory(const QString &databasePath);
    // File ▸ Open Server History…: asks for a server's PostgreSQL URL and shows its history in
    // the History panel; says why if it cannot be opened (the history shown stays as it was).
    void openServerHistory();

protected:
    void closeEvent(QCloseEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void createActions();
    void createMenus();
    void retranslateUi();
    void updateTitle();
    void updateRecentFiles();
    void saveLayout();
    void restoreLayout();
    void fitToScreen();
    void updateUndoTexts();
    void showCatcherPanel();

    RuleSetDocument *m_document;
    DeliveryService *m_deliveries;
    DocumentController *m_documents;
    TestEndpoints *m_testEndpoints;

    RuleListPanel *m_ruleList;
    RuleEditor *m_ruleEditor;
    PreviewPanel *m_preview;
    QScrollArea *m_previewScroll;
    HistoryPanel *m_history;
    CatcherPanel *m_catcherPanel;
    ProblemsPanel *m_problems;
    BacktestPanel *m_backtest;
    QDockWidget *m_historyDock;
    QDockWidget *m_catcherDock;
    QDockWidget *m_problemsDock;
    QDockWidget *m_backtestDock;
    QSplitter *m_workSplitter;
    StorageBanner *m_storageBanner;
    QToolBar *m_toolBar = nullptr;

    QMenu *m_fileMenu = nullptr;
    QMenu *m_recentMenu = nullptr;
    QMenu *m_editMenu = nullptr;
    QMenu *m_ruleMenu = nullptr;
    QMenu *m_viewMenu = nullptr;
    QMenu *m_languageMenu = nullptr;
    QMenu *m_helpMenu = nullptr;

    QAction *m_new = nullptr;
    QAction *m_open = nullptr;
    QAction *m_save = nullptr;
    QAction *m_saveAs = nullptr;
    QAction *m_import = nullptr;
    QAction *m_export = nullptr;
    QAction *m_openServerHistory = nullptr;
    QAction *m_openLocalHistory = nullptr;
    QAction *m_quit = nullptr;
    QAction *m_undo = nullptr;
    QAction *m_redo = nullptr;
    QAction *m_find = nullptr;
    QAction *m_showPreview = nullptr;
    QAction *m_showHistory = nullptr;
    QAction *m_showCatcher = nullptr;
    QAction *m_showProblems = nullptr;
    QAction *m_showBacktest = nullptr;
    QAction *m_ruleSetSettings = nullptr;
    QAction *m_webhookSiteSettings = nullptr;
    QAction *m_english = nullptr;
    QAction *m_turkish = nullptr;
    QAction *m_about = nullptr;
    QActionGroup *m_languages = nullptr;
};

} // namespace Kanca
