#include "format/JsonWriter.h"

#include "text/Utf8.h"

#include <QJsonArray>
#include <QJsonObject>

#include <cmath>

namespace Kanca {

void JsonWriter::newline()
{
    if (m_layout == Layout::Compact)
        return;
    m_out += '\n';
    m_out.append(m_levels.size() * 2, ' ');
}

void JsonWriter::beforeValue()
{
    if (m_afterKey) {
        m_afterKey = false;
        return;
    }
    if (m_levels.isEmpty())
        return;
    Level &level = m_levels.last();
    if (level.count > 0)
        m_out += ',';
    ++level.count;
    newline();
}

void JsonWriter::beginObject()
{
    beforeValue();
    m_out += '{';
    m_levels.append({true, 0});
}

void JsonWriter::endObject()
{
    const Level level = m_levels.takeLast();
    if (level.count > 0)
        newline();
    m_out += '}';
}

void JsonWriter::beginArray()
{
    beforeValue();
    m_out += '[';
    m_levels.append({false, 0});
}

void JsonWriter::endArray()
{
    endObject(); // same layout; only the bracket differs
    m_out.back() = ']';
}

void JsonWriter::key(QStringView name)
{
    beforeValue();
    appendQuoted(m_out, name);
    m_out += m_layout == Layout::Compact ? ":" : ": ";
    m_afterKey = true;
}

void JsonWriter::keyUtf8(QByteArrayView name)
{
    beforeValue();
    appendQuotedUtf8(m_out, name);
    m_out += m_layout == Layout::Compact ? ":" : ": ";
    m_afterKey = true;
}

void JsonWriter::value(QStringView text)
{
    beforeValue();
    appendQuoted(m_out, text);
}

void JsonWriter::valueUtf8(QByteArrayView text)
{
    beforeValue();
    appendQuotedUtf8(m_out, text);
}

void JsonWriter::value(bool flag)
{
    beforeValue();
    m_out += flag ? "true" : "false";
}

void JsonWriter::value(qint64 number)
{
    beforeValue();
    m_out += QByteArray::number(number);
}

void JsonWriter::value(double number)
{
    beforeValue();
    m_out += JsonWriter::number(number);
}

void JsonWriter::null()
{
    beforeValue();
    m_out += "null";
}

void JsonWriter::literal(QByteArrayView json)
{
    beforeValue();
    m_out.append(json);
}

void JsonWriter::value(const QJsonValue &json)
{
    switch (json.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        null();
        break;
    case QJsonValue::Bool:
        value(json.toBool());
        break;
    case QJsonValue::Double:
        value(json.toDouble());
        break;
    case QJsonValue::String:
        value(json.toString());
        break;
    case QJsonValue::Array: {
        beginArray();
        const QJsonArray array = json.toArray();
        for (const QJsonValue &item : array)
            value(item);
        endArray();
        break;
    }
    case QJsonValue::Object: {
        beginObject();
        const QJsonObject object = json.toObject();
        for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
            key(it.key());
            value(it.value());
        }
        endObject();
        break;
    }
    }
}

QByteArray JsonWriter::finish()
{
    m_out += '\n';
    QByteArray result;
    result.swap(m_out);
    m_levels.clear();
    m_afterKey = false;
    return result;
}

QByteArray JsonWriter::quoted(QStringView text)
{
    QByteArray out;
    appendQuoted(out, text);
    return out;
}

namespace {

// The escape of a character that JSON does not take as it is in a string (a quote, a backslash,
// a control character), onto `out`.
void appendEscape(QByteArray &out, char16_t u)
{
    static constexpr char hex[] = "0123456789abcdef";
    switch (u) {
    case u'"':
        out += "\\\"";
        break;
    case u'\\':
        out += "\\\\";
        break;
    case u'\b':
        out += "\\b";
        break;
    case u'\f':
        out += "\\f";
        break;
    case u'\n':
        out += "\\n";
        break;
    case u'\r':
        out += "\\r";
        break;
    case u'\t':
        out += "\\t";
        break;
    default:
        out += "\\u00";
        out += hex[u >> 4];
        out += hex[u & 0xF];
    }
}

bool needsEscape(char16_t u)
{
    return u < 0x20 || u == u'"' || u == u'\\';
}

} // namespace

void JsonWriter::appendQuoted(QByteArray &out, QStringView text)
{
    out += '"';
    qsizetype plain = 0; // where the run of characters that need no escape began
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t u = text[i].unicode();
        if (!needsEscape(u))
            continue;
        appendUtf8(out, text.sliced(plain, i - plain));
        plain = i + 1;
        appendEscape(out, u);
    }
    appendUtf8(out, text.sliced(plain));
    out += '"';
}

void JsonWriter::appendQuotedUtf8(QByteArray &out, QByteArrayView utf8)
{
    out += '"';
    qsizetype plain = 0;
    for (qsizetype i = 0; i < utf8.size(); ++i) {
        const auto byte = char16_t(uchar(utf8[i])); // a byte of a sequence is never below 0x80
        if (!needsEscape(byte))
            continue;
        out.append(utf8.sliced(plain, i - plain));
        plain = i + 1;
        appendEscape(out, byte);
    }
    out.append(utf8.sliced(plain));
    out += '"';
}

QByteArray JsonWriter::number(double number)
{
    if (!std::isfinite(number))
        return "null";
    constexpr double maxExactInteger = 9007199254740992.0; // 2^53
    if (number == std::trunc(number) && std::fabs(number) < maxExactInteger)
        return QByteArray::number(qint64(number));
    return QByteArray::number(number, 'g', QLocale::FloatingPointShortest);
}

} // namespace Kanca
