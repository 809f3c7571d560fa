#include "format/StrictJson.h"

#include "format/JsonLocator.h"

namespace Kanca {

namespace {

// The value of the four hex digits at `at`, or -1.
int hex4(QByteArrayView text, qsizetype at)
{
    if (at + 4 > text.size())
        return -1;
    int value = 0;
    for (qsizetype i = at; i < at + 4; ++i) {
        const char c = text[i];
        int digit = -1;
        if (c >= '0' && c <= '9')
            digit = c - '0';
        else if (c >= 'a' && c <= 'f')
            digit = c - 'a' + 10;
        else if (c >= 'A' && c <= 'F')
            digit = c - 'A' + 10;
        if (digit < 0)
            return -1;
        value = value * 16 + digit;
    }
    return value;
}

QString hexText(int value)
{
    return QStringLiteral("%1").arg(value, 4, 16, QLatin1Char('0')).toUpper();
}

} // namespace

std::optional<StrictJson::Flaw> StrictJson::firstFlaw(QByteArrayView text)
{
    const qsizetype n = text.size();
    qsizetype pos = 0;
    while (pos < n) {
        // Outside strings: on to the next quote, which opens one (the text is JSON).
        pos = text.indexOf('"', pos);
        if (pos < 0)
            return std::nullopt;
        ++pos;
        while (pos < n) {
            const auto c = static_cast<unsigned char>(text[pos]);
            if (c == '"') {
                ++pos;
                break;
            }
            if (c < 0x20) {
                return Flaw{pos, tr("a control character (U+%1) stands raw in a string; JSON "
                                    "needs it escaped, as \\n, \\t or \\u%1")
                                     .arg(hexText(c))};
            }
            if (c != '\\') {
                ++pos;
                continue;
            }
            if (pos + 1 < n && text[pos + 1] != 'u') {
                pos += 2;
                continue;
            }
            const int unit = hex4(text, pos + 2);
            if (unit >= 0xD800 && unit <= 0xDBFF && pos + 7 < n && text[pos + 6] == '\\'
                && text[pos + 7] == 'u') {
                const int next = hex4(text, pos + 8);
                if (next >= 0xDC00 && next <= 0xDFFF) {
                    pos += 12; // a pair: one character
                    continue;
                }
            }
            if (unit >= 0xD800 && unit <= 0xDFFF) {
                return Flaw{pos, tr("\"\\u%1\" is half of a surrogate pair without its other "
                                    "half: no character; write the character itself or both "
                                    "halves")
                                     .arg(hexText(unit))};
            }
            pos += 6;
        }
    }
    return std::nullopt;
}

std::optional<QJsonDocument> StrictJson::parse(const QByteArray &utf8, Problems *problems)
{
    QJsonParseError parseError;
    QJsonDocument document = QJsonDocument::fromJson(utf8, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        const auto at = JsonLocator::positionOfOffset(utf8, parseError.offset);
        problems->append({Problem::Severity::Error, QString(), at.line, at.column,
                          tr("not valid JSON: %1").arg(parseError.errorString())});
        return std::nullopt;
    }
    if (const std::optional<Flaw> flaw = firstFlaw(utf8)) {
        const auto at = JsonLocator::positionOfOffset(utf8, flaw->offset);
        problems->append({Problem::Severity::Error, QString(), at.line, at.column,
                          tr("not valid JSON: %1").arg(flaw->message)});
        return std::nullopt;
    }
    return document;
}

} // namespace Kanca
