#include "catalog/Catalog.h"

#include "catalog/CatalogLoader.h"
#include "catalog/CatalogSampleLoader.h"

#include <QFile>

#include <array>
#include <utility>

namespace Kanca {

using namespace Qt::StringLiterals;

namespace {

struct TypeName
{
    FieldType type;
    QLatin1String id;
};

constexpr std::array<TypeName, 5> typeNames = {{
    {FieldType::Text, QLatin1String("text")},
    {FieldType::TextList, QLatin1String("textList")},
    {FieldType::OneOf, QLatin1String("oneOf")},
    {FieldType::Number, QLatin1String("number")},
    {FieldType::DateTime, QLatin1String("dateTime")},
}};

QByteArray readResource(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        qFatal("The built-in catalog cannot be read: %s: %s", qUtf8Printable(path),
               qUtf8Printable(file.errorString()));
    }
    return file.readAll();
}

} // namespace

QString fieldTypeId(FieldType type)
{
    for (const TypeName &name : typeNames) {
        if (name.type == type)
            return QString(name.id);
    }
    return {};
}

std::optional<FieldType> fieldTypeFromId(QStringView id)
{
    for (const TypeName &name : typeNames) {
        if (id == name.id)
            return name.type;
    }
    return std::nullopt;
}

std::optional<Catalog> Catalog::load(const QByteArray &catalogJson, const QByteArray &samplesEnJson,
                                     const QByteArray &samplesTrJson, QString *error)
{
    Catalog catalog;
    CatalogLoader loader(&catalog, error);
    CatalogSampleLoader samples(catalog, error);
    if (!loader.loadCatalog(catalogJson)
        || !samples.loadSamples(samplesEnJson, u"samples-en.json"_s, &catalog.m_samplesEn)
        || !samples.loadSamples(samplesTrJson, u"samples-tr.json"_s, &catalog.m_samplesTr)) {
        return std::nullopt;
    }
    return catalog;
}

const Catalog &Catalog::builtIn()
{
    static const Catalog catalog = [] {
        QString error;
        std::optional<Catalog> loaded = load(readResource(u":/catalog/catalog.json"_s),
                                             readResource(u":/catalog/samples-en.json"_s),
                                             readResource(u":/catalog/samples-tr.json"_s), &error);
        if (!loaded)
            qFatal("The built-in catalog is broken: %s", qUtf8Printable(error));
        return std::move(*loaded);
    }();
    return catalog;
}

const EventTypeInfo *Catalog::event(QStringView id) const
{
    const auto it = m_eventIndex.find(id);
    return it == m_eventIndex.end() ? nullptr : &m_events.at(it->second);
}

const FieldInfo *Catalog::field(QStringView path) const
{
    const auto it = m_fieldIndex.find(path);
    return it == m_fieldIndex.end() ? nullptr : &m_fields.at(it->second);
}

const OperatorInfo &Catalog::operatorInfo(Operator op) const
{
    // A loaded catalog has every operator, in the order of the enumeration.
    const auto index = qsizetype(op);
    if (index >= 0 && index < m_operators.size())
        return m_operators.at(index);
    static const OperatorInfo none;
    return none;
}

bool Catalog::operatorApplies(Operator op, FieldType type) const
{
    return operatorInfo(op).appliesTo.contains(type);
}

QJsonObject Catalog::sampleEvent(QStringView eventType, Language language) const
{
    if (!event(eventType))
        return {};
    const QHash<QString, QJsonObject> &samples =
        language == Language::Turkish ? m_samplesTr : m_samplesEn;
    return samples.value(eventType.toString());
}

QStringList Catalog::eventIds() const
{
    QStringList ids;
    ids.reserve(m_events.size());
    for (const EventTypeInfo &info : m_events)
        ids.append(info.id);
    return ids;
}

QStringList Catalog::fieldPaths() const
{
    QStringList paths;
    paths.reserve(m_fields.size());
    for (const FieldInfo &info : m_fields)
        paths.append(info.path);
    return paths;
}

} // namespace Kanca
