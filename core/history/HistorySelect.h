#pragma once

#include "history/HistoryQueryBuilder.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

#include <functional>

namespace Kanca::HistorySelect {

// Runs a statement on `db` and hands each row to `row`, in order. False, with `error` set, if it
// cannot be prepared or run, or if any step fails: SQLite finds a damaged page only when a step
// reaches it, after the rows before it were handed over, and QSqlQuery::next() then returns false
// just as at the end of the rows. Such rows are never a result: the caller throws them away.
bool rows(const QSqlDatabase &db, const HistoryStatement &statement,
          const std::function<void(const QSqlQuery &)> &row, QSqlError *error);

// The first column of the statement's first row (a null QVariant if it has no row).
bool value(const QSqlDatabase &db, const HistoryStatement &statement, QVariant *value,
           QSqlError *error);

} // namespace Kanca::HistorySelect
