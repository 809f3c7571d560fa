#pragma once

#include "dispatch/DispatchPlan.h"
#include "event/CompactEvent.h"
#include "format/Problem.h"
#include "model/Rule.h"
#include "sendtest/TestOutcome.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QStringList>
#include <QTimer>
#include <QWidget>

class QAction;
class QCheckBox;
class QGroupBox;
class QLabel;
class QSplitter;
class QTabWidget;
class QToolButton;

namespace Kanca {

class ComparisonView;
class DeliveryService;
class EventSourceEditor;
class PreviewWarnings;
class RequestView;
class ReceivedCheck;
class ResponseView;
class RuleSetDocument;
class TestEndpoints;
class TestSend;
class TraceView;

// The live preview of the document's current rule, in four sections:
//   Event: the catalog's Turkish or English sample of the rule's event, or a custom event;
//   Match: whether the rule fires for it, and every condition with ✓ or ✗;
//   Request: the exact request of each action (method, URL, headers, body), warnings about it,
//            Show secrets, Copy as cURL and Send test;
//   Response: what a test send got back, and, when it went to webhook.site or the local
//             catcher, what arrived there beside what was sent (ComparisonView).
// It follows the document, the event editor, the secrets and the interface language, and
// recomputes after a short pause (about 100 ms) so that typing never waits for it; the work is
// parsing the event once and rendering the rule, which takes milliseconds even for a large
// event. Send test goes through the delivery service like any delivery, so it reaches the history.
// It makes one attempt unless "Retry as the rule says" is checked, and it is disabled, with the
// reason as its tooltip, while the request cannot be built. A banner above the response says how
// the test ended (✓ delivered / ✗ HTTP 503 after 1 attempt) whichever tab is shown. The results
// belong to the rule they were made for: they are cleared when another rule is selected or the
// rule is deleted, and labelled as out of date once the rule changes; the reasons a test was not
// sent follow the rule as it is fixed.
// Secret values come from the service's SecretStore, which the window fills (SecretStore::load);
// the panel follows its changed() signal. Send test and its results are in
// PreviewPanelTestSend.cpp.
class PreviewPanel final : public QWidget
{
    Q_OBJECT

public:
    static constexpr int RefreshDelayMs = 100;

    PreviewPanel(RuleSetDocument *document, DeliveryService *service, QWidget *parent = nullptr);
    ~PreviewPanel() override;

    // Compare what a test send to webhook.site or the catcher delivered with what was sent.
    void setTestEndpoints(TestEndpoints *endpoints);
    ComparisonView *comparisonView() const { return m_comparison; }
    ResponseView *responseView() const { return m_response; }
    // The outcome of the last test ("✓ Delivered: HTTP 200 in 12 ms"), empty when none is shown.
    QString resultBanner() const;
    // Why Send test cannot send the current rule now; empty when it can.
    const QStringList &sendBlockers() const { return m_sendBlockers; }

    // Send test (Ctrl+Return), for the main window's menu.
    QAction *sendTestAction() const { return m_sendTestAction; }
    // Copy as cURL, for the main window's menu.
    QAction *copyCurlAction() const { return m_copyCurlAction; }

    // The sizes of the four sections, for the window's settings.
    QByteArray saveState() const;
    bool restoreState(const QByteArray &state);

    // Recomputes at once rather than after the pause.
    void refreshNow();
    // Previews `event` (as a custom event) for the current rule, with its trace.
    void previewEvent(const QJsonObject &event);
    // Sends the current rule's requests, as Send test does.
    void sendTest();
    // Copies the shown request as a cURL command (secret values masked).
    void copyAsCurl();

Q_SIGNALS:
    // A warning about a place was activated: show "/rules/0/then/0/body/template" in the editor.
    void placeActivated(const QString &pointer);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void scheduleRefresh();
    void refresh();
    void readEvent();
    // The plan of the selected rule for the event: its trace, and its actions rendered with
    // m_previewIds (made as needed).
    DispatchPlan planRule(qsizetype ruleIndex);
    void showMatch(qsizetype ruleIndex, const RulePlan *plan);
    void showRequests(qsizetype ruleIndex, const RulePlan *plan);
    void updateActions();
    // Why the rule's requests of `plan` cannot be sent, each a sentence; empty when they can.
    QStringList blockersOf(qsizetype ruleIndex, const DispatchPlan &plan) const;
    // Keeps the shown results with the rule they were made for (see the class comment).
    void followTestedRule();
    void clearResults();
    void updateBanner();
    void onTestAttempt(int index, const Attempt &attempt);
    void onTestFinished(int index, const Delivery &delivery, const Attempt &lastAttempt);
    void onTestStopped(int index, bool mayBeSentAgain);
    QString eventLabel(const QString &eventType) const;

    RuleSetDocument *m_document;
    DeliveryService *m_service;
    TestSend *m_testSend;

    QSplitter *m_splitter;
    QGroupBox *m_eventBox;
    QGroupBox *m_matchBox;
    QGroupBox *m_requestBox;
    QGroupBox *m_responseBox;
    EventSourceEditor *m_eventSource;
    QLabel *m_verdict;
    TraceView *m_trace;
    PreviewWarnings *m_warnings;
    RequestView *m_request;
    QCheckBox *m_showSecrets;
    QToolButton *m_copyCurlButton;
    QToolButton *m_sendButton;
    QCheckBox *m_retry;
    QLabel *m_banner;
    ResponseView *m_response;
    QTabWidget *m_responseTabs;
    ComparisonView *m_comparison;
    ReceivedCheck *m_receivedCheck = nullptr;
    QString m_comparisonMark;
    QAction *m_sendTestAction;
    QAction *m_copyCurlAction;

    QTimer m_refreshTimer;
    bool m_refreshing = false;

    // The event previewed: the last one that could be read, and whether the editor's text is it.
    QJsonObject m_event;
    CompactEvent m_compactEvent; // m_event's compact form, made once per event read
    bool m_eventValid = false;
    quint64 m_readRevision = 0; // the custom text's revision m_event was read from
    Problems m_eventProblems;

    QStringList m_previewIds; // the delivery id each action is rendered with; a send uses them
    QList<PlannedAction> m_previews;

    QStringList m_sendBlockers;
    // The test shown: the rule as it was sent (its id finds it again), and each delivery's
    // outcome once finished.
    QString m_testedRuleId;
    Rule m_testedRule;
    QList<std::optional<TestOutcome>> m_outcomes;
    QString m_notSentRuleId; // the rule whose "not sent" reasons are shown
};

} // namespace Kanca
