#include "text/TextCase.h"

#include <algorithm>
#include <optional>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace Kanca::TextCase {

namespace {

constexpr char16_t DottedCapitalI = u'\u0130'; // İ
constexpr char16_t DotlessSmallI = u'\u0131';  // ı

// The dotted and dotless i before a lower-casing or folding step: in Turkish I is the capital of
// ı and İ the capital of i; in English I is the capital of i, and İ (a Turkish name in an English
// rule set) is read as i too. Qt's own mappings would lower İ to "i" + U+0307 and leave it
// unchanged when folding, so both cases are mapped here.
void mapDottedIBeforeLowering(QString &text, Language language)
{
    const bool turkish = language == Language::Turkish;
    for (QChar &c : text) {
        if (c == u'I' && turkish)
            c = QChar(DotlessSmallI);
        else if (c == DottedCapitalI)
            c = QChar(u'i');
    }
}

void mapDottedIBeforeUppering(QString &text, Language language)
{
    if (language != Language::Turkish)
        return; // Qt's mapping is the English one: i -> I, ı -> I
    for (QChar &c : text) {
        if (c == u'i')
            c = QChar(DottedCapitalI);
    }
}

} // namespace

QString normalized(QStringView text)
{
    // QString::normalized() returns at once (without copying the characters again) when the text
    // is ASCII or passes Unicode's NFC quick check, so composed text costs one scan. It also
    // catches what a hand-written test would miss: singletons such as U+212B ANGSTROM SIGN or
    // U+037E GREEK QUESTION MARK change under NFC although they are not combining marks.
    return text.toString().normalized(QString::NormalizationForm_C);
}

QString toLower(QStringView text, Language language)
{
    QString result = normalized(text);
    mapDottedIBeforeLowering(result, language);
    return std::move(result).toLower();
}

namespace {

// Text made only of characters below U+0300 (ASCII, Latin-1 and Latin Extended: all of Turkish,
// and most event data) is already in NFC, since nothing there composes without a combining mark,
// and folds and (but for three letters) upper-cases one character to one. Such text is mapped
// here character by character, which is several times faster than QString's case conversion;
// tst_textcase checks every character below U+0400 against the general way.
constexpr char16_t FirstCombiningMark = 0x0300;

// The characters below U+0300 whose upper case is not one character (SpecialCasing.txt).
bool upperExpands(char16_t c)
{
    return c == 0x00DF || c == 0x0149 || c == 0x01F0; // ß -> SS, ŉ -> ʼN, ǰ -> J̌
}

// QChar's simple mappings below U+0300, looked up once.
struct LatinMappings
{
    char16_t upper[FirstCombiningMark];
    char16_t folded[FirstCombiningMark];

    LatinMappings()
    {
        for (char16_t c = 0; c < FirstCombiningMark; ++c) {
            upper[c] = char16_t(QChar::toUpper(char32_t(c)));
            folded[c] = char16_t(QChar::toCaseFolded(char32_t(c)));
        }
    }
};

const LatinMappings &latinMappings()
{
    static const LatinMappings mappings;
    return mappings;
}

bool mapsOneToOne(char16_t c)
{
    return c < FirstCombiningMark && !upperExpands(c);
}

std::optional<QString> latinUpper(QStringView text, Language language)
{
    const bool turkish = language == Language::Turkish;
    const char16_t *upper = latinMappings().upper;
    QString result(text.size(), Qt::Uninitialized);
    QChar *out = result.data();
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t c = text[i].unicode();
        if (!mapsOneToOne(c))
            return std::nullopt;
        out[i] = QChar((c == u'i' && turkish) ? DottedCapitalI : upper[c]);
    }
    return result;
}

std::optional<QString> latinFold(QStringView text, Language language)
{
    const bool turkish = language == Language::Turkish;
    const char16_t *folded = latinMappings().folded;
    QString result(text.size(), Qt::Uninitialized);
    QChar *out = result.data();
    for (qsizetype i = 0; i < text.size(); ++i) {
        char16_t c = text[i].unicode();
        if (c >= FirstCombiningMark)
            return std::nullopt;
        if (c == u'I' && turkish)
            c = DotlessSmallI;
        else if (c == DottedCapitalI)
            c = u'i';
        out[i] = QChar(folded[c]);
    }
    return result;
}

// Whether every character of `text` is below U+0300 and, with `noneExpands`, none is one of the
// three whose capitals are two characters. Eight at a time with SSE2.
bool allBelowCombiningMarks(QStringView text, bool noneExpands)
{
    const char16_t *const units = reinterpret_cast<const char16_t *>(text.utf16());
    qsizetype i = 0;
#if defined(__SSE2__)
    const __m128i lastBelowMarks = _mm_set1_epi16(short(FirstCombiningMark - 1));
    const __m128i sharpS = _mm_set1_epi16(short(0x00DF));
    const __m128i apostropheN = _mm_set1_epi16(short(0x0149));
    const __m128i jCaron = _mm_set1_epi16(short(0x01F0));
    const __m128i zero = _mm_setzero_si128();
    for (; i + 8 <= text.size(); i += 8) {
        const __m128i block = _mm_loadu_si128(reinterpret_cast<const __m128i *>(units + i));
        // Zero where a unit is at most U+02FF (unsigned saturating subtraction).
        int fine = _mm_movemask_epi8(_mm_cmpeq_epi16(_mm_subs_epu16(block, lastBelowMarks), zero));
        if (noneExpands) {
            const __m128i expands = _mm_or_si128(
                _mm_or_si128(_mm_cmpeq_epi16(block, sharpS), _mm_cmpeq_epi16(block, apostropheN)),
                _mm_cmpeq_epi16(block, jCaron));
            fine &= ~_mm_movemask_epi8(expands);
        }
        if (fine != 0xFFFF)
            return false;
    }
#endif
    for (; i < text.size(); ++i) {
        if (units[i] >= FirstCombiningMark || (noneExpands && upperExpands(units[i])))
            return false;
    }
    return true;
}

} // namespace

bool mapsOneToOne(QStringView text)
{
    return allBelowCombiningMarks(text, true);
}

QString nfc(const QString &text)
{
    return allBelowCombiningMarks(text, false) ? text
                                               : text.normalized(QString::NormalizationForm_C);
}

QString toUpper(QStringView text, Language language)
{
    if (std::optional<QString> latin = latinUpper(text, language))
        return *std::move(latin);
    QString result = normalized(text);
    mapDottedIBeforeUppering(result, language);
    // Qt applies the unconditional special casings here: ß -> SS, ŉ -> ʼN, ligatures.
    return std::move(result).toUpper();
}

QString fold(QStringView text, Language language)
{
    // NFC, the language's dotted / dotless i, then Unicode simple case folding (which, unlike
    // lower-casing, also unifies final and medial sigma, ſ and s, µ and μ, K and the Kelvin sign).
    // Full case folding's expansions (ß -> ss) are not applied: "straße" and "STRASSE" differ,
    // as they do for a Turkish or English reader who rarely types either.
    if (std::optional<QString> latin = latinFold(text, language))
        return *std::move(latin);
    QString result = normalized(text);
    mapDottedIBeforeLowering(result, language);
    return std::move(result).toCaseFolded();
}

} // namespace Kanca::TextCase
