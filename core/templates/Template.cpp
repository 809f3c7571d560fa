// Templates: literal text with {{path | filter | filter:arg}} placeholders.
//
// Syntax
// - "{{" opens a placeholder and the first "}}" after it (outside a quoted argument) closes it.
//   Whitespace (spaces, tabs, line breaks) is allowed anywhere between the parts.
// - A run of more than two "{" is literal text up to its last two, which open the placeholder:
//   "{{{contact.id}}}" renders as "{" + value + "}", "{{{{x}}}}" as "{{" + value + "}}".
//   A "}}" outside a placeholder is literal text. There is no escape for a literal "{{".
// - The placeholder is a field path (letters, digits, "_", "-", "." ) known to the catalog,
//   then any number of "| filter" or "| filter:argument". An argument is a text in double
//   quotes (with \" and \\ as its only escapes) or a whole number.
// - Problems (unknown field or filter, with a "did you mean"; a missing or wrong argument; an
//   unclosed "{{"; an empty placeholder; an unclosed quoted argument; a placeholder inside a
//   nested "{{") are reported with the offset, line and column (in characters) of the part at
//   fault: the path, the filter's name, the argument, or the "{{" itself.
//
// Values and filters, applied left to right
// - The value of a path is looked up in the event. An absent value stays absent through upper,
//   lower, truncate and date, so that a later default can replace it.
// - upper, lower: Turkish or English case mapping (TextCase); on a list, each text in it.
//   Numbers and booleans are left unchanged.
// - default:"text": the text when the value is absent, null or "".
// - json: the value's compact JSON text ("Ayşe" -> "\"Ayşe\"", absent -> "null"). In a JSON
//   value position the text is inserted as JSON; any filter after json makes it plain text again.
// - urlencode: UTF-8 percent-encoding that keeps only RFC 3986 unreserved characters
//   (A-Z a-z 0-9 - . _ ~). In a URL a value whose last filter is urlencode is not encoded again.
// - truncate:N (N >= 1): at most N characters (code points; a surrogate pair is never split);
//   when the text is cut the last of the N is "…".
// - date:"format": the value is an ISO 8601 date-time (a value without an offset is taken as
//   UTC, so the output does not depend on the machine's time zone) formatted with a Qt date
//   format in the locale of the language (en_US or tr_TR: "MMMM" gives "November" or "Kasım"),
//   in the value's own offset. A value that is not a date-time is a render problem.
// - The text of a value: a string as is; a number in JSON notation (82, 4.5); true or false;
//   a list or an object as its compact JSON text; absent or null as "".
//
// Where the output goes (TemplateContext)
// - PlainText: the text as is.
// - Json: the literal text is scanned as JSON to know, for each placeholder, whether it stands
//   inside a JSON string or in a value position. Inside a string the value's text is escaped
//   (quote, backslash, control characters as \n \t \uXXXX including NUL, U+2028 and U+2029 and
//   lone surrogates as \uXXXX; other non-ASCII kept). In a value position the value is always
//   one JSON value: a text is quoted, a number stays a number, a list becomes a JSON array and
//   an absent value null. Parsing checks that the template is a JSON document whatever the
//   values (each placeholder replaced by "" inside a string or null in a value position) and
//   reports "the body is not valid JSON" at the position mapped back into the template; a
//   placeholder right after a backslash (inside an escape) is a problem too.
// - Url: the literal text as written (a space or a control character in it is a problem); a
//   value percent-encoded as by urlencode, the same in the path and the query, so "&", "=", "#",
//   "?" and "/" in a value are encoded.
// - Header: the text with control characters (CR, LF, NUL, tab, DEL, U+0085, U+2028, U+2029)
//   replaced by spaces, so no value can start a new header. A control character in the literal
//   text is a problem.
// - FormField: the text as is; CompiledAction form-encodes the field.
#include "templates/Template.h"

#include "catalog/Catalog.h"
#include "event/EventContext.h"
#include "event/FieldPath.h"
#include "text/Suggest.h"
#include "text/TextCase.h"

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QLocale>
#include <QTime>

#include <cmath>
#include <limits>

