#include "preview/PreviewPanel.h"

#include "catalog/Catalog.h"
#include "dispatch/Dispatcher.h"
#include "document/RuleSetDocument.h"
#include "engine/CompiledRuleSet.h"
#include "engine/CurlCommand.h"
#include "engine/DeliveryId.h"
#include "event/EventContext.h"
#include "event/EventReader.h"
#include "preview/ComparisonView.h"
#include "preview/EventSourceEditor.h"
#include "preview/PreviewWarnings.h"
#include "preview/RequestView.h"
#include "preview/ResponseView.h"
#include "preview/RuleWarnings.h"
#include "preview/TraceView.h"
#include "sendtest/ReceivedCheck.h"
#include "sendtest/TestSend.h"
#include "services/DeliveryService.h"
#include "settings/LanguageManager.h"

#include <QAction>
#include <QCheckBox>
#include <QClipboard>
#include <QEvent>
#include <QGroupBox>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QIcon>
#include <QJsonDocument>
#include <QLabel>
#include <QSplitter>
#include <QStyle>
#include <QTabWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace Kanca {

namespace {

QGroupBox *section(QWidget *parent, const char *objectName)
{
    auto *box = new QGroupBox(parent);
    box->setObjectName(QString::fromLatin1(objectName));
    box->setFlat(false);
    return box;
}

} // namespace

