#pragma once

#include "templates/OutputWriter.h"
#include "templates/TemplateEscaping.h"

#include <QByteArrayView>

#include <array>

// An event's UTF-8 text written into a template's output, escaped on the way, in one pass
// (private to core/templates: TemplateEscaping). Sixteen bytes at a time where SSE2 is there,
// eight otherwise: most text has nothing to escape.
namespace Kanca::TemplateEscaping {

// What a piece of text is escaped for: nothing, the inside of a JSON string (as
// appendJsonEscaped()), or a header value (as appendHeaderSafe()).
enum class Escape { None, Json, Header };

// Appends UTF-8 text as UTF-16, escaped as appendJsonEscaped() or appendHeaderSafe() escape the
// same text in UTF-16 (or not at all). Text that is not well-formed UTF-8 gives what a QString
// of it (QString::fromUtf8) would.
void appendUtf8(Utf16Writer &out, QByteArrayView utf8, Escape escape);
// Copies UTF-8 text to UTF-8 output, escaped as appendUtf8() escapes it (below, in this header,
// so that a call with a constant `escape` is compiled for it).
inline void appendUtf8Escaped(Utf8Writer &out, QByteArrayView utf8, Escape escape);

// The length of the character at `p` that `escape` replaces (a control character, a quote...),
// or 0.
inline int escapedLength(const uchar *p, const uchar *end, Escape escape)
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
inline constexpr ByteTable JsonSpecial = specialBytes(Escape::Json);
inline constexpr ByteTable HeaderSpecial = specialBytes(Escape::Header);

inline constexpr ByteTable NoSpecial{};

inline void appendUtf8Escaped(Utf8Writer &out, QByteArrayView utf8, Escape escape)
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

} // namespace Kanca::TemplateEscaping