namespace Kanca {

namespace {

enum class FilterKind { Upper, Lower, Default, Json, UrlEncode, Truncate, Date };

struct FilterName
{
    QLatin1StringView name;
    FilterKind kind;
};

constexpr FilterName FilterNames[] = {
    {QLatin1StringView("upper"), FilterKind::Upper},
    {QLatin1StringView("lower"), FilterKind::Lower},
    {QLatin1StringView("default"), FilterKind::Default},
    {QLatin1StringView("json"), FilterKind::Json},
    {QLatin1StringView("urlencode"), FilterKind::UrlEncode},
    {QLatin1StringView("truncate"), FilterKind::Truncate},
    {QLatin1StringView("date"), FilterKind::Date},
};

QStringList filterNameList()
{
    QStringList names;
    for (const FilterName &f : FilterNames)
        names.append(QString(f.name));
    return names;
}

struct Filter
{
    FilterKind kind = FilterKind::Upper;
    QString text;         // Default: the replacement; Date: the format
    int count = 0;        // Truncate
    qsizetype offset = 0; // of the filter's name in the template
};

enum class JsonSlot { None, InString, Value };

struct Placeholder
{
    FieldPath path;
    QList<Filter> filters;
    JsonSlot slot = JsonSlot::None;
    qsizetype offset = 0;     // of "{{"
    qsizetype pathOffset = 0; // of the path
};

// Literal text, then (when hasPlaceholder) one placeholder.
struct Segment
{
    QString literal;
    qsizetype literalOffset = 0; // where the literal starts in the template
    bool hasPlaceholder = false;
    Placeholder placeholder;
};

// A value on its way through the filters.
struct Value
{
    enum class Form {
        Plain,      // json is the value
        JsonText,   // json is a string: the JSON text of the value (the json filter)
        UrlEncoded, // json is a string: already percent-encoded (the urlencode filter)
    };
    QJsonValue json;
    Form form = Form::Plain;
};

bool isUnreserved(uchar b)
{
    return (b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z') || (b >= '0' && b <= '9') || b == '-'
           || b == '.' || b == '_' || b == '~';
}

constexpr char HexDigits[] = "0123456789ABCDEF";
constexpr char LowerHexDigits[] = "0123456789abcdef";

void appendPercentEncoded(QString &out, QStringView text)
{
    const QByteArray utf8 = text.toUtf8();
    out.reserve(out.size() + utf8.size());
    for (const char c : utf8) {
        const auto b = uchar(c);
        if (isUnreserved(b)) {
            out.append(QLatin1Char(char(b)));
        } else {
            out.append(QLatin1Char('%'));
            out.append(QLatin1Char(HexDigits[b >> 4]));
            out.append(QLatin1Char(HexDigits[b & 0xF]));
        }
    }
}

QString numberText(const QJsonValue &value)
{
    const double d = value.toDouble();
    if (std::isfinite(d) && std::trunc(d) == d && std::abs(d) < 9.2e18)
        return QString::number(value.toInteger(qint64(d)));
    return QString::number(d, 'g', QLocale::FloatingPointShortest);
}

bool needsJsonEscape(char16_t u)
{
    return u < 0x20 || u == u'"' || u == u'\\' || u == 0x2028 || u == 0x2029
           || (u >= 0xD800 && u <= 0xDFFF);
}

void appendUnicodeEscape(QString &out, char16_t u)
{
    out.append(QLatin1StringView("\\u"));
    out.append(QLatin1Char(LowerHexDigits[(u >> 12) & 0xF]));
    out.append(QLatin1Char(LowerHexDigits[(u >> 8) & 0xF]));
    out.append(QLatin1Char(LowerHexDigits[(u >> 4) & 0xF]));
    out.append(QLatin1Char(LowerHexDigits[u & 0xF]));
}

// The text escaped for the inside of a JSON string (no quotes added).
void appendJsonEscaped(QString &out, QStringView text)
{
    const qsizetype n = text.size();
    qsizetype runStart = 0;
    for (qsizetype i = 0; i < n; ++i) {
        const char16_t u = text[i].unicode();
        if (!needsJsonEscape(u))
            continue;
        if (QChar::isHighSurrogate(u) && i + 1 < n
            && QChar::isLowSurrogate(text[i + 1].unicode())) {
            ++i; // a well-formed pair is kept as is
            continue;
        }
        out.append(text.mid(runStart, i - runStart));
        runStart = i + 1;
        switch (u) {
        case u'"':
            out.append(QLatin1StringView("\\\""));
            break;
        case u'\\':
            out.append(QLatin1StringView("\\\\"));
            break;
        case u'\n':
            out.append(QLatin1StringView("\\n"));
            break;
        case u'\r':
            out.append(QLatin1StringView("\\r"));
            break;
        case u'\t':
            out.append(QLatin1StringView("\\t"));
            break;
        case u'\b':
            out.append(QLatin1StringView("\\b"));
            break;
        case u'\f':
            out.append(QLatin1StringView("\\f"));
            break;
        default:
            appendUnicodeEscape(out, u);
            break;
        }
    }
    out.append(text.mid(runStart));
}

void appendJsonValue(QString &out, const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        out.append(QLatin1StringView("null"));
        break;
    case QJsonValue::Bool:
        out.append(value.toBool() ? QLatin1StringView("true") : QLatin1StringView("false"));
        break;
    case QJsonValue::Double:
        if (std::isfinite(value.toDouble()))
            out.append(numberText(value));
        else
            out.append(QLatin1StringView("null"));
        break;
    case QJsonValue::String:
        out.append(QLatin1Char('"'));
        appendJsonEscaped(out, value.toString());
        out.append(QLatin1Char('"'));
        break;
    case QJsonValue::Array: {
        out.append(QLatin1Char('['));
        const QJsonArray array = value.toArray();
        bool first = true;
        for (const QJsonValue &item : array) {
            if (!first)
                out.append(QLatin1Char(','));
            first = false;
            appendJsonValue(out, item);
        }
        out.append(QLatin1Char(']'));
        break;
    }
    case QJsonValue::Object: {
        out.append(QLatin1Char('{'));
        const QJsonObject object = value.toObject();
        bool first = true;
        for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
            if (!first)
                out.append(QLatin1Char(','));
            first = false;
            out.append(QLatin1Char('"'));
            appendJsonEscaped(out, it.key());
            out.append(QLatin1StringView("\":"));
            appendJsonValue(out, it.value());
        }
        out.append(QLatin1Char('}'));
        break;
    }
    }
}

QString jsonText(const QJsonValue &value)
{
    QString out;
    appendJsonValue(out, value);
    return out;
}

// The text of a value in a text context.
QString textOf(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::String:
        return value.toString();
    case QJsonValue::Double:
        return numberText(value);
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Array:
    case QJsonValue::Object:
        return jsonText(value);
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        break;
    }
    return {};
}

