#pragma once

#include "delivery/Delivery.h"

#include <QList>
#include <QObject>
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
    bool isRunning() const { return m_unfinished > 0; }
    // The ids of the deliveries followed, in the order given to start().
    const QStringList &deliveryIds() const { return m_ids; }

Q_SIGNALS:
    // An attempt of delivery `index` (the position in start()'s list) was recorded.
    void attemptRecorded(int index, const Kanca::Attempt &attempt);
    // Delivery `index` succeeded or failed for good; `lastAttempt` is its last attempt as the
    // history keeps it (response headers and body included).
    void deliveryFinished(int index, const Kanca::Delivery &delivery,
                          const Kanca::Attempt &lastAttempt);
    // Every delivery of the test has finished.
    void finished();

private:
    void onAttemptRecorded(const Attempt &attempt);
    void onDeliveryFinished(const Delivery &delivery);

    DeliveryService *m_service;
    QStringList m_ids;
    int m_unfinished = 0;
};

} // namespace Kanca