PreviewPanel::PreviewPanel(RuleSetDocument *document, DeliveryService *service, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_service(service)
    , m_testSend(new TestSend(service, this))
    , m_splitter(new QSplitter(Qt::Vertical, this))
    , m_eventBox(section(m_splitter, "previewEventSection"))
    , m_matchBox(section(m_splitter, "previewMatchSection"))
    , m_requestBox(section(m_splitter, "previewRequestSection"))
    , m_responseBox(section(m_splitter, "previewResponseSection"))
    , m_eventSource(new EventSourceEditor(m_eventBox))
    , m_verdict(new QLabel(m_matchBox))
    , m_trace(new TraceView(m_matchBox))
    , m_warnings(new PreviewWarnings(m_requestBox))
    , m_request(new RequestView(m_requestBox))
    , m_showSecrets(new QCheckBox(m_requestBox))
    , m_copyCurlButton(new QToolButton(m_requestBox))
    , m_sendButton(new QToolButton(m_requestBox))
    , m_retry(new QCheckBox(m_requestBox))
    , m_banner(new QLabel(m_responseBox))
    , m_response(new ResponseView(m_responseBox))
    , m_responseTabs(new QTabWidget(m_responseBox))
    , m_comparison(new ComparisonView(m_responseBox))
    , m_sendTestAction(new QAction(this))
    , m_copyCurlAction(new QAction(this))
{
    setObjectName(QStringLiteral("previewPanel"));

    // Actions: also offered to the main window's menus.
    m_sendTestAction->setObjectName(QStringLiteral("sendTestAction"));
    m_sendTestAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return));
    m_sendTestAction->setShortcutContext(Qt::WindowShortcut);
    m_sendTestAction->setIcon(QIcon::fromTheme(QStringLiteral("document-send"),
                                               style()->standardIcon(QStyle::SP_ArrowForward)));
    m_copyCurlAction->setObjectName(QStringLiteral("copyCurlAction"));
    m_copyCurlAction->setIcon(QIcon::fromTheme(QStringLiteral("edit-copy")));
    addAction(m_sendTestAction);
    addAction(m_copyCurlAction);
    connect(m_sendTestAction, &QAction::triggered, this, &PreviewPanel::sendTest);
    connect(m_copyCurlAction, &QAction::triggered, this, &PreviewPanel::copyAsCurl);

    // Event.
    auto *eventLayout = new QVBoxLayout(m_eventBox);
    eventLayout->addWidget(m_eventSource);

    // Match.
    m_verdict->setObjectName(QStringLiteral("previewVerdict"));
    m_verdict->setWordWrap(true);
    m_verdict->setTextFormat(Qt::PlainText);
    m_verdict->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont bold = m_verdict->font();
    bold.setBold(true);
    m_verdict->setFont(bold);
    auto *matchLayout = new QVBoxLayout(m_matchBox);
    matchLayout->addWidget(m_verdict);
    matchLayout->addWidget(m_trace, 1);

    // Request.
    m_showSecrets->setObjectName(QStringLiteral("previewShowSecrets"));
    m_copyCurlButton->setObjectName(QStringLiteral("copyCurlButton"));
    m_copyCurlButton->setDefaultAction(m_copyCurlAction);
    m_copyCurlButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_sendButton->setObjectName(QStringLiteral("sendTestButton"));
    m_sendButton->setDefaultAction(m_sendTestAction);
    m_sendButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_retry->setObjectName(QStringLiteral("sendTestRetry"));
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_showSecrets);
    buttons->addStretch(1);
    buttons->addWidget(m_copyCurlButton);
    buttons->addWidget(m_sendButton);
    auto *requestLayout = new QVBoxLayout(m_requestBox);
    requestLayout->addWidget(m_warnings);
    requestLayout->addWidget(m_request, 1);
    requestLayout->addLayout(buttons);
    // On a line of its own, under Send test: the row of buttons stays as narrow as it was.
    auto *retryRow = new QHBoxLayout;
    retryRow->addStretch(1);
    retryRow->addWidget(m_retry);
    requestLayout->addLayout(retryRow);

    // Response.
    auto *responseLayout = new QVBoxLayout(m_responseBox);
    m_banner->setObjectName(QStringLiteral("testResultBanner"));
    m_banner->setWordWrap(true);
    m_banner->setTextFormat(Qt::PlainText);
    m_banner->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_banner->setFrameShape(QFrame::StyledPanel);
    m_banner->setMargin(4);
    m_banner->setFont(bold);
    m_banner->hide();
    responseLayout->addWidget(m_banner);
    m_responseTabs->setObjectName(QStringLiteral("previewResponseTabsWidget"));
    m_responseTabs->setDocumentMode(true);
    m_responseTabs->addTab(m_response, QString());
    m_responseTabs->addTab(m_comparison, QString());
    responseLayout->addWidget(m_responseTabs);
    connect(m_comparison, &ComparisonView::stateChanged, this, [this](const QString &mark) {
        m_comparisonMark = mark;
        retranslateUi();
    });

    m_splitter->setObjectName(QStringLiteral("previewSplitter"));
    m_splitter->setChildrenCollapsible(false);
    m_splitter->addWidget(m_eventBox);
    m_splitter->addWidget(m_matchBox);
    m_splitter->addWidget(m_requestBox);
    m_splitter->addWidget(m_responseBox);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);
    m_splitter->setStretchFactor(2, 4);
    m_splitter->setStretchFactor(3, 3);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_splitter);

    // Tab order: top to bottom, as the sections read.
    setTabOrder(m_eventSource->lastFocusWidget(), m_trace);
    setTabOrder(m_trace, m_warnings);
    setTabOrder(m_warnings, m_request->firstFocusWidget());
    setTabOrder(m_request->lastFocusWidget(), m_showSecrets);
    setTabOrder(m_showSecrets, m_copyCurlButton);
    setTabOrder(m_copyCurlButton, m_sendButton);
    setTabOrder(m_sendButton, m_retry);
    setTabOrder(m_retry, m_response->firstFocusWidget());

    // Recompute after a pause in whatever changed.
    m_refreshTimer.setSingleShot(true);
    m_refreshTimer.setInterval(RefreshDelayMs);
    connect(&m_refreshTimer, &QTimer::timeout, this, &PreviewPanel::refresh);
    connect(m_document, &RuleSetDocument::resetDone, this, [this] {
        m_eventSource->setSampleLanguage(m_document->ruleSet().locale);
        scheduleRefresh();
    });
    connect(m_document, &RuleSetDocument::currentRuleChanged, this, &PreviewPanel::scheduleRefresh);
    connect(m_document, &RuleSetDocument::ruleChanged, this, &PreviewPanel::scheduleRefresh);
    connect(m_document, &RuleSetDocument::ruleInserted, this, &PreviewPanel::scheduleRefresh);
    connect(m_document, &RuleSetDocument::ruleRemoved, this, &PreviewPanel::scheduleRefresh);
    connect(m_document, &RuleSetDocument::ruleMoved, this, &PreviewPanel::scheduleRefresh);
    connect(m_document, &RuleSetDocument::propertiesChanged, this, &PreviewPanel::scheduleRefresh);
    connect(m_eventSource, &EventSourceEditor::eventChanged, this, &PreviewPanel::scheduleRefresh);
    connect(&m_service->secrets(), &SecretStore::changed, this, &PreviewPanel::scheduleRefresh);
    connect(&LanguageManager::instance(), &LanguageManager::languageChanged, this,
            &PreviewPanel::scheduleRefresh);

    connect(m_showSecrets, &QCheckBox::toggled, m_request, &RequestView::setShowSecrets);
    connect(m_warnings, &PreviewWarnings::placeActivated, this, &PreviewPanel::placeActivated);

    // Test sends.
    connect(m_testSend, &TestSend::attemptRecorded, this, &PreviewPanel::onTestAttempt);
    connect(m_testSend, &TestSend::deliveryFinished, this, &PreviewPanel::onTestFinished);
    connect(m_testSend, &TestSend::finished, this, &PreviewPanel::updateActions);
    connect(m_testSend, &TestSend::stopped, this, &PreviewPanel::onTestStopped);

    m_eventSource->setSampleLanguage(m_document->ruleSet().locale);
    retranslateUi();
    refresh();
}

