#include "text/TextCase.h"

namespace Kanca::TextCase {

namespace {

constexpr char16_t DottedCapitalI = u'\u0130'; // İ
constexpr char16_t DotlessSmallI = u'\u0131';  // ı

// True when the text may change under NFC: it holds a combining mark or a Hangul jamo, or
// anything outside the Basic Multilingual Plane's common ranges. A cheap, conservative test.
bool mayNeedNormalization(QStringView text)
{
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (u < 0x0300)
            continue;
        if ((u >= 0x0300 && u <= 0x036F) || (u >= 0x1100 && u <= 0x11FF) || c.isMark()
            || c.isSurrogate())
            return true;
    }
    return false;
}

} // namespace

QString normalized(QStringView text)
{
    if (mayNeedNormalization(text))
        return text.toString().normalized(QString::NormalizationForm_C);
    return text.toString();
}

QString toLower(QStringView text, Language language)
{
    QString result = normalized(text);
    for (QChar &c : result) {
        if (c == u'I')
            c = language == Language::Turkish ? QChar(DotlessSmallI) : QChar(u'i');
        else if (c == DottedCapitalI)
            c = QChar(u'i');
    }
    return result.toLower();
}

QString toUpper(QStringView text, Language language)
{
    QString result = normalized(text);
    for (QChar &c : result) {
        if (c == u'i')
            c = language == Language::Turkish ? QChar(DottedCapitalI) : QChar(u'I');
        else if (c == DotlessSmallI)
            c = QChar(u'I');
    }
    return result.toUpper();
}

QString fold(QStringView text, Language language)
{
    // Lower case with the language's rules is the right fold for the two languages Kanca
    // speaks; full case folding (ß -> ss) is not applied, so lengths stay comparable.
    return toLower(text, language);
}

} // namespace Kanca::TextCase
