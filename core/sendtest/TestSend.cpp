#include "sendtest/TestSend.h"

#include "services/DeliveryService.h"

namespace Kanca {

TestSend::TestSend(DeliveryService *service, QObject *parent)
    : QObject(parent)
    , m_service(service)
{
    connect(&service->engine(), &DeliveryEngine::attemptRecorded, this,
            &TestSend::onAttemptRecorded);
    connect(&service->engine(), &DeliveryEngine::deliveryFinished, this,
            &TestSend::onDeliveryFinished);
}

TestSend::~TestSend() = default;

bool TestSend::start(QList<Delivery> deliveries, Retry retry, QString *error)
{
    if (retry == Retry::Once) {
        for (Delivery &delivery : deliveries)
            delivery.retry.maxAttempts = 1;
    }
    if (deliveries.isEmpty()) {
        if (error)
            *error = tr("There is nothing to send: the rule has no webhook.");
        return false;
    }
    QString submitError;
    if (!m_service->engine().submit(deliveries, &submitError)) {
        if (error)
            *error = submitError;
        return false;
    }
    m_ids.clear();
    for (const Delivery &delivery : deliveries)
        m_ids.append(delivery.id);
    m_unfinished = int(m_ids.size());
    return true;
}

void TestSend::forget()
{
    m_ids.clear();
    m_unfinished = 0;
}

void TestSend::onAttemptRecorded(const Attempt &attempt)
{
    const qsizetype index = m_ids.indexOf(attempt.deliveryId);
    if (index >= 0)
        Q_EMIT attemptRecorded(int(index), attempt);
}

void TestSend::onDeliveryFinished(const Delivery &delivery)
{
    const qsizetype index = m_ids.indexOf(delivery.id);
    if (index < 0)
        return;
    QString error;
    const QList<Attempt> attempts = m_service->history().attempts(delivery.id, &error);
    Attempt last;
    if (!attempts.isEmpty()) {
        last = attempts.constLast();
    } else {
        last.deliveryId = delivery.id;
        last.number = delivery.attemptCount;
        last.httpStatus = delivery.lastHttpStatus;
        last.error = error.isEmpty() ? delivery.lastError : error;
    }
    --m_unfinished;
    Q_EMIT deliveryFinished(int(index), delivery, last);
    if (m_unfinished == 0)
        Q_EMIT finished();
}

} // namespace Kanca
