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
//   in the value's own offset. Parsing checks that only a date-time can reach it: a date-time
//   field, through upper, lower or a default that is a date-time (or ""); anything else (another
//   type of field, a value json, urlencode, truncate or date made a text) is a parse problem at
//   the filter. An event whose date-time field holds no date-time is a render problem.
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
//   reports "the body is not valid JSON" at the position mapped back into the template, held to
//   RFC 8259 (StrictJson: no raw control character in a string, no lone surrogate escape); a
//   placeholder right after a backslash (inside an escape) is a problem too.
// - Url: the literal text as written (a space or a control character in it is a problem); a
//   value percent-encoded as by urlencode, the same in the path and the query, so "&", "=", "#",
//   "?" and "/" in a value are encoded.
// - Header: the text with control characters (CR, LF, NUL, tab, DEL, U+0085, U+2028, U+2029)
//   replaced by spaces, so no value can start a new header. A control character in the literal
//   text is a problem.
// - FormField: the text as is; CompiledAction form-encodes the field.
#include "templates/Template.h"

#include "event/EventContext.h"
#include "templates/TemplateEscaping.h"
#include "templates/TemplateFilters.h"
#include "templates/TemplateParser.h"
#include "templates/TemplateProblemReporter.h"
#include "templates/TemplateSegments.h"
#include "templates/TemplateValue.h"

#include <QCoreApplication>
#include <QVarLengthArray>

#include <type_traits>
#include <utility>

