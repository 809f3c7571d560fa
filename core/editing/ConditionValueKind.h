#pragma once

#include "catalog/Catalog.h"
#include "model/Operator.h"

#include <QJsonValue>

namespace Kanca {

// The kinds of value editor a condition row can show.
enum class ConditionValueKind {
    None,       // isEmpty, isNotEmpty: no value
    Text,       // one text
    TextList,   // texts separated by commas ("is one of" on a text field)
    Number,     // one number, within the field's range
    NumberList, // numbers ("is one of" on a number field)
    DateTime,   // an ISO 8601 date and time in UTC
    Choice,     // one of a one-of field's values
    ChoiceList, // several of them, ticked
    Pattern,    // a regular expression
};

// Which value editor a leaf needs, and what of its value carries over when the field or the
// operator changes, so that the row never keeps a value its new editor cannot show.
class ConditionValueKinds final
{
public:
    ConditionValueKinds() = delete;

    // The editor for this field and operator; `field` is null for a field the catalog does
    // not know, and then the value itself decides.
    static ConditionValueKind kindFor(const FieldInfo *field, Operator op, const QJsonValue &value);
    // The value carried over to another kind of editor (a text stays a text, one choice
    // becomes a list of one), or undefined when nothing sensible carries over.
    static QJsonValue adapt(const QJsonValue &value, ConditionValueKind from, ConditionValueKind to,
                            const FieldInfo *field);
    // Whether the comparison is one of texts, where capital and small letters may matter.
    static bool comparesText(ConditionValueKind kind);
};

} // namespace Kanca
