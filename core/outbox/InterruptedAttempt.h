#pragma once

#include "outbox/Outbox.h"

#include <QCoreApplication>

namespace Kanca {

// What an outbox records for an attempt whose start was committed but whose answer never was
// (its sender died or lost its claim): "Interrupted", and the delivery released to retry now, or
// failed when it has no attempts left. Both outboxes record it the same way.
class InterruptedAttempt final
{
    Q_DECLARE_TR_FUNCTIONS(InterruptedAttempt)

public:
    static Outbox::AttemptResult result(const Delivery &delivery, qint64 startedAtMs, qint64 nowMs);
};

} // namespace Kanca
