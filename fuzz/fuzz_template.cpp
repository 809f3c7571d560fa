// Fuzz target: the template parser and renderer. The first byte of an input chooses where the
// template's output goes (plain text, JSON, URL, header, form field) and the language; the rest
// is the template's text in UTF-8. A template is parsed against the built-in catalog; one that
// parsed without problems is rendered with the catalog's sample events. Nothing may crash, leak
// or hit undefined behaviour; every problem must lie inside the text; a template that parsed
// without problems must render (the samples hold a value of the right type for every field), and
// a JSON template must render a JSON document.

#include "catalog/Catalog.h"
#include "event/EventContext.h"
#include "templates/Template.h"

#include <QJsonDocument>
#include <QString>

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

using namespace Kanca;
using namespace Qt::StringLiterals;

namespace {

constexpr std::array Contexts = {TemplateContext::PlainText, TemplateContext::Json,
                                 TemplateContext::Url, TemplateContext::Header,
                                 TemplateContext::FormField};

[[noreturn]] void fail(const char *what, const QString &text, const QString &detail = {})
{
    std::fprintf(stderr, "%s\ntemplate: %s\n%s\n", what, qUtf8Printable(text),
                 qUtf8Printable(detail));
    std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size == 0)
        return 0;
    const Catalog &catalog = Catalog::builtIn();
    const TemplateContext context = Contexts[data[0] % Contexts.size()];
    const Language language =
        (data[0] / Contexts.size()) % 2 ? Language::Turkish : Language::English;
    const QString text =
        QString::fromUtf8(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));

    QList<TemplateProblem> problems;
    const Template parsed = Template::parse(text, context, catalog, &problems);
    for (const TemplateProblem &problem : std::as_const(problems)) {
        if (problem.offset < 0 || problem.offset > text.size() || problem.line < 1
            || problem.column < 1 || problem.message.isEmpty())
            fail("a problem outside the template's text", text, problem.message);
    }
    if (!problems.isEmpty())
        return 0;
    (void)parsed.fieldPaths();

    // The sample events of two types: one with a contact and a conversation, one with a message.
    for (const QString &type : {u"chat.opened"_s, u"message.created"_s}) {
        const QJsonObject sample = catalog.sampleEvent(type, language);
        if (sample.isEmpty())
            continue;
        const EventContext event(sample, nullptr, u"dlv_fuzz"_s);
        QString out;
        QList<TemplateProblem> renderProblems;
        if (!parsed.render(event, language, &out, &renderProblems)) {
            fail("a template that parsed without problems did not render", text,
                 renderProblems.isEmpty() ? QString() : renderProblems.first().message);
        }
        if (context == TemplateContext::Json) {
            QJsonParseError error;
            (void)QJsonDocument::fromJson(out.toUtf8(), &error);
            if (error.error != QJsonParseError::NoError && !out.trimmed().isEmpty())
                fail("a JSON template rendered something that is not JSON", text, out);
        }
    }
    return 0;
}