PreviewPanel::~PreviewPanel() = default;

void PreviewPanel::setTestEndpoints(TestEndpoints *endpoints)
{
    delete m_receivedCheck;
    m_receivedCheck = new ReceivedCheck(endpoints, &m_service->secrets(), this);
    connect(m_testSend, &TestSend::deliveryFinished, m_receivedCheck,
            [this](int index, const Delivery &delivery, const Attempt &lastAttempt) {
                m_receivedCheck->check(index, delivery, lastAttempt);
            });
    connect(m_receivedCheck, &ReceivedCheck::checking, m_comparison, &ComparisonView::showChecking);
    connect(m_receivedCheck, &ReceivedCheck::failed, m_comparison, &ComparisonView::showFailed);
    connect(m_receivedCheck, &ReceivedCheck::compared, this,
            [this](int index, const ReceivedCheck::Result &result) {
                m_comparison->showResult(index, result);
                // A failure stays in view: the comparison is shown first only when delivered.
                if (result.outcome.delivered
                    && std::all_of(m_outcomes.cbegin(), m_outcomes.cend(),
                                   [](const std::optional<TestOutcome> &outcome) {
                                       return !outcome || outcome->delivered;
                                   }))
                    m_responseTabs->setCurrentWidget(m_comparison);
            });
}

QByteArray PreviewPanel::saveState() const
{
    return m_splitter->saveState();
}

bool PreviewPanel::restoreState(const QByteArray &state)
{
    return m_splitter->restoreState(state);
}

void PreviewPanel::refreshNow()
{
    refresh();
}

void PreviewPanel::scheduleRefresh()
{
    if (!m_refreshing)
        m_refreshTimer.start();
}

void PreviewPanel::refresh()
{
    m_refreshTimer.stop();
    m_refreshing = true;
    const qsizetype index = m_document->currentRule();
    if (index < 0 || index >= m_document->ruleCount()) {
        m_sendBlockers = {tr("Select a rule to send it.")};
        m_eventSource->setEnabled(false);
        m_previews.clear();
        m_verdict->setText(tr("Select a rule to preview it."));
        m_trace->setMessage(QString());
        m_warnings->setWarnings({});
        m_request->setMessage(tr("The request of the selected rule appears here."));
    } else {
        m_eventSource->setEnabled(true);
        m_eventSource->setEventType(m_document->rule(index).when);
        readEvent();
        const DispatchPlan plan = planRule(index);
        showMatch(index, plan.rule(index));
        showRequests(index, plan.rule(index));
        m_sendBlockers = blockersOf(index, plan);
    }
    followTestedRule();
    updateActions();
    m_refreshing = false;
}

void PreviewPanel::previewEvent(const QJsonObject &event)
{
    m_eventSource->setCustomText(
        QString::fromUtf8(QJsonDocument(event).toJson(QJsonDocument::Indented)));
    refreshNow();
}

