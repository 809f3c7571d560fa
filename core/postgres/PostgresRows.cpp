#include "postgres/PostgresRows.h"

#include <QMetaType>

using namespace Qt::StringLiterals;

namespace Kanca::PostgresRows {

namespace {

void appendText(QString &out, QStringView text)
{
    out += u'"';
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (u == u'"' || u == u'\\') {
            out += u'\\';
            out += c;
        } else if (u < 0x20) {
            static constexpr char16_t Hex[] = u"0123456789abcdef";
            out += u"\\u00"_s;
            out += QChar(Hex[u >> 4]);
            out += QChar(Hex[u & 0xf]);
        } else {
            out += c;
        }
    }
    out += u'"';
}

void appendValue(QString &out, const QVariant &value)
{
    if (!value.isValid() || value.isNull()) {
        out += u"null"_s;
        return;
    }
    switch (value.typeId()) {
    case QMetaType::QByteArray: {
        // bytea's hex input, with the backslash escaped for JSON.
        out += u"\"\\\\x"_s;
        out += QLatin1StringView(value.toByteArray().toHex());
        out += u'"';
        return;
    }
    case QMetaType::Bool:
        out += value.toBool() ? u"true"_s : u"false"_s;
        return;
    case QMetaType::Int:
    case QMetaType::Long:
    case QMetaType::LongLong:
    case QMetaType::Short:
        out += QString::number(value.toLongLong());
        return;
    case QMetaType::UInt:
    case QMetaType::ULong:
    case QMetaType::ULongLong:
    case QMetaType::UShort:
        out += QString::number(value.toULongLong());
        return;
    default:
        appendText(out, value.toString());
        return;
    }
}

void appendRow(QString &out, const QStringList &columns, const QList<QVariant> &row)
{
    Q_ASSERT(row.size() == columns.size());
    out += u'{';
    for (qsizetype c = 0; c < columns.size(); ++c) {
        if (c > 0)
            out += u',';
        appendText(out, columns.at(c));
        out += u':';
        appendValue(out, c < row.size() ? row.at(c) : QVariant());
    }
    out += u'}';
}

// `open`, what write(out, i) appends for each i below `count` (separated by commas), `close`.
template<typename Write>
QString commaSeparated(char16_t open, char16_t close, qsizetype count, Write write)
{
    QString out;
    out += QChar(open);
    for (qsizetype i = 0; i < count; ++i) {
        if (i > 0)
            out += u',';
        write(out, i);
    }
    out += QChar(close);
    return out;
}

} // namespace

QString json(const QStringList &columns, const QList<QList<QVariant>> &rows)
{
    return commaSeparated(u'[', u']', rows.size(),
                          [&](QString &out, qsizetype r) { appendRow(out, columns, rows.at(r)); });
}

QString jsonByKey(const QStringList &keys, const QStringList &columns,
                  const QList<QList<QVariant>> &rows)
{
    Q_ASSERT(keys.size() == rows.size());
    return commaSeparated(u'{', u'}', rows.size(), [&](QString &out, qsizetype r) {
        appendText(out, keys.at(r));
        out += u':';
        appendRow(out, columns, rows.at(r));
    });
}

QString jsonTexts(const QStringList &texts)
{
    return commaSeparated(u'[', u']', texts.size(),
                          [&](QString &out, qsizetype i) { appendText(out, texts.at(i)); });
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
