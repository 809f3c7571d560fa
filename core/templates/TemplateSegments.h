#pragma once

#include "event/FieldPath.h"

#include <QList>
#include <QString>

namespace Kanca {

// The parsed form of a template (private to core/templates): literal text and placeholders.

enum class TemplateFilterKind { Upper, Lower, Default, Json, UrlEncode, Truncate, Date };

// One "| filter" or "| filter:argument" of a placeholder.
struct TemplateFilter
{
    TemplateFilterKind kind = TemplateFilterKind::Upper;
    QString text;         // Default: the replacement; Date: the format
    int count = 0;        // Truncate
    qsizetype offset = 0; // of the filter's name in the template
};

// Where a placeholder of a Json template stands.
enum class JsonSlot { None, InString, Value };

struct TemplatePlaceholder
{
    FieldPath path;
    QList<TemplateFilter> filters;
    JsonSlot slot = JsonSlot::None;
    qsizetype offset = 0;     // of "{{"
    qsizetype pathOffset = 0; // of the path
    // Without filters, placed again later in the same way (path and JSON slot): the number under
    // which render() keeps where it wrote this one's output; -1 otherwise.
    qsizetype copiedAs = -1;
    // Without filters, the same as an earlier placeholder: the number (copiedAs) of that one's
    // output, which this one's is a copy of (Template::render); -1 otherwise.
    qsizetype sameAs = -1;

    // Without filters, and another placeholder is the same (Template).
    bool repeated() const { return copiedAs >= 0 || sameAs >= 0; }
};

// Literal text, then (when hasPlaceholder) one placeholder.
struct TemplateSegment
{
    QString literal;
    QByteArray literalUtf8;      // the same in UTF-8 (Template::parse)
    qsizetype literalOffset = 0; // where the literal starts in the template
    bool hasPlaceholder = false;
    TemplatePlaceholder placeholder;
};

} // namespace Kanca
