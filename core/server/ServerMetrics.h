#pragma once

#include "server/Metrics.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QString>

#include <optional>

namespace Kanca {

struct Attempt;
struct Delivery;
class DeliveryEngine;
class Outbox;

// What `kanca serve` counts, as Prometheus metrics (GET /metrics):
//   kanca_events_received_total, kanca_events_accepted_total, kanca_events_duplicate_total,
//   kanca_events_rejected_total{reason} (events of refused requests, where they could be
//   counted), kanca_requests_refused_total{reason} (requests to /v1/events refused, whether or
//   not their events could be read: a 401 or 413 is counted here), kanca_ingest_duration_seconds
//   (request to answer), kanca_deliveries_total{outcome}, kanca_attempts_total{status_class},
//   kanca_attempt_duration_seconds, kanca_attempts_in_flight, kanca_outbox_pending,
//   kanca_outbox_oldest_pending_age_seconds, kanca_circuit_state{destination} (1 open,
//   0.5 half-open; closed ones are not listed), kanca_rule_set_info{hash},
//   kanca_reloads_total{result}.
// Counters are kept in memory; the outbox's depth is read from its index at most once a second.
class ServerMetrics final
{
public:
    ServerMetrics();

    Metrics &registry() { return m_metrics; }
    QByteArray exposition() const { return m_metrics.exposition(); }

    void watch(DeliveryEngine &engine, Outbox &outbox);

    void eventsReceived(int count);
    void eventsAccepted(int count);
    void eventsDuplicate(int count);
    // reason: invalid, unauthorized, too_large, unsupported_media_type, unprocessable,
    // draining, storage
    // A refused request to /v1/events: counted once, and its `events` (when known) as rejected.
    void requestRefused(const QString &reason, int events);
    void ingestAnswered(double seconds);
    void attemptRecorded(const Attempt &attempt);
    void deliveryFinished(const Delivery &delivery);
    void ruleSetLoaded(const QString &hash);
    void reloaded(bool ok);

    static QString statusClass(std::optional<int> httpStatus); // "2xx"…, "none"

private:
    Metrics m_metrics;
    Metrics::Family &m_received;
    Metrics::Family &m_accepted;
    Metrics::Family &m_duplicate;
    Metrics::Family &m_rejected;
    Metrics::Family &m_refusedRequests;
    Metrics::Family &m_ingestDuration;
    Metrics::Family &m_deliveries;
    Metrics::Family &m_attempts;
    Metrics::Family &m_attemptDuration;
    Metrics::Family &m_ruleSet;
    Metrics::Family &m_reloads;
    QString m_hash;
};

} // namespace Kanca
