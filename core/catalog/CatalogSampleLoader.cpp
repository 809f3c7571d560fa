#include "catalog/CatalogSampleLoader.h"

#include "catalog/FieldValueCheck.h"

#include <QDateTime>
#include <QJsonArray>
#include <QRegularExpression>

#include <algorithm>
#include <array>
#include <utility>

namespace Kanca {

using namespace Qt::StringLiterals;
using namespace CatalogJson;

namespace {

// The keys of an event's top level and the fields that name them.
constexpr std::array<std::pair<QLatin1String, QLatin1String>, 3> topLevelFields = {{
    {QLatin1String("type"), QLatin1String("event.type")},
    {QLatin1String("id"), QLatin1String("event.id")},
    {QLatin1String("occurredAt"), QLatin1String("event.occurredAt")},
}};

// Roots of field paths that are not parts of an event object (see FieldPath).
constexpr std::array<QLatin1String, 3> reservedRoots = {
    QLatin1String("event"),
    QLatin1String("rule"),
    QLatin1String("delivery"),
};

// base with overrides laid over it: objects are merged key by key, anything else (arrays
// included) is replaced, and null removes the key.
QJsonObject deepMerge(QJsonObject base, const QJsonObject &overrides)
{
    for (auto it = overrides.constBegin(); it != overrides.constEnd(); ++it) {
        const QJsonValue value = it.value();
        if (value.isNull()) {
            base.remove(it.key());
        } else if (value.isObject() && base.value(it.key()).isObject()) {
            base.insert(it.key(), deepMerge(base.value(it.key()).toObject(), value.toObject()));
        } else {
            base.insert(it.key(), value);
        }
    }
    return base;
}

} // namespace

bool CatalogSampleLoader::loadSamples(const QByteArray &json, const QString &file,
                                      QHash<QString, QJsonObject> *samples)
{
    const Where top{file, {}};
    QJsonObject document;
    if (!parseDocument(json, file, &document, m_error))
        return false;
    QJsonObject base;
    QJsonObject events;
    if (!checkKeys(document, {QLatin1String("base"), QLatin1String("events")}, top, m_error)
        || !readObject(document, QLatin1String("base"), top, &base, m_error)
        || !readObject(document, QLatin1String("events"), top, &events, m_error)) {
        return false;
    }

    const Where baseWhere = top.key(u"base");
    for (const auto &[key, field] : topLevelFields) {
        if (base.contains(key)) {
            return fail(
                m_error, baseWhere,
                Catalog::tr("%1 belongs in each event's sample, not in the base").arg(quoted(key)));
        }
    }
    if (!checkSampleObject(base, {}, baseWhere))
        return false;

    for (auto it = events.constBegin(); it != events.constEnd(); ++it) {
        const Where where = top.key(u"events").member(it.key());
        if (!m_catalog.event(it.key()))
            return fail(m_error, where, Catalog::tr("not an event of the catalog"));
        if (!it.value().isObject())
            return fail(m_error, where, Catalog::tr("a sample must be an object"));
        const QJsonObject sample = deepMerge(base, it.value().toObject());

        QString type;
        QString id;
        QString occurredAt;
        if (!readText(sample, QLatin1String("type"), where, &type, m_error)
            || !readText(sample, QLatin1String("id"), where, &id, m_error)
            || !readText(sample, QLatin1String("occurredAt"), where, &occurredAt, m_error)) {
            return false;
        }
        if (type != it.key()) {
            return fail(m_error, where,
                        Catalog::tr("\"type\" is %1, not the event's id").arg(quoted(type)));
        }
        if (!checkSampleObject(sample, {}, where))
            return false;
        samples->insert(it.key(), sample);
    }

    for (const EventTypeInfo &event : m_catalog.events()) {
        if (!samples->contains(event.id)) {
            return fail(m_error, top.key(u"events"),
                        Catalog::tr("no sample for %1").arg(quoted(event.id)));
        }
    }
    return true;
}

// Every value of a sample is a field of the catalog, of the field's type.
bool CatalogSampleLoader::checkSampleObject(const QJsonObject &object, const QString &prefix,
                                            const Where &where)
{
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        const Where inner = where.key(it.key());
        QString path;
        if (prefix.isEmpty()) {
            const auto topLevel =
                std::find_if(topLevelFields.begin(), topLevelFields.end(),
                             [&](const auto &entry) { return entry.first == it.key(); });
            if (topLevel != topLevelFields.end()) {
                path = QString(topLevel->second);
            } else if (std::find(reservedRoots.begin(), reservedRoots.end(), it.key())
                       != reservedRoots.end()) {
                return fail(m_error, inner,
                            Catalog::tr("%1 is not a part of an event").arg(quoted(it.key())));
            } else if (!it.value().isObject()) {
                return fail(m_error, inner, Catalog::tr("a part of an event must be an object"));
            } else {
                path = it.key();
            }
        } else {
            path = prefix + u'.' + it.key();
        }

        if (const FieldInfo *field = m_catalog.field(path)) {
            if (!checkSampleValue(*field, it.value(), inner))
                return false;
        } else if (it.value().isObject()) {
            if (!checkSampleObject(it.value().toObject(), path, inner))
                return false;
        } else {
            return fail(m_error, inner,
                        Catalog::tr("%1 is not a field of the catalog").arg(quoted(path)));
        }
    }
    return true;
}

bool CatalogSampleLoader::checkSampleValue(const FieldInfo &field, const QJsonValue &value,
                                           const Where &where)
{
    const FieldValueCheck check = FieldValueCheck::check(field, value);
    return check.verdict == FieldValueCheck::Verdict::Fits || fail(m_error, where, check.message);
}

} // namespace Kanca
