#pragma once

#include "templates/Template.h"
#include "templates/TemplateProblemReporter.h"
#include "templates/TemplateSegments.h"

#include <QList>
#include <QStringView>

namespace Kanca {

class Catalog;
struct FieldInfo;

// Reads a template's text into segments (private to core/templates): the "{{" and "}}" of the
// placeholders, their field paths (checked against the catalog), filters and arguments, the
// literal text allowed in the context and, for Json, where each placeholder stands and whether
// the template is a JSON document whatever the values. Every problem is reported with its
// position.
class TemplateParser final
{
public:
    TemplateParser(QStringView text, TemplateContext context, const Catalog &catalog,
                   QList<TemplateProblem> *problems)
        : m_text(text)
        , m_context(context)
        , m_catalog(catalog)
        , m_reporter(text, problems)
    {}

    void run(QList<TemplateSegment> *segments);

private:
    void problem(qsizetype offset, const QString &message) { m_reporter.report(offset, message); }
    qsizetype skipSpace(qsizetype i, qsizetype end) const;
    void checkLiteral(qsizetype from, qsizetype to);
    // Parses the placeholder whose "{{" is at `open`. Returns where scanning goes on.
    qsizetype parsePlaceholder(qsizetype open, TemplatePlaceholder *placeholder, bool *ok);
    bool parseFilter(qsizetype *pos, qsizetype end, TemplatePlaceholder *placeholder);
    // Whether every filter can take what the ones before it give, whatever the event holds.
    bool checkFilterTypes(const FieldInfo &field, const TemplatePlaceholder &placeholder);

    QStringView m_text;
    TemplateContext m_context;
    const Catalog &m_catalog;
    TemplateProblemReporter m_reporter;
};

} // namespace Kanca
