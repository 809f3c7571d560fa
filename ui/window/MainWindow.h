#pragma once

#include <QMainWindow>

class QAction;
class QDockWidget;
class QActionGroup;
class QMenu;
class QSplitter;

namespace Kanca {

class CatcherPanel;
class DeliveryService;
class DocumentController;
class HistoryPanel;
class PreviewPanel;
class RuleEditor;
class RuleListPanel;
class RuleSetDocument;
class TestEndpoints;

// The designer's window. It only composes: the rule list, the rule editor, the preview and the
// history are panels of their own; the File menu's work is DocumentController's.
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
    // Asks for webhook.site's address and API key, and keeps them.
    void editWebhookSiteSettings();

    // Opens the history database given (or the default one); says in the status bar if not.
    void openHistory(const QString &databasePath);

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

    RuleSetDocument *m_document;
    DeliveryService *m_deliveries;
    DocumentController *m_documents;
    TestEndpoints *m_testEndpoints;

    RuleListPanel *m_ruleList;
    RuleEditor *m_ruleEditor;
    PreviewPanel *m_preview;
    HistoryPanel *m_history;
    CatcherPanel *m_catcherPanel;
    QDockWidget *m_catcherDock;
    QSplitter *m_mainSplitter;
    QSplitter *m_workSplitter;

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
    QAction *m_quit = nullptr;
    QAction *m_undo = nullptr;
    QAction *m_redo = nullptr;
    QAction *m_find = nullptr;
    QAction *m_showPreview = nullptr;
    QAction *m_showHistory = nullptr;
    QAction *m_showCatcher = nullptr;
    QAction *m_webhookSiteSettings = nullptr;
    QAction *m_english = nullptr;
    QAction *m_turkish = nullptr;
    QAction *m_about = nullptr;
    QActionGroup *m_languages = nullptr;
};

} // namespace Kanca