bool isAbsent(const QJsonValue &value)
{
    return value.isUndefined() || value.isNull();
}

bool isHeaderControl(char16_t u)
{
    return u < 0x20 || u == 0x7F || u == 0x85 || u == 0x2028 || u == 0x2029;
}

void appendHeaderSafe(QString &out, QStringView text)
{
    const qsizetype start = out.size();
    out.append(text);
    QChar *data = out.data() + start;
    for (qsizetype i = 0, n = text.size(); i < n; ++i) {
        if (isHeaderControl(data[i].unicode()))
            data[i] = QLatin1Char(' ');
    }
}

// At most `count` code points; the last is "…" when the text is cut.
QString truncated(const QString &text, int count)
{
    if (text.size() <= count)
        return text; // fewer UTF-16 units than count: fewer code points too
    qsizetype i = 0;
    qsizetype cutAt = 0;
    int seen = 0;
    const qsizetype n = text.size();
    while (i < n) {
        if (seen == count - 1)
            cutAt = i;
        if (seen == count)
            return text.left(cutAt) + QChar(0x2026);
        const bool pair = text[i].isHighSurrogate() && i + 1 < n && text[i + 1].isLowSurrogate();
        i += pair ? 2 : 1;
        ++seen;
    }
    return text;
}

QDateTime parseIsoDateTime(const QString &text)
{
    if (text.size() == 10) {
        const QDate date = QDate::fromString(text, Qt::ISODate);
        return date.isValid() ? QDateTime(date, QTime(0, 0), Qt::UTC) : QDateTime();
    }
    const bool hasZone = text.endsWith(u'Z') || text.endsWith(u'z') || text.lastIndexOf(u'+') > 10
                         || text.lastIndexOf(u'-') > 10;
    return QDateTime::fromString(hasZone ? text : text + u'Z', Qt::ISODateWithMs);
}