namespace Kanca {

namespace {

// Marks the placeholders without filters whose path and JSON slot another such placeholder
// shares: render() escapes their value once per event (EventContext::derived), and copies what
// it wrote for the first to the others (copiedAs, sameAs). Returns how many are copied.
qsizetype markRepeatedPlaceholders(QList<TemplateSegment> *segments)
{
    qsizetype copied = 0;
    const auto same = [](const TemplatePlaceholder &a, const TemplatePlaceholder &b) {
        return a.filters.isEmpty() && b.filters.isEmpty() && a.path.id() >= 0
               && a.path.id() == b.path.id() && a.slot == b.slot;
    };
    for (qsizetype i = 0; i < segments->size(); ++i) {
        TemplateSegment &segment = (*segments)[i];
        for (qsizetype j = 0; j < segments->size() && segment.hasPlaceholder; ++j) {
            const TemplateSegment &other = segments->at(j);
            if (j != i && other.hasPlaceholder && same(segment.placeholder, other.placeholder)) {
                // j is the first of them; when j > i this one is, and j marks it below.
                if (j < i) {
                    TemplatePlaceholder &first = (*segments)[j].placeholder;
                    if (first.copiedAs < 0)
                        first.copiedAs = copied++;
                    segment.placeholder.sameAs = first.copiedAs;
                }
                break;
            }
        }
    }
    return copied;
}

// Writes a placeholder's output straight from the event's compact form, without a QJsonValue
// and a QString of the value, where it can: a text or a small integer without filters, or a list
// of them through the json filter alone where a JSON value stands ("tags": {{contact.tags |
// json}}). False, with nothing written, for anything else.
template<typename Writer>
bool writeInPlace(Writer &writer, const TemplatePlaceholder &placeholder,
                  const EventContext &context, TemplateContext templateContext)
{
    if (placeholder.filters.isEmpty()) {
        return TemplateEscaping::appendScalar(writer, context.event().scalar(placeholder.path),
                                              templateContext, placeholder.slot);
    }
    if (placeholder.slot != JsonSlot::Value || placeholder.filters.size() != 1
        || placeholder.filters.constFirst().kind != TemplateFilterKind::Json) {
        return false;
    }
    QVarLengthArray<CompactEvent::Scalar, 16> elements;
    if (context.event().scalarList(placeholder.path, &elements) != CompactEvent::ListKind::List)
        return false;
    TemplateEscaping::appendJsonList(writer, elements);
    return true;
}

// A render's copies of placeholders that stand again in the same way: where the writer wrote
// each placeholder that others copy (by copiedAs), and those copies (by sameAs).
template<typename Writer>
class PlaceholderCopies
{
public:
    PlaceholderCopies(Writer &writer, qsizetype copied)
        : m_writer(writer)
        , m_pieces(copied)
    {}
    // Writes again what was written for the placeholder `placeholder` repeats; false when it
    // repeats none.
    bool writeCopy(const TemplatePlaceholder &placeholder)
    {
        if (placeholder.sameAs < 0)
            return false;
        const auto [from, size] = m_pieces[placeholder.sameAs];
        m_writer.repeat(from, size);
        return true;
    }
    // `placeholder` was written from `start` to the writer's end.
    void wrote(const TemplatePlaceholder &placeholder, qsizetype start)
    {
        if (placeholder.copiedAs >= 0)
            m_pieces[placeholder.copiedAs] = {start, m_writer.size() - start};
    }

private:
    Writer &m_writer;
    QVarLengthArray<std::pair<qsizetype, qsizetype>, 16> m_pieces; // start and size
};

} // namespace

struct Template::Data
{
    TemplateContext context = TemplateContext::PlainText;
    QList<TemplateSegment> segments;
    qsizetype literalSize = 0;
    qsizetype literalUtf8Size = 0;
    // Every literal is well-formed UTF-16: its UTF-8 is exactly its part of the output's UTF-8
    // (a lone surrogate could pair with the next piece's).
    bool literalsWellFormed = true;
    QStringList paths;
    QString text;         // the template, for the positions of render problems
    qsizetype copied = 0; // placeholders whose output others copy (copiedAs)
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
    // A large template (a pasted payload of megabytes) is parsed by several readers of the same
    // text in a row (the rule set's compilation, the preview's warnings): the last large one
    // parsed on this thread is kept, so that the same text is parsed once.
    struct LastLarge
    {
        QString text;
        TemplateContext context = TemplateContext::PlainText;
        const Catalog *catalog = nullptr;
        std::unique_ptr<Data> data;
        QList<TemplateProblem> problems;
    };
    thread_local LastLarge last;
    const bool large = text.size() >= CachedSize;
    if (large && last.data && last.catalog == &catalog && last.context == context
        && last.text == text) {
        Template copy;
        *copy.d = *last.data;
        if (problems)
            problems->append(last.problems);
        return copy;
    }

