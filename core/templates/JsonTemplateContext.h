#pragma once

#include "templates/TemplateSegments.h"

#include <QList>
#include <QStringView>

namespace Kanca {

class TemplateProblemReporter;

// The JSON around the placeholders of a Json template (private to core/templates).
namespace JsonTemplateContext {

// Walks the literal text as JSON to know whether each placeholder stands inside a JSON string
// or in a value position; a placeholder inside a backslash escape is a problem.
void classifyPlaceholders(QList<TemplateSegment> *segments, TemplateProblemReporter &reporter);

// The template must be JSON whatever the values: parses `text` (the template, parsed into
// `segments`) with every placeholder replaced by a stand-in ("" inside a string, null in a
// value position) and reports where it is not valid JSON.
void checkDocument(QStringView text, const QList<TemplateSegment> &segments,
                   TemplateProblemReporter &reporter);

} // namespace JsonTemplateContext
} // namespace Kanca
