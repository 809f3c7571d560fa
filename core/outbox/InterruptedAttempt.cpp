#include "InterruptedAttempt.h"

namespace Kanca {

Outbox::AttemptResult InterruptedAttempt::result(const Delivery &delivery, qint64 startedAtMs,
                                                 qint64 nowMs)
{
    Outbox::AttemptResult result;
    Attempt &attempt = result.attempt;
    attempt.deliveryId = delivery.id;
    attempt.number = delivery.attemptCount + 1;
    attempt.startedAt = QDateTime::fromMSecsSinceEpoch(startedAtMs, Qt::UTC);
    attempt.request = delivery.request;
    attempt.requestBodySize = delivery.request.body.size();
    attempt.error = tr("Interrupted: the program sending this attempt stopped before its answer "
                       "was recorded; the receiver may have received it (webhook-id %1).")
                        .arg(delivery.id);
    if (attempt.number < delivery.retry.maxAttempts) {
        attempt.outcome = Attempt::Outcome::WillRetry;
        attempt.retryDelayMs = 0;
        result.status = DeliveryStatus::Pending;
        result.nextAttemptAt = QDateTime::fromMSecsSinceEpoch(nowMs, Qt::UTC);
    } else {
        attempt.outcome = Attempt::Outcome::Failed;
        result.status = DeliveryStatus::Failed;
    }
    result.release = true;
    return result;
}

} // namespace Kanca
