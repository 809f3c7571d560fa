#include "conditions/PatternForms.h"

#include "conditions/LeafFolding.h"

#include <cstring>

namespace Kanca::PatternForms {

namespace {

bool isAsciiPunctuation(char16_t c)
{
    return (c >= u'!' && c <= u'/') || (c >= u':' && c <= u'@') || (c >= u'[' && c <= u'`')
           || (c >= u'{' && c <= u'~');
}

bool isCaseBlindEscape(char16_t c)
{
    return c != 0 && c < 0x80
           && (std::strchr(CaseBlindClasses, char(c)) || std::strchr(CaseBlindAnchors, char(c)));
}

// Plain but for its i's: what isPlain() asks, the i's aside.
bool plainButForIs(QStringView pattern)
{
    for (qsizetype i = 0; i < pattern.size(); ++i) {
        switch (pattern[i].unicode()) {
        case u'[':
            return false;
        case u'\\':
            // Punctuation after a backslash stands for itself; a class that case does not
            // change (\d, \s, \w, their complements, \h, \v) or an anchor (\b, \A, \z) is
            // plain too. Any other letter or digit is a property, a code point, a
            // back-reference or an option.
            if (i + 1 >= pattern.size()
                || !(isAsciiPunctuation(pattern[i + 1].unicode())
                     || isCaseBlindEscape(pattern[i + 1].unicode())))
                return false;
            ++i;
            break;
        case u'(':
            if (i + 1 < pattern.size() && (pattern[i + 1] == u'?' || pattern[i + 1] == u'*'))
                return false;
            break;
        default:
            break;
        }
    }
    return true;
}

} // namespace

bool isPlain(QStringView pattern)
{
    return !LeafFolding::holdsAnI(pattern) && plainButForIs(pattern);
}

std::optional<QString> withAnyI(QStringView pattern)
{
    if (!LeafFolding::holdsAnI(pattern) || !plainButForIs(pattern))
        return std::nullopt;
    QString result;
    result.reserve(pattern.size() + 16);
    for (const QChar c : pattern) {
        // In a plain expression an i is never escaped nor in a class: it stands for itself.
        if (LeafFolding::isAnI(c.unicode()))
            result += u"[iI\u0130\u0131]";
        else
            result += c;
    }
    return result;
}

} // namespace Kanca::PatternForms
