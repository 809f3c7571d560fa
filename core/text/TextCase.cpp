#include "text/TextCase.h"

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

QString toUpper(QStringView text, Language language)
{
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
    QString result = normalized(text);
    mapDottedIBeforeLowering(result, language);
    return std::move(result).toCaseFolded();
}

} // namespace Kanca::TextCase