const QLocale &localeOf(Language language)
{
    static const QLocale english(QLocale::English, QLocale::UnitedStates);
    static const QLocale turkish(QLocale::Turkish, QLocale::Turkey);
    return language == Language::Turkish ? turkish : english;
}

// 1-based line and column (in code points) of a UTF-16 offset; "\r\n", "\n" and "\r" end lines.
void lineAndColumn(QStringView text, qsizetype offset, int *line, int *column)
{
    int l = 1;
    int c = 1;
    offset = std::min(offset, text.size());
    for (qsizetype i = 0; i < offset; ++i) {
        const QChar ch = text[i];
        if (ch == u'\n' || (ch == u'\r' && !(i + 1 < text.size() && text[i + 1] == u'\n'))) {
            ++l;
            c = 1;
        } else if (ch == u'\r') {
            continue; // the \r of \r\n
        } else if (ch.isLowSurrogate() && i > 0 && text[i - 1].isHighSurrogate()) {
            continue; // the second half of a pair: the same character
        } else {
            ++c;
        }
    }
    *line = l;
    *column = c;
}

bool isPathChar(QChar c)
{
    return c.isLetterOrNumber() || c == u'_' || c == u'-' || c == u'.';
}

bool isNameChar(QChar c)
{
    return c.isLetterOrNumber() || c == u'_';
}

class Parser
{
public:
    Parser(QStringView text, TemplateContext context, const Catalog &catalog,
           QList<TemplateProblem> *problems)
        : m_text(text)
        , m_context(context)
        , m_catalog(catalog)
        , m_problems(problems)
    {}

    void run(QList<Segment> *segments);
    bool failed() const { return m_failed; }

private:
    void problem(qsizetype offset, const QString &message);
    qsizetype skipSpace(qsizetype i, qsizetype end) const;
    void checkLiteral(qsizetype from, qsizetype to);
    // Parses the placeholder whose "{{" is at `open`. Returns where scanning goes on.
    qsizetype parsePlaceholder(qsizetype open, Placeholder *placeholder, bool *ok);
    bool parseFilter(qsizetype *pos, qsizetype end, Placeholder *placeholder);
    void classifyJson(QList<Segment> *segments);
    void checkJson(const QList<Segment> &segments);

    QStringView m_text;
    TemplateContext m_context;
    const Catalog &m_catalog;
    QList<TemplateProblem> *m_problems;
    bool m_failed = false;
};

void Parser::problem(qsizetype offset, const QString &message)
{
    m_failed = true;
    if (!m_problems)
        return;
    TemplateProblem p;
    p.offset = offset;
    lineAndColumn(m_text, offset, &p.line, &p.column);
    p.message = message;
    m_problems->append(p);
}

qsizetype Parser::skipSpace(qsizetype i, qsizetype end) const
{
    while (i < end && m_text[i].isSpace())
        ++i;
    return i;
}

void Parser::checkLiteral(qsizetype from, qsizetype to)
{
    if (m_context != TemplateContext::Url && m_context != TemplateContext::Header)
        return;
    for (qsizetype i = from; i < to; ++i) {
        const char16_t u = m_text[i].unicode();
        if (m_context == TemplateContext::Url && (isHeaderControl(u) || m_text[i].isSpace())) {
            problem(i, QCoreApplication::translate(
                           "Kanca::Template",
                           "a URL cannot hold a space or a control character; write a space as "
                           "%20"));
            return;
        }
        if (m_context == TemplateContext::Header && isHeaderControl(u)) {
            problem(i, QCoreApplication::translate(
                           "Kanca::Template",
                           "a header value cannot hold a line break or another control "
                           "character"));
            return;
        }
    }
}

void Parser::run(QList<Segment> *segments)
{
    const qsizetype n = m_text.size();
    qsizetype pos = 0;
    Segment current;
    current.literalOffset = 0;
    while (pos < n) {
        qsizetype open = m_text.indexOf(QLatin1StringView("{{"), pos);
        if (open < 0)
            break;
        while (open + 2 < n && m_text[open + 2] == u'{')
            ++open; // a run of braces: the last two open the placeholder
        checkLiteral(pos, open);
        current.literal.append(m_text.mid(pos, open - pos));
        Placeholder placeholder;
        bool ok = false;
        pos = parsePlaceholder(open, &placeholder, &ok);
        if (ok) {
            current.hasPlaceholder = true;
            current.placeholder = std::move(placeholder);
            segments->append(std::move(current));
            current = Segment();
            current.literalOffset = pos;
        }
    }
    if (pos < n) {
        checkLiteral(pos, n);
        current.literal.append(m_text.mid(pos));
    }
    if (!current.literal.isEmpty() || segments->isEmpty())
        segments->append(std::move(current));

    if (m_context == TemplateContext::Json) {
        classifyJson(segments);
        if (!m_failed)
            checkJson(*segments);
    }
}

