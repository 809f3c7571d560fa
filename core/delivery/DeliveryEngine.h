#pragma once

#include "delivery/Delivery.h"
#include "delivery/HttpAttempt.h"
#include "delivery/NetworkPool.h"

#include <QHash>
#include <QObject>
#include <QQueue>
#include <QRandomGenerator>
#include <QTimer>

#include <map>
#include <memory>

namespace Kanca {

class HistoryDatabase;
class SecretProvider;

// Sends deliveries and remembers everything it did. Fully asynchronous on the thread it lives
// in: many deliveries in flight, a bounded number per host, each attempt with its timeout, and
// retries with exponential backoff and full jitter (or the receiver's Retry-After).
//
// The outbox comes first: submit() commits deliveries to the history before their first
// attempt, and every attempt's result is committed (in small batches, a few milliseconds apart)
// before the delivery is reported finished. After a crash, resumeUnfinished() picks up every
// pending delivery with its remaining attempts and its schedule; only an attempt that was in
// flight at the moment of the crash can be sent twice. Finished deliveries are dropped from
// memory, so memory does not grow with the number sent.
class DeliveryEngine final : public QObject
{
    Q_OBJECT

public:
    struct Settings
    {
        int maxPerHost = 6;      // attempts in flight to one scheme://host:port
        int maxInFlight = 512;   // attempts in flight overall
        bool allowHttp2 = true;  // false forces HTTP/1.1
        int historyBatchMs = 10; // how long attempt results may wait to be committed together
    };

    DeliveryEngine(HistoryDatabase &history, const SecretProvider &secrets,
                   QObject *parent = nullptr);
    ~DeliveryEngine() override;

    void setSettings(const Settings &settings);
    const Settings &settings() const { return m_settings; }

    // Commits the deliveries to the outbox (all or none), then schedules them. On failure
    // nothing is sent and `error` says why.
    bool submit(const QList<Delivery> &deliveries, QString *error);

    // Schedules every pending delivery of the outbox that is not already active here.
    bool resumeUnfinished(QString *error);

    // Deliveries scheduled or in flight.
    qsizetype activeCount() const { return m_active.size(); }
    bool isIdle() const;

Q_SIGNALS:
    void attemptRecorded(const Kanca::Attempt &attempt);
    void deliveryFinished(const Kanca::Delivery &delivery); // succeeded or failed for good
    void idle(); // nothing scheduled, in flight or waiting to be written
    void historyWriteFailed(const QString &error);

private:
    struct Active
    {
        Delivery delivery;
        QString hostKey;
        bool inFlight = false;
    };
    struct Host
    {
        int inFlight = 0;
        QQueue<QString> waiting;
    };

    void activate(const Delivery &delivery);
    void schedule(const QString &id, qint64 dueMs);
    void armTimer();
    void runDue();
    void dispatch(const QString &id);
    void startAttempt(Active &active);
    void attemptFinished(const QString &id, int number, const QDateTime &startedAt,
                         const RenderedRequest &sent, const HttpAttempt::Result &result);
    void releaseHost(const QString &hostKey);
    void recordLater(const Attempt &attempt, const Delivery &delivery);
    void flushHistory();
    void checkIdle();

    HistoryDatabase &m_history;
    const SecretProvider &m_secrets;
    Settings m_settings;
    NetworkPool *m_networks;
    QRandomGenerator m_random;

    QHash<QString, Active> m_active;
    std::multimap<qint64, QString> m_schedule; // due time (ms since epoch) -> delivery id
    QTimer m_timer;
    QHash<QString, Host> m_hosts;
    QQueue<QString> m_waitingForSlot; // over maxInFlight
    int m_inFlight = 0;

    struct PendingWrite;
    std::vector<PendingWrite> m_pendingWrites;
    QTimer m_flushTimer;
};

} // namespace Kanca