    Template result;
    Data &data = *result.d;
    QList<TemplateProblem> found;
    QList<TemplateProblem> *const into = large ? &found : problems;
    data.context = context;
    data.text = text.toString();
    TemplateParser parser(text, context, catalog, into);
    parser.run(&data.segments);
    data.copied = markRepeatedPlaceholders(&data.segments);
    for (TemplateSegment &segment : data.segments) {
        segment.literalUtf8 = segment.literal.toUtf8();
        data.literalUtf8Size += segment.literalUtf8.size();
        if (!QStringView(segment.literal).isValidUtf16())
            data.literalsWellFormed = false;
    }
    for (const TemplateSegment &segment : std::as_const(data.segments)) {
        data.literalSize += segment.literal.size();
        if (segment.hasPlaceholder && !data.paths.contains(segment.placeholder.path.text()))
            data.paths.append(segment.placeholder.path.text());
    }
    if (large) {
        last.text = data.text;
        last.context = context;
        last.catalog = &catalog;
        last.data = std::make_unique<Data>(data);
        last.problems = found;
        if (problems)
            problems->append(found);
    }
    return result;
}

template<typename Writer>
std::optional<bool> Template::writeSegments(Writer &writer, const EventContext &context,
                                            Language language,
                                            QList<TemplateProblem> *problems) const
{
    constexpr bool Utf8 = std::is_same_v<Writer, Utf8Writer>;
    PlaceholderCopies copies(writer, d->copied);
    bool ok = true;
    QString piece;
    for (const TemplateSegment &segment : d->segments) {
        if constexpr (Utf8)
            writer.append(segment.literalUtf8);
        else
            writer.append(segment.literal);
        if (!segment.hasPlaceholder)
            continue;
        const TemplatePlaceholder &placeholder = segment.placeholder;
        if (copies.writeCopy(placeholder))
            continue; // the same field in the same place as before, without filters
        const qsizetype start = writer.size();
        if (!writeInPlace(writer, placeholder, context, d->context)) {
            piece.clear();
            if (!appendPlaceholder(piece, placeholder, context, language, problems))
                ok = false;
            if constexpr (Utf8) {
                // The event's texts and the literals are well-formed, and escaping and filters
                // make no lone surrogate; a value from the rule set (rule.name...) could hold one.
                if (!QStringView(piece).isValidUtf16())
                    return std::nullopt;
                writer.append(piece.toUtf8());
            } else {
                writer.append(piece);
            }
        }
        copies.wrote(placeholder, start);
    }
    writer.finish();
    return ok;
}

bool Template::render(const EventContext &context, Language language, QString *out,
                      QList<TemplateProblem> *problems) const
{
    if (!d) {
        out->clear();
        return true;
    }
    Utf16Writer writer(*out, d->literalSize + 32 * d->segments.size());
    return *writeSegments(writer, context, language, problems); // text has no lone-surrogate stop
}

bool Template::render(const EventContext &context, Language language, QByteArray *utf8,
                      QList<TemplateProblem> *problems) const
{
    utf8->clear();
    if (!d)
        return true;
    // With a lone surrogate somewhere, two pieces' halves could make one character: then the
    // UTF-8 of the whole text, as render() makes it.
    const auto wholeText = [&] {
        QString text;
        const bool ok = render(context, language, &text, problems);
        *utf8 = text.toUtf8();
        return ok;
    };
    if (!d->literalsWellFormed || context.event().hasUtf16Texts())
        return wholeText();
    const qsizetype problemsBefore = problems ? problems->size() : 0;
    Utf8Writer writer(*utf8, d->literalUtf8Size + 32 * d->segments.size());
    if (const std::optional<bool> ok = writeSegments(writer, context, language, problems))
        return *ok;
    if (problems)
        problems->resize(problemsBefore);
    return wholeText();
}

bool Template::appendPlaceholder(QString &out, const TemplatePlaceholder &placeholder,
                                 const EventContext &context, Language language,
                                 QList<TemplateProblem> *problems) const
{
    if (placeholder.repeated()) {
        // Without filters the output depends only on the value, the context and the slot: a
        // field placed several times in the same way is escaped once per event.
        const int kind = EventContext::TemplateKinds + int(d->context) * 4 + int(placeholder.slot);
        out.append(*context.derived(placeholder.path, kind, [&] {
            QString text;
            TemplateEscaping::appendValue(text, TemplateValue{context.value(placeholder.path)},
                                          d->context, placeholder.slot);
            return std::optional<QString>(std::move(text));
        }));
        return true;
    }
    bool ok = true;
    TemplateValue value{context.value(placeholder.path)};
    for (const TemplateFilter &filter : placeholder.filters) {
        QString failure;
        if (!TemplateFilters::apply(filter, &value, language, &failure)) {
            ok = false;
            TemplateProblemReporter(d->text, problems)
                .report(filter.offset,
                        QCoreApplication::translate("Kanca::Template",
                                                    "the filter \"date\" needs a date-time (ISO "
                                                    "8601), but \"%1\" is \"%2\"")
                            .arg(placeholder.path.text(), failure));
            value.json = QJsonValue(QJsonValue::Undefined);
            value.form = TemplateValue::Form::Plain;
            break;
        }
    }
    TemplateEscaping::appendValue(out, value, d->context, placeholder.slot);
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
