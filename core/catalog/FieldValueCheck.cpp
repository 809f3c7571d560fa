#include "catalog/FieldValueCheck.h"

#include <QDateTime>
#include <QJsonArray>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace Kanca {

bool FieldValueCheck::isZonedDateTime(const QString &text)
{
    static const QRegularExpression zone(u"(Z|[+-]\\d\\d:?\\d\\d)$"_s);
    return zone.match(text).hasMatch() && QDateTime::fromString(text, Qt::ISODateWithMs).isValid();
}

FieldValueCheck FieldValueCheck::check(const FieldInfo &field, const QJsonValue &value)
{
    const auto wrong = [](const QString &message) {
        return FieldValueCheck{Verdict::WrongType, message};
    };
    switch (field.type) {
    case FieldType::Text:
        if (!value.isString())
            return wrong(Catalog::tr("expected a text"));
        return {};
    case FieldType::TextList: {
        if (!value.isArray())
            return wrong(Catalog::tr("expected a list of texts"));
        const QJsonArray array = value.toArray();
        for (const QJsonValue &item : array) {
            if (!item.isString())
                return wrong(Catalog::tr("expected a list of texts"));
        }
        return {};
    }
    case FieldType::OneOf:
        if (!value.isString())
            return wrong(Catalog::tr("expected one of %1").arg(field.allowedValues.join(u", ")));
        if (!field.allowedValues.contains(value.toString())) {
            return {Verdict::NotAllowed,
                    Catalog::tr("expected one of %1").arg(field.allowedValues.join(u", "))};
        }
        return {};
    case FieldType::Number: {
        if (!value.isDouble())
            return wrong(Catalog::tr("expected a number"));
        const double number = value.toDouble();
        if (field.minimum && number < *field.minimum) {
            return {Verdict::OutOfRange,
                    Catalog::tr("%1 is less than the minimum, %2").arg(number).arg(*field.minimum)};
        }
        if (field.maximum && number > *field.maximum) {
            return {
                Verdict::OutOfRange,
                Catalog::tr("%1 is greater than the maximum, %2").arg(number).arg(*field.maximum)};
        }
        return {};
    }
    case FieldType::DateTime:
        if (!value.isString() || !isZonedDateTime(value.toString()))
            return wrong(Catalog::tr("expected an ISO 8601 date-time with a time zone"));
        return {};
    }
    return wrong(Catalog::tr("unknown field type"));
}

} // namespace Kanca