qsizetype Parser::parsePlaceholder(qsizetype open, Placeholder *placeholder, bool *ok)
{
    const qsizetype n = m_text.size();
    const qsizetype begin = open + 2;

    // Find the closing "}}", outside a quoted argument. A quote opens an argument only after a
    // ":"; any other quote is a mistake the placeholder's parser reports (e.g. the quote of a
    // JSON string in "{{contact.fullname"}").
    qsizetype close = -1;
    bool inQuote = false;
    qsizetype quoteStart = 0;
    QChar previous;
    for (qsizetype j = begin; j < n; ++j) {
        const QChar c = m_text[j];
        if (inQuote) {
            if (c == u'\\') {
                ++j;
            } else if (c == u'"') {
                inQuote = false;
                previous = c;
            }
            continue;
        }
        const QChar before = previous;
        if (!c.isSpace())
            previous = c;
        if (c == u'"' && before == u':') {
            inQuote = true;
            quoteStart = j;
        } else if (c == u'}' && j + 1 < n && m_text[j + 1] == u'}') {
            close = j;
            break;
        } else if (c == u'{' && j + 1 < n && m_text[j + 1] == u'{') {
            problem(open,
                    QCoreApplication::translate("Kanca::Template",
                                                "unclosed \"{{\": a placeholder ends with \"}}\""));
            *ok = false;
            return j;
        }
    }
    if (close < 0) {
        if (inQuote)
            problem(quoteStart,
                    QCoreApplication::translate("Kanca::Template",
                                                "the quoted argument is not closed with \""));
        else
            problem(open,
                    QCoreApplication::translate("Kanca::Template",
                                                "unclosed \"{{\": a placeholder ends with \"}}\""));
        *ok = false;
        return n;
    }
    const qsizetype after = close + 2;

    placeholder->offset = open;
    qsizetype i = skipSpace(begin, close);
    if (i == close) {
        problem(open, QCoreApplication::translate(
                          "Kanca::Template",
                          "empty placeholder: write a field path between the braces, e.g. "
                          "{{contact.fullname}}"));
        *ok = false;
        return after;
    }
    const qsizetype pathStart = i;
    while (i < close && isPathChar(m_text[i]))
        ++i;
    if (i == pathStart) {
        if (m_text[i] == u'|')
            problem(i, QCoreApplication::translate("Kanca::Template",
                                                   "a placeholder starts with a field path, e.g. "
                                                   "{{contact.fullname | upper}}"));
        else
            problem(i, QCoreApplication::translate("Kanca::Template",
                                                   "unexpected \"%1\" in the placeholder")
                           .arg(m_text[i]));
        *ok = false;
        return after;
    }
    const QStringView path = m_text.mid(pathStart, i - pathStart);
    bool good = true;
    if (!m_catalog.field(path)) {
        problem(pathStart, QCoreApplication::translate("Kanca::Template", "unknown field \"%1\"%2")
                               .arg(path.toString(), didYouMean(path, m_catalog.fieldPaths())));
        good = false;
    }
    placeholder->path = FieldPath(path);
    placeholder->pathOffset = pathStart;

    while (true) {
        i = skipSpace(i, close);
        if (i == close)
            break;
        if (m_text[i] != u'|') {
            problem(i, QCoreApplication::translate(
                           "Kanca::Template",
                           "unexpected \"%1\" in the placeholder: filters follow a \"|\"")
                           .arg(m_text[i]));
            good = false;
            break;
        }
        ++i;
        if (!parseFilter(&i, close, placeholder)) {
            good = false;
            if (i < 0)
                break;
        }
    }
    *ok = good;
    return after;
}

