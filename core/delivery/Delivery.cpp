#include "delivery/Delivery.h"

#include "engine/DeliveryId.h"

namespace Kanca {

QString deliveryStatusId(DeliveryStatus status)
{
    switch (status) {
    case DeliveryStatus::Pending:
        return QStringLiteral("pending");
    case DeliveryStatus::Succeeded:
        return QStringLiteral("succeeded");
    case DeliveryStatus::Failed:
        return QStringLiteral("failed");
    }
    return {};
}

std::optional<DeliveryStatus> deliveryStatusFromId(QStringView id)
{
    if (id == u"pending")
        return DeliveryStatus::Pending;
    if (id == u"succeeded")
        return DeliveryStatus::Succeeded;
    if (id == u"failed")
        return DeliveryStatus::Failed;
    return std::nullopt;
}

Delivery Delivery::forAction(const RuleSet &ruleSet, const Rule &rule, int actionIndex,
                             const QString &eventId, const QString &eventType,
                             RenderedRequest requestWithoutCredentials, const QString &id,
                             const QDateTime &now)
{
    const WebhookAction &webhook = std::get<WebhookAction>(rule.actions.at(actionIndex));
    Delivery delivery;
    delivery.id = id;
    delivery.createdAt = now;
    delivery.ruleSetName = ruleSet.name;
    delivery.ruleId = rule.id;
    delivery.ruleName = rule.name;
    delivery.actionIndex = actionIndex;
    delivery.eventId = eventId;
    delivery.eventType = eventType;
    delivery.request = std::move(requestWithoutCredentials);
    delivery.auth = webhook.auth;
    delivery.signing = webhook.signing;
    delivery.timeoutMs = webhook.timeoutMs;
    delivery.retry = webhook.retry;
    delivery.nextAttemptAt = now;
    return delivery;
}

Delivery Delivery::resentCopy(const QDateTime &now) const
{
    Delivery again = *this;
    again.id = newDeliveryId(now);
    again.createdAt = now;
    again.status = DeliveryStatus::Pending;
    again.attemptCount = 0;
    again.nextAttemptAt = now;
    again.lastHttpStatus.reset();
    again.lastError.clear();
    again.finishedAt = QDateTime();
    again.resendOf = id;
    return again;
}

} // namespace Kanca
