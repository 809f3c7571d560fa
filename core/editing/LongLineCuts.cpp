#include "editing/LongLineCuts.h"

namespace Kanca::LongLineCuts {

namespace {

constexpr char16_t ZeroWidthJoiner = 0x200D;

// Whether the text may be cut before `at` without parting a character from what belongs to it.
bool canCutBefore(QStringView line, qsizetype at)
{
    const QChar next = line[at];
    const QChar previous = line[at - 1];
    if (next.isLowSurrogate() || next == ZeroWidthJoiner || previous == ZeroWidthJoiner)
        return false;
    char32_t code = next.unicode();
    if (next.isHighSurrogate() && at + 1 < line.size() && line[at + 1].isLowSurrogate())
        code = QChar::surrogateToUcs4(next, line[at + 1]);
    return !QChar::isMark(code);
}

} // namespace

QList<qsizetype> cuts(QStringView line)
{
    QList<qsizetype> result;
    if (line.size() <= LongLine)
        return result;
    result.reserve(line.size() / (PieceLength / 2) + 1);
    qsizetype start = 0;       // where the current piece begins
    qsizetype afterComma = -1; // the last place after a "," outside a string in this piece
    qsizetype afterSpace = -1;
    bool inString = false;
    bool escaped = false;
    bool inPlaceholder = false;
    for (qsizetype i = 0; i < line.size(); ++i) {
        if (i - start >= PieceLength) { // (a "{{" or "}}" is stepped over in one)
            const qsizetype half = start + PieceLength / 2;
            const qsizetype full = start + PieceLength;
            qsizetype cut = afterComma > half ? afterComma : afterSpace > half ? afterSpace : full;
            if (cut == full) {
                while (cut > start + 1 && !canCutBefore(line, cut))
                    --cut;
            }
            result.append(cut);
            start = cut;
            afterComma = -1;
            afterSpace = -1;
        }
        const QChar c = line[i];
        if (inPlaceholder) {
            if (c == u'}' && i + 1 < line.size() && line[i + 1] == u'}') {
                inPlaceholder = false;
                ++i; // the second "}"; never a cut between the two
            }
            continue;
        }
        if (c == u'{' && i + 1 < line.size() && line[i + 1] == u'{') {
            inPlaceholder = true;
            ++i;
            continue;
        }
        if (escaped) {
            escaped = false;
        } else if (inString && c == u'\\') {
            escaped = true;
        } else if (c == u'"') {
            inString = !inString;
        } else if (c == u',' && !inString) {
            afterComma = i + 1;
        }
        if (c == u' ')
            afterSpace = i + 1;
    }
    return result;
}

} // namespace Kanca::LongLineCuts
