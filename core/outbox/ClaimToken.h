#pragma once

#include <QString>

#include <optional>

namespace Kanca::ClaimToken {

// A new claim token: "HOST/PID/RANDOM". It names the process that holds the claims, so that on
// the same machine a claim of a process that is gone can be taken over at once, without
// waiting for its lease to run out.
QString create();

// Whether the process that made `token` still runs: false only when it ran on this machine and
// is gone; nothing when that cannot be known here (another machine, another format).
std::optional<bool> holderAlive(const QString &token);

} // namespace Kanca::ClaimToken
