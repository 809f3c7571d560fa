#include "templates/Utf8Escaping.h"

#include <QString>

#include <bit>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace Kanca::TemplateEscaping {

namespace {

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

} // namespace

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

} // namespace Kanca::TemplateEscaping
