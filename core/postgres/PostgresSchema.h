#pragma once

#include <QLatin1StringView>
#include <QList>

namespace Kanca::PostgresSchema {

// The schema of the PostgreSQL outbox, versioned like the SQLite history's: the statements that
// take a database from version `toVersion - 1` to `toVersion`. The version is kept in the table
// schema_version (one row); PostgresStore applies the steps it lacks in one transaction, under
// an advisory lock so that servers starting together migrate once.
inline constexpr int Version = 5;
QList<QLatin1StringView> migration(int toVersion);

} // namespace Kanca::PostgresSchema
