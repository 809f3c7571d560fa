#include "templates/TemplateParser.h"

#include "catalog/Catalog.h"
#include "templates/JsonTemplateContext.h"
#include "templates/TemplateEscaping.h"
#include "templates/TemplateFilters.h"
#include "text/Suggest.h"

#include <QCoreApplication>

#include <limits>
#include <optional>

namespace Kanca {

namespace {

bool isPathChar(QChar c)
{
    return c.isLetterOrNumber() || c == u'_' || c == u'-' || c == u'.';
}

bool isNameChar(QChar c)
{
    return c.isLetterOrNumber() || c == u'_';
}

} // namespace

qsizetype TemplateParser::skipSpace(qsizetype i, qsizetype end) const
{
    while (i < end && m_text[i].isSpace())
        ++i;
    return i;
}

void TemplateParser::checkLiteral(qsizetype from, qsizetype to)
{
    if (m_context != TemplateContext::Url && m_context != TemplateContext::Header)
        return;
    for (qsizetype i = from; i < to; ++i) {
        const char16_t u = m_text[i].unicode();
        if (m_context == TemplateContext::Url
            && (TemplateEscaping::isHeaderControl(u) || m_text[i].isSpace())) {
            problem(i, QCoreApplication::translate(
                           "Kanca::Template",
                           "a URL cannot hold a space or a control character; write a space as "
                           "%20"));
            return;
        }
        if (m_context == TemplateContext::Header && TemplateEscaping::isHeaderControl(u)) {
            problem(i, QCoreApplication::translate(
                           "Kanca::Template",
                           "a header value cannot hold a line break or another control "
                           "character"));
            return;
        }
    }
}

void TemplateParser::run(QList<TemplateSegment> *segments)
{
    const qsizetype n = m_text.size();
    qsizetype pos = 0;
    TemplateSegment current;
    current.literalOffset = 0;
    while (pos < n) {
        qsizetype open = m_text.indexOf(QLatin1StringView("{{"), pos);
        if (open < 0)
            break;
        while (open + 2 < n && m_text[open + 2] == u'{')
            ++open; // a run of braces: the last two open the placeholder
        checkLiteral(pos, open);
        current.literal.append(m_text.mid(pos, open - pos));
        TemplatePlaceholder placeholder;
        bool ok = false;
        pos = parsePlaceholder(open, &placeholder, &ok);
        if (ok) {
            current.hasPlaceholder = true;
            current.placeholder = std::move(placeholder);
            segments->append(std::move(current));
            current = TemplateSegment();
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
        JsonTemplateContext::classifyPlaceholders(segments, m_reporter);
        if (!m_reporter.failed())
            JsonTemplateContext::checkDocument(m_text, *segments, m_reporter);
    }
}

qsizetype TemplateParser::parsePlaceholder(qsizetype open, TemplatePlaceholder *placeholder,
                                           bool *ok)
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
    const FieldInfo *field = m_catalog.field(path);
    if (!field) {
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
    if (good)
        good = checkFilterTypes(*field, *placeholder);
    *ok = good;
    return after;
}

// Only "date" asks for a type: a date-time. What reaches it follows from the field's type in
// the catalog and the filters before it, so a placeholder that could meet anything else is a
// problem now rather than when an event comes (the event's own value of a date-time field can
// still be no date-time: that is the event's problem, said when it is rendered).
bool TemplateParser::checkFilterTypes(const FieldInfo &field,
                                      const TemplatePlaceholder &placeholder)
{
    const QString path = placeholder.path.text();
    bool dateTime = field.type == FieldType::DateTime;
    QString why; // why the value is not a date-time where it stands
    switch (field.type) {
    case FieldType::Text:
        why = QCoreApplication::translate("Kanca::Template", "\"%1\" is a text").arg(path);
        break;
    case FieldType::TextList:
        why = QCoreApplication::translate("Kanca::Template", "\"%1\" is a list of texts").arg(path);
        break;
    case FieldType::OneOf:
        why =
            QCoreApplication::translate("Kanca::Template", "\"%1\" is one of a fixed set of values")
                .arg(path);
        break;
    case FieldType::Number:
        why = QCoreApplication::translate("Kanca::Template", "\"%1\" is a number").arg(path);
        break;
    case FieldType::DateTime:
        break;
    }
    for (const TemplateFilter &filter : placeholder.filters) {
        switch (filter.kind) {
        case TemplateFilterKind::Upper:
        case TemplateFilterKind::Lower:
            break; // a date-time read as ISO 8601 takes "T" and "Z" in either case
        case TemplateFilterKind::Default:
            if (dateTime && !filter.text.isEmpty()
                && !TemplateFilters::isDateTimeText(filter.text)) {
                dateTime = false;
                why = QCoreApplication::translate("Kanca::Template",
                                                  "its default \"%1\" is not a date-time")
                          .arg(filter.text);
            }
            break;
        case TemplateFilterKind::Date:
            if (!dateTime) {
                problem(filter.offset,
                        QCoreApplication::translate(
                            "Kanca::Template",
                            "the filter \"date\" needs a date-time (ISO 8601), but %1")
                            .arg(why));
                return false;
            }
            [[fallthrough]]; // its output is a formatted text
        case TemplateFilterKind::Json:
        case TemplateFilterKind::UrlEncode:
        case TemplateFilterKind::Truncate:
            if (dateTime) {
                dateTime = false;
                why = QCoreApplication::translate("Kanca::Template",
                                                  "after \"%1\" the value is a text")
                          .arg(TemplateFilters::nameOf(filter.kind));
            }
            break;
        }
    }
    return true;
}

// Parses " name" or " name:argument" after a "|"; *pos is left after it, or at -1 when the rest
// of the placeholder cannot be read.
bool TemplateParser::parseFilter(qsizetype *pos, qsizetype end, TemplatePlaceholder *placeholder)
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
    TemplateFilter filter;
    filter.offset = nameStart;
    const std::optional<TemplateFilterKind> kind = TemplateFilters::kindNamed(name);
    const bool known = kind.has_value();
    if (known)
        filter.kind = *kind;
    bool good = true;
    if (!known) {
        problem(nameStart, QCoreApplication::translate("Kanca::Template", "unknown filter \"%1\"%2")
                               .arg(name.toString(), didYouMean(name, TemplateFilters::names())));
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
    case TemplateFilterKind::Upper:
    case TemplateFilterKind::Lower:
    case TemplateFilterKind::Json:
    case TemplateFilterKind::UrlEncode:
        if (arg != Arg::None) {
            problem(argStart, QCoreApplication::translate("Kanca::Template",
                                                          "the filter \"%1\" takes no argument")
                                  .arg(name.toString()));
            good = false;
        }
        break;
    case TemplateFilterKind::Default:
        if (arg != Arg::Text) {
            problem(at,
                    QCoreApplication::translate(
                        "Kanca::Template", "the filter \"default\" needs a text in quotes, e.g. "
                                           "default:\"unknown\""));
            good = false;
        }
        filter.text = argText;
        break;
    case TemplateFilterKind::Date:
        if (arg != Arg::Text || argText.isEmpty()) {
            problem(at, QCoreApplication::translate(
                            "Kanca::Template",
                            "the filter \"date\" needs a date format in quotes, e.g. "
                            "date:\"yyyy-MM-dd\""));
            good = false;
        }
        filter.text = argText;
        break;
    case TemplateFilterKind::Truncate: {
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

} // namespace Kanca
