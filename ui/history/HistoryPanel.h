#pragma once

#include <QWidget>

class QAction;
class QComboBox;
class QLabel;
class QSplitter;
class QStackedWidget;
class QTableView;
class QToolButton;

namespace Kanca {

class DeliveryService;
class HistoryDetailView;
class HistoryFilterBar;
class HistoryTableModel;

// The history: filters, the deliveries (newest first, read lazily however many there are) and
// the selected delivery's attempts. Resend sends the selected delivery again as a new one
// linked to it; Copy as cURL copies the chosen attempt's request, secrets still masked.
// Follows the service's history file and refreshes when it changes. A history that cannot be
// read (damaged, or not opened) is said in words in place of the list, never shown in part.
// When the service shows a server's history, a line above the list says which, with a button
// back to the local history; a server that cannot be reached is said in place of the list, and
// the list comes back by itself once the server answers again. A server's history opens from an
// estimate of its size (HistoryTableModel): the number of deliveries says "about" until the exact
// count has come.
class HistoryPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HistoryPanel)

public:
    explicit HistoryPanel(DeliveryService *service, QWidget *parent = nullptr);
    ~HistoryPanel() override;

    // For the main window's menus; enabled while a delivery is selected.
    QAction *resendAction() const { return m_resendAction; }
    QAction *copyCurlAction() const { return m_copyCurlAction; }

    HistoryTableModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    // The delivery whose attempts are shown; empty if none.
    QString selectedDeliveryId() const;

    void focusSearch();

    // The splitter and the table's columns, for the main window's settings.
    QByteArray saveState() const;
    bool restoreState(const QByteArray &state);

Q_SIGNALS:
    void resent(const QString &originalId, const QString &newId);

protected:
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    void retranslateUi();
    void followServicePath();
    void currentRowChanged();
    void showDelivery(const QString &id);
    void refreshDetail();
    void updateActions();
    void updateCount();
    void showMessage(const QString &message);
    void updateFailure();
    void updateSource();
    void resend();
    void copyCurl();
    void select(const QString &id, int row);

    DeliveryService *m_service;
    HistoryTableModel *m_model;
    HistoryFilterBar *m_filters;
    QLabel *m_count;
    QLabel *m_source;           // which server's history is shown
    QToolButton *m_localButton; // back to the local history
    QStackedWidget *m_stack;    // the list and the detail, or the failure
    QSplitter *m_splitter;
    QTableView *m_table;
    QComboBox *m_attempt;
    QToolButton *m_resendButton;
    QToolButton *m_copyCurlButton;
    QLabel *m_message;
    QLabel *m_failure;
    HistoryDetailView *m_detail;
    QAction *m_resendAction;
    QAction *m_copyCurlAction;
    QAction *m_copyIdAction;

    QString m_shownId;  // in the detail pane
    QString m_wantedId; // to select once located (after a reset, or a resend)
    int m_savedScroll = 0;
};

} // namespace Kanca
