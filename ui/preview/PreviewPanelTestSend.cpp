// PreviewPanel's Send Test: sending the current rule's webhooks for real, following their
// attempts and outcomes, and the banner that sums them up until another rule is selected.
#include "dispatch/Dispatcher.h"
#include "document/RuleSetDocument.h"
#include "preview/ComparisonView.h"
#include "preview/PreviewPanel.h"
#include "preview/ResponseView.h"
#include "sendtest/ReceivedCheck.h"
#include "sendtest/TestSend.h"

#include <QCheckBox>
#include <QLabel>
#include <QTabWidget>

namespace Kanca {

void PreviewPanel::sendTest()
{
    if (m_refreshTimer.isActive())
        refresh(); // send what the preview is about to show, not what it showed before
    const qsizetype index = m_document->currentRule();
    if (index < 0 || index >= m_document->ruleCount())
        return;
    const Rule &rule = m_document->rule(index);

    // The plan the preview shows (the same delivery ids), made anew with this moment's secrets.
    const DispatchPlan plan = m_event.isEmpty() ? DispatchPlan() : planRule(index);
    QStringList reasons = blockersOf(index, plan);
    QList<Delivery> deliveries;
    for (const RulePlan &rulePlan : plan.rules) {
        for (const PlannedAction &action : rulePlan.actions)
            deliveries.append(action.delivery);
    }
    QString error;
    const TestSend::Retry retry =
        m_retry->isChecked() ? TestSend::Retry::AsTheRuleSays : TestSend::Retry::Once;
    if (reasons.isEmpty() && !m_testSend->start(deliveries, retry, &error))
        reasons.append(error);

    if (m_receivedCheck)
        m_receivedCheck->cancel();
    m_comparison->clear();
    if (reasons.isEmpty()) {
        QList<int> actions;
        for (const Delivery &delivery : std::as_const(deliveries))
            actions.append(delivery.actionIndex);
        m_testedRuleId = rule.id;
        m_testedRule = rule;
        m_notSentRuleId.clear();
        m_outcomes = QList<std::optional<TestOutcome>>(deliveries.size());
        m_response->startSending(rule.name, actions);
        m_responseTabs->setCurrentWidget(m_response);
        // A delivery id is used once: the next preview renders with new ones.
        m_previewIds.clear();
        scheduleRefresh();
    } else {
        m_testSend->forget();
        m_testedRuleId.clear();
        m_outcomes.clear();
        m_notSentRuleId = rule.id;
        m_response->showNotSent(reasons);
        m_responseTabs->setCurrentWidget(m_response);
    }
    updateBanner();
    updateActions();
}

void PreviewPanel::onTestAttempt(int index, const Attempt &attempt)
{
    m_response->showAttempt(index, attempt);
}

void PreviewPanel::onTestFinished(int index, const Delivery &delivery, const Attempt &lastAttempt)
{
    m_response->showFinished(index, delivery, lastAttempt);
    if (index < 0 || index >= m_outcomes.size())
        return;
    m_outcomes[index] = TestOutcome::of(delivery, lastAttempt);
    if (!m_outcomes.at(index)->delivered)
        m_responseTabs->setCurrentWidget(m_response);
    updateBanner();
}

void PreviewPanel::onTestStopped(int index, bool mayBeSentAgain)
{
    if (index < 0 || index >= m_outcomes.size())
        return;
    m_outcomes[index] = TestOutcome::stopped(mayBeSentAgain);
    m_response->showStopped(index, m_outcomes.at(index)->banner());
    m_responseTabs->setCurrentWidget(m_response);
    updateBanner();
}

void PreviewPanel::followTestedRule()
{
    const qsizetype index = m_document->currentRule();
    const Rule *current =
        index >= 0 && index < m_document->ruleCount() ? &m_document->rule(index) : nullptr;
    if (!m_testedRuleId.isEmpty() && (!current || current->id != m_testedRuleId)) {
        // Another rule is selected, or the tested one was deleted: its results are not this
        // rule's.
        clearResults();
    }
    if (!m_notSentRuleId.isEmpty()) {
        if (!current || current->id != m_notSentRuleId || m_sendBlockers.isEmpty()) {
            // Fixed, deleted or another rule: the reasons no longer hold.
            m_notSentRuleId.clear();
            m_response->clear();
        } else {
            m_response->showNotSent(m_sendBlockers);
        }
    }
    updateBanner();
}

void PreviewPanel::clearResults()
{
    m_testSend->forget();
    if (m_receivedCheck)
        m_receivedCheck->cancel();
    m_testedRuleId.clear();
    m_testedRule = Rule();
    m_outcomes.clear();
    m_response->clear();
    m_comparison->clear();
}

void PreviewPanel::updateBanner()
{
    if (m_testedRuleId.isEmpty() || m_outcomes.isEmpty()) {
        m_banner->clear();
        m_banner->hide();
        return;
    }
    QString text = TestOutcome::banner(m_outcomes);
    const qsizetype index = m_document->currentRule();
    if (index >= 0 && index < m_document->ruleCount() && m_document->rule(index) != m_testedRule)
        text +=
            u'\n'
            + tr("The rule has changed since this test: send it again to test it as it is now.");
    m_banner->setText(text);
    m_banner->setAccessibleName(text);
    m_banner->show();
}

QString PreviewPanel::resultBanner() const
{
    return m_banner->isHidden() ? QString() : m_banner->text();
}

} // namespace Kanca