void PreviewPanel::readEvent()
{
    if (m_eventSource->source() != EventSourceEditor::Source::Custom) {
        // A sample comes from the catalog as it is: nothing to read.
        m_event = m_eventSource->sample();
        m_compactEvent = CompactEvent::fromJson(m_event);
        m_eventValid = !m_event.isEmpty();
        m_eventProblems.clear();
        m_readRevision = 0;
        m_eventSource->setProblems({});
        return;
    }
    // A custom event is read once per pause in typing, however large it is.
    const quint64 revision = m_eventSource->customRevision();
    if (revision == m_readRevision)
        return;
    m_readRevision = revision;
    const EventReader::Result read =
        EventReader::read(m_eventSource->customText().toUtf8(), Catalog::builtIn());
    m_eventProblems = read.problems;
    m_eventValid = read.event.has_value();
    if (read.event) {
        m_event = *read.event;
        m_compactEvent = CompactEvent::fromJson(m_event);
    }
    m_eventSource->setProblems(read.problems);
}

QString PreviewPanel::eventLabel(const QString &eventType) const
{
    const EventTypeInfo *info = Catalog::builtIn().event(eventType);
    return info ? info->label.in(LanguageManager::instance().language()) : eventType;
}

DispatchPlan PreviewPanel::planRule(qsizetype ruleIndex)
{
    if (m_event.isEmpty())
        return {};
    const Rule &rule = m_document->rule(ruleIndex);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    while (m_previewIds.size() < rule.actions.size())
        m_previewIds.append(newDeliveryId(now));
    DispatchOptions options;
    options.explain = true;
    options.traceLanguage = LanguageManager::instance().language();
    options.onlyRule = ruleIndex;
    options.deliveryIds = m_previewIds;
    DispatchClock clock;
    clock.now = [now] { return now; };
    return Dispatcher(m_document->compiled(), m_service->secrets(), clock)
        .plan(m_compactEvent, options);
}

void PreviewPanel::showMatch(qsizetype ruleIndex, const RulePlan *plan)
{
    const Rule &rule = m_document->rule(ruleIndex);
    const QString ruleEvent = eventLabel(rule.when);
    if (m_event.isEmpty() || !plan) {
        m_verdict->setText(m_eventValid || m_eventProblems.isEmpty()
                               ? tr("There is no event to preview: write one in the Event "
                                    "section.")
                               : tr("⚠ The event has a problem: fix it to see the preview."));
        m_trace->setMessage(QString());
        return;
    }

    const QString thisEvent = eventLabel(EventContext(m_compactEvent).eventType());
    const bool undecided = plan->outcome == CompiledRuleSet::Outcome::Undecided;
    const bool otherEvent = !plan->conditionMet.has_value() && !undecided;
    QString verdict;
    if (undecided) {
        verdict = tr("⚠ Cannot decide: a regular expression gave up on this event's text (its "
                     "match limit). The rule does not fire, and sending it is refused.");
    } else if (otherEvent) {
        verdict = rule.enabled ? tr("✗ Runs on another event: %1").arg(ruleEvent)
                               : tr("Disabled, and it runs on another event: %1").arg(ruleEvent);
    } else if (*plan->conditionMet) {
        verdict = rule.enabled
                      ? tr("✓ Matches")
                      : tr("Disabled: the rule would match this event if it were enabled.");
    } else {
        verdict = rule.enabled
                      ? tr("✗ Does not match")
                      : tr("Disabled: the rule would not match this event even if enabled.");
    }
    if (!m_eventValid) {
        verdict = tr("⚠ The event has a problem; the preview is of the last valid event.") + u'\n'
                  + verdict;
    }
    m_verdict->setText(verdict);
    m_verdict->setToolTip(tr("The rule runs on %1; this event is %2.").arg(ruleEvent, thisEvent));
    m_verdict->setAccessibleName(verdict);

    if (otherEvent)
        m_trace->setMessage(tr("The conditions are checked only on %1 events.").arg(ruleEvent));
    else
        m_trace->setTrace(plan->trace, rule.condition.has_value(), ruleEvent);
}

void PreviewPanel::showRequests(qsizetype ruleIndex, const RulePlan *plan)
{
    const Rule &rule = m_document->rule(ruleIndex);
    const Language language = LanguageManager::instance().language();
    m_previews.clear();
    if (rule.actions.isEmpty()) {
        m_request->setMessage(tr("The rule has no webhook yet: add one under Then."));
    } else if (m_event.isEmpty() || !plan) {
        m_request->setMessage(tr("The request is rendered once there is an event to render it "
                                 "with."));
    } else {
        m_previews = plan->actions;
        m_request->setRequests(m_previews);
    }
    m_warnings->setWarnings(RuleWarnings::collect(rule, ruleIndex, m_document->problems(),
                                                  m_previews, Catalog::builtIn(), language));
}

