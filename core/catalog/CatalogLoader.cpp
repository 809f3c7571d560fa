#include "catalog/CatalogLoader.h"

#include <QJsonArray>
#include <QJsonValue>
#include <QRegularExpression>

#include <algorithm>
#include <optional>
#include <utility>

namespace Kanca {

using namespace Qt::StringLiterals;
using namespace CatalogJson;

namespace {

constexpr std::array<QLatin1String, 4> eventGroups = {
    QLatin1String("contact"),
    QLatin1String("chat"),
    QLatin1String("message"),
    QLatin1String("other"),
};

bool isIdentifierPath(const QString &text)
{
    // Two or more camelCase segments: "contact.tagAdded", "conversation.firstMessage".
    static const QRegularExpression pattern(u"^[a-z][A-Za-z0-9]*(\\.[a-z][A-Za-z0-9]*)+$"_s);
    return pattern.match(text).hasMatch();
}

} // namespace

bool CatalogLoader::loadCatalog(const QByteArray &json)
{
    const QString file = u"catalog.json"_s;
    const Where top{file, {}};
    QJsonObject document;
    if (!parseDocument(json, file, &document, m_error))
        return false;
    if (!checkKeys(document,
                   {QLatin1String("events"), QLatin1String("fields"), QLatin1String("operators")},
                   top, m_error)) {
        return false;
    }

    QJsonArray events;
    if (!readArray(document, QLatin1String("events"), top, &events, m_error))
        return false;
    if (events.isEmpty())
        return fail(m_error, top.key(u"events"), Catalog::tr("there are no events"));
    for (qsizetype i = 0; i < events.size(); ++i) {
        const Where where = top.key(u"events").index(i);
        if (!events.at(i).isObject())
            return fail(m_error, where, Catalog::tr("an event must be an object"));
        if (!readEvent(events.at(i).toObject(), where))
            return false;
    }

    QJsonArray fields;
    if (!readArray(document, QLatin1String("fields"), top, &fields, m_error))
        return false;
    for (qsizetype i = 0; i < fields.size(); ++i) {
        const Where where = top.key(u"fields").index(i);
        if (!fields.at(i).isObject())
            return fail(m_error, where, Catalog::tr("a field must be an object"));
        if (!readField(fields.at(i).toObject(), where))
            return false;
    }

    QJsonArray operators;
    if (!readArray(document, QLatin1String("operators"), top, &operators, m_error))
        return false;
    std::array<bool, OperatorCount> seen{};
    for (qsizetype i = 0; i < operators.size(); ++i) {
        const Where where = top.key(u"operators").index(i);
        if (!operators.at(i).isObject())
            return fail(m_error, where, Catalog::tr("an operator must be an object"));
        if (!readOperator(operators.at(i).toObject(), where, &seen))
            return false;
    }
    for (int i = 0; i < OperatorCount; ++i) {
        if (!seen[std::size_t(i)]) {
            return fail(m_error, top.key(u"operators"),
                        Catalog::tr("operator %1 is missing").arg(quoted(operatorId(Operator(i)))));
        }
    }
    // In the order of the enumeration, so that operatorInfo() is an index.
    std::sort(m_catalog->m_operators.begin(), m_catalog->m_operators.end(),
              [](const OperatorInfo &a, const OperatorInfo &b) { return a.op < b.op; });
    return true;
}

bool CatalogLoader::readEvent(const QJsonObject &object, const Where &where)
{
    EventTypeInfo info;
    if (!checkKeys(object,
                   {QLatin1String("id"), QLatin1String("group"), QLatin1String("label"),
                    QLatin1String("firesWhen")},
                   where, m_error)
        || !readText(object, QLatin1String("id"), where, &info.id, m_error)
        || !readText(object, QLatin1String("group"), where, &info.group, m_error)
        || !readLocalized(object, QLatin1String("label"), where, &info.label, m_error)
        || !readLocalized(object, QLatin1String("firesWhen"), where, &info.firesWhen, m_error)) {
        return false;
    }
    if (!isIdentifierPath(info.id))
        return fail(m_error, where, Catalog::tr("malformed event id %1").arg(quoted(info.id)));
    if (std::find(eventGroups.begin(), eventGroups.end(), info.group) == eventGroups.end())
        return fail(m_error, where, Catalog::tr("unknown group %1").arg(quoted(info.group)));
    if (m_catalog->m_eventIndex.contains(info.id))
        return fail(m_error, where, Catalog::tr("duplicate event id %1").arg(quoted(info.id)));
    m_catalog->m_eventIndex.emplace(info.id, m_catalog->m_events.size());
    m_catalog->m_events.append(std::move(info));
    return true;
}

bool CatalogLoader::readField(const QJsonObject &object, const Where &where)
{
    FieldInfo info;
    QString typeId;
    if (!checkKeys(object,
                   {QLatin1String("path"), QLatin1String("label"), QLatin1String("type"),
                    QLatin1String("values"), QLatin1String("minimum"), QLatin1String("maximum"),
                    QLatin1String("personal")},
                   where, m_error)
        || !readText(object, QLatin1String("path"), where, &info.path, m_error)
        || !readLocalized(object, QLatin1String("label"), where, &info.label, m_error)
        || !readText(object, QLatin1String("type"), where, &typeId, m_error)) {
        return false;
    }
    if (!isIdentifierPath(info.path))
        return fail(m_error, where, Catalog::tr("malformed field path %1").arg(quoted(info.path)));
    if (m_catalog->m_fieldIndex.contains(info.path))
        return fail(m_error, where, Catalog::tr("duplicate field path %1").arg(quoted(info.path)));

    const std::optional<FieldType> type = fieldTypeFromId(typeId);
    if (!type)
        return fail(m_error, where, Catalog::tr("unknown type %1").arg(quoted(typeId)));
    info.type = *type;

    const QJsonValue values = object.value(QLatin1String("values"));
    if (info.type == FieldType::OneOf) {
        if (!values.isArray() || values.toArray().isEmpty()) {
            return fail(
                m_error, where,
                Catalog::tr("a field of type \"oneOf\" needs a non-empty array \"values\""));
        }
        const QJsonArray array = values.toArray();
        for (const QJsonValue &value : array) {
            const QString text = value.toString();
            if (!value.isString() || text.isEmpty())
                return fail(m_error, where, Catalog::tr("\"values\" must hold non-empty texts"));
            if (info.allowedValues.contains(text))
                return fail(m_error, where, Catalog::tr("duplicate value %1").arg(quoted(text)));
            info.allowedValues.append(text);
        }
    } else if (!values.isUndefined()) {
        return fail(m_error, where, Catalog::tr("only a field of type \"oneOf\" has \"values\""));
    }

    bool ok = true;
    info.minimum = readBound(object, QLatin1String("minimum"), where, &ok, m_error);
    if (ok)
        info.maximum = readBound(object, QLatin1String("maximum"), where, &ok, m_error);
    if (!ok)
        return false;
    if ((info.minimum || info.maximum) && info.type != FieldType::Number) {
        return fail(m_error, where,
                    Catalog::tr("only a field of type \"number\" has \"minimum\" or \"maximum\""));
    }
    if (info.minimum && info.maximum && *info.minimum > *info.maximum)
        return fail(m_error, where, Catalog::tr("\"minimum\" is greater than \"maximum\""));

    const QJsonValue personal = object.value(QLatin1String("personal"));
    if (!personal.isUndefined() && !personal.isBool())
        return fail(m_error, where, Catalog::tr("\"personal\" must be true or false"));
    info.personal = personal.toBool(false);

    m_catalog->m_fieldIndex.emplace(info.path, m_catalog->m_fields.size());
    m_catalog->m_fields.append(std::move(info));
    return true;
}

bool CatalogLoader::readOperator(const QJsonObject &object, const Where &where,
                                 std::array<bool, OperatorCount> *seen)
{
    OperatorInfo info;
    QString id;
    QJsonArray appliesTo;
    if (!checkKeys(object,
                   {QLatin1String("id"), QLatin1String("label"), QLatin1String("appliesTo")}, where,
                   m_error)
        || !readText(object, QLatin1String("id"), where, &id, m_error)
        || !readLocalized(object, QLatin1String("label"), where, &info.label, m_error)
        || !readArray(object, QLatin1String("appliesTo"), where, &appliesTo, m_error)) {
        return false;
    }
    const std::optional<Operator> op = operatorFromId(id);
    if (!op)
        return fail(m_error, where, Catalog::tr("unknown operator %1").arg(quoted(id)));
    if ((*seen)[std::size_t(*op)])
        return fail(m_error, where, Catalog::tr("duplicate operator %1").arg(quoted(id)));
    (*seen)[std::size_t(*op)] = true;
    info.op = *op;

    if (appliesTo.isEmpty())
        return fail(m_error, where, Catalog::tr("\"appliesTo\" is empty"));
    for (const QJsonValue &value : std::as_const(appliesTo)) {
        const std::optional<FieldType> type = fieldTypeFromId(value.toString());
        if (!value.isString() || !type) {
            return fail(m_error, where,
                        Catalog::tr("unknown type %1 in \"appliesTo\"")
                            .arg(value.isString() ? quoted(value.toString())
                                                  : Catalog::tr("(not a text)")));
        }
        if (info.appliesTo.contains(*type)) {
            return fail(
                m_error, where,
                Catalog::tr("duplicate type %1 in \"appliesTo\"").arg(quoted(value.toString())));
        }
        info.appliesTo.append(*type);
    }
    m_catalog->m_operators.append(std::move(info));
    return true;
}

} // namespace Kanca
