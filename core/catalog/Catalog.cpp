#include "catalog/Catalog.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QJsonValue>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <array>
#include <initializer_list>
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

constexpr std::array<QLatin1String, 4> eventGroups = {
    QLatin1String("contact"),
    QLatin1String("chat"),
    QLatin1String("message"),
    QLatin1String("other"),
};

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

QString quoted(QAnyStringView text)
{
    return u'"' + text.toString() + u'"';
}

// Where in which document a problem is: "catalog.json" and "fields[3]".
struct Where
{
    QString file;
    QString path;

    Where key(QAnyStringView key) const
    {
        return {file, path.isEmpty() ? key.toString() : path + u'.' + key.toString()};
    }
    Where index(qsizetype index) const
    {
        return {file, path + u'[' + QString::number(index) + u']'};
    }
    Where member(QStringView key) const { return {file, path + u'[' + quoted(key) + u']'}; }
};

// Sets *error to "file: path: message" and returns false, so that a check reads
// "return fail(...)".
bool fail(QString *error, const Where &where, const QString &message)
{
    if (error) {
        if (where.path.isEmpty())
            *error = where.file + u": "_s + message;
        else
            *error = where.file + u": "_s + where.path + u": "_s + message;
    }
    return false;
}

// 1-based line and column (in characters) of a byte offset into UTF-8 text.
std::pair<int, int> lineAndColumn(const QByteArray &text, qsizetype offset)
{
    offset = std::clamp<qsizetype>(offset, 0, text.size());
    int line = 1;
    qsizetype lineStart = 0;
    for (qsizetype i = 0; i < offset; ++i) {
        if (text.at(i) == '\n') {
            ++line;
            lineStart = i + 1;
        }
    }
    const int column = int(QString::fromUtf8(text.mid(lineStart, offset - lineStart)).size()) + 1;
    return {line, column};
}

bool parseDocument(const QByteArray &json, const QString &file, QJsonObject *out, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        const auto [line, column] = lineAndColumn(json, parseError.offset);
        return fail(error, {file, {}},
                    Catalog::tr("line %1, column %2: %3")
                        .arg(line)
                        .arg(column)
                        .arg(parseError.errorString()));
    }
    if (!document.isObject())
        return fail(error, {file, {}}, Catalog::tr("the document is not a JSON object"));
    *out = document.object();
    return true;
}

bool checkKeys(const QJsonObject &object, std::initializer_list<QLatin1String> allowed,
               const Where &where, QString *error)
{
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        if (std::find(allowed.begin(), allowed.end(), it.key()) == allowed.end())
            return fail(error, where, Catalog::tr("unknown key %1").arg(quoted(it.key())));
    }
    return true;
}

bool readObject(const QJsonObject &parent, QLatin1String key, const Where &where, QJsonObject *out,
                QString *error)
{
    const QJsonValue value = parent.value(key);
    if (value.isUndefined())
        return fail(error, where, Catalog::tr("%1 is missing").arg(quoted(key)));
    if (!value.isObject())
        return fail(error, where, Catalog::tr("%1 must be an object").arg(quoted(key)));
    *out = value.toObject();
    return true;
}

bool readArray(const QJsonObject &parent, QLatin1String key, const Where &where, QJsonArray *out,
               QString *error)
{
    const QJsonValue value = parent.value(key);
    if (value.isUndefined())
        return fail(error, where, Catalog::tr("%1 is missing").arg(quoted(key)));
    if (!value.isArray())
        return fail(error, where, Catalog::tr("%1 must be an array").arg(quoted(key)));
    *out = value.toArray();
    return true;
}

bool readText(const QJsonObject &parent, QLatin1String key, const Where &where, QString *out,
              QString *error)
{
    const QJsonValue value = parent.value(key);
    if (value.isUndefined())
        return fail(error, where, Catalog::tr("%1 is missing").arg(quoted(key)));
    if (!value.isString() || value.toString().trimmed().isEmpty())
        return fail(error, where, Catalog::tr("%1 must be a non-empty text").arg(quoted(key)));
    *out = value.toString();
    return true;
}

bool readLocalized(const QJsonObject &parent, QLatin1String key, const Where &where,
                   LocalizedText *out, QString *error)
{
    QJsonObject object;
    if (!readObject(parent, key, where, &object, error))
        return false;
    const Where inner = where.key(key);
    // (*out).tr, not out->tr: lupdate reads "->tr" as a misplaced call of tr().
    return checkKeys(object, {QLatin1String("en"), QLatin1String("tr")}, inner, error)
           && readText(object, QLatin1String("en"), inner, &out->en, error)
           && readText(object, QLatin1String("tr"), inner, &(*out).tr, error);
}

bool isIdentifierPath(const QString &text)
{
    // Two or more camelCase segments: "contact.tagAdded", "conversation.firstMessage".
    static const QRegularExpression pattern(u"^[a-z][A-Za-z0-9]*(\\.[a-z][A-Za-z0-9]*)+$"_s);
    return pattern.match(text).hasMatch();
}

