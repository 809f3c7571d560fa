#include "templates/TemplateEscaping.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>

#include <cmath>

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

void appendUnicodeEscape(QString &out, char16_t u)
{
    out.append(QLatin1StringView("\\u"));
    out.append(QLatin1Char(LowerHexDigits[(u >> 12) & 0xF]));
    out.append(QLatin1Char(LowerHexDigits[(u >> 8) & 0xF]));
    out.append(QLatin1Char(LowerHexDigits[(u >> 4) & 0xF]));
    out.append(QLatin1Char(LowerHexDigits[u & 0xF]));
}

// The text escaped for the inside of a JSON string (no quotes added).
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
        switch (u) {
        case u'"':
            out.append(QLatin1StringView("\\\""));
            break;
        case u'\\':
            out.append(QLatin1StringView("\\\\"));
            break;
        case u'\n':
            out.append(QLatin1StringView("\\n"));
            break;
        case u'\r':
            out.append(QLatin1StringView("\\r"));
            break;
        case u'\t':
            out.append(QLatin1StringView("\\t"));
            break;
        case u'\b':
            out.append(QLatin1StringView("\\b"));
            break;
        case u'\f':
            out.append(QLatin1StringView("\\f"));
            break;
        default:
            appendUnicodeEscape(out, u);
            break;
        }
    }
    out.append(text.mid(runStart));
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

} // namespace

void appendPercentEncoded(QString &out, QStringView text)
{
    const QByteArray utf8 = text.toUtf8();
    out.reserve(out.size() + utf8.size());
    for (const char c : utf8) {
        const auto b = uchar(c);
        if (isUnreserved(b)) {
            out.append(QLatin1Char(char(b)));
        } else {
            out.append(QLatin1Char('%'));
            out.append(QLatin1Char(HexDigits[b >> 4]));
            out.append(QLatin1Char(HexDigits[b & 0xF]));
        }
    }
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

} // namespace Kanca::TemplateEscaping
