#include "action/DeliveryPolicyEditor.h"

#include <QDoubleSpinBox>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QSpinBox>

namespace Kanca {

namespace {

int toMs(double seconds)
{
    return int(std::lround(seconds * 1000.0));
}

void setSeconds(QDoubleSpinBox *box, int ms)
{
    if (toMs(box->value()) != ms) {
        const QSignalBlocker blocker(box);
        box->setValue(ms / 1000.0);
    }
}

QDoubleSpinBox *secondsBox(const QString &objectName, double minimum, double maximum,
                           QWidget *parent)
{
    auto *box = new QDoubleSpinBox(parent);
    box->setObjectName(objectName);
    box->setDecimals(1);
    box->setRange(minimum, maximum);
    box->setSingleStep(1.0);
    box->setAccelerated(true);
    return box;
}

} // namespace

DeliveryPolicyEditor::DeliveryPolicyEditor(QWidget *parent)
    : QWidget(parent)
    , m_timeout(secondsBox(QStringLiteral("actionTimeout"), 0.1, 600.0, this))
    , m_maxAttempts(new QSpinBox(this))
    , m_initialDelay(secondsBox(QStringLiteral("retryInitialDelay"), 0.0, 3600.0, this))
    , m_maxDelay(secondsBox(QStringLiteral("retryMaxDelay"), 0.0, 86400.0, this))
    , m_timeoutLabel(new QLabel(this))
    , m_maxAttemptsLabel(new QLabel(this))
    , m_initialDelayLabel(new QLabel(this))
    , m_maxDelayLabel(new QLabel(this))
    , m_hint(new QLabel(this))
{
    m_maxAttempts->setObjectName(QStringLiteral("retryMaxAttempts"));
    m_maxAttempts->setRange(1, 100);
    m_hint->setWordWrap(true);
    m_hint->setTextFormat(Qt::PlainText);
    m_hint->setForegroundRole(QPalette::PlaceholderText);
    m_timeoutLabel->setBuddy(m_timeout);
    m_maxAttemptsLabel->setBuddy(m_maxAttempts);
    m_initialDelayLabel->setBuddy(m_initialDelay);
    m_maxDelayLabel->setBuddy(m_maxDelay);

    auto *form = new QFormLayout(this);
    form->addRow(m_timeoutLabel, m_timeout);
    form->addRow(m_maxAttemptsLabel, m_maxAttempts);
    form->addRow(m_initialDelayLabel, m_initialDelay);
    form->addRow(m_maxDelayLabel, m_maxDelay);
    form->addRow(m_hint);

    connect(m_timeout, &QDoubleSpinBox::valueChanged, this, [this](double seconds) {
        m_timeoutMs = toMs(seconds);
        Q_EMIT policyEdited(m_timeoutMs, m_retry, tr("Change Timeout"), QStringLiteral("timeout"));
    });
    connect(m_maxAttempts, &QSpinBox::valueChanged, this, [this](int attempts) {
        m_retry.maxAttempts = attempts;
        updateEnabled();
        Q_EMIT policyEdited(m_timeoutMs, m_retry, tr("Change Retries"),
                            QStringLiteral("retry/maxAttempts"));
    });
    connect(m_initialDelay, &QDoubleSpinBox::valueChanged, this, [this](double seconds) {
        m_retry.initialDelayMs = toMs(seconds);
        Q_EMIT policyEdited(m_timeoutMs, m_retry, tr("Change Retries"),
                            QStringLiteral("retry/initialDelayMs"));
    });
    connect(m_maxDelay, &QDoubleSpinBox::valueChanged, this, [this](double seconds) {
        m_retry.maxDelayMs = toMs(seconds);
        Q_EMIT policyEdited(m_timeoutMs, m_retry, tr("Change Retries"),
                            QStringLiteral("retry/maxDelayMs"));
    });
    retranslateUi();
    // The defaults, shown without a signal.
    setSeconds(m_timeout, m_timeoutMs);
    setSeconds(m_initialDelay, m_retry.initialDelayMs);
    setSeconds(m_maxDelay, m_retry.maxDelayMs);
    {
        const QSignalBlocker blocker(m_maxAttempts);
        m_maxAttempts->setValue(m_retry.maxAttempts);
    }
    updateEnabled();
}

void DeliveryPolicyEditor::setPolicy(int timeoutMs, const RetryPolicy &retry)
{
    m_timeoutMs = timeoutMs;
    m_retry = retry;
    setSeconds(m_timeout, timeoutMs);
    setSeconds(m_initialDelay, retry.initialDelayMs);
    setSeconds(m_maxDelay, retry.maxDelayMs);
    if (m_maxAttempts->value() != retry.maxAttempts) {
        const QSignalBlocker blocker(m_maxAttempts);
        m_maxAttempts->setValue(retry.maxAttempts);
    }
    updateEnabled();
}

void DeliveryPolicyEditor::updateEnabled()
{
    const bool retries = m_retry.maxAttempts > 1;
    m_initialDelay->setEnabled(retries);
    m_maxDelay->setEnabled(retries);
}

void DeliveryPolicyEditor::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
}

void DeliveryPolicyEditor::retranslateUi()
{
    const QString seconds = tr(" s", "suffix of a number of seconds");
    m_timeout->setSuffix(seconds);
    m_initialDelay->setSuffix(seconds);
    m_maxDelay->setSuffix(seconds);
    m_maxAttempts->setSpecialValueText(tr("1 (no retries)"));
    m_timeoutLabel->setText(tr("&Timeout per attempt:"));
    m_maxAttemptsLabel->setText(tr("&Attempts at most:"));
    m_initialDelayLabel->setText(tr("&First retry after:"));
    m_maxDelayLabel->setText(tr("&Longest wait between retries:"));
    m_timeout->setAccessibleName(tr("Timeout per attempt in seconds"));
    m_maxAttempts->setAccessibleName(tr("Attempts at most"));
    m_initialDelay->setAccessibleName(tr("First retry delay in seconds"));
    m_maxDelay->setAccessibleName(tr("Longest retry delay in seconds"));
    m_hint->setText(tr("An attempt that gets no answer within the timeout fails. Failed "
                       "deliveries are tried again after network errors, timeouts and HTTP "
                       "408, 429 and 5xx, waiting longer each time (with a random part) and "
                       "honouring Retry-After; other 4xx answers are not retried."));
}

} // namespace Kanca