// Parses " name" or " name:argument" after a "|"; *pos is left after it, or at -1 when the rest
// of the placeholder cannot be read.
bool Parser::parseFilter(qsizetype *pos, qsizetype end, Placeholder *placeholder)
{
    qsizetype i = skipSpace(*pos, end);
    const qsizetype nameStart = i;
    while (i < end && isNameChar(m_text[i]))
        ++i;
    if (i == nameStart) {
        problem(nameStart, QCoreApplication::translate("Kanca::Template",
                                                       "a filter name is missing after \"|\""));
        *pos = -1;
        return false;
    }
    const QStringView name = m_text.mid(nameStart, i - nameStart);
    Filter filter;
    filter.offset = nameStart;
    bool known = false;
    for (const FilterName &f : FilterNames) {
        if (name == f.name) {
            filter.kind = f.kind;
            known = true;
            break;
        }
    }
    bool good = true;
    if (!known) {
        problem(nameStart, QCoreApplication::translate("Kanca::Template", "unknown filter \"%1\"%2")
                               .arg(name.toString(), didYouMean(name, filterNameList())));
        good = false;
    }

    // The argument.
    enum class Arg { None, Text, Number };
    Arg arg = Arg::None;
    QString argText;
    qsizetype argStart = 0;
    i = skipSpace(i, end);
    if (i < end && m_text[i] == u':') {
        i = skipSpace(i + 1, end);
        argStart = i;
        if (i < end && m_text[i] == u'"') {
            arg = Arg::Text;
            ++i;
            while (i < end && m_text[i] != u'"') {
                if (m_text[i] == u'\\') {
                    const QChar next = i + 1 < end ? m_text[i + 1] : QChar();
                    if (next != u'"' && next != u'\\') {
                        problem(i, QCoreApplication::translate(
                                       "Kanca::Template",
                                       "unknown escape in a quoted argument: only \\\" and \\\\ "
                                       "are allowed"));
                        *pos = -1;
                        return false;
                    }
                    argText.append(next);
                    i += 2;
                } else {
                    argText.append(m_text[i]);
                    ++i;
                }
            }
            if (i >= end) {
                problem(argStart,
                        QCoreApplication::translate("Kanca::Template",
                                                    "the quoted argument is not closed with \""));
                *pos = -1;
                return false;
            }
            ++i; // the closing quote
        } else if (i < end && (m_text[i].isDigit() || m_text[i] == u'-')) {
            arg = Arg::Number;
            ++i;
            while (i < end && m_text[i].isDigit())
                ++i;
            argText = m_text.mid(argStart, i - argStart).toString();
        } else {
            problem(i, QCoreApplication::translate(
                           "Kanca::Template",
                           "an argument in quotes or a whole number must follow \":\""));
            *pos = -1;
            return false;
        }
    }
    *pos = i;
    if (!known)
        return false;

    const qsizetype at = arg == Arg::None ? nameStart : argStart;
    switch (filter.kind) {
    case FilterKind::Upper:
    case FilterKind::Lower:
    case FilterKind::Json:
    case FilterKind::UrlEncode:
        if (arg != Arg::None) {
            problem(argStart, QCoreApplication::translate("Kanca::Template",
                                                          "the filter \"%1\" takes no argument")
                                  .arg(name.toString()));
            good = false;
        }
        break;
    case FilterKind::Default:
        if (arg != Arg::Text) {
            problem(at,
                    QCoreApplication::translate(
                        "Kanca::Template", "the filter \"default\" needs a text in quotes, e.g. "
                                           "default:\"unknown\""));
            good = false;
        }
        filter.text = argText;
        break;
    case FilterKind::Date:
        if (arg != Arg::Text || argText.isEmpty()) {
            problem(at, QCoreApplication::translate(
                            "Kanca::Template",
                            "the filter \"date\" needs a date format in quotes, e.g. "
                            "date:\"yyyy-MM-dd\""));
            good = false;
        }
        filter.text = argText;
        break;
    case FilterKind::Truncate: {
        if (arg != Arg::Number) {
            problem(at, QCoreApplication::translate(
                            "Kanca::Template",
                            "the filter \"truncate\" needs a number of characters, e.g. "
                            "truncate:100"));
            good = false;
            break;
        }
        bool isNumber = false;
        const qlonglong count = argText.toLongLong(&isNumber);
        if (!isNumber || count < 1 || count > std::numeric_limits<int>::max()) {
            problem(argStart, QCoreApplication::translate(
                                  "Kanca::Template",
                                  "the length of \"truncate\" must be a whole number of at "
                                  "least 1, not %1")
                                  .arg(argText));
            good = false;
            break;
        }
        filter.count = int(count);
        break;
    }
    }
    if (good)
        placeholder->filters.append(filter);
    return good;
}

