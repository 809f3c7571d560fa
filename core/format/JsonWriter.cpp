#include "format/JsonWriter.h"

#include <QJsonArray>
#include <QJsonObject>

#include <cmath>

namespace Kanca {

void JsonWriter::newline()
{
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
    m_out += quoted(name);
    m_out += ": ";
    m_afterKey = true;
}

void JsonWriter::value(QStringView text)
{
    beforeValue();
    m_out += quoted(text);
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
    static constexpr char hex[] = "0123456789abcdef";
    QString escaped;
    escaped.reserve(text.size() + 2);
    escaped += u'"';
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        switch (u) {
        case u'"':
            escaped += u"\\\"";
            break;
        case u'\\':
            escaped += u"\\\\";
            break;
        case u'\b':
            escaped += u"\\b";
            break;
        case u'\f':
            escaped += u"\\f";
            break;
        case u'\n':
            escaped += u"\\n";
            break;
        case u'\r':
            escaped += u"\\r";
            break;
        case u'\t':
            escaped += u"\\t";
            break;
        default:
            if (u < 0x20) {
                escaped += u"\\u00";
                escaped += QChar(char16_t(hex[u >> 4]));
                escaped += QChar(char16_t(hex[u & 0xF]));
            } else {
                escaped += c;
            }
        }
    }
    escaped += u'"';
    return escaped.toUtf8();
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
