#include "sendtest/TestSend.h"

#include "services/DeliveryService.h"

namespace Kanca {

TestSend::TestSend(DeliveryService *service, QObject *parent)
    : QObject(parent)
    , m_service(service)
{
    connect(service, &DeliveryService::attemptRecorded, this, &TestSend::onAttemptRecorded);
    connect(service, &DeliveryService::deliveryFinished, this, &TestSend::onDeliveryFinished);
    connect(service, &DeliveryService::storageFailureChanged, this,
            &TestSend::onStorageFailureChanged);
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
    m_finished.clear();
    for (const Delivery &delivery : deliveries)
        m_ids.append(delivery.id);
    m_unfinished = int(m_ids.size());
    m_stopped = false;
    return true;
}

void TestSend::forget()
{
    m_ids.clear();
    m_finished.clear();
    m_unfinished = 0;
    m_stopped = false;
}

void TestSend::onStorageFailureChanged()
{
    const std::optional<StorageFailure> &failure = m_service->storageFailure();
    if (m_unfinished == 0)
        return;
    if (!failure) {
        m_stopped = false; // resumed: the deliveries go on, and their outcomes still come here
        return;
    }
    if (failure->stage != StorageFailure::Stage::Writing)
        return;
    m_stopped = true;
    for (qsizetype i = 0; i < m_ids.size(); ++i) {
        if (!m_finished.contains(m_ids.at(i)))
            Q_EMIT stopped(int(i), failure->unrecorded.contains(m_ids.at(i)));
    }
    Q_EMIT finished();
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
    if (m_finished.contains(delivery.id))
        return;
    m_finished.insert(delivery.id);
    --m_unfinished;
    Q_EMIT deliveryFinished(int(index), delivery, last);
    if (m_unfinished == 0 && !m_stopped)
        Q_EMIT finished();
}

} // namespace Kanca
