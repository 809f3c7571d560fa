#pragma once

#include "delivery/Delivery.h"
#include "format/Problem.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QStringList>

namespace Kanca {

class CompiledRuleSet;
class SecretProvider;

// The deliveries of a test send: one per action of one rule for one event, built exactly as
// `kanca send` builds them for a matching rule (the request rendered without credentials, the
// credentials checked against the secrets, ids from newDeliveryId, the rule set's name, the
// rule, the event's id and type, the action's timeout and retry policy). The rule is sent even
// when the event does not match it: a test sends what the preview shows.
class TestDelivery final
{
    Q_DECLARE_TR_FUNCTIONS(TestDelivery)

public:
    struct Build
    {
        QList<Delivery> deliveries; // empty when there are problems
        Problems problems;          // errors: nothing may be sent
    };

    // `deliveryIds` gives the id of each action's delivery (the ids the preview rendered with,
    // so that {{delivery.id}} and the webhook-id are those shown); missing or empty ones are
    // made with newDeliveryId(now).
    static Build build(const CompiledRuleSet &rules, qsizetype ruleIndex, const QJsonObject &event,
                       const SecretProvider &secrets, const QStringList &deliveryIds = {},
                       const QDateTime &now = QDateTime::currentDateTimeUtc());
};

} // namespace Kanca
