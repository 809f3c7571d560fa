#pragma once

#include "delivery/CircuitBreaker.h"
#include "delivery/Delivery.h"
#include "delivery/DeliveryEngine.h"
#include "outbox/Outbox.h"

#include <QHash>
#include <QObject>
#include <QStringList>
#include <QThread>

#include <memory>

namespace Kanca {

class OutboxStorage;
class SecretProvider;

// A server's delivery engine on a thread of its own, with a connection of its own to the
// storage. The main thread keeps the HTTP side, the rules and the group commit of accepted
// events; the delivery thread sends webhooks and records their attempts. So a commit's fsync
// never holds up the answers of the webhooks in flight (each of a host's connections waits for
// the event loop that reads it), and the two halves use two cores.
//
// Everything here is called from the thread that made the object. The engine is reached only
// by queued calls; what the server reads of it (attempts in flight, whether it has room for new
// deliveries, the breakers that are not closed) is published by the engine or kept here from
// its signals, which are re-emitted here, in the main thread.
class DeliveryThread final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DeliveryThread)

public:
    explicit DeliveryThread(const SecretProvider &secrets, QObject *parent = nullptr);
    // Stops the engine in its thread (it records the attempts in flight as interrupted and
    // gives its claims back), closes its storage and ends the thread.
    ~DeliveryThread() override;

    // Opens `database` (a SQLite file or a PostgreSQL URL) in the delivery thread, makes the
    // engine there and has it send from the outbox. False, with `error`, when the storage
    // cannot be opened or read.
    bool start(const QString &database, const DeliveryEngine::Settings &settings, QString *error);

    // As DeliveryEngine::claimForNew(): the claim to commit new deliveries under so that this
    // engine sends them at once (then adopt() them), or null when it has no room.
    const Outbox::Claim *claimForNew() const;
    void adopt(const QList<Delivery> &deliveries);
    // Has the engine look at the outbox now (deliveries were committed unclaimed).
    void lookAtOutbox();
    // As DeliveryEngine::drain(); drained() follows.
    void drain();

    qsizetype inFlightCount() const;
    // Deliveries the engine holds: scheduled, waiting for a slot or in flight.
    qsizetype activeCount() const;
    // The engine's claim (its token names this process).
    const Outbox::Claim &claim() const { return m_claim; }
    // The destinations whose breaker is not closed, as the engine last said.
    QHash<QString, CircuitBreaker::State> circuitStates() const { return m_circuits; }

Q_SIGNALS:
    void attemptRecorded(const Kanca::Attempt &attempt);
    void deliveryFinished(const Kanca::Delivery &delivery);
    void storageFailed(const QString &error, const QStringList &unrecorded);
    void storageUnavailable(const QString &error);
    void claimsLost(const QStringList &deliveryIds);
    void circuitChanged(const QString &destination, Kanca::CircuitBreaker::State state);
    void drained();

private:
    void stopEngine();

    const SecretProvider &m_secrets;
    QThread m_thread;
    QObject *m_context = nullptr; // lives in m_thread: the target of queued calls
    // Made, used and destroyed in m_thread only.
    std::unique_ptr<OutboxStorage> m_storage;
    std::unique_ptr<DeliveryEngine> m_engine;
    // The engine's claim, copied when it started (it does not change).
    Outbox::Claim m_claim;
    QHash<QString, CircuitBreaker::State> m_circuits;
};

} // namespace Kanca
