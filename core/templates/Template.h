#pragma once

#include "model/RuleSet.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

namespace Kanca {

class Catalog;
class EventContext;
struct TemplatePlaceholder;

// Where a template's output goes; a placeholder's value is escaped for where it stands.
enum class TemplateContext {
    PlainText, // as is
    Json,      // a JSON document: inside a string JSON-escaped, outside a JSON value
    Url,       // percent-encoded (path segment or query), the literal text kept as written
    Header,    // a header value: control characters (CR, LF, NUL...) replaced by spaces
    FormField, // one field value of an application/x-www-form-urlencoded body
};

// A problem in a template, at a position in the template's text.
struct TemplateProblem
{
    qsizetype offset = 0; // 0-based, in UTF-16 code units of the template
    int line = 1;         // 1-based, in the template
    int column = 1;       // 1-based, in characters of the template
    QString message;
    friend bool operator==(const TemplateProblem &, const TemplateProblem &) = default;
};

// A parsed template: literal text and {{path | filter:arg | ...}} placeholders. Parsing checks
// paths against the catalog, filters and their arguments, and (for Json) that the template is
// a JSON document whatever the values, and that every filter fits what can reach it (date only
// ever meets a date-time field); rendering then cannot fail for a template that parsed without
// problems, except where the event's own value of a date-time field is not a date-time.
//
// Filters: upper, lower (language-aware: i -> İ in Turkish), default:"text", json, urlencode,
// truncate:N (at most N characters, the last one "…" when cut), date:"yyyy-MM-dd" (a Qt date
// format, month and day names in the rule set's language).
class Template final
{
public:
    Template();
    ~Template();
    Template(Template &&) noexcept;
    Template &operator=(Template &&) noexcept;
    Template(const Template &) = delete;
    Template &operator=(const Template &) = delete;

    static Template parse(QStringView text, TemplateContext context, const Catalog &catalog,
                          QList<TemplateProblem> *problems);
    // Templates from this many characters on: the last one parsed on a thread is remembered
    // and the same text parsed again is a copy of it.
    static constexpr qsizetype CachedSize = 64 * 1024;

    // Renders with the values of `context`; `language` drives upper, lower and date. On a
    // problem returns false and appends it to `problems`.
    bool render(const EventContext &context, Language language, QString *out,
                QList<TemplateProblem> *problems) const;
    // The same output in UTF-8 (what a body is sent as): the bytes of render()'s text made
    // UTF-8, written without the text in between where the event's values allow.
    bool render(const EventContext &context, Language language, QByteArray *utf8,
                QList<TemplateProblem> *problems) const;

    // The field paths the template uses, in order of appearance, each once.
    QStringList fieldPaths() const;
    bool isConstant() const; // no placeholders

private:
    struct Data;
    std::unique_ptr<Data> d;

    // Writes the segments into `writer` (an OutputWriter: text or UTF-8): render()'s one loop.
    // False on a render problem; nothing when a placeholder's text holds a lone surrogate, which
    // UTF-8 written piece by piece cannot give as the whole text does.
    template<typename Writer>
    std::optional<bool> writeSegments(Writer &writer, const EventContext &context,
                                      Language language, QList<TemplateProblem> *problems) const;
    // Appends the value of a placeholder that writeInPlace() (Template.cpp) cannot write straight
    // from the event's compact form (other filters, a value of another kind); false on a render
    // problem.
    bool appendPlaceholder(QString &out, const TemplatePlaceholder &placeholder,
                           const EventContext &context, Language language,
                           QList<TemplateProblem> *problems) const;
};

} // namespace Kanca
