#include "templates/TemplateEscaping.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>

#include <array>
#include <bit>
#include <cmath>
#include <cstring>
#include <type_traits>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

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

// The escape of a character that cannot stand as it is inside a JSON string: \" \\ \n \r \t \b
// \f, or \uXXXX (in `buffer`).
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

void appendJsonEscape(QString &out, char16_t u)
{
    char buffer[6];
    out.append(jsonEscapeOf(u, buffer));
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
        appendJsonEscape(out, u);
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

enum class Escape { None, Json, Header };

// The length of the character at `p` that `escape` replaces (a control character, a quote...),
// or 0.
int escapedLength(const uchar *p, const uchar *end, Escape escape)
{
    const uchar b = *p;
    const auto lineOrParagraph = [&] {
        return b == 0xE2 && end - p >= 3 && p[1] == 0x80 && (p[2] == 0xA8 || p[2] == 0xA9);
    };
    switch (escape) {
    case Escape::None:
        return 0;
    case Escape::Json:
        if (b < 0x20 || b == '"' || b == '\\')
            return 1;
        return lineOrParagraph() ? 3 : 0;
    case Escape::Header:
        if (b < 0x20 || b == 0x7F)
            return 1;
        if (b == 0xC2 && end - p >= 2 && p[1] == 0x85)
            return 2;
        return lineOrParagraph() ? 3 : 0;
    }
    return 0;
}

// The bytes that may start a character `escape` replaces: every such character starts with one
// of them, and most text has none.
using ByteTable = std::array<bool, 256>;
constexpr ByteTable specialBytes(Escape escape)
{
    ByteTable table{};
    for (int b = 0; b < 0x20; ++b)
        table[std::size_t(b)] = true;
    table[0xE2] = true; // U+2028, U+2029
    if (escape == Escape::Json) {
        table['"'] = true;
        table['\\'] = true;
    } else {
        table[0x7F] = true;
        table[0xC2] = true; // U+0085
    }
    return table;
}
constexpr ByteTable JsonSpecial = specialBytes(Escape::Json);
constexpr ByteTable HeaderSpecial = specialBytes(Escape::Header);

constexpr ByteTable NoSpecial{};

// The bytes of `w` that are not plain ASCII for `escape` (not ASCII, or special), flagged by their
// high bit, tested a word at a time with the usual "has a zero byte" tests. The lowest flag is
// exact: a flag above it may be false (a borrow), so only the count of plain bytes before the
// first flagged one (countr_zero / 8), or "none flagged", may be read from it.
quint64 stopBytes(quint64 w, Escape escape)
{
    constexpr quint64 Ones = 0x0101010101010101ULL;
    constexpr quint64 Highs = 0x8080808080808080ULL;
    const auto below = [&](quint64 n) { return (w - Ones * n) & ~w & Highs; };
    const auto equal = [&](quint64 c) {
        const quint64 x = w ^ (Ones * c);
        return (x - Ones) & ~x & Highs;
    };
    const quint64 high = w & Highs;
    switch (escape) {
    case Escape::None:
        return high;
    case Escape::Json:
        return high | below(0x20) | equal('"') | equal('\\');
    case Escape::Header:
        return high | below(0x20) | equal(0x7F);
    }
    return high;
}

// Widens the sixteen bytes at `p` into `d` (which has room for sixteen units), and returns how
// many of them, from the first, are plain (copied as they are: stopBytes()); 16 when all are.
// Units after those may be written too: the caller keeps only the plain ones.
int widenPlain16(const uchar *p, char16_t *d, Escape escape)
{
#if defined(__SSE2__)
    // Exactly, by comparisons. A byte with its high bit set is below 0x20 as a signed byte, so
    // one comparison finds both.
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p));
    const __m128i zero = _mm_setzero_si128();
    _mm_storeu_si128(reinterpret_cast<__m128i *>(d), _mm_unpacklo_epi8(v, zero));
    _mm_storeu_si128(reinterpret_cast<__m128i *>(d + 8), _mm_unpackhi_epi8(v, zero));
    const __m128i control = _mm_cmplt_epi8(v, _mm_set1_epi8(0x20));
    __m128i stops = v;
    switch (escape) {
    case Escape::None:
        break;
    case Escape::Json:
        stops = _mm_or_si128(control, _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('"')),
                                                   _mm_cmpeq_epi8(v, _mm_set1_epi8('\\'))));
        break;
    case Escape::Header:
        stops = _mm_or_si128(control, _mm_cmpeq_epi8(v, _mm_set1_epi8(0x7F)));
        break;
    }
    const auto mask = unsigned(_mm_movemask_epi8(stops));
    return mask ? std::countr_zero(mask) : 16;
#else
    for (int k = 0; k < 16; ++k)
        d[k] = p[k];
    for (int half = 0; half < 16; half += 8) {
        quint64 w;
        std::memcpy(&w, p + half, sizeof w);
        if (const quint64 stops = stopBytes(w, escape))
            return half + std::countr_zero(stops) / 8;
    }
    return 16;
#endif
}

