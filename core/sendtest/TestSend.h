#pragma once

#include "delivery/Delivery.h"

#include <QList>
#include <QObject>
#include <QSet>
#include <QString>
#include <QStringList>

namespace Kanca {

class DeliveryService;

// Sends the deliveries of a test through the designer's delivery engine and follows them until
// each has succeeded or failed for good. Everything runs in the engine, asynchronously: the
// window stays responsive, and every attempt reaches the history as any other delivery does.
// Starting a new test while one is running follows the new one; the old deliveries go on in the
// background and still reach the history.
class TestSend final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TestSend)

public:
    explicit TestSend(DeliveryService *service, QObject *parent = nullptr);
    ~TestSend() override;

    // Whether a test tries again as the rule's retry policy says, or makes one attempt only.
    enum class Retry { Once, AsTheRuleSays };

    // Submits the deliveries (all or none); false with the reason if the engine refused them.
    // With Retry::Once (what Send test does unless asked) each delivery makes a single attempt,
    // so a failing receiver is reported at once rather than after the rule's backoff.
    bool start(QList<Delivery> deliveries, Retry retry, QString *error);
    // Stops following the deliveries started (they go on in the background and reach the
    // history); no more signals come for them.
    void forget();
    // Whether deliveries of the test are still on their way (not while sending has stopped).
    bool isRunning() const { return m_unfinished > 0 && !m_stopped; }
    // The ids of the deliveries followed, in the order given to start().
    const QStringList &deliveryIds() const { return m_ids; }

Q_SIGNALS:
    // An attempt of delivery `index` (the position in start()'s list) was recorded.
    void attemptRecorded(int index, const Kanca::Attempt &attempt);
    // Delivery `index` succeeded or failed for good; `lastAttempt` is its last attempt as the
    // history keeps it (response headers and body included).
    void deliveryFinished(int index, const Kanca::Delivery &delivery,
                          const Kanca::Attempt &lastAttempt);
    // Every delivery of the test has finished, or sending stopped.
    void finished();
    // Sending stopped before delivery `index` finished: the history could not be written (see
    // DeliveryService::storageFailure()). With `mayBeSentAgain`, its request may have reached
    // the receiver without the result being recorded. Should sending resume, its outcome still
    // comes as deliveryFinished.
    void stopped(int index, bool mayBeSentAgain);

private:
    void onAttemptRecorded(const Attempt &attempt);
    void onDeliveryFinished(const Delivery &delivery);
    void onStorageFailureChanged();

    DeliveryService *m_service;
    QStringList m_ids;
    QSet<QString> m_finished;
    int m_unfinished = 0;
    bool m_stopped = false;
};

} // namespace Kanca
