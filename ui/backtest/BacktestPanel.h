#pragma once

#include "backtest/BacktestReport.h"
#include "backtest/EventLines.h"

#include <QDateTime>
#include <QTimer>
#include <QWidget>

#include <memory>

class QLabel;
class QProgressBar;
class QPushButton;
class QTableWidget;

namespace Kanca {

class DeliveryService;
class RuleSetDocument;

// "What would this change do?": runs the rule set being edited (unsaved changes included)
// against past events, beside the version saved on disk or another file, and shows per rule
// the events matched before and after, and the events whose outcome changed. The events are
// read once (a JSON-lines file, the local history's accepted events, or those a server's
// PostgreSQL history kept) and kept; each run only evaluates, on worker threads, with a progress
// bar and Cancel. Events that cannot be read (a server that cannot be reached, one without events
// in the time asked for) are said with why, and the events chosen before stay. An edit of the rules
// re-runs by itself when the events are few enough (AutoRunLimit); otherwise the result is marked
// stale. Choosing a changed event emits eventChosen, for the preview to show it with its trace.
class BacktestPanel final : public QWidget
{
    Q_OBJECT

public:
    static constexpr qsizetype AutoRunLimit = 100'000;
    static constexpr int ExamplesPerRule = 1000;

    // `deliveries`, when given, is where a server's password comes from and is kept (its
    // keychain), and which server the History panel shows (offered first).
    explicit BacktestPanel(RuleSetDocument &document, DeliveryService *deliveries = nullptr,
                           QWidget *parent = nullptr);
    ~BacktestPanel() override;

    // The events: read in the background, then run.
    void loadEventsFile(const QString &path);
    void loadLocalHistory(const QString &databasePath);
    // The events a server's history kept (a postgresql:// URL), received in [since, until) (an
    // invalid end is open). `password`: as typed; empty, DeliveryService::serverPassword's.
    void loadServerHistory(const QString &url, const QString &password, const QDateTime &since = {},
                           const QDateTime &until = {});
    // Events given directly (tests, and events read elsewhere).
    void setEvents(QList<EventLines::Event> events, const QString &description);
    // What the rules are compared with: a rule-set file, or empty for the saved version of the
    // document's own file (nothing to compare with while it has never been saved).
    void setAgainstFile(const QString &path);

    void run();
    void cancel();
    bool isRunning() const { return m_job != nullptr; }
    bool isStale() const { return m_stale; }
    const BacktestReport &report() const { return m_report; }
    qsizetype eventCount() const;

Q_SIGNALS:
    // A changed event was chosen: the rule (its index in the document) and the event.
    void eventChosen(qsizetype ruleIndex, const QJsonObject &event);
    void runFinished();

protected:
    void changeEvent(QEvent *event) override;

private:
    struct Job;

    void retranslateUi();
    void chooseEvents();
    void chooseServerHistory();
    void chooseAgainst();
    void rulesChanged();
    void startJob(std::shared_ptr<Job> job);
    void jobFinished(const std::shared_ptr<Job> &job);
    void showReport();
    void showChangedEvents();
    void changedEventActivated(int row);
    void updateStatus();

    RuleSetDocument &m_document;
    DeliveryService *m_deliveries;
    std::shared_ptr<const QList<EventLines::Event>> m_events;
    QString m_eventsDescription;
    qint64 m_skippedLines = 0;
    QString m_againstFile;
    BacktestReport m_report;
    QString m_error;
    bool m_stale = false;
    bool m_rulesChangedWhileReading = false;
    std::shared_ptr<Job> m_job;
    QTimer m_progressTimer;
    QTimer m_autoRunTimer;

    QLabel *m_eventsLabel;
    QPushButton *m_eventsButton;
    QLabel *m_againstLabel;
    QPushButton *m_againstButton;
    QPushButton *m_runButton;
    QProgressBar *m_progress;
    QLabel *m_status;
    QTableWidget *m_rules;
    QTableWidget *m_changed;
};

} // namespace Kanca
