#include "templates/TemplateEscaping.h"

#include "templates/Utf8Escaping.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>

#include <cmath>
#include <type_traits>

namespace Kanca::TemplateEscaping {

namespace {

bool isUnreserved(uchar b)
{
    return (b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z') || (b >= '0' && b <= '9') || b == '-'
           || b == '.' || b == '_' || b == '~';
}

constexpr char HexDigits[] = "0123456789ABCDEF";
constexpr char LowerHexDigits[] = "0123456789abcdef";

QString numberText(const QJsonValue &value)
{
    const double d = value.toDouble();
    if (std::isfinite(d) && std::trunc(d) == d && std::abs(d) < 9.2e18)
        return QString::number(value.toInteger(qint64(d)));
    return QString::number(d, 'g', QLocale::FloatingPointShortest);
}

bool needsJsonEscape(char16_t u)
{
    return u < 0x20 || u == u'"' || u == u'\\' || u == 0x2028 || u == 0x2029
           || (u >= 0xD800 && u <= 0xDFFF);
}

void appendJsonEscape(QString &out, char16_t u)
{
    char buffer[6];
    out.append(jsonEscapeOf(u, buffer));
}

void appendJsonValue(QString &out, const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        out.append(QLatin1StringView("null"));
        break;
    case QJsonValue::Bool:
        out.append(value.toBool() ? QLatin1StringView("true") : QLatin1StringView("false"));
        break;
    case QJsonValue::Double:
        if (std::isfinite(value.toDouble()))
            out.append(numberText(value));
        else
            out.append(QLatin1StringView("null"));
        break;
    case QJsonValue::String:
        out.append(QLatin1Char('"'));
        appendJsonEscaped(out, value.toString());
        out.append(QLatin1Char('"'));
        break;
    case QJsonValue::Array: {
        out.append(QLatin1Char('['));
        const QJsonArray array = value.toArray();
        bool first = true;
        for (const QJsonValue &item : array) {
            if (!first)
                out.append(QLatin1Char(','));
            first = false;
            appendJsonValue(out, item);
        }
        out.append(QLatin1Char(']'));
        break;
    }
    case QJsonValue::Object: {
        out.append(QLatin1Char('{'));
        const QJsonObject object = value.toObject();
        bool first = true;
        for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
            if (!first)
                out.append(QLatin1Char(','));
            first = false;
            out.append(QLatin1Char('"'));
            appendJsonEscaped(out, it.key());
            out.append(QLatin1StringView("\":"));
            appendJsonValue(out, it.value());
        }
        out.append(QLatin1Char('}'));
        break;
    }
    }
}

// The decimal digits of `n`, in `buffer` (12 bytes are enough).
QLatin1StringView integerText(qint32 n, char (&buffer)[12])
{
    char *at = buffer + sizeof buffer;
    qint64 rest = n;
    const bool negative = rest < 0;
    if (negative)
        rest = -rest;
    do {
        *--at = char('0' + rest % 10);
        rest /= 10;
    } while (rest);
    if (negative)
        *--at = '-';
    return QLatin1StringView(at, buffer + sizeof buffer - at);
}

template<typename Output> // QString, Utf16Writer or Utf8Writer
void appendPercentEncodedUtf8(Output &out, QByteArrayView utf8)
{
    const auto put = [&out](char c) {
        if constexpr (std::is_same_v<Output, QString>)
            out.append(QLatin1Char(c));
        else if constexpr (std::is_same_v<Output, Utf16Writer>)
            out.append(char16_t(uchar(c)));
        else
            out.append(c);
    };
    if constexpr (std::is_same_v<Output, QString>)
        out.reserve(out.size() + utf8.size());
    for (const char c : utf8) {
        const auto b = uchar(c);
        if (isUnreserved(b)) {
            put(char(b));
        } else {
            put('%');
            put(HexDigits[b >> 4]);
            put(HexDigits[b & 0xF]);
        }
    }
}

} // namespace

QLatin1StringView jsonEscapeOf(char16_t u, char (&buffer)[6])
{
    switch (u) {
    case u'"':
        return QLatin1StringView("\\\"");
    case u'\\':
        return QLatin1StringView("\\\\");
    case u'\n':
        return QLatin1StringView("\\n");
    case u'\r':
        return QLatin1StringView("\\r");
    case u'\t':
        return QLatin1StringView("\\t");
    case u'\b':
        return QLatin1StringView("\\b");
    case u'\f':
        return QLatin1StringView("\\f");
    default:
        buffer[0] = '\\';
        buffer[1] = 'u';
        buffer[2] = LowerHexDigits[(u >> 12) & 0xF];
        buffer[3] = LowerHexDigits[(u >> 8) & 0xF];
        buffer[4] = LowerHexDigits[(u >> 4) & 0xF];
        buffer[5] = LowerHexDigits[u & 0xF];
        return QLatin1StringView(buffer, 6);
    }
}

void appendJsonEscaped(QString &out, QStringView text)
{
    const qsizetype n = text.size();
    qsizetype runStart = 0;
    for (qsizetype i = 0; i < n; ++i) {
        const char16_t u = text[i].unicode();
        if (!needsJsonEscape(u))
            continue;
        if (QChar::isHighSurrogate(u) && i + 1 < n
            && QChar::isLowSurrogate(text[i + 1].unicode())) {
            ++i; // a well-formed pair is kept as is
            continue;
        }
        out.append(text.mid(runStart, i - runStart));
        runStart = i + 1;
        appendJsonEscape(out, u);
    }
    out.append(text.mid(runStart));
}

