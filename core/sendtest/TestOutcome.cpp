#include "sendtest/TestOutcome.h"

#include <QLocale>

namespace Kanca {

TestOutcome TestOutcome::of(const Delivery &delivery, const Attempt &lastAttempt)
{
    TestOutcome outcome;
    outcome.delivered = delivery.status == DeliveryStatus::Succeeded;
    outcome.httpStatus = lastAttempt.httpStatus ? lastAttempt.httpStatus : delivery.lastHttpStatus;
    outcome.attempts = std::max({delivery.attemptCount, lastAttempt.number, 1});
    outcome.durationMs = lastAttempt.durationMs;
    if (!outcome.delivered)
        outcome.error = lastAttempt.error.isEmpty() ? delivery.lastError : lastAttempt.error;
    return outcome;
}

TestOutcome TestOutcome::stopped(bool mayBeSentAgain)
{
    TestOutcome outcome;
    outcome.stoppedByStorage = true;
    outcome.mayBeSentAgain = mayBeSentAgain;
    return outcome;
}

QString TestOutcome::answerText() const
{
    return httpStatus ? tr("HTTP %1").arg(*httpStatus) : tr("no answer");
}

QString TestOutcome::banner() const
{
    if (stoppedByStorage) {
        return mayBeSentAgain
                   ? tr("✗ Not recorded: the history cannot be written. The receiver may have got "
                        "it; it is sent again when sending resumes.")
                   : tr("✗ Not sent: sending stopped, the history cannot be written.");
    }
    if (delivered) {
        const QString duration = QLocale().toString(durationMs);
        if (attempts > 1) {
            return tr("✓ Delivered: %1 in %2 ms, at attempt %3")
                .arg(answerText(), duration, QString::number(attempts));
        }
        return tr("✓ Delivered: %1 in %2 ms").arg(answerText(), duration);
    }
    if (httpStatus)
        return tr("✗ HTTP %1 after %n attempt(s)", nullptr, attempts).arg(*httpStatus);
    const QString line = tr("✗ No answer after %n attempt(s)", nullptr, attempts);
    return error.isEmpty() ? line : tr("%1: %2").arg(line, error);
}

QString TestOutcome::banner(const QList<std::optional<TestOutcome>> &outcomes)
{
    if (outcomes.size() == 1)
        return outcomes.constFirst() ? outcomes.constFirst()->banner() : tr("Sending…");
    QStringList lines;
    for (qsizetype i = 0; i < outcomes.size(); ++i) {
        const std::optional<TestOutcome> &outcome = outcomes.at(i);
        lines.append(
            tr("Webhook %1: %2")
                .arg(QString::number(i + 1), outcome ? outcome->banner() : tr("Sending…")));
    }
    return lines.join(u'\n');
}

} // namespace Kanca
