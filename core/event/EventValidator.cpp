#include "event/EventValidator.h"

#include "catalog/Catalog.h"
#include "catalog/FieldValueCheck.h"
#include "event/CompactEvent.h"
#include "text/Suggest.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Kanca {

namespace {

Problem error(const QString &pointer, const QString &message)
{
    return {Problem::Severity::Error, pointer, 0, 0, message};
}

Problem warning(const QString &pointer, const QString &message)
{
    return {Problem::Severity::Warning, pointer, 0, 0, message};
}

// Top-level keys that hold no part: the event's own values, and the names of what Kanca adds.
bool isPartName(QStringView key)
{
    return key != u"type" && key != u"id" && key != u"occurredAt" && key != u"event"
           && key != u"rule" && key != u"delivery";
}

// The value at a dotted path below the event ("contact.tags"), or undefined.
QJsonValue valueAt(const QJsonObject &event, QStringView path)
{
    QJsonValue value = event;
    for (const QStringView key : path.split(u'.')) {
        if (!value.isObject())
            return QJsonValue(QJsonValue::Undefined);
        value = value.toObject().value(key);
    }
    return value;
}

} // namespace

EventValidator::EventValidator(const Catalog &catalog)
    : m_catalog(catalog)
{
    for (const FieldInfo &field : catalog.fields()) {
        const QStringView root = QStringView(field.path).left(field.path.indexOf(u'.'));
        if (root == u"event" || root == u"rule" || root == u"delivery")
            continue;
        m_partFields.push_back({&field, FieldPath(field.path)});
        if (field.path.contains(u'.') && isPartName(root)
            && std::none_of(m_parts.cbegin(), m_parts.cend(),
                            [root](const Part &part) { return part.name == root; })) {
            m_parts.push_back({root.toString(), FieldPath(QString(u"event." + root))});
        }
    }
}

Problems EventValidator::check(const QJsonObject &event, const QString &pointer) const
{
    Problems problems;
    const auto at = [&](QStringView path) {
        QString p = pointer;
        for (const QStringView key : path.split(u'.'))
            p = jsonPointerAppend(p, key);
        return p;
    };

    const QJsonValue type = event.value(u"type"_s);
    if (type.isUndefined()) {
        problems.append(error(pointer, tr("the event has no \"type\" (such as \"chat.opened\")")));
    } else if (!type.isString()) {
        problems.append(error(at(u"type"), tr("the event's \"type\" must be a string")));
    } else if (!m_catalog.event(type.toString())) {
        problems.append(
            error(at(u"type"),
                  tr("unknown event type \"%1\"%2")
                      .arg(type.toString(), didYouMean(type.toString(), m_catalog.eventIds()))));
    }

    const QJsonValue id = event.value(u"id"_s);
    if (id.isUndefined()) {
        problems.append(error(pointer, tr("the event has no \"id\": each event needs one, the "
                                          "same on every retry, so that it is accepted once")));
    } else if (!id.isString() || id.toString().trimmed().isEmpty()) {
        problems.append(error(at(u"id"), tr("the event's \"id\" must be a non-empty string")));
    } else if (id.toString().size() > MaxIdLength) {
        problems.append(error(
            at(u"id"), tr("the event's \"id\" is longer than %1 characters").arg(MaxIdLength)));
    }

    const QJsonValue occurredAt = event.value(u"occurredAt"_s);
    if (!occurredAt.isUndefined() && !occurredAt.isNull()
        && (!occurredAt.isString() || !FieldValueCheck::isZonedDateTime(occurredAt.toString()))) {
        problems.append(error(at(u"occurredAt"),
                              tr("\"occurredAt\" must be an ISO 8601 date-time with a time zone, "
                                 "such as \"2026-11-21T10:30:00Z\"")));
    }

    for (auto it = event.constBegin(); it != event.constEnd(); ++it) {
        const QString key = it.key();
        if (key == u"type" || key == u"id" || key == u"occurredAt")
            continue;
        if (key == u"event" || key == u"rule" || key == u"delivery") {
            problems.append(warning(at(key), tr("\"%1\" is not read from the event: Kanca "
                                                "fills %1.* itself")
                                                 .arg(key)));
            continue;
        }
        const bool isPart = std::any_of(m_parts.cbegin(), m_parts.cend(),
                                        [&key](const Part &part) { return part.name == key; });
        if (isPart && !it.value().isObject() && !it.value().isNull())
            problems.append(error(at(key), tr("\"%1\" must be an object").arg(key)));
    }

    for (const PartField &partField : m_partFields) {
        const FieldInfo &field = *partField.field;
        const QJsonValue value = valueAt(event, field.path);
        if (value.isUndefined() || value.isNull())
            continue;
        const FieldValueCheck fit = FieldValueCheck::check(field, value);
        switch (fit.verdict) {
        case FieldValueCheck::Verdict::Fits:
            break;
        case FieldValueCheck::Verdict::WrongType:
            problems.append(error(at(field.path), fit.message));
            break;
        case FieldValueCheck::Verdict::OutOfRange:
        case FieldValueCheck::Verdict::NotAllowed:
            problems.append(warning(at(field.path), fit.message));
            break;
        }
    }
    return problems;
}