void appendHeaderSafe(QString &out, QStringView text)
{
    const qsizetype start = out.size();
    out.append(text);
    QChar *data = out.data() + start;
    for (qsizetype i = 0, n = text.size(); i < n; ++i) {
        if (isHeaderControl(data[i].unicode()))
            data[i] = QLatin1Char(' ');
    }
}

void appendPercentEncoded(QString &out, QStringView text)
{
    appendPercentEncodedUtf8(out, text.toUtf8());
}

QString jsonText(const QJsonValue &value)
{
    QString out;
    appendJsonValue(out, value);
    return out;
}

QString textOf(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::String:
        return value.toString();
    case QJsonValue::Double:
        return numberText(value);
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Array:
    case QJsonValue::Object:
        return jsonText(value);
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        break;
    }
    return {};
}

bool isHeaderControl(char16_t u)
{
    return u < 0x20 || u == 0x7F || u == 0x85 || u == 0x2028 || u == 0x2029;
}

void appendValue(QString &out, const TemplateValue &value, TemplateContext context, JsonSlot slot)
{
    switch (context) {
    case TemplateContext::Json:
        if (slot == JsonSlot::InString) {
            appendJsonEscaped(out, textOf(value.json));
        } else if (value.form == TemplateValue::Form::JsonText) {
            out.append(value.json.toString());
        } else {
            appendJsonValue(out, value.json);
        }
        break;
    case TemplateContext::Url:
        if (value.form == TemplateValue::Form::UrlEncoded)
            out.append(value.json.toString());
        else
            appendPercentEncoded(out, textOf(value.json));
        break;
    case TemplateContext::Header:
        appendHeaderSafe(out, textOf(value.json));
        break;
    case TemplateContext::FormField:
    case TemplateContext::PlainText:
        out.append(textOf(value.json));
        break;
    }
}

namespace {

// The same writing into text (Utf16Writer) or into UTF-8 (Utf8Writer).
void put(Utf16Writer &out, QLatin1StringView text)
{
    out.append(text);
}
void put(Utf8Writer &out, QLatin1StringView text)
{
    out.append(QByteArrayView(text.data(), text.size()));
}
void putText(Utf16Writer &out, QByteArrayView utf8, Escape escape)
{
    appendUtf8(out, utf8, escape);
}
void putText(Utf8Writer &out, QByteArrayView utf8, Escape escape)
{
    appendUtf8Escaped(out, utf8, escape);
}

template<typename Output>
bool writeScalar(Output &out, const CompactEvent::Scalar &value, TemplateContext context,
                 JsonSlot slot)
{
    using Kind = CompactEvent::Scalar::Kind;
    switch (value.kind) {
    case Kind::Other:
        return false;
    case Kind::Absent:
        // Its text is "", and its JSON null.
        if (context == TemplateContext::Json && slot != JsonSlot::InString)
            put(out, QLatin1StringView("null"));
        return true;
    case Kind::Integer: {
        // The same digits in every context: a number's text is its JSON, and digits and "-"
        // need no escaping or encoding.
        char digits[12];
        put(out, integerText(value.integer, digits));
        return true;
    }
    case Kind::Text:
        break;
    }
    switch (context) {
    case TemplateContext::Json:
        if (slot == JsonSlot::InString) {
            putText(out, value.utf8, Escape::Json);
        } else {
            put(out, QLatin1StringView("\""));
            putText(out, value.utf8, Escape::Json);
            put(out, QLatin1StringView("\""));
        }
        break;
    case TemplateContext::Url:
        appendPercentEncodedUtf8(out, value.utf8);
        break;
    case TemplateContext::Header:
        putText(out, value.utf8, Escape::Header);
        break;
    case TemplateContext::FormField:
    case TemplateContext::PlainText:
        putText(out, value.utf8, Escape::None);
        break;
    }
    return true;
}

// Each element as writeScalar() writes it where a JSON value stands (a quoted, escaped text or
// the digits of an integer), as appendJsonValue() writes a list of them: no spaces.
template<typename Output>
void writeJsonList(Output &out, const QVarLengthArray<CompactEvent::Scalar, 16> &elements)
{
    put(out, QLatin1StringView("["));
    for (qsizetype i = 0; i < elements.size(); ++i) {
        if (i > 0)
            put(out, QLatin1StringView(","));
        writeScalar(out, elements[i], TemplateContext::Json, JsonSlot::Value);
    }
    put(out, QLatin1StringView("]"));
}

} // namespace

void appendJsonList(Utf16Writer &out, const QVarLengthArray<CompactEvent::Scalar, 16> &elements)
{
    writeJsonList(out, elements);
}

void appendJsonList(Utf8Writer &out, const QVarLengthArray<CompactEvent::Scalar, 16> &elements)
{
    writeJsonList(out, elements);
}

bool appendScalar(Utf16Writer &out, const CompactEvent::Scalar &value, TemplateContext context,
                  JsonSlot slot)
{
    return writeScalar(out, value, context, slot);
}

bool appendScalar(Utf8Writer &out, const CompactEvent::Scalar &value, TemplateContext context,
                  JsonSlot slot)
{
    return writeScalar(out, value, context, slot);
}

} // namespace Kanca::TemplateEscaping
