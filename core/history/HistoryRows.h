#pragma once

// Private to the history: converting deliveries and attempts to and from their rows, the JSON of
// headers, auth and signing, and the masking of credentials.

#include "delivery/Delivery.h"
#include "outbox/EventStore.h"
#include "outbox/Outbox.h"

#include <QLatin1StringView>
#include <QList>
#include <QString>
#include <QVariant>

#include <optional>

class QSqlQuery;

namespace Kanca::HistoryRows {

// The columns of a delivery, in the order readDelivery() reads them and insertion binds them.
inline constexpr QLatin1StringView DeliveryColumns(
    "id, created_at, rule_set_name, rule_id, rule_name, action_index, event_id, event_type, "
    "method, url, request_headers, request_body, auth, signing, timeout_ms, max_attempts, "
    "initial_delay_ms, max_delay_ms, status, attempt_count, next_attempt_at, last_http_status, "
    "last_error, finished_at, resend_of, rule_set_hash");

inline constexpr int DeliveryColumnCount = 26;
inline constexpr int DeliveryNextAttemptColumn = 20; // next_attempt_at

inline constexpr QLatin1StringView AttemptColumns(
    "id, delivery_id, number, started_at, duration_ms, request_method, request_url, "
    "request_headers, request_body, request_body_size, http_status, response_headers, "
    "response_body, response_body_size, error, outcome, retry_delay_ms");

// SQLite keeps NOT NULL text and blob columns; Qt binds a null QString or QByteArray as NULL.
QVariant textValue(const QString &text);
QVariant blobValue(const QByteArray &bytes);
QVariant timeValue(const QDateTime &time);

template<typename T>
QVariant optionalValue(const std::optional<T> &value)
{
    return value ? QVariant(qint64(*value)) : QVariant();
}

// [{"name", "value"}], with "secret": true on a header that carries a secret.
QString headersJson(const QList<RenderedRequest::Header> &headers);

// The headers with the value of every credential header masked: flagged secret, an Authorization
// header, or the header of the delivery's secret-header auth (`authHeaderName`).
QList<RenderedRequest::Header> maskedHeaders(QList<RenderedRequest::Header> headers,
                                             const QString &authHeaderName);

QString outcomeId(Attempt::Outcome outcome);

// The values of a delivery's row, bound in the order of DeliveryColumns (secret headers masked).
QList<QVariant> deliveryValues(const Delivery &delivery);
// A new delivery's row in the outbox: deliveryValues() (a pending one without a next attempt is
// due when made), then destination, claim and lease_until (claimed by `claim` when given, with a
// lease from `nowMs` that outlasts its timeout).
QList<QVariant> newDeliveryValues(const Delivery &delivery, const Outbox::Claim *claim,
                                  qint64 nowMs);
// The current row of a query that selected DeliveryColumns or AttemptColumns.
Delivery readDelivery(const QSqlQuery &query);
// The values of an attempt's row, in the order of the attempts' columns after its id (secret
// headers masked, bodies capped).
QList<QVariant> attemptValues(const Attempt &attempt, const QString &authHeader);
// What an attempt's result sets on its delivery: status, attempt number, next attempt (pending
// only), last HTTP status, last error, finished at (finished only), and 1 when the claim ends
// (finished or given back), else 0.
QList<QVariant> resultValues(const Outbox::AttemptResult &result);
Attempt readAttempt(const QSqlQuery &query);

// The columns of an accepted event, in the order eventValues() gives them.
inline constexpr QLatin1StringView
    EventColumns("id, type, received_at, rule_set_hash, delivery_ids, body");
// The values of an accepted event's row, in the order of EventColumns.
QList<QVariant> eventValues(const EventStore::IncomingEvent &event);
// The columns of an event as a backtest reads it, in the order readStoredEvent() reads them.
inline constexpr QLatin1StringView StoredEventColumns("id, type, received_at, body");
// The current row of a query that selected StoredEventColumns.
EventStore::StoredEvent readStoredEvent(const QSqlQuery &query);

} // namespace Kanca::HistoryRows
