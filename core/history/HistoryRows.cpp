#include "history/HistoryRows.h"

#include "model/FormatNames.h"
#include "outbox/DeliveryIdList.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Kanca::HistoryRows {

namespace {

QDateTime timeFrom(const QVariant &value)
{
    return value.isNull() ? QDateTime()
                          : QDateTime::fromMSecsSinceEpoch(value.toLongLong(), Qt::UTC);
}

std::optional<int> optionalIntFrom(const QVariant &value)
{
    return value.isNull() ? std::nullopt : std::optional<int>(value.toInt());
}

std::optional<qint64> optionalInt64From(const QVariant &value)
{
    return value.isNull() ? std::nullopt : std::optional<qint64>(value.toLongLong());
}

// Compact JSON is written by hand: recording an attempt writes several objects, and
// QJsonDocument's round trip through a tree and UTF-8 costs more than the statements themselves.

// The most units a text of `size` units takes as a JSON string: its quotes, and six units
// ("\u001f") for each unit.
constexpr qsizetype maxJsonStringSize(qsizetype size)
{
    return 2 + 6 * size;
}

// Writes `text` as a JSON string at `to`; returns the end of what was written.
QChar *writeJsonString(QChar *to, QStringView text)
{
    static constexpr char16_t Hex[] = u"0123456789abcdef";
    *to++ = u'"';
    for (const QChar c : text) {
        const char16_t unit = c.unicode();
        if (unit >= 0x20 && unit != u'"' && unit != u'\\') {
            *to++ = c;
        } else if (unit < 0x20) {
            *to++ = u'\\';
            *to++ = u'u';
            *to++ = u'0';
            *to++ = u'0';
            *to++ = QChar(Hex[unit >> 4]);
            *to++ = QChar(Hex[unit & 0xf]);
        } else {
            *to++ = u'\\';
            *to++ = c;
        }
    }
    *to++ = u'"';
    return to;
}

// `"name":"value"` at the end of `out`, after a comma unless it is the object's first member:
// written in place after one growth of `out` to the most it can take.
void appendMember(QString &out, QStringView name, QStringView value, bool first = false)
{
    const qsizetype start = out.size();
    out.resize(start + 2 + maxJsonStringSize(name.size()) + maxJsonStringSize(value.size()));
    QChar *to = out.data() + start;
    if (!first)
        *to++ = u',';
    to = writeJsonString(to, name);
    *to++ = u':';
    to = writeJsonString(to, value);
    out.truncate(to - out.constData());
}

QJsonObject objectFromJson(const QString &text)
{
    return QJsonDocument::fromJson(text.toUtf8()).object();
}

QList<RenderedRequest::Header> headersFromJson(const QString &text)
{
    QList<RenderedRequest::Header> headers;
    const QJsonArray array = QJsonDocument::fromJson(text.toUtf8()).array();
    headers.reserve(array.size());
    for (const QJsonValue &value : array) {
        const QJsonObject object = value.toObject();
        headers.append({object.value(u"name").toString(), object.value(u"value").toString(),
                        object.value(u"secret").toBool()});
    }
    return headers;
}

// A header that carries a credential: flagged secret, an Authorization header, or the header of
// the delivery's secret-header auth. Its value is masked, whatever the caller did.
bool isCredentialHeader(const RenderedRequest::Header &header, const QString &authHeaderName)
{
    return header.secret || header.name.compare(u"Authorization", Qt::CaseInsensitive) == 0
           || header.name.compare(u"Proxy-Authorization", Qt::CaseInsensitive) == 0
           || (!authHeaderName.isEmpty()
               && header.name.compare(authHeaderName, Qt::CaseInsensitive) == 0);
}

// The auth as JSON: its kind, user name, header name and the secret's NAME (never a value).
QString authJson(const Auth &auth)
{
    QString out(u'{');
    appendMember(out, u"type", formatName(auth.type), true);
    appendMember(out, u"username", auth.username);
    appendMember(out, u"headerName", auth.headerName);
    appendMember(out, u"secret", auth.secret.name);
    out += u'}';
    return out;
}

Auth authFromJson(const QString &text)
{
    const QJsonObject object = objectFromJson(text);
    Auth auth;
    auth.type =
        fromFormatName<Auth::Type>(object.value(u"type").toString()).value_or(Auth::Type::None);
    auth.username = object.value(u"username").toString();
    auth.headerName = object.value(u"headerName").toString();
    auth.secret.name = object.value(u"secret").toString();
    return auth;
}

QString signingJson(const Signing &signing)
{
    QString out(u'{');
    appendMember(out, u"type", formatName(signing.type), true);
    appendMember(out, u"secret", signing.secret.name);
    appendMember(out, u"header", signing.header);
    appendMember(out, u"prefix", signing.prefix);
    appendMember(out, u"encoding", formatName(signing.encoding));
    out += u'}';
    return out;
}

Signing signingFromJson(const QString &text)
{
    const QJsonObject object = objectFromJson(text);
    Signing signing;
    signing.type = fromFormatName<Signing::Type>(object.value(u"type").toString())
                       .value_or(Signing::Type::None);
    signing.secret.name = object.value(u"secret").toString();
    signing.header = object.value(u"header").toString(signing.header);
    signing.prefix = object.value(u"prefix").toString(signing.prefix);
    signing.encoding = fromFormatName<Signing::Encoding>(object.value(u"encoding").toString())
                           .value_or(Signing::Encoding::Hex);
    return signing;
}

Attempt::Outcome outcomeFromId(QStringView id)
{
    if (id == u"succeeded")
        return Attempt::Outcome::Succeeded;
    if (id == u"will-retry")
        return Attempt::Outcome::WillRetry;
    return Attempt::Outcome::Failed;
}

} // namespace

