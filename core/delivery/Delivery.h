#pragma once

#include "engine/RenderedRequest.h"
#include "model/RuleSet.h"
#include "model/WebhookAction.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace Kanca {

enum class DeliveryStatus { Pending, Succeeded, Failed };
QString deliveryStatusId(DeliveryStatus status); // "pending", "succeeded", "failed"
std::optional<DeliveryStatus> deliveryStatusFromId(QStringView id);

// One action fired for one event: what the outbox keeps so that it can be sent, retried after a
// crash, and sent again. The request is stored without its auth and signature headers: they
// carry secrets or depend on the moment of sending, so they are added at every attempt from the
// secret names in `auth` and `signing` (a Standard Webhooks signature gets a fresh timestamp,
// and keeps the delivery's id as its webhook-id).
struct Delivery
{
    QString id; // "msg_<ULID>": also the webhook-id
    QDateTime createdAt;
    QString ruleSetName;
    QString ruleId;
    QString ruleName;
    int actionIndex = 0;
    QString eventId;
    QString eventType;

    RenderedRequest request; // method, URL, headers (no secrets), body, exactly as rendered
    Auth auth;
    Signing signing;
    int timeoutMs = WebhookAction::DefaultTimeoutMs;
    RetryPolicy retry;

    DeliveryStatus status = DeliveryStatus::Pending;
    int attemptCount = 0;
    QDateTime nextAttemptAt; // Pending: when the next attempt is due
    std::optional<int> lastHttpStatus;
    QString lastError;
    QDateTime finishedAt; // Succeeded or Failed
    QString resendOf;     // the delivery this one sends again, if any
    QString ruleSetHash;  // the rule set that produced it (kanca serve): SHA-256, hex

    // A new delivery for action `actionIndex` of `rule`, fired by the event `eventId` of type
    // `eventType`: the request as rendered without credentials, the action's auth, signing,
    // timeout and retry policy, due now.
    static Delivery forAction(const RuleSet &ruleSet, const Rule &rule, int actionIndex,
                              const QString &eventId, const QString &eventType,
                              RenderedRequest requestWithoutCredentials, const QString &id,
                              const QDateTime &now);

    // A new delivery (new id, due now, no attempts) of the same request, linked to this one:
    // what "send again" makes.
    Delivery resentCopy(const QDateTime &now) const;

    friend bool operator==(const Delivery &, const Delivery &) = default;
};

// One attempt of a delivery: the exact request sent (secret header values masked) and the
// response received, or the error.
struct Attempt
{
    enum class Outcome {
        Succeeded, // a 2xx answer
        WillRetry, // failed; another attempt is scheduled
        Failed,    // failed for good (no retry for this failure, or no attempts left)
    };

    static constexpr qsizetype BodyCap = 256 * 1024; // bodies kept in the history

    qint64 id = 0; // row id, set by the history
    QString deliveryId;
    int number = 1; // 1-based
    QDateTime startedAt;
    qint64 durationMs = 0;

    RenderedRequest request;       // as sent; secret header values masked; body capped
    qint64 requestBodySize = 0;    // the real size
    std::optional<int> httpStatus; // absent when no answer came
    QList<RenderedRequest::Header> responseHeaders;
    QByteArray responseBody;     // capped at BodyCap
    qint64 responseBodySize = 0; // the real size, as far as it was read
    QString error;               // what went wrong, in words; empty on success
    Outcome outcome = Outcome::Failed;
    std::optional<qint64> retryDelayMs; // WillRetry: the wait before the next attempt

    bool requestBodyTruncated() const { return requestBodySize > request.body.size(); }
    bool responseBodyTruncated() const { return responseBodySize > responseBody.size(); }

    friend bool operator==(const Attempt &, const Attempt &) = default;
};

} // namespace Kanca
