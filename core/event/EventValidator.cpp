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
        if (field.path.contains(u'.') && isPartName(root)) {
            QByteArray name = root.toUtf8();
            if (std::find(m_parts.begin(), m_parts.end(), name) == m_parts.end())
                m_parts.push_back(std::move(name));
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
        // (accepts() finds the same errors from the other side: each part's name, m_parts.)
        if (key == u"event" || key == u"rule" || key == u"delivery") {
            problems.append(warning(at(key), tr("\"%1\" is not read from the event: Kanca "
                                                "fills %1.* itself")
                                                 .arg(key)));
            continue;
        }
        const bool isPart =
            std::any_of(m_catalog.fields().cbegin(), m_catalog.fields().cend(),
                        [&](const FieldInfo &field) { return field.path.startsWith(key + u'.'); });
        if (isPart && !it.value().isObject() && !it.value().isNull())
            problems.append(error(at(key), tr("\"%1\" must be an object").arg(key)));
    }

    for (const FieldInfo &field : m_catalog.fields()) {
        const qsizetype dot = field.path.indexOf(u'.');
        const QStringView root = QStringView(field.path).left(dot);
        if (root == u"event" || root == u"rule" || root == u"delivery")
            continue;
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
    // (tst_compactevent's validatorAcceptsWhatCheckFindsNoErrorIn, and fuzz_event, compare them).
    const QJsonValue type = event.topLevel("type");
    if (!type.isString() || !m_catalog.event(type.toString()))
        return false;

    const QJsonValue id = event.topLevel("id");
    if (!id.isString())
        return false;
    const QString idText = id.toString();
    if (idText.trimmed().isEmpty() || idText.size() > MaxIdLength)
        return false;

    const QJsonValue occurredAt = event.topLevel("occurredAt");
    if (!occurredAt.isUndefined() && !occurredAt.isNull()
        && (!occurredAt.isString() || !FieldValueCheck::isZonedDateTime(occurredAt.toString())))
        return false;

    for (const QByteArray &part : m_parts) {
        const QJsonValue value = event.topLevel(part);
        if (!value.isUndefined() && !value.isObject() && !value.isNull())
            return false;
    }

    for (const PartField &field : m_partFields) {
        const QJsonValue value = event.value(field.path);
        if (value.isUndefined() || value.isNull())
            continue;
        if (FieldValueCheck::check(*field.field, value).verdict
            == FieldValueCheck::Verdict::WrongType)
            return false;
    }
    return true;
}

} // namespace Kanca
