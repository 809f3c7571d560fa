#include "format/StrictJson.h"

#include "format/JsonLocator.h"

#include <algorithm>
#include <cctype>
#include <cstring>

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

// True when no byte of `text` is a control character (below 0x20) or a backslash: a text
// without either has no flaw. Eight bytes at a time (the usual test of a word for a byte below
// a bound), so that the texts that are plainly fine, most of them, cost a fraction of the scan.
bool plainly(QByteArrayView text)
{
    constexpr quint64 Ones = 0x0101010101010101ULL;
    constexpr quint64 Highs = 0x8080808080808080ULL;
    const char *const bytes = text.data();
    const qsizetype n = text.size();
    qsizetype i = 0;
    for (; i + 8 <= n; i += 8) {
        quint64 word;
        std::memcpy(&word, bytes + i, 8);
        const quint64 controls = (word - Ones * 0x20) & ~word & Highs;
        const quint64 notBackslash = word ^ (Ones * '\\');
        const quint64 backslashes = (notBackslash - Ones) & ~notBackslash & Highs;
        if ((controls | backslashes) != 0)
            return false;
    }
    for (; i < n; ++i) {
        const auto c = static_cast<unsigned char>(bytes[i]);
        if (c < 0x20 || c == '\\')
            return false;
    }
    return true;
}

QString hexText(int value)
{
    return QStringLiteral("%1").arg(value, 4, 16, QLatin1Char('0')).toUpper();
}

} // namespace

std::optional<StrictJson::Flaw> StrictJson::firstFlaw(QByteArrayView text)
{
    if (plainly(text))
        return std::nullopt;
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
                const char escaped = text[pos + 1];
                if (!QByteArrayView("\"\\/bfnrt").contains(escaped)) {
                    // QJsonDocument reads "\s" as "s": a regular expression's "\d" written
                    // with one backslash would lose it without a word.
                    const QString shown = uchar(escaped) < 0x80 && uchar(escaped) >= 0x20
                                              ? QString(QLatin1Char(escaped))
                                              : QStringLiteral("…");
                    return Flaw{pos, tr("\"\\%1\" is not an escape of JSON: a backslash in a "
                                        "string is written twice (a regular expression's \\d is "
                                        "\"\\\\d\" in JSON); the escapes are \\\", \\\\, \\/, "
                                        "\\b, \\f, \\n, \\r, \\t and \\uXXXX")
                                         .arg(shown)};
                }
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

StrictJson::Flaw StrictJson::describe(const QJsonParseError &error, QByteArrayView utf8)
{
    const qsizetype size = utf8.size();
    const qsizetype offset = std::clamp<qsizetype>(error.offset, 0, size);
    const qsizetype token = offset > 0 ? offset - 1 : 0; // QJsonDocument stops one into it
    const char unexpected = offset > 0 ? utf8.at(offset - 1) : '\0';
    const bool valueStarts = unexpected == '"' || unexpected == '{' || unexpected == '['
                             || unexpected == '-' || (unexpected >= '0' && unexpected <= '9')
                             || unexpected == 't' || unexpected == 'f' || unexpected == 'n';
    // The last character before the unexpected token that is not white space.
    const auto previous = [&] {
        qsizetype at = token - 1;
        while (at >= 0 && std::isspace(uchar(utf8.at(at))))
            --at;
        return at >= 0 ? utf8.at(at) : '\0';
    };
    const QString notAValue = tr("this is not a JSON value (text goes in double quotes; true, "
                                 "false and null are written in lower case)");
    switch (error.error) {
    case QJsonParseError::UnterminatedObject:
    case QJsonParseError::UnterminatedArray: {
        const bool object = error.error == QJsonParseError::UnterminatedObject;
        if (offset >= size && !valueStarts) {
            return {size, object ? tr("an object is not closed: a } is missing")
                                 : tr("an array is not closed: a ] is missing")};
        }
        if (object && (previous() == '{' || previous() == ','))
            return {token, tr("a member's name is missing here, or is not in double quotes")};
        if (valueStarts)
            return {token, tr("a comma (,) is missing before this value")};
        return {token, object ? tr("a comma (,) or a } is missing here")
                              : tr("a comma (,) or a ] is missing here")};
    }
    case QJsonParseError::MissingValueSeparator:
        return {offset, tr("a comma (,) is missing between two values")};
    case QJsonParseError::MissingNameSeparator:
        return {offset, tr("a colon (:) is missing after the member's name")};
    case QJsonParseError::IllegalValue:
        if (QByteArrayView(utf8).trimmed().isEmpty())
            return {0, tr("there is no JSON: the text is empty")};
        return {token, notAValue};
    case QJsonParseError::TerminationByNumber:
        return {offset, tr("the text ends too early: a closing } or ] is missing")};
    case QJsonParseError::IllegalNumber:
        // A word that is not true, false or null: QJsonDocument tried to read it as a number.
        if (offset < size && std::isalpha(uchar(utf8.at(offset))))
            return {offset, notAValue};
        return {offset, tr("this number is not valid")};
    case QJsonParseError::IllegalEscapeSequence:
        return {offset, tr("this escape sequence (\\…) is not valid in a string")};
    case QJsonParseError::IllegalUTF8String:
        return {offset, tr("the text is not valid UTF-8")};
    case QJsonParseError::UnterminatedString: {
        // Said by QJsonDocument also when every string is closed and the text ends too early.
        bool inString = false;
        for (qsizetype i = 0; i < size; ++i) {
            const char c = utf8.at(i);
            if (inString && c == '\\')
                ++i;
            else if (c == '"')
                inString = !inString;
        }
        if (!inString)
            return {size, tr("the text ends too early: a closing } or ] is missing")};
        return {offset, tr("a string is not closed: a double quote (\") is missing")};
    }
    case QJsonParseError::MissingObject:
        // Said "after a comma" by QJsonDocument also after a colon.
        if (previous() == ':')
            return {token, tr("a value is missing after the colon")};
        return {token, tr("a value is missing after the comma (no comma may come before } or ])")};
    case QJsonParseError::DeepNesting:
        return {offset, tr("the JSON is nested too deeply")};
    case QJsonParseError::DocumentTooLarge:
        return {offset, tr("the JSON is too large")};
    case QJsonParseError::GarbageAtEnd:
        return {offset, tr("there is more text after the end of the JSON")};
    case QJsonParseError::NoError:
        break;
    }
    return {offset, error.errorString()};
}

std::optional<QJsonDocument> StrictJson::parse(const QByteArray &utf8, Problems *problems)
{
    QJsonParseError parseError;
    QJsonDocument document = QJsonDocument::fromJson(utf8, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        const Flaw described = describe(parseError, utf8);
        const auto at = JsonLocator::positionOfOffset(utf8, described.offset);
        problems->append({Problem::Severity::Error, QString(), at.line, at.column,
                          tr("not valid JSON: %1").arg(described.message)});
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
