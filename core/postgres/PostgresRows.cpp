#include "postgres/PostgresRows.h"

#include "format/JsonWriter.h"

#include <QMetaType>

using namespace Qt::StringLiterals;

namespace Kanca::PostgresRows {

namespace {

void writeValue(JsonWriter &out, const QVariant &value)
{
    if (!value.isValid() || value.isNull()) {
        out.null();
        return;
    }
    switch (value.typeId()) {
    case QMetaType::QByteArray: {
        // bytea's hex input ("\x…"; the writer escapes the backslash for JSON).
        const QByteArray bytes = value.toByteArray();
        QByteArray hex;
        hex.reserve(2 + 2 * bytes.size());
        hex += "\\x";
        hex += bytes.toHex();
        out.valueUtf8(hex);
        return;
    }
    case QMetaType::Bool:
        out.value(value.toBool());
        return;
    case QMetaType::Int:
    case QMetaType::Long:
    case QMetaType::LongLong:
    case QMetaType::Short:
        out.value(value.toLongLong());
        return;
    case QMetaType::UInt:
    case QMetaType::ULong:
    case QMetaType::ULongLong:
    case QMetaType::UShort:
        out.literal(QByteArray::number(value.toULongLong()));
        return;
    case QMetaType::QString:
        out.value(QStringView(*static_cast<const QString *>(value.constData())));
        return;
    default:
        out.value(value.toString());
        return;
    }
}

void writeRow(JsonWriter &out, const QStringList &columns, const QList<QVariant> &row)
{
    Q_ASSERT(row.size() == columns.size());
    out.beginObject();
    for (qsizetype c = 0; c < columns.size(); ++c) {
        out.key(columns.at(c));
        writeValue(out, c < row.size() ? row.at(c) : QVariant());
    }
    out.endObject();
}

// A compact writer with room for about `bytes`, for the lists below.
JsonWriter writer(qsizetype bytes)
{
    JsonWriter out(JsonWriter::Layout::Compact);
    out.reserve(bytes);
    return out;
}

} // namespace

QByteArray json(const QStringList &columns, const QList<QList<QVariant>> &rows)
{
    JsonWriter out = writer(rows.size() * columns.size() * 24 + 16);
    out.beginArray();
    for (const QList<QVariant> &row : rows)
        writeRow(out, columns, row);
    out.endArray();
    return out.finish();
}

QByteArray jsonByKey(const QStringList &keys, const QStringList &columns,
                     const QList<QList<QVariant>> &rows)
{
    Q_ASSERT(keys.size() == rows.size());
    JsonWriter out = writer(rows.size() * (columns.size() + 2) * 24 + 16);
    out.beginObject();
    for (qsizetype r = 0; r < rows.size(); ++r) {
        out.key(keys.at(r));
        writeRow(out, columns, rows.at(r));
    }
    out.endObject();
    return out.finish();
}

QByteArray jsonTexts(const QStringList &texts)
{
    JsonWriter out = writer(texts.size() * 32 + 16);
    out.beginArray();
    for (const QString &text : texts)
        out.value(text);
    out.endArray();
    return out.finish();
}

QString separated(const QStringList &items)
{
    return items.isEmpty() ? u""_s : items.join(QChar(0x1f));
}

QStringList columnNames(const QString &list)
{
    QStringList names;
    for (const QStringView name : QStringView(list).split(u','))
        names.append(name.trimmed().toString());
    return names;
}

} // namespace Kanca::PostgresRows
