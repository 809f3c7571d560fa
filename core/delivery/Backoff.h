#pragma once

#include "model/WebhookAction.h"

#include <QByteArray>
#include <QDateTime>

#include <optional>

class QRandomGenerator;

namespace Kanca::Backoff {

// The wait before the next attempt after `attemptsMade` failed attempts: exponential backoff
// with full jitter, a random wait between 0 and min(maxDelayMs, initialDelayMs * 2^(n-1)).
qint64 delayMs(const RetryPolicy &policy, int attemptsMade, QRandomGenerator &random);

// Retry-After as a wait in milliseconds: delay-seconds ("120") or an HTTP date ("Wed, 21 Oct
// 2026 07:28:00 GMT", also the obsolete RFC 850 and asctime forms), relative to `now`. A date in
// the past is 0; anything else unreadable is nullopt. The wait is capped at a day.
std::optional<qint64> parseRetryAfter(const QByteArray &value, const QDateTime &now);

constexpr qint64 MaxRetryAfterMs = 24LL * 60 * 60 * 1000;

} // namespace Kanca::Backoff
