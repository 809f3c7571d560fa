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

// Whether the step to `toVersion` rewrites the text of table definitions in sqlite_master (a
// change that leaves every row as it is, such as a CHECK written another way). Its statements
// then run with PRAGMA writable_schema on, and PRAGMA schema_version is incremented with them,
// so that every connection to the file reads the definitions again: the procedure of SQLite's
// ALTER TABLE documentation for such changes.
bool editsSchemaText(int toVersion);

} // namespace Kanca::HistorySchema