bool EventValidator::accepts(const CompactEvent &event) const
{
    // The rules of check(), in its order; any change there is a change here
    // (tst_eventbatch's acceptsIsCheckWithoutErrors, and fuzz_event, compare them). Values are
    // read in place where their type decides; QJsonValue only where check() reads more.
    using Type = CompactEvent::Type;
    const auto isText = [](std::optional<Type> type) {
        return type == Type::String || type == Type::Utf16String;
    };
    const auto text = [&event](const FieldPath &path) {
        const CompactEvent::Scalar scalar = event.scalar(path);
        return scalar.kind == CompactEvent::Scalar::Kind::Text ? QString::fromUtf8(scalar.utf8)
                                                               : event.value(path).toString();
    };

    if (!isText(event.typeAt(m_type)) || !m_catalog.event(text(m_type)))
        return false;

    if (!isText(event.typeAt(m_id)))
        return false;
    const QString id = text(m_id);
    if (id.trimmed().isEmpty() || id.size() > MaxIdLength)
        return false;

    const std::optional<Type> occurredAt = event.typeAt(m_occurredAt);
    if (occurredAt && occurredAt != Type::Null
        && (!isText(occurredAt) || !FieldValueCheck::isZonedDateTime(text(m_occurredAt))))
        return false;

    for (const Part &part : m_parts) {
        const std::optional<Type> type = event.typeAt(part.key);
        if (type && type != Type::Object && type != Type::Null)
            return false;
    }

    for (const PartField &field : m_partFields) {
        const std::optional<Type> type = event.typeAt(field.path);
        if (!type || type == Type::Null)
            continue;
        switch (field.field->type) {
        case FieldType::Text:
        case FieldType::OneOf: // a text that is not one of the values is only a warning
            if (!isText(type))
                return false;
            continue;
        case FieldType::Number: // outside the range is only a warning
            if (type != Type::SmallInteger && type != Type::Integer && type != Type::Double)
                return false;
            continue;
        case FieldType::TextList: {
            QVarLengthArray<CompactEvent::Scalar, 16> elements;
            if (event.scalarList(field.path, &elements) == CompactEvent::ListKind::List) {
                // Each element a text or a small integer; a number is not a text.
                if (std::any_of(elements.cbegin(), elements.cend(), [](const auto &element) {
                        return element.kind != CompactEvent::Scalar::Kind::Text;
                    }))
                    return false;
                continue;
            }
            break; // anything else is read as check() reads it
        }
        case FieldType::DateTime:
            break;
        }
        if (FieldValueCheck::check(*field.field, event.value(field.path)).verdict
            == FieldValueCheck::Verdict::WrongType)
            return false;
    }
    return true;
}

} // namespace Kanca
