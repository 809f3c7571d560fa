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

} // namespace

QString json(const QStringList &columns, const QList<QList<QVariant>> &rows)
{
    QString out;
    out += u'[';
    for (qsizetype r = 0; r < rows.size(); ++r) {
        const QList<QVariant> &row = rows.at(r);
        Q_ASSERT(row.size() == columns.size());
        out += r == 0 ? u"{"_s : u",{"_s;
        for (qsizetype c = 0; c < columns.size(); ++c) {
            if (c > 0)
                out += u',';
            appendText(out, columns.at(c));
            out += u':';
            appendValue(out, c < row.size() ? row.at(c) : QVariant());
        }
        out += u'}';
    }
    out += u']';
    return out;
}

QString jsonTexts(const QStringList &texts)
{
    QString out;
    out += u'[';
    for (qsizetype i = 0; i < texts.size(); ++i) {
        if (i > 0)
            out += u',';
        appendText(out, texts.at(i));
    }
    out += u']';
    return out;
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
