#include "conditions/LeafFolding.h"

#include "text/TextCase.h"

#include <algorithm>
#include <bit>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace Kanca::LeafFolding {

namespace {

constexpr char16_t DottedCapitalI = u'\u0130';
constexpr char16_t DotlessSmallI = u'\u0131';
constexpr char16_t FirstCombiningMark = 0x0300;

// One character below FirstCombiningMark folded as TextCase::fold folds it.
char16_t foldBelowCombiningMarks(char16_t c, bool turkish)
{
    if (c < 0x80) {
        if (c >= u'A' && c <= u'Z')
            return (c == u'I' && turkish) ? DotlessSmallI : char16_t(c + (u'a' - u'A'));
        return c;
    }
    return c == DottedCapitalI ? u'i' : char16_t(QChar::toCaseFolded(char32_t(c)));
}

} // namespace

QStringView fold(const QString &text, Language language, bool caseSensitive, QString &scratch)
{
    if (caseSensitive) {
        scratch = text.normalized(QString::NormalizationForm_C); // shares `text` when NFC
        return scratch;
    }
    const qsizetype size = text.size();
    scratch.resize(size);
    QChar *out = scratch.data();
    const QChar *in = text.constData();
    const bool turkish = language == Language::Turkish;
    for (qsizetype i = 0; i < size; ++i) {
        const char16_t c = in[i].unicode();
        if (c >= FirstCombiningMark) {
            scratch = TextCase::fold(text, language);
            return scratch;
        }
        out[i] = QChar(foldBelowCombiningMarks(c, turkish));
    }
    return scratch;
}

QStringView foldUtf8(QByteArrayView utf8, Language language, bool caseSensitive, QString &scratch)
{
    const auto fallback = [&] {
        thread_local QString text;
        text = QString::fromUtf8(utf8);
        return fold(text, language, caseSensitive, scratch);
    };
    if (caseSensitive)
        return fallback();
    const qsizetype size = utf8.size();
    scratch.resize(size); // no more UTF-16 code units than bytes
    QChar *out = scratch.data();
    qsizetype written = 0;
    const auto *in = reinterpret_cast<const uchar *>(utf8.data());
    const bool turkish = language == Language::Turkish;
#if defined(__SSE2__)
    const __m128i zero = _mm_setzero_si128();
    const __m128i beforeA = _mm_set1_epi16(u'A' - 1);
    const __m128i afterZ = _mm_set1_epi16(u'Z' + 1);
    const __m128i caseBit = _mm_set1_epi16(u'a' - u'A');
    const __m128i capitalI = _mm_set1_epi16(u'I');
    const __m128i dotlessI = _mm_set1_epi16(short(DotlessSmallI));
#endif
    for (qsizetype i = 0; i < size;) {
#if defined(__SSE2__)
        // The ASCII at the start of the next eight bytes, folded eight at a time as
        // foldBelowCombiningMarks() folds them (A–Z to a–z; I to ı in Turkish). All eight are
        // written (the scratch has a unit for each byte); as many as are ASCII are kept.
        if (i + 8 <= size) {
            const __m128i bytes = _mm_loadl_epi64(reinterpret_cast<const __m128i *>(in + i));
            const unsigned nonAscii = unsigned(_mm_movemask_epi8(bytes)) & 0xFFu;
            const __m128i units = _mm_unpacklo_epi8(bytes, zero);
            const __m128i capital =
                _mm_and_si128(_mm_cmpgt_epi16(units, beforeA), _mm_cmplt_epi16(units, afterZ));
            __m128i folded = _mm_add_epi16(units, _mm_and_si128(capital, caseBit));
            if (turkish) {
                const __m128i isI = _mm_cmpeq_epi16(units, capitalI);
                folded = _mm_or_si128(_mm_andnot_si128(isI, folded), _mm_and_si128(isI, dotlessI));
            }
            _mm_storeu_si128(reinterpret_cast<__m128i *>(out + written), folded);
            const int ascii = nonAscii == 0 ? 8 : std::countr_zero(nonAscii);
            written += ascii;
            i += ascii;
            if (ascii == 8)
                continue;
        }
#endif
        char16_t c = in[i++];
        if (c >= 0x80) {
            if ((c & 0xE0) != 0xC0 || i >= size || (in[i] & 0xC0) != 0x80)
                return fallback();
            c = char16_t(((c & 0x1F) << 6) | (in[i++] & 0x3F));
            if (c < 0x80 || c >= FirstCombiningMark)
                return fallback(); // an overlong form, or beyond what folds character by character
        }
        out[written++] = QChar(foldBelowCombiningMarks(c, turkish));
    }
    scratch.truncate(written);
    return scratch;
}

QString &scratchBuffer()
{
    thread_local QString buffer;
    return buffer;
}

bool isAnI(char16_t c)
{
    return c == u'I' || c == u'i' || c == DottedCapitalI || c == DotlessSmallI;
}

bool holdsAnI(QStringView text)
{
    return std::any_of(text.cbegin(), text.cend(), [](QChar c) { return isAnI(c.unicode()); });
}

} // namespace Kanca::LeafFolding
