#include "server/ServerMetrics.h"

#include "delivery/DeliveryEngine.h"
#include "outbox/Outbox.h"

#include <memory>

using namespace Qt::StringLiterals;

namespace Kanca {

namespace {

const std::vector<double> LatencyBuckets = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1,
                                            0.25,  0.5,    1,     2.5,  5,     10};
const std::vector<double> AttemptBuckets = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5,
                                            1,     2.5,  5,     10,   30,  60};

} // namespace

ServerMetrics::ServerMetrics()
    : m_received(
        m_metrics.counter(u"kanca_events_received_total"_s,
                          u"Events posted to /v1/events (in valid and invalid requests)."_s))
    , m_accepted(m_metrics.counter(u"kanca_events_accepted_total"_s,
                                   u"Events accepted for the first time and committed."_s))
    , m_duplicate(m_metrics.counter(
          u"kanca_events_duplicate_total"_s,
          u"Events posted again with an id already accepted (answered with the first answer)."_s))
    , m_rejected(m_metrics.counter(u"kanca_events_rejected_total"_s,
                                   u"Events refused, by reason."_s, {u"reason"_s}))
    , m_refusedRequests(m_metrics.counter(u"kanca_requests_refused_total"_s,
                                          u"Requests to /v1/events refused, by reason."_s,
                                          {u"reason"_s}))
    , m_ingestDuration(m_metrics.histogram(
          u"kanca_ingest_duration_seconds"_s,
          u"From a request to /v1/events read to its answer (committed)."_s, LatencyBuckets))
    , m_deliveries(m_metrics.counter(u"kanca_deliveries_total"_s,
                                     u"Deliveries finished, by outcome."_s, {u"outcome"_s}))
    , m_attempts(m_metrics.counter(u"kanca_attempts_total"_s,
                                   u"Attempts made, by the class of their HTTP status (none: no "
                                   u"answer)."_s,
                                   {u"status_class"_s}))
    , m_attemptDuration(m_metrics.histogram(u"kanca_attempt_duration_seconds"_s,
                                            u"How long attempts took."_s, AttemptBuckets))
    , m_ruleSet(m_metrics.gauge(u"kanca_rule_set_info"_s,
                                u"The rule set running: its SHA-256 (value 1)."_s, {u"hash"_s}))
    , m_reloads(m_metrics.counter(u"kanca_reloads_total"_s, u"Rule set reloads, by result."_s,
                                  {u"result"_s}))
{
    for (const QString &reason :
         {u"invalid"_s, u"unauthorized"_s, u"too_large"_s, u"unsupported_media_type"_s,
          u"unprocessable"_s, u"draining"_s, u"storage"_s}) {
        m_rejected.at({reason});
        m_refusedRequests.at({reason});
    }
    m_deliveries.at({u"succeeded"_s});
    m_deliveries.at({u"failed"_s});
    m_reloads.at({u"success"_s});
    m_reloads.at({u"failure"_s});
    m_received.at();
    m_accepted.at();
    m_duplicate.at();
    m_ingestDuration.histogramAt();
    m_attemptDuration.histogramAt();
}

void ServerMetrics::watch(DeliveryEngine &engine, Outbox &outbox)
{
    m_metrics.gaugeFromCallback(
        u"kanca_attempts_in_flight"_s,
        u"Attempts started and not yet ended (on the wire, or waiting for a connection)."_s, {},
        [&engine] {
            return QList<QPair<QStringList, double>>{{{}, double(engine.inFlightCount())}};
        });
    struct Cached
    {
        QElapsedTimer age;
        Outbox::Depth depth;
    };
    auto cache = std::make_shared<Cached>();
    const auto depth = [cache, &outbox]() -> const Outbox::Depth & {
        if (!cache->age.isValid() || cache->age.elapsed() >= 1000) {
            QString error;
            cache->depth = outbox.depth(&error).value_or(Outbox::Depth{});
            cache->age.start();
        }
        return cache->depth;
    };
    m_metrics.gaugeFromCallback(
        u"kanca_outbox_pending"_s, u"Deliveries pending in the outbox (all servers sharing it)."_s,
        {}, [depth] {
            return QList<QPair<QStringList, double>>{{{}, double(depth().pending)}};
        });
    m_metrics.gaugeFromCallback(
        u"kanca_outbox_oldest_pending_age_seconds"_s,
        u"How long ago the oldest pending delivery was made (0 when none is pending)."_s, {},
        [depth] {
            const QDateTime oldest = depth().oldestCreatedAt;
            const double age = oldest.isValid()
                                   ? double(oldest.msecsTo(QDateTime::currentDateTimeUtc())) / 1000
                                   : 0.0;
            return QList<QPair<QStringList, double>>{{{}, std::max(0.0, age)}};
        });
    m_metrics.gaugeFromCallback(
        u"kanca_circuit_state"_s,
        u"Destinations whose circuit breaker is not closed: 1 open, 0.5 half-open."_s,
        {u"destination"_s}, [&engine] {
            QList<QPair<QStringList, double>> out;
            const auto states = engine.circuitStates();
            for (auto it = states.cbegin(); it != states.cend(); ++it)
                out.append({{it.key()}, it.value() == CircuitBreaker::State::Open ? 1.0 : 0.5});
            return out;
        });
}

void ServerMetrics::eventsReceived(int count)
{
    m_received.at().add(count);
}

void ServerMetrics::eventsAccepted(int count)
{
    m_accepted.at().add(count);
}

void ServerMetrics::eventsDuplicate(int count)
{
    m_duplicate.at().add(count);
}

void ServerMetrics::requestRefused(const QString &reason, int events)
{
    m_refusedRequests.at({reason}).add();
    m_rejected.at({reason}).add(events);
}

void ServerMetrics::ingestAnswered(double seconds)
{
    m_ingestDuration.histogramAt().observe(seconds);
}

QString ServerMetrics::statusClass(std::optional<int> httpStatus)
{
    if (!httpStatus)
        return u"none"_s;
    return QString::number(*httpStatus / 100) + u"xx"_s;
}

void ServerMetrics::attemptRecorded(const Attempt &attempt)
{
    m_attempts.at({statusClass(attempt.httpStatus)}).add();
    m_attemptDuration.histogramAt().observe(double(attempt.durationMs) / 1000);
}

void ServerMetrics::deliveryFinished(const Delivery &delivery)
{
    m_deliveries.at({deliveryStatusId(delivery.status)}).add();
}

void ServerMetrics::ruleSetLoaded(const QString &hash)
{
    if (!m_hash.isEmpty() && m_hash != hash)
        m_ruleSet.remove({m_hash}); // one series: the rule set running now
    m_hash = hash;
    m_ruleSet.at({hash}).set(1);
}

void ServerMetrics::reloaded(bool ok)
{
    m_reloads.at({ok ? u"success"_s : u"failure"_s}).add();
}

} // namespace Kanca