// Appends UTF-8 text as UTF-16, escaped as appendJsonEscaped() or appendHeaderSafe() escape the
// same text in UTF-16 (or not at all), in one pass that decodes into the output's own buffer.
// Text that is not well-formed UTF-8 (never the case for an event's texts, which are checked when
// read) goes through QString::fromUtf8 and the UTF-16 escaping, so the output is always what a
// QString of the text would give.
void appendUtf8(Utf16Writer &out, QByteArrayView utf8, Escape escape)
{
    const ByteTable &special = escape == Escape::Json     ? JsonSpecial
                               : escape == Escape::Header ? HeaderSpecial
                                                          : NoSpecial;
    const qsizetype outStart = out.size();
    const auto *p = reinterpret_cast<const uchar *>(utf8.data());
    const auto *const end = p + utf8.size();
    // Room for the rest: UTF-16 never needs more units than UTF-8 has bytes; an escape, which
    // may need more, first counts what was written.
    char16_t *start = out.room(end - p);
    char16_t *d = start;
    const auto continuation = [](uchar b) { return (b & 0xC0) == 0x80; };
    while (p < end) {
        if (end - p >= 16) {
            // Sixteen bytes at a time (the room reserved holds them: d is never ahead of p).
            const int plain = widenPlain16(p, d, escape);
            d += plain;
            p += plain;
            if (plain == 16)
                continue;
        } else if (end - p >= 8) {
            quint64 w;
            std::memcpy(&w, p, sizeof w);
            const quint64 stops = stopBytes(w, escape);
            // Widened from memory, byte by byte, which the compiler turns into one vector
            // unpack (from the word's shifts it did not: 31 instructions for eight bytes).
            if (!stops) {
                for (int k = 0; k < 8; ++k)
                    d[k] = p[k];
                d += 8;
                p += 8;
                continue;
            }
            // The plain bytes before the first that is not, at once; that one below.
            const int plain = std::countr_zero(stops) / 8;
            for (int k = 0; k < plain; ++k)
                d[k] = p[k];
            d += plain;
            p += plain;
        }
        const uchar b = *p;
        if (special[b]) {
            if (const int length = escapedLength(p, end, escape)) {
                out.advance(d - start);
                if (escape == Escape::Header) {
                    out.append(u' ');
                } else {
                    char buffer[6];
                    out.append(jsonEscapeOf(
                        length == 1 ? char16_t(b) : (p[2] == 0xA8 ? 0x2028 : 0x2029), buffer));
                }
                p += length;
                start = d = out.room(end - p);
                continue;
            }
        }
        if (b < 0x80) {
            *d++ = b;
            ++p;
        } else if ((b & 0xE0) == 0xC0 && end - p >= 2 && continuation(p[1]) && b >= 0xC2) {
            *d++ = char16_t(((b & 0x1F) << 6) | (p[1] & 0x3F));
            p += 2;
        } else if ((b & 0xF0) == 0xE0 && end - p >= 3 && continuation(p[1]) && continuation(p[2])) {
            const char32_t c = ((b & 0x0F) << 12) | ((p[1] & 0x3F) << 6) | (p[2] & 0x3F);
            if (c < 0x800 || (c >= 0xD800 && c <= 0xDFFF))
                break;
            *d++ = char16_t(c);
            p += 3;
        } else if ((b & 0xF8) == 0xF0 && end - p >= 4 && continuation(p[1]) && continuation(p[2])
                   && continuation(p[3])) {
            const char32_t c =
                ((b & 0x07) << 18) | ((p[1] & 0x3F) << 12) | ((p[2] & 0x3F) << 6) | (p[3] & 0x3F);
            if (c < 0x10000 || c > 0x10FFFF)
                break;
            *d++ = QChar::highSurrogate(c);
            *d++ = QChar::lowSurrogate(c);
            p += 4;
        } else {
            break;
        }
    }
    if (p == end) {
        out.advance(d - start);
        return;
    }
    // Not well-formed: as Qt reads it.
    out.truncate(outStart);
    const QString text = QString::fromUtf8(utf8);
    QString escaped;
    switch (escape) {
    case Escape::None:
        out.append(text);
        return;
    case Escape::Json:
        appendJsonEscaped(escaped, text);
        break;
    case Escape::Header:
        appendHeaderSafe(escaped, text);
        break;
    }
    out.append(escaped);
}

// Copies UTF-8 text to UTF-8 output, escaped as appendUtf8() escapes it.
void appendUtf8Escaped(Utf8Writer &out, QByteArrayView utf8, Escape escape)
{
    if (escape == Escape::None) {
        out.append(utf8);
        return;
    }
    const ByteTable &special = escape == Escape::Json ? JsonSpecial : HeaderSpecial;
    const auto *const begin = reinterpret_cast<const uchar *>(utf8.data());
    const auto *const end = begin + utf8.size();
    const auto *runStart = begin;
    for (const auto *p = begin; p < end;) {
        const int length = special[*p] ? escapedLength(p, end, escape) : 0;
        if (length == 0) {
            ++p;
            continue;
        }
        out.append(QByteArrayView(runStart, p - runStart));
        if (escape == Escape::Header) {
            out.append(' ');
        } else {
            char buffer[6];
            const QLatin1StringView escaped =
                jsonEscapeOf(length == 1 ? char16_t(*p) : (p[2] == 0xA8 ? 0x2028 : 0x2029), buffer);
            out.append(QByteArrayView(escaped.data(), escaped.size()));
        }
        p += length;
        runStart = p;
    }
    out.append(QByteArrayView(runStart, end - runStart));
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

} // namespace

bool appendScalar(Utf16Writer &out, const CompactEvent::Scalar &value, TemplateContext context,
                  JsonSlot slot)
{
    return writeScalar(out, value, context, slot);
}

bool appendScalarUtf8(Utf8Writer &out, const CompactEvent::Scalar &value, TemplateContext context,
                      JsonSlot slot)
{
    return writeScalar(out, value, context, slot);
}

} // namespace Kanca::TemplateEscaping
