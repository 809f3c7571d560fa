#pragma once

#include <QLatin1StringView>
#include <QList>

namespace Kanca::HistorySchema {

// PRAGMA application_id of a Kanca history ("Knca"): tells it apart from other SQLite files.
inline constexpr int ApplicationId = 0x4b6e6361;

// The statements that take a database from version `toVersion - 1` to `toVersion` (1-based,
// up to HistoryDatabase::SchemaVersion). They run in one transaction, after which
// PRAGMA user_version is set to `toVersion`. A released step is never changed: a new schema
// adds a step.
QList<QLatin1StringView> migration(int toVersion);

} // namespace Kanca::HistorySchema
