#pragma once

#include <QDateTime>
#include <QString>

#include <optional>

namespace Kanca {

// A moment given on the command line (--since, --until) or in the designer (the events of a
// server's history to backtest against): "2026-12-01" (midnight UTC), "2026-12-01T10:00:00Z"
// (UTC when it has no offset), or a time before `now`: 30s, 30m, 12h, 7d.
std::optional<QDateTime> parseTimeArgument(const QString &text, const QDateTime &now);

} // namespace Kanca
