#pragma once

// Rows bound to a PostgreSQL statement as one value: a JSON array of objects (UTF-8), one per
// row, keyed by column, that the statement reads with json_populate_recordset (the table's own
// column types) or json_to_recordset (types it names). Any number of rows is then one statement
// with one value bound: one round trip, one prepared statement.

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>
#include <QVariant>

namespace Kanca::PostgresRows {

// The JSON text of `rows`, each with a value for every name of `columns`, in that order. Text
// is JSON text; bytes are bytea's hex input ("\x…"), which bytea columns read as the same bytes;
// integers are numbers; a null or invalid value is null (SQL NULL).
QByteArray json(const QStringList &columns, const QList<QList<QVariant>> &rows);

// The JSON text of an object holding each of `rows` (written as json() writes a row) under its
// key, keys.at(i) for rows.at(i), each key once: a statement finds a row by its key (jsonb's
// `->`, a binary search) and lists the keys with jsonb_object_keys.
QByteArray jsonByKey(const QStringList &keys, const QStringList &columns,
                     const QList<QList<QVariant>> &rows);

// A JSON array of texts, for `= ANY (SELECT json_array_elements_text(CAST(? AS json)))`: any
// text, unlike a list joined with a separator.
QByteArray jsonTexts(const QStringList &texts);

// Ids, destinations or numbers as one text value, for `string_to_array(CAST(? AS text),
// chr(31))`: joined with the unit separator, which none of them holds; "" (not NULL) when empty.
// Any other text goes as jsonTexts().
QString separated(const QStringList &items);

// The names of a comma-separated column list ("id, created_at, …").
QStringList columnNames(const QString &list);

} // namespace Kanca::PostgresRows