QStringList PreviewPanel::blockersOf(qsizetype ruleIndex, const DispatchPlan &plan) const
{
    const Rule &rule = m_document->rule(ruleIndex);
    if (rule.actions.isEmpty())
        return {tr("The rule has no webhook yet: add one under Then.")};
    if (!m_eventValid)
        return {tr("The event has a problem: fix it in the Event section first.")};
    if (m_event.isEmpty())
        return {tr("There is no event to send the rule with: write one in the Event section.")};
    const QString rulePointer = jsonPointerAppend(QStringLiteral("/rules"), ruleIndex);
    QStringList reasons;
    for (const RulePlan &rulePlan : plan.rules) {
        for (const PlannedAction &action : rulePlan.actions) {
            const qsizetype before = reasons.size();
            for (const Problem &problem : action.problems) {
                if (problem.isError())
                    reasons.append(RuleWarnings::problemText(problem, rulePointer));
            }
            for (const MissingSecret &missing : action.missingSecrets)
                reasons.append(missing.text());
            if (!action.rendered && reasons.size() == before)
                reasons.append(tr("the webhook could not be rendered"));
        }
    }
    reasons.removeDuplicates();
    return reasons;
}

void PreviewPanel::copyAsCurl()
{
    if (m_refreshTimer.isActive())
        refresh();
    if (const PlannedAction *preview = m_request->currentRequest())
        QGuiApplication::clipboard()->setText(curlCommand(preview->request, false));
}

void PreviewPanel::updateActions()
{
    const qsizetype index = m_document->currentRule();
    const bool hasActions =
        index >= 0 && index < m_document->ruleCount() && !m_document->rule(index).actions.isEmpty();
    const bool canSend = hasActions && m_sendBlockers.isEmpty();
    m_sendTestAction->setEnabled(canSend);
    m_sendTestAction->setText(m_testSend->isRunning() ? tr("Sending…") : tr("Send test"));
    const QString shortcut = m_sendTestAction->shortcut().toString(QKeySequence::NativeText);
    m_sendTestAction->setToolTip(
        canSend ? tr("Send the rule's requests to their URLs now and show the answer (%1). The "
                     "attempt is kept in the history.")
                      .arg(shortcut)
                : tr("Send test cannot send this rule now:") + u'\n' + m_sendBlockers.join(u'\n'));
    m_copyCurlAction->setEnabled(m_request->currentRequest() != nullptr);
}

void PreviewPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
        scheduleRefresh();
    }
    QWidget::changeEvent(event);
}

void PreviewPanel::retranslateUi()
{
    m_eventBox->setTitle(tr("Event"));
    m_matchBox->setTitle(tr("Match"));
    m_requestBox->setTitle(tr("Request"));
    m_responseBox->setTitle(tr("Response"));
    m_responseTabs->setTabText(0, tr("Answer"));
    m_responseTabs->setTabText(1, m_comparisonMark.isEmpty()
                                      ? tr("Sent vs received")
                                      : tr("Sent vs received %1").arg(m_comparisonMark));
    m_responseTabs->setTabToolTip(1, tr("What arrived at webhook.site or the local catcher, "
                                        "beside what was sent"));
    m_verdict->setAccessibleDescription(tr("Whether the rule fires for this event."));
    m_showSecrets->setText(tr("Show secrets"));
    m_showSecrets->setToolTip(tr("Show the values of secret headers, read from the keychain."));
    m_copyCurlAction->setText(tr("Copy as cURL"));
    m_copyCurlAction->setToolTip(
        tr("Copy the request as a cURL command for a terminal; secret values are masked."));
    m_retry->setText(tr("Retry as the rule says"));
    m_retry->setToolTip(tr("Unchecked, Send test makes one attempt and shows the answer at "
                           "once. Checked, a failed attempt is tried again as the webhook's "
                           "Delivery settings say."));
    m_banner->setAccessibleDescription(tr("How the last test ended"));
    m_sendButton->setAccessibleName(tr("Send test"));
    updateBanner();
    m_copyCurlButton->setAccessibleName(tr("Copy as cURL"));
    updateActions();
}

} // namespace Kanca
