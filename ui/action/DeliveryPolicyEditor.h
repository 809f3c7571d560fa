#pragma once

#include "model/WebhookAction.h"

#include <QWidget>

class QDoubleSpinBox;
class QLabel;
class QSpinBox;

namespace Kanca {

// How long one attempt may take and how failed deliveries are retried (exponential backoff
// with jitter, on network errors, timeouts, 408, 429 and 5xx).
class DeliveryPolicyEditor final : public QWidget
{
    Q_OBJECT

public:
    explicit DeliveryPolicyEditor(QWidget *parent = nullptr);

    // Shows these values without emitting policyEdited(); keeps focus and the cursor.
    void setPolicy(int timeoutMs, const RetryPolicy &retry);

Q_SIGNALS:
    void policyEdited(int timeoutMs, const Kanca::RetryPolicy &retry, const QString &undoText,
                      const QString &mergeKey);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void updateEnabled();

    int m_timeoutMs = WebhookAction::DefaultTimeoutMs;
    RetryPolicy m_retry;
    QDoubleSpinBox *m_timeout;
    QSpinBox *m_maxAttempts;
    QDoubleSpinBox *m_initialDelay;
    QDoubleSpinBox *m_maxDelay;
    QLabel *m_timeoutLabel;
    QLabel *m_maxAttemptsLabel;
    QLabel *m_initialDelayLabel;
    QLabel *m_maxDelayLabel;
    QLabel *m_hint;
};

} // namespace Kanca