// Walks the literal text as JSON to know whether each placeholder is inside a string.
void Parser::classifyJson(QList<Segment> *segments)
{
    enum class State { Outside, InString, AfterBackslash, UnicodeEscape };
    State state = State::Outside;
    int hexLeft = 0;
    for (Segment &segment : *segments) {
        for (const QChar c : std::as_const(segment.literal)) {
            switch (state) {
            case State::Outside:
                if (c == u'"')
                    state = State::InString;
                break;
            case State::InString:
                if (c == u'"')
                    state = State::Outside;
                else if (c == u'\\')
                    state = State::AfterBackslash;
                break;
            case State::AfterBackslash:
                if (c == u'u') {
                    state = State::UnicodeEscape;
                    hexLeft = 4;
                } else {
                    state = State::InString;
                }
                break;
            case State::UnicodeEscape:
                if (--hexLeft == 0)
                    state = State::InString;
                break;
            }
        }
        if (!segment.hasPlaceholder)
            continue;
        if (state == State::AfterBackslash || state == State::UnicodeEscape) {
            problem(segment.placeholder.offset,
                    QCoreApplication::translate(
                        "Kanca::Template",
                        "a placeholder cannot stand inside a backslash escape of a JSON string"));
            segment.placeholder.slot = JsonSlot::InString;
            continue;
        }
        segment.placeholder.slot = state == State::InString ? JsonSlot::InString : JsonSlot::Value;
    }
}

// The template must be JSON whatever the values: parse it with every placeholder replaced by a
// stand-in ("" inside a string, null in a value position).
void Parser::checkJson(const QList<Segment> &segments)
{
    struct Piece
    {
        qsizetype start;          // in the stand-in document (UTF-16)
        qsizetype templateOffset; // where it comes from
        bool placeholder;
    };
    QString document;
    document.reserve(m_text.size());
    QList<Piece> pieces;
    for (const Segment &segment : segments) {
        pieces.append({document.size(), segment.literalOffset, false});
        document.append(segment.literal);
        if (segment.hasPlaceholder) {
            pieces.append({document.size(), segment.placeholder.offset, true});
            if (segment.placeholder.slot == JsonSlot::Value)
                document.append(QLatin1StringView("null"));
        }
    }
    const QByteArray utf8 = document.toUtf8();
    QJsonParseError error;
    QJsonDocument::fromJson(utf8, &error);
    if (error.error == QJsonParseError::NoError)
        return;
    const qsizetype at =
        QString::fromUtf8(utf8.constData(), std::min<qsizetype>(error.offset, utf8.size())).size();
    qsizetype offset = m_text.size();
    for (qsizetype k = pieces.size() - 1; k >= 0; --k) {
        if (pieces[k].start <= at) {
            offset = pieces[k].placeholder ? pieces[k].templateOffset
                                           : pieces[k].templateOffset + (at - pieces[k].start);
            break;
        }
    }
    problem(std::min(offset, m_text.size()),
            QCoreApplication::translate("Kanca::Template", "the body is not valid JSON: %1")
                .arg(error.errorString()));
}

