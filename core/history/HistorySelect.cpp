#include "history/HistorySelect.h"

namespace Kanca::HistorySelect {

bool rows(const QSqlDatabase &db, const HistoryStatement &statement,
          const std::function<void(const QSqlQuery &)> &row, QSqlError *error)
{
    QSqlQuery query(db);
    query.setForwardOnly(true);
    bool ok = query.prepare(statement.sql);
    for (qsizetype i = 0; ok && i < statement.values.size(); ++i)
        query.bindValue(int(i), statement.values.at(i));
    ok = ok && query.exec();
    while (ok && query.next())
        row(query);
    // After exec(), an error can only be a step that failed.
    if (!ok || query.lastError().isValid()) {
        *error = query.lastError();
        return false;
    }
    return true;
}

bool value(const QSqlDatabase &db, const HistoryStatement &statement, QVariant *value,
           QSqlError *error)
{
    *value = QVariant();
    bool first = true;
    return rows(
        db, statement,
        [&](const QSqlQuery &query) {
            if (first)
                *value = query.value(0);
            first = false;
        },
        error);
}

} // namespace Kanca::HistorySelect