QVariant textValue(const QString &text)
{
    return text.isNull() ? QVariant(u""_s) : QVariant(text);
}

QVariant blobValue(const QByteArray &bytes)
{
    return bytes.isNull() ? QVariant(QByteArray("", 0)) : QVariant(bytes);
}

QVariant timeValue(const QDateTime &time)
{
    return time.isValid() ? QVariant(time.toMSecsSinceEpoch()) : QVariant();
}

// [{"name", "value"}], with "secret": true on a header that carries a secret.
QString headersJson(const QList<RenderedRequest::Header> &headers)
{
    QString out;
    out.reserve(2 + headers.size() * 64);
    out += u'[';
    for (const RenderedRequest::Header &header : headers) {
        if (out.size() > 1)
            out += u',';
        out += u'{';
        appendMember(out, u"name", header.name, true);
        appendMember(out, u"value", header.value);
        if (header.secret)
            out += u",\"secret\":true";
        out += u'}';
    }
    out += u']';
    return out;
}

QList<RenderedRequest::Header> maskedHeaders(QList<RenderedRequest::Header> headers,
                                             const QString &authHeaderName)
{
    // Indexed, so that a list with nothing to mask is not copied (detached) for nothing.
    for (qsizetype i = 0; i < headers.size(); ++i) {
        if (isCredentialHeader(headers.at(i), authHeaderName)) {
            RenderedRequest::Header &header = headers[i];
            header.value = RenderedRequest::masked(header.value);
            header.secret = true;
        }
    }
    return headers;
}

QString outcomeId(Attempt::Outcome outcome)
{
    switch (outcome) {
    case Attempt::Outcome::Succeeded:
        return u"succeeded"_s;
    case Attempt::Outcome::WillRetry:
        return u"will-retry"_s;
    case Attempt::Outcome::Failed:
        return u"failed"_s;
    }
    return u"failed"_s;
}

QList<QVariant> deliveryValues(const Delivery &delivery)
{
    QList<RenderedRequest::Header> headers = delivery.request.headers;
    for (qsizetype i = 0; i < headers.size(); ++i) { // copied only when a value is masked
        if (headers.at(i).secret)
            headers[i].value = RenderedRequest::masked(headers.at(i).value);
    }
    return {
        delivery.id,
        delivery.createdAt.toMSecsSinceEpoch(),
        textValue(delivery.ruleSetName),
        textValue(delivery.ruleId),
        textValue(delivery.ruleName),
        delivery.actionIndex,
        textValue(delivery.eventId),
        textValue(delivery.eventType),
        textValue(delivery.request.method),
        textValue(delivery.request.url),
        headersJson(headers),
        blobValue(delivery.request.body),
        authJson(delivery.auth),
        signingJson(delivery.signing),
        delivery.timeoutMs,
        delivery.retry.maxAttempts,
        delivery.retry.initialDelayMs,
        delivery.retry.maxDelayMs,
        deliveryStatusId(delivery.status),
        delivery.attemptCount,
        timeValue(delivery.nextAttemptAt),
        optionalValue(delivery.lastHttpStatus),
        textValue(delivery.lastError),
        timeValue(delivery.finishedAt),
        delivery.resendOf.isEmpty() ? QVariant() : QVariant(delivery.resendOf),
        textValue(delivery.ruleSetHash),
    };
}

QList<QVariant> attemptValues(const Attempt &attempt, const QString &authHeader)
{
    return {
        attempt.deliveryId,
        attempt.number,
        attempt.startedAt.toMSecsSinceEpoch(),
        attempt.durationMs,
        textValue(attempt.request.method),
        textValue(attempt.request.url),
        headersJson(maskedHeaders(attempt.request.headers, authHeader)),
        blobValue(attempt.request.body.left(Attempt::BodyCap)),
        qMax(attempt.requestBodySize, qint64(attempt.request.body.size())),
        optionalValue(attempt.httpStatus),
        headersJson(attempt.responseHeaders),
        blobValue(attempt.responseBody.left(Attempt::BodyCap)),
        qMax(attempt.responseBodySize, qint64(attempt.responseBody.size())),
        qint64(Attempt::BodyCap),
        textValue(attempt.error),
        outcomeId(attempt.outcome),
        optionalValue(attempt.retryDelayMs),
    };
}