std::optional<double> readBound(const QJsonObject &object, QLatin1String key, const Where &where,
                                bool *ok, QString *error)
{
    const QJsonValue value = object.value(key);
    if (value.isUndefined())
        return std::nullopt;
    if (!value.isDouble()) {
        *ok = fail(error, where, Catalog::tr("%1 must be a number").arg(quoted(key)));
        return std::nullopt;
    }
    return value.toDouble();
}

// A date-time as events carry it: ISO 8601 with a time zone ("2026-11-21T10:30:00Z").
bool isZonedDateTime(const QString &text)
{
    static const QRegularExpression zone(u"(Z|[+-]\\d\\d:?\\d\\d)$"_s);
    return QDateTime::fromString(text, Qt::ISODateWithMs).isValid() && zone.match(text).hasMatch();
}

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

// Reads the catalog's documents into a Catalog, failing on the first problem.
class CatalogLoader final
{
public:
    CatalogLoader(Catalog *catalog, QString *error)
        : m_catalog(catalog)
        , m_error(error)
    {}

    bool loadCatalog(const QByteArray &json);
    bool loadSamples(const QByteArray &json, const QString &file,
                     QHash<QString, QJsonObject> *samples);

private:
    bool readEvent(const QJsonObject &object, const Where &where);
    bool readField(const QJsonObject &object, const Where &where);
    bool readOperator(const QJsonObject &object, const Where &where,
                      std::array<bool, OperatorCount> *seen);
    bool checkSampleObject(const QJsonObject &object, const QString &prefix, const Where &where);
    bool checkSampleValue(const FieldInfo &field, const QJsonValue &value, const Where &where);

    Catalog *m_catalog;
    QString *m_error;
};

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

bool CatalogLoader::loadSamples(const QByteArray &json, const QString &file,
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
        if (!m_catalog->event(it.key()))
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

    for (const EventTypeInfo &event : std::as_const(m_catalog->m_events)) {
        if (!samples->contains(event.id)) {
            return fail(m_error, top.key(u"events"),
                        Catalog::tr("no sample for %1").arg(quoted(event.id)));
        }
    }
    return true;
}

// Every value of a sample is a field of the catalog, of the field's type.
bool CatalogLoader::checkSampleObject(const QJsonObject &object, const QString &prefix,
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

        if (const FieldInfo *field = m_catalog->field(path)) {
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

bool CatalogLoader::checkSampleValue(const FieldInfo &field, const QJsonValue &value,
                                     const Where &where)
{
    switch (field.type) {
    case FieldType::Text:
        if (!value.isString())
            return fail(m_error, where, Catalog::tr("expected a text"));
        return true;
    case FieldType::TextList: {
        if (!value.isArray())
            return fail(m_error, where, Catalog::tr("expected a list of texts"));
        const QJsonArray array = value.toArray();
        for (const QJsonValue &item : array) {
            if (!item.isString())
                return fail(m_error, where, Catalog::tr("expected a list of texts"));
        }
        return true;
    }
    case FieldType::OneOf:
        if (!value.isString() || !field.allowedValues.contains(value.toString())) {
            return fail(m_error, where,
                        Catalog::tr("expected one of %1").arg(field.allowedValues.join(u", ")));
        }
        return true;
    case FieldType::Number: {
        if (!value.isDouble())
            return fail(m_error, where, Catalog::tr("expected a number"));
        const double number = value.toDouble();
        if (field.minimum && number < *field.minimum) {
            return fail(
                m_error, where,
                Catalog::tr("%1 is less than the minimum, %2").arg(number).arg(*field.minimum));
        }
        if (field.maximum && number > *field.maximum) {
            return fail(
                m_error, where,
                Catalog::tr("%1 is greater than the maximum, %2").arg(number).arg(*field.maximum));
        }
        return true;
    }
    case FieldType::DateTime:
        if (!value.isString() || !isZonedDateTime(value.toString())) {
            return fail(m_error, where,
                        Catalog::tr("expected an ISO 8601 date-time with a time zone"));
        }
        return true;
    }
    return fail(m_error, where, Catalog::tr("unknown field type"));
}

std::optional<Catalog> Catalog::load(const QByteArray &catalogJson, const QByteArray &samplesEnJson,
                                     const QByteArray &samplesTrJson, QString *error)
{
    Catalog catalog;
    CatalogLoader loader(&catalog, error);
    if (!loader.loadCatalog(catalogJson)
        || !loader.loadSamples(samplesEnJson, u"samples-en.json"_s, &catalog.m_samplesEn)
        || !loader.loadSamples(samplesTrJson, u"samples-tr.json"_s, &catalog.m_samplesTr)) {
        return std::nullopt;
    }
    return catalog;
}

namespace {

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
