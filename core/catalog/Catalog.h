#pragma once

#include "model/Operator.h"
#include "model/RuleSet.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>
#include <unordered_map>

namespace Kanca {

// A text in the two languages of the product.
struct LocalizedText
{
    QString en;
    QString tr;
    const QString &in(Language language) const { return language == Language::Turkish ? tr : en; }
};

enum class FieldType {
    Text,     // free text
    TextList, // a list of texts (tags)
    OneOf,    // one of a fixed set of values (platform, outcome, sender)
    Number,
    DateTime, // ISO 8601
};
QString fieldTypeId(FieldType type); // "text", "textList", "oneOf", "number", "dateTime"
std::optional<FieldType> fieldTypeFromId(QStringView id);

struct EventTypeInfo
{
    QString id;    // "chat.opened"
    QString group; // "contact", "chat", "message", "other"
    LocalizedText label;
    LocalizedText firesWhen; // one line saying when the event fires
};

struct FieldInfo
{
    QString path; // "contact.fullname"
    LocalizedText label;
    FieldType type = FieldType::Text;
    QStringList allowedValues; // OneOf only
    std::optional<double> minimum;
    std::optional<double> maximum;
    bool personal = false; // personal data (seed 000: send only what the receiver needs)
};

struct OperatorInfo
{
    Operator op = Operator::Equals;
    LocalizedText label;
    QList<FieldType> appliesTo;
};

// The catalog of events, fields and operators with their English and Turkish labels, and a
// sample event in each language for every event type. The data lives in resources/catalog/ so
// the designer, the command line and any server read the same catalog.
class Catalog final
{
    Q_DECLARE_TR_FUNCTIONS(Catalog)

public:
    // The catalog shipped in the resources, loaded once.
    static const Catalog &builtIn();

    // Loads a catalog from its JSON documents; on failure returns nullopt and says why.
    static std::optional<Catalog> load(const QByteArray &catalogJson,
                                       const QByteArray &samplesEnJson,
                                       const QByteArray &samplesTrJson, QString *error);

    const QList<EventTypeInfo> &events() const { return m_events; }
    const EventTypeInfo *event(QStringView id) const;

    const QList<FieldInfo> &fields() const { return m_fields; }
    const FieldInfo *field(QStringView path) const;

    const QList<OperatorInfo> &operators() const { return m_operators; }
    const OperatorInfo &operatorInfo(Operator op) const;
    bool operatorApplies(Operator op, FieldType type) const;

    // The built-in sample event of the given type, complete (type, id, occurredAt and the parts
    // that apply), or an empty object for an unknown type.
    QJsonObject sampleEvent(QStringView eventType, Language language) const;

    QStringList eventIds() const;
    QStringList fieldPaths() const;

private:
    friend class CatalogLoader; // CatalogLoader.cpp: fills a Catalog from catalog.json

    // Hashes a QString key and looks it up with a QStringView, without a copy.
    struct KeyHash
    {
        using is_transparent = void;
        std::size_t operator()(QStringView key) const noexcept { return qHash(key); }
    };
    using Index = std::unordered_map<QString, qsizetype, KeyHash, std::equal_to<>>;

    QList<EventTypeInfo> m_events;
    QList<FieldInfo> m_fields;
    QList<OperatorInfo> m_operators;
    QHash<QString, QJsonObject> m_samplesEn;
    QHash<QString, QJsonObject> m_samplesTr;
    Index m_eventIndex; // id -> index in m_events
    Index m_fieldIndex; // path -> index in m_fields
};

} // namespace Kanca