QList<QVariant> newDeliveryValues(const Delivery &delivery, const Outbox::Claim *claim,
                                  qint64 nowMs)
{
    QList<QVariant> values = deliveryValues(delivery);
    if (delivery.status == DeliveryStatus::Pending && !delivery.nextAttemptAt.isValid())
        values[DeliveryNextAttemptColumn] = delivery.createdAt.toMSecsSinceEpoch();
    values.append(deliveryDestination(delivery.request.url));
    const bool claimed = claim && delivery.status == DeliveryStatus::Pending;
    values.append(claimed ? QVariant(claim->token) : QVariant());
    values.append(claimed ? QVariant(
                      nowMs + std::max(claim->leaseMs, delivery.timeoutMs + Outbox::LeaseMarginMs))
                          : QVariant());
    return values;
}

QList<QVariant> resultValues(const Outbox::AttemptResult &result)
{
    const Attempt &attempt = result.attempt;
    const bool finished = result.status != DeliveryStatus::Pending;
    return {
        deliveryStatusId(result.status),
        attempt.number,
        finished ? QVariant() : timeValue(result.nextAttemptAt),
        optionalValue(attempt.httpStatus),
        textValue(attempt.error),
        finished ? QVariant(attempt.startedAt.addMSecs(attempt.durationMs).toMSecsSinceEpoch())
                 : QVariant(),
        finished || result.release ? 1 : 0,
    };
}

Delivery readDelivery(const QSqlQuery &query)
{
    int column = 0;
    const auto next = [&] { return query.value(column++); };
    Delivery delivery;
    delivery.id = next().toString();
    delivery.createdAt = timeFrom(next());
    delivery.ruleSetName = next().toString();
    delivery.ruleId = next().toString();
    delivery.ruleName = next().toString();
    delivery.actionIndex = next().toInt();
    delivery.eventId = next().toString();
    delivery.eventType = next().toString();
    delivery.request.method = next().toString();
    delivery.request.url = next().toString();
    delivery.request.headers = headersFromJson(next().toString());
    delivery.request.body = next().toByteArray();
    delivery.auth = authFromJson(next().toString());
    delivery.signing = signingFromJson(next().toString());
    delivery.timeoutMs = next().toInt();
    delivery.retry.maxAttempts = next().toInt();
    delivery.retry.initialDelayMs = next().toInt();
    delivery.retry.maxDelayMs = next().toInt();
    delivery.status = deliveryStatusFromId(next().toString()).value_or(DeliveryStatus::Failed);
    delivery.attemptCount = next().toInt();
    delivery.nextAttemptAt = timeFrom(next());
    delivery.lastHttpStatus = optionalIntFrom(next());
    delivery.lastError = next().toString();
    delivery.finishedAt = timeFrom(next());
    delivery.resendOf = next().toString();
    delivery.ruleSetHash = next().toString();
    return delivery;
}

Attempt readAttempt(const QSqlQuery &query)
{
    int column = 0;
    const auto next = [&] { return query.value(column++); };
    Attempt attempt;
    attempt.id = next().toLongLong();
    attempt.deliveryId = next().toString();
    attempt.number = next().toInt();
    attempt.startedAt = timeFrom(next());
    attempt.durationMs = next().toLongLong();
    attempt.request.method = next().toString();
    attempt.request.url = next().toString();
    attempt.request.headers = headersFromJson(next().toString());
    attempt.request.body = next().toByteArray();
    attempt.requestBodySize = next().toLongLong();
    attempt.httpStatus = optionalIntFrom(next());
    attempt.responseHeaders = headersFromJson(next().toString());
    attempt.responseBody = next().toByteArray();
    attempt.responseBodySize = next().toLongLong();
    attempt.error = next().toString();
    attempt.outcome = outcomeFromId(next().toString());
    attempt.retryDelayMs = optionalInt64From(next());
    return attempt;
}

QList<QVariant> eventValues(const EventStore::IncomingEvent &event)
{
    return {
        event.id,
        textValue(event.type),
        event.receivedAt.toMSecsSinceEpoch(),
        textValue(event.ruleSetHash),
        deliveryIdsToJson(event.deliveries),
        event.json.isNull() ? QByteArray("") : event.json,
    };
}

EventStore::StoredEvent readStoredEvent(const QSqlQuery &query)
{
    return {query.value(0).toString(), query.value(1).toString(),
            QDateTime::fromMSecsSinceEpoch(query.value(2).toLongLong(), Qt::UTC),
            query.value(3).toByteArray()};
}

} // namespace Kanca::HistoryRows
