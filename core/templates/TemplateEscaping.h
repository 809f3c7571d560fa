#pragma once

#include "event/CompactEvent.h"
#include "templates/OutputWriter.h"
#include "templates/Template.h"
#include "templates/TemplateSegments.h"
#include "templates/TemplateValue.h"

#include <QJsonValue>
#include <QLatin1StringView>
#include <QString>
#include <QStringView>
#include <QVarLengthArray>

// How a value is written into a template's output (private to core/templates): its text, its
// JSON, percent-encoded, safe for a header, and escaped for where the placeholder stands.
namespace Kanca::TemplateEscaping {

// The text of a value in a text context: a string as is, a number in JSON notation, true or
// false, a list or an object as its compact JSON text, absent or null as "".
QString textOf(const QJsonValue &value);
// The value's compact JSON text; absent is "null".
QString jsonText(const QJsonValue &value);
// UTF-8 percent-encoding that keeps only RFC 3986 unreserved characters.
void appendPercentEncoded(QString &out, QStringView text);
// A character that must not stand in a header value (CR, LF, NUL, tab, DEL, U+0085...).
bool isHeaderControl(char16_t u);
// The escape of a character that cannot stand as it is inside a JSON string: \" \\ \n \r \t \b
// \f, or \uXXXX (in `buffer`).
QLatin1StringView jsonEscapeOf(char16_t u, char (&buffer)[6]);
// The text escaped for the inside of a JSON string (no quotes added); a well-formed surrogate
// pair is kept as is, a lone surrogate escaped.
void appendJsonEscaped(QString &out, QStringView text);
// The text with every header control character (isHeaderControl) replaced by a space.
void appendHeaderSafe(QString &out, QStringView text);

// Appends the filtered value of a placeholder escaped for `context` (and, in Json, for the
// placeholder's slot).
void appendValue(QString &out, const TemplateValue &value, TemplateContext context, JsonSlot slot);
// The same for a value read in place from an event's compact form (no filters): the same output
// as appendValue() of its QJsonValue, written from the UTF-8 text without a QString between.
// False (nothing appended) for a value of kind Other.
bool appendScalar(Utf16Writer &out, const CompactEvent::Scalar &value, TemplateContext context,
                  JsonSlot slot);
// The same in UTF-8: the UTF-8 of what the one above appends.
bool appendScalar(Utf8Writer &out, const CompactEvent::Scalar &value, TemplateContext context,
                  JsonSlot slot);
// A list of texts and small integers read in place (CompactEvent::scalarList) through the json
// filter alone, where a JSON value stands: the same output as appendValue() of the list's
// QJsonValue after the filter, "[...]" in compact JSON.
void appendJsonList(Utf16Writer &out, const QVarLengthArray<CompactEvent::Scalar, 16> &elements);
// The same in UTF-8.
void appendJsonList(Utf8Writer &out, const QVarLengthArray<CompactEvent::Scalar, 16> &elements);

} // namespace Kanca::TemplateEscaping