bool applyFilter(const Filter &filter, Value *value, Language language, QString *failure)
{
    QJsonValue &v = value->json;
    switch (filter.kind) {
    case FilterKind::Upper:
    case FilterKind::Lower: {
        const auto map = [&](const QString &text) {
            return filter.kind == FilterKind::Upper ? TextCase::toUpper(text, language)
                                                    : TextCase::toLower(text, language);
        };
        if (v.isString()) {
            v = map(v.toString());
            value->form = Value::Form::Plain;
        } else if (v.isArray()) {
            QJsonArray array = v.toArray();
            for (auto it = array.begin(); it != array.end(); ++it) {
                if (it->isString())
                    *it = map(it->toString());
            }
            v = array;
        }
        return true;
    }
    case FilterKind::Default:
        if (isAbsent(v) || (v.isString() && v.toString().isEmpty())) {
            v = filter.text;
            value->form = Value::Form::Plain;
        }
        return true;
    case FilterKind::Json:
        v = jsonText(v);
        value->form = Value::Form::JsonText;
        return true;
    case FilterKind::UrlEncode: {
        QString encoded;
        appendPercentEncoded(encoded, textOf(v));
        v = encoded;
        value->form = Value::Form::UrlEncoded;
        return true;
    }
    case FilterKind::Truncate:
        if (isAbsent(v))
            return true;
        v = truncated(textOf(v), filter.count);
        value->form = Value::Form::Plain;
        return true;
    case FilterKind::Date: {
        if (isAbsent(v) || (v.isString() && v.toString().isEmpty()))
            return true;
        const QDateTime dateTime = v.isString() ? parseIsoDateTime(v.toString()) : QDateTime();
        if (!dateTime.isValid()) {
            *failure = truncated(textOf(v), 40);
            return false;
        }
        v = localeOf(language).toString(dateTime, filter.text);
        value->form = Value::Form::Plain;
        return true;
    }
    }
    return true;
}

} // namespace

struct Template::Data
{
    TemplateContext context = TemplateContext::PlainText;
    QList<Segment> segments;
    qsizetype literalSize = 0;
    QStringList paths;
    QString text; // the template, for the positions of render problems
};

Template::Template()
    : d(std::make_unique<Data>())
{}

Template::~Template() = default;
Template::Template(Template &&) noexcept = default;
Template &Template::operator=(Template &&) noexcept = default;

Template Template::parse(QStringView text, TemplateContext context, const Catalog &catalog,
                         QList<TemplateProblem> *problems)
{
    Template result;
    Data &data = *result.d;
    data.context = context;
    data.text = text.toString();
    Parser parser(text, context, catalog, problems);
    parser.run(&data.segments);
    for (const Segment &segment : std::as_const(data.segments)) {
        data.literalSize += segment.literal.size();
        if (segment.hasPlaceholder && !data.paths.contains(segment.placeholder.path.text()))
            data.paths.append(segment.placeholder.path.text());
    }
    return result;
}

bool Template::render(const EventContext &context, Language language, QString *out,
                      QList<TemplateProblem> *problems) const
{
    out->clear();
    if (!d)
        return true;
    out->reserve(d->literalSize + 32 * d->segments.size());
    bool ok = true;
    for (const Segment &segment : d->segments) {
        out->append(segment.literal);
        if (!segment.hasPlaceholder)
            continue;
        const Placeholder &placeholder = segment.placeholder;
        Value value{context.value(placeholder.path)};
        for (const Filter &filter : placeholder.filters) {
            QString failure;
            if (!applyFilter(filter, &value, language, &failure)) {
                ok = false;
                if (problems) {
                    TemplateProblem p;
                    p.offset = filter.offset;
                    lineAndColumn(d->text, filter.offset, &p.line, &p.column);
                    p.message = QCoreApplication::translate(
                                    "Kanca::Template",
                                    "the filter \"date\" needs a date-time (ISO 8601), but "
                                    "\"%1\" is \"%2\"")
                                    .arg(placeholder.path.text(), failure);
                    problems->append(p);
                }
                value.json = QJsonValue(QJsonValue::Undefined);
                value.form = Value::Form::Plain;
                break;
            }
        }

        switch (d->context) {
        case TemplateContext::Json:
            if (placeholder.slot == JsonSlot::InString) {
                appendJsonEscaped(*out, textOf(value.json));
            } else if (value.form == Value::Form::JsonText) {
                out->append(value.json.toString());
            } else {
                appendJsonValue(*out, value.json);
            }
            break;
        case TemplateContext::Url:
            if (value.form == Value::Form::UrlEncoded)
                out->append(value.json.toString());
            else
                appendPercentEncoded(*out, textOf(value.json));
            break;
        case TemplateContext::Header:
            appendHeaderSafe(*out, textOf(value.json));
            break;
        case TemplateContext::FormField:
        case TemplateContext::PlainText:
            out->append(textOf(value.json));
            break;
        }
    }
    return ok;
}

QStringList Template::fieldPaths() const
{
    return d ? d->paths : QStringList();
}

bool Template::isConstant() const
{
    return !d || d->paths.isEmpty();
}

} // namespace Kanca
