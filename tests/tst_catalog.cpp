#include "catalog/Catalog.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Kanca;

Q_DECLARE_METATYPE(Kanca::FieldType)
Q_DECLARE_METATYPE(Kanca::Operator)
Q_DECLARE_METATYPE(Kanca::Language)

namespace {

QByteArray readResource(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qUtf8Printable(path));
    return file.readAll();
}

QJsonObject resourceObject(const QString &path)
{
    return QJsonDocument::fromJson(readResource(path)).object();
}

QByteArray toJson(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

// node with the value at a JSON pointer ("/fields/3/type") replaced, or removed when value is
// undefined. Array indices past the end append.
QJsonValue replaced(const QJsonValue &node, QStringList tokens, const QJsonValue &value)
{
    if (tokens.isEmpty())
        return value;
    const QString token = tokens.takeFirst();
    if (node.isArray()) {
        QJsonArray array = node.toArray();
        const qsizetype index = token.toLongLong();
        if (index >= array.size())
            array.append(replaced(QJsonValue(), tokens, value));
        else if (tokens.isEmpty() && value.isUndefined())
            array.removeAt(index);
        else
            array.replace(index, replaced(array.at(index), tokens, value));
        return array;
    }
    QJsonObject object = node.toObject();
    if (tokens.isEmpty() && value.isUndefined())
        object.remove(token);
    else
        object.insert(token, replaced(object.value(token), tokens, value));
    return object;
}

QJsonObject with(const QJsonObject &document, const QString &pointer, const QJsonValue &value)
{
    return replaced(document, pointer.mid(1).split(u'/'), value).toObject();
}

QJsonObject without(const QJsonObject &document, const QString &pointer)
{
    return with(document, pointer, QJsonValue(QJsonValue::Undefined));
}

// The value at a dotted path of an event ("contact.tags", "event.occurredAt").
QJsonValue valueAt(const QJsonObject &event, const QString &path)
{
    QStringList keys = path.split(u'.');
    if (keys.first() == u"event")
        keys.removeFirst();
    QJsonValue node = event;
    for (const QString &key : std::as_const(keys))
        node = node.toObject().value(key);
    return node;
}

// Every leaf of an event as a dotted field path: top-level keys as "event.*".
void collectLeaves(const QJsonObject &object, const QString &prefix, QStringList *paths)
{
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        const QString path = prefix.isEmpty() ? it.key() : prefix + u'.' + it.key();
        if (it.value().isObject())
            collectLeaves(it.value().toObject(), path, paths);
        else
            paths->append(prefix.isEmpty() ? u"event."_s + path : path);
    }
}

const QList<Language> languages = {Language::English, Language::Turkish};

} // namespace

class TestCatalog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void builtInIsLoadedOnce();
    void fieldTypeIds_data();
    void fieldTypeIds();

    void productEvents_data();
    void productEvents();
    void eventsAreWellFormed();

    void productFields_data();
    void productFields();
    void personalFields();
    void allowedValuesAndRanges();
    void lookups();

    void operators_data();
    void operators();
    void operatorApplies_data();
    void operatorApplies();

    void samples_data();
    void samples();
    void everyFieldHasASample();
    void samplesSpeakTheirLanguage();
    void sampleMerging();
    void seedUseCasesMatch_data();
    void seedUseCasesMatch();

    void builtInDataLoads();
    void operatorsInAnyOrder();
    void brokenCatalog_data();
    void brokenCatalog();
};

void TestCatalog::builtInIsLoadedOnce()
{
    QCOMPARE(&Catalog::builtIn(), &Catalog::builtIn());
    QVERIFY(!Catalog::builtIn().events().isEmpty());
}

void TestCatalog::fieldTypeIds_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<FieldType>("type");
    QTest::newRow("text") << u"text"_s << FieldType::Text;
    QTest::newRow("textList") << u"textList"_s << FieldType::TextList;
    QTest::newRow("oneOf") << u"oneOf"_s << FieldType::OneOf;
    QTest::newRow("number") << u"number"_s << FieldType::Number;
    QTest::newRow("dateTime") << u"dateTime"_s << FieldType::DateTime;
}

void TestCatalog::fieldTypeIds()
{
    QFETCH(QString, id);
    QFETCH(FieldType, type);
    QCOMPARE(fieldTypeId(type), id);
    QCOMPARE(fieldTypeFromId(id), std::optional<FieldType>(type));
    QVERIFY(!fieldTypeFromId(id.toUpper()));
    QVERIFY(!fieldTypeFromId(u"txt"));
    QVERIFY(!fieldTypeFromId(u""));
}

void TestCatalog::productEvents_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("group");
    QTest::addColumn<QString>("en");
    QTest::addColumn<QString>("tr");
    const auto row = [](const QString &id, const QString &group, const QString &en,
                        const QString &tr) {
        QTest::newRow(qUtf8Printable(id)) << id << group << en << tr;
    };
    // The events the product defines, with their groups and labels.
    row(u"contact.created"_s, u"contact"_s, u"Contact Created"_s, u"Kişi Oluşturuldu"_s);
    row(u"contact.updated"_s, u"contact"_s, u"Contact Updated"_s, u"Kişi Güncellendi"_s);
    row(u"contact.tagAdded"_s, u"contact"_s, u"Tag Added"_s, u"Etiket Eklendi"_s);
    row(u"contact.scoreReached"_s, u"contact"_s, u"Score Threshold Reached"_s,
        u"Puan Eşiğine Ulaşıldı"_s);
    row(u"contact.funnelStageChanged"_s, u"contact"_s, u"Funnel Stage Changed"_s,
        u"Satış Hunisi Aşaması Değişti"_s);
    row(u"contact.subscribedByEmail"_s, u"contact"_s, u"Subscribed by Email"_s,
        u"E-posta ile Abone Oldu"_s);
    row(u"contact.blocked"_s, u"contact"_s, u"Contact Blocked"_s, u"Kişi Engellendi"_s);
    row(u"contact.deleted"_s, u"contact"_s, u"Contact Deleted"_s, u"Kişi Silindi"_s);
    row(u"chat.opened"_s, u"chat"_s, u"Chat Opened"_s, u"Sohbet Açıldı"_s);
    row(u"chat.keywordUsed"_s, u"chat"_s, u"Keyword Used"_s, u"Anahtar Kelime Kullanıldı"_s);
    row(u"chat.idle"_s, u"chat"_s, u"No Interaction for a Period"_s,
        u"Belirli Süre Etkileşim Yok"_s);
    row(u"chat.closed"_s, u"chat"_s, u"Chat Closed"_s, u"Sohbet Sonlandı"_s);
    row(u"chat.rated"_s, u"chat"_s, u"Chat Rated"_s, u"Sohbet Değerlendirildi"_s);
    row(u"chat.transcriptSent"_s, u"chat"_s, u"Transcript Sent"_s, u"Sohbet Dökümü Gönderildi"_s);
    row(u"chat.copilotEnabled"_s, u"chat"_s, u"Copilot Enabled"_s, u"Yardımcı Pilot Açıldı"_s);
    row(u"chat.copilotDisabled"_s, u"chat"_s, u"Copilot Disabled"_s, u"Yardımcı Pilot Kapatıldı"_s);
    row(u"message.created"_s, u"message"_s, u"Message Received"_s, u"Mesaj Alındı"_s);
    row(u"email.opened"_s, u"other"_s, u"Email Opened"_s, u"E-posta Açıldı"_s);
    // Extensions.
    row(u"contact.tagRemoved"_s, u"contact"_s, u"Tag Removed"_s, u"Etiket Çıkarıldı"_s);
    row(u"chat.assigned"_s, u"chat"_s, u"Chat Assigned"_s, u"Sohbet Atandı"_s);
}

void TestCatalog::productEvents()
{
    QFETCH(QString, id);
    QFETCH(QString, group);
    QFETCH(QString, en);
    QFETCH(QString, tr);
    const EventTypeInfo *event = Catalog::builtIn().event(id);
    QVERIFY2(event, qUtf8Printable(id));
    QCOMPARE(event->id, id);
    QCOMPARE(event->group, group);
    QCOMPARE(event->label.en, en);
    QCOMPARE(event->label.tr, tr);
    QCOMPARE(event->label.in(Language::English), en);
    QCOMPARE(event->label.in(Language::Turkish), tr);
    QVERIFY(Catalog::builtIn().eventIds().contains(id));
}

void TestCatalog::eventsAreWellFormed()
{
    const Catalog &catalog = Catalog::builtIn();
    QSet<QString> ids;
    QSet<QString> enLabels;
    QSet<QString> trLabels;
    for (const EventTypeInfo &event : catalog.events()) {
        QVERIFY2(!ids.contains(event.id), qUtf8Printable(event.id));
        ids.insert(event.id);
        enLabels.insert(event.label.en);
        trLabels.insert(event.label.tr);
        const QStringList groups = {u"contact"_s, u"chat"_s, u"message"_s, u"other"_s};
        QVERIFY2(groups.contains(event.group), qUtf8Printable(event.id));
        for (const QString &line : {event.firesWhen.en, event.firesWhen.tr}) {
            QVERIFY2(line.size() > 20, qUtf8Printable(event.id));
            QVERIFY2(!line.contains(u'\n'), qUtf8Printable(event.id));
            QVERIFY2(line.endsWith(u'.'), qUtf8Printable(event.id));
        }
        QVERIFY2(event.firesWhen.en != event.firesWhen.tr, qUtf8Printable(event.id));
        QCOMPARE(catalog.event(event.id), &event);
    }
    QCOMPARE(ids.size(), catalog.events().size());
    QCOMPARE(enLabels.size(), ids.size()); // a label names one event
    QCOMPARE(trLabels.size(), ids.size());
    QCOMPARE(catalog.eventIds().size(), catalog.events().size());
    QCOMPARE(catalog.eventIds().first(), catalog.events().first().id);
}

void TestCatalog::productFields_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<FieldType>("type");
    QTest::addColumn<QString>("en");
    QTest::addColumn<QString>("tr");
    const auto row = [](const QString &path, FieldType type, const QString &en, const QString &tr) {
        QTest::newRow(qUtf8Printable(path)) << path << type << en << tr;
    };
    using T = FieldType;
    // The fields the product defines, with their types and labels.
    row(u"contact.id"_s, T::Text, u"Contact ID"_s, u"Kişi Kimliği"_s);
    row(u"contact.fullname"_s, T::Text, u"Full Name"_s, u"Ad Soyad"_s);
    row(u"contact.email"_s, T::Text, u"Email"_s, u"E-posta"_s);
    row(u"contact.phone"_s, T::Text, u"Phone"_s, u"Telefon"_s);
    row(u"contact.whatsappNumber"_s, T::Text, u"WhatsApp Number"_s, u"WhatsApp Numarası"_s);
    row(u"contact.tags"_s, T::TextList, u"Contact Tags"_s, u"Kişinin Etiketleri"_s);
    row(u"contact.platform"_s, T::OneOf, u"Contact Platform"_s, u"Kişinin Platformu"_s);
    row(u"contact.company"_s, T::Text, u"Company"_s, u"Şirket"_s);
    row(u"contact.jobTitle"_s, T::Text, u"Job Title"_s, u"Unvan"_s);
    row(u"contact.city"_s, T::Text, u"City"_s, u"Şehir"_s);
    row(u"contact.country"_s, T::Text, u"Country"_s, u"Ülke"_s);
    row(u"contact.score"_s, T::Number, u"Lead Score"_s, u"Puan"_s);
    row(u"contact.funnelStage"_s, T::Text, u"Funnel Stage"_s, u"Huni Aşaması"_s);
    row(u"conversation.id"_s, T::Text, u"Conversation ID"_s, u"Konuşma Kimliği"_s);
    row(u"conversation.firstMessage"_s, T::Text, u"Last Conversation First Message"_s,
        u"Son Konuşma İlk Mesajı"_s);
    row(u"conversation.lastMessage"_s, T::Text, u"Last Message"_s, u"Son Mesaj"_s);
    row(u"conversation.startedAt"_s, T::DateTime, u"Started At"_s, u"Başlangıç Zamanı"_s);
    row(u"conversation.endedAt"_s, T::DateTime, u"Ended At"_s, u"Bitiş Zamanı"_s);
    row(u"conversation.outcome"_s, T::OneOf, u"Outcome"_s, u"Sonuç"_s);
    row(u"conversation.messageCount"_s, T::Number, u"Message Count"_s, u"Mesaj Sayısı"_s);
    row(u"conversation.rating"_s, T::Number, u"Rating"_s, u"Değerlendirme"_s);
    row(u"conversation.agent"_s, T::Text, u"Agent"_s, u"Temsilci"_s);
    row(u"conversation.idleMinutes"_s, T::Number, u"Minutes Without Interaction"_s,
        u"Etkileşimsiz Dakika"_s);
    row(u"message.text"_s, T::Text, u"Message Text"_s, u"Mesaj Metni"_s);
    row(u"message.sender"_s, T::OneOf, u"Sender"_s, u"Gönderen"_s);
    row(u"workspace.id"_s, T::Text, u"Workspace ID"_s, u"Çalışma Alanı Kimliği"_s);
    row(u"workspace.name"_s, T::Text, u"Workspace Name"_s, u"Çalışma Alanı Adı"_s);
    row(u"event.type"_s, T::Text, u"Event Type"_s, u"Olay Türü"_s);
    row(u"event.id"_s, T::Text, u"Event ID"_s, u"Olay Kimliği"_s);
    row(u"event.occurredAt"_s, T::DateTime, u"Event Time"_s, u"Olay Zamanı"_s);
    row(u"rule.id"_s, T::Text, u"Rule ID"_s, u"Kural Kimliği"_s);
    row(u"rule.name"_s, T::Text, u"Rule Name"_s, u"Kural Adı"_s);
    row(u"rule.description"_s, T::Text, u"Rule Description"_s, u"Kural Açıklaması"_s);
    row(u"delivery.id"_s, T::Text, u"Delivery ID"_s, u"Teslimat Kimliği"_s);
    // Extensions.
    row(u"contact.previousFunnelStage"_s, T::Text, u"Previous Funnel Stage"_s,
        u"Önceki Huni Aşaması"_s);
    row(u"tag.name"_s, T::Text, u"Added or Removed Tag"_s, u"Eklenen veya Çıkarılan Etiket"_s);
    row(u"message.keyword"_s, T::Text, u"Matched Keyword"_s, u"Eşleşen Anahtar Kelime"_s);
    row(u"email.subject"_s, T::Text, u"Email Subject"_s, u"E-posta Konusu"_s);
}

void TestCatalog::productFields()
{
    QFETCH(QString, path);
    QFETCH(FieldType, type);
    QFETCH(QString, en);
    QFETCH(QString, tr);
    const FieldInfo *field = Catalog::builtIn().field(path);
    QVERIFY2(field, qUtf8Printable(path));
    QCOMPARE(field->path, path);
    QCOMPARE(field->type, type);
    QCOMPARE(field->label.en, en);
    QCOMPARE(field->label.tr, tr);
    QCOMPARE(field->allowedValues.isEmpty(), type != FieldType::OneOf);
    if (type != FieldType::Number) {
        QVERIFY(!field->minimum);
        QVERIFY(!field->maximum);
    }
    QVERIFY(Catalog::builtIn().fieldPaths().contains(path));
}

void TestCatalog::personalFields()
{
    QStringList personal;
    for (const FieldInfo &field : Catalog::builtIn().fields()) {
        if (field.personal)
            personal.append(field.path);
    }
    personal.sort();
    const QStringList expected = {
        u"contact.email"_s,          u"contact.fullname"_s,          u"contact.phone"_s,
        u"contact.whatsappNumber"_s, u"conversation.firstMessage"_s, u"conversation.lastMessage"_s,
        u"message.text"_s,
    };
    QCOMPARE(personal, expected);
}

void TestCatalog::allowedValuesAndRanges()
{
    const Catalog &catalog = Catalog::builtIn();
    QCOMPARE(catalog.field(u"contact.platform")->allowedValues,
             QStringList({u"WhatsApp"_s, u"Instagram"_s, u"Messenger"_s, u"Telegram"_s, u"Web"_s,
                          u"Email"_s, u"SMS"_s}));
    QCOMPARE(
        catalog.field(u"conversation.outcome")->allowedValues,
        QStringList({u"lead_captured"_s, u"handoff_requested"_s, u"resolved"_s, u"abandoned"_s}));
    QCOMPARE(catalog.field(u"message.sender")->allowedValues,
             QStringList({u"visitor"_s, u"agent"_s, u"bot"_s}));
    const FieldInfo *rating = catalog.field(u"conversation.rating");
    QCOMPARE(rating->minimum, std::optional<double>(1));
    QCOMPARE(rating->maximum, std::optional<double>(5));
}

void TestCatalog::lookups()
{
    const Catalog &catalog = Catalog::builtIn();
    QCOMPARE(catalog.event(u"chat.nope"), nullptr);
    QCOMPARE(catalog.event(u""), nullptr);
    QCOMPARE(catalog.event(u"Chat.Opened"), nullptr);
    QCOMPARE(catalog.field(u"contact.nope"), nullptr);
    QCOMPARE(catalog.field(u"contact"), nullptr);
    // A view into a longer text finds the field it spells.
    const QString text = u"{{contact.tags | json}}"_s;
    const FieldInfo *tags = catalog.field(QStringView(text).mid(2, 12));
    QVERIFY(tags);
    QCOMPARE(tags->path, u"contact.tags"_s);
    QCOMPARE(catalog.fieldPaths().size(), catalog.fields().size());
    const QStringList paths = catalog.fieldPaths();
    QCOMPARE(QSet<QString>(paths.begin(), paths.end()).size(), catalog.fields().size());
    QCOMPARE(catalog.sampleEvent(u"chat.nope", Language::English), QJsonObject());
    QCOMPARE(catalog.sampleEvent(u"", Language::Turkish), QJsonObject());
}

void TestCatalog::operators_data()
{
    QTest::addColumn<Operator>("op");
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("en");
    QTest::addColumn<QString>("tr");
    const auto row = [](Operator op, const QString &id, const QString &en, const QString &tr) {
        QTest::newRow(qUtf8Printable(id)) << op << id << en << tr;
    };
    row(Operator::Equals, u"equals"_s, u"equals"_s, u"eşittir"_s);
    row(Operator::NotEquals, u"notEquals"_s, u"does not equal"_s, u"eşit değildir"_s);
    row(Operator::Contains, u"contains"_s, u"contains"_s, u"içerir"_s);
    row(Operator::NotContains, u"notContains"_s, u"does not contain"_s, u"içermez"_s);
    row(Operator::StartsWith, u"startsWith"_s, u"starts with"_s, u"ile başlar"_s);
    row(Operator::EndsWith, u"endsWith"_s, u"ends with"_s, u"ile biter"_s);
    row(Operator::Matches, u"matches"_s, u"matches (regular expression)"_s,
        u"düzenli ifadeyle eşleşir"_s);
    row(Operator::IsEmpty, u"isEmpty"_s, u"is empty"_s, u"boştur"_s);
    row(Operator::IsNotEmpty, u"isNotEmpty"_s, u"is not empty"_s, u"boş değildir"_s);
    row(Operator::GreaterThan, u"greaterThan"_s, u"is greater than"_s, u"büyüktür"_s);
    row(Operator::LessThan, u"lessThan"_s, u"is less than"_s, u"küçüktür"_s);
    row(Operator::AtLeast, u"atLeast"_s, u"is at least"_s, u"en az"_s);
    row(Operator::AtMost, u"atMost"_s, u"is at most"_s, u"en çok"_s);
    row(Operator::In, u"in"_s, u"is one of"_s, u"şunlardan biridir"_s);
}

void TestCatalog::operators()
{
    QFETCH(Operator, op);
    QFETCH(QString, id);
    QFETCH(QString, en);
    QFETCH(QString, tr);
    const Catalog &catalog = Catalog::builtIn();
    QCOMPARE(catalog.operators().size(), qsizetype(OperatorCount));
    QCOMPARE(operatorId(op), id);
    const OperatorInfo &info = catalog.operatorInfo(op);
    QCOMPARE(info.op, op);
    QCOMPARE(info.label.en, en);
    QCOMPARE(info.label.tr, tr);
    QVERIFY(!info.appliesTo.isEmpty());
    QCOMPARE(&catalog.operators().at(qsizetype(op)), &info);
}

void TestCatalog::operatorApplies_data()
{
    QTest::addColumn<Operator>("op");
    QTest::addColumn<FieldType>("type");
    QTest::addColumn<bool>("applies");
    using O = Operator;
    using T = FieldType;
    const QList<std::pair<T, QList<O>>> applying = {
        {T::Text,
         {O::Equals, O::NotEquals, O::Contains, O::NotContains, O::StartsWith, O::EndsWith,
          O::Matches, O::IsEmpty, O::IsNotEmpty, O::In}},
        {T::TextList, {O::Contains, O::NotContains, O::IsEmpty, O::IsNotEmpty}},
        {T::OneOf, {O::Equals, O::NotEquals, O::In, O::IsEmpty, O::IsNotEmpty}},
        {T::Number,
         {O::Equals, O::NotEquals, O::GreaterThan, O::LessThan, O::AtLeast, O::AtMost, O::IsEmpty,
          O::IsNotEmpty, O::In}},
        {T::DateTime,
         {O::Equals, O::NotEquals, O::GreaterThan, O::LessThan, O::AtLeast, O::AtMost, O::IsEmpty,
          O::IsNotEmpty}},
    };
    for (const auto &[type, operators] : applying) {
        for (int i = 0; i < OperatorCount; ++i) {
            const auto op = Operator(i);
            const QString name = operatorId(op) + u" on "_s + fieldTypeId(type);
            QTest::newRow(qUtf8Printable(name)) << op << type << operators.contains(op);
        }
    }
}

void TestCatalog::operatorApplies()
{
    QFETCH(Operator, op);
    QFETCH(FieldType, type);
    QFETCH(bool, applies);
    QCOMPARE(Catalog::builtIn().operatorApplies(op, type), applies);
    QCOMPARE(Catalog::builtIn().operatorInfo(op).appliesTo.contains(type), applies);
}

void TestCatalog::samples_data()
{
    QTest::addColumn<QString>("eventType");
    QTest::addColumn<Language>("language");
    for (const QString &id : Catalog::builtIn().eventIds()) {
        for (Language language : languages) {
            QTest::newRow(qUtf8Printable(id + u' ' + languageCode(language))) << id << language;
        }
    }
}

void TestCatalog::samples()
{
    QFETCH(QString, eventType);
    QFETCH(Language, language);
    const Catalog &catalog = Catalog::builtIn();
    const QJsonObject sample = catalog.sampleEvent(eventType, language);
    QVERIFY(!sample.isEmpty());
    QCOMPARE(sample.value(u"type"_s).toString(), eventType);
    QVERIFY(sample.value(u"id"_s).toString().startsWith(u"evt_"_s));
    QVERIFY(sample.contains(u"workspace"_s));
    QVERIFY(sample.contains(u"contact"_s));

    QStringList leaves;
    collectLeaves(sample, {}, &leaves);
    for (const QString &path : std::as_const(leaves)) {
        const FieldInfo *field = catalog.field(path);
        QVERIFY2(field, qUtf8Printable(u"not in the catalog: "_s + path));
        QVERIFY2(!path.startsWith(u"rule."_s) && !path.startsWith(u"delivery."_s),
                 qUtf8Printable(path));
        const QJsonValue value = valueAt(sample, path);
        const QByteArray what =
            (path + u": "_s
             + QString::fromUtf8(QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact)))
                .toUtf8();
        switch (field->type) {
        case FieldType::Text:
            QVERIFY2(value.isString() && !value.toString().isEmpty(), what.constData());
            break;
        case FieldType::TextList:
            QVERIFY2(value.isArray() && !value.toArray().isEmpty(), what.constData());
            for (const QJsonValue &item : value.toArray())
                QVERIFY2(item.isString() && !item.toString().isEmpty(), what.constData());
            break;
        case FieldType::OneOf:
            QVERIFY2(value.isString() && field->allowedValues.contains(value.toString()),
                     what.constData());
            break;
        case FieldType::Number:
            QVERIFY2(value.isDouble(), what.constData());
            QVERIFY2(!field->minimum || value.toDouble() >= *field->minimum, what.constData());
            QVERIFY2(!field->maximum || value.toDouble() <= *field->maximum, what.constData());
            break;
        case FieldType::DateTime: {
            const QDateTime time = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
            QVERIFY2(time.isValid(), what.constData());
            QCOMPARE(time.timeSpec(), Qt::UTC);
            break;
        }
        }
    }

    // The parts that apply to the event are there, and those that do not are absent.
    const auto has = [&](const QString &path) { return !valueAt(sample, path).isUndefined(); };
    const bool contactOnly = eventType == u"contact.deleted" || eventType == u"email.opened";
    QCOMPARE(sample.contains(u"conversation"_s), !contactOnly);
    const QStringList withMessage = {u"message.created"_s, u"chat.opened"_s, u"chat.keywordUsed"_s};
    QCOMPARE(sample.contains(u"message"_s), withMessage.contains(eventType));
    QCOMPARE(has(u"tag.name"_s),
             eventType == u"contact.tagAdded" || eventType == u"contact.tagRemoved");
    QCOMPARE(has(u"message.keyword"_s), eventType == u"chat.keywordUsed");
    QCOMPARE(has(u"email.subject"_s), eventType == u"email.opened");
    QCOMPARE(has(u"contact.previousFunnelStage"_s), eventType == u"contact.funnelStageChanged");
    QCOMPARE(has(u"conversation.idleMinutes"_s), eventType == u"chat.idle");
    QCOMPARE(has(u"conversation.rating"_s), eventType == u"chat.rated");
    const QStringList ended = {u"chat.closed"_s, u"chat.rated"_s, u"chat.transcriptSent"_s};
    QCOMPARE(has(u"conversation.endedAt"_s), ended.contains(eventType));
    QCOMPARE(has(u"conversation.outcome"_s), ended.contains(eventType));
    if (eventType == u"contact.tagAdded") {
        QVERIFY(
            valueAt(sample, u"contact.tags"_s).toArray().contains(valueAt(sample, u"tag.name"_s)));
    }
    if (eventType == u"contact.tagRemoved") {
        QVERIFY(
            !valueAt(sample, u"contact.tags"_s).toArray().contains(valueAt(sample, u"tag.name"_s)));
    }
    if (has(u"conversation.endedAt"_s)) {
        QVERIFY(QDateTime::fromString(valueAt(sample, u"conversation.endedAt"_s).toString(),
                                      Qt::ISODate)
                > QDateTime::fromString(valueAt(sample, u"conversation.startedAt"_s).toString(),
                                        Qt::ISODate));
    }
}

void TestCatalog::everyFieldHasASample()
{
    const Catalog &catalog = Catalog::builtIn();
    for (Language language : languages) {
        QSet<QString> seen;
        QSet<QString> eventIds;
        for (const QString &id : catalog.eventIds()) {
            const QJsonObject sample = catalog.sampleEvent(id, language);
            QStringList leaves;
            collectLeaves(sample, {}, &leaves);
            seen.unite(QSet<QString>(leaves.begin(), leaves.end()));
            eventIds.insert(sample.value(u"id"_s).toString());
        }
        QCOMPARE(eventIds.size(), catalog.events().size()); // each sample has its own id
        for (const QString &path : catalog.fieldPaths()) {
            if (path.startsWith(u"rule."_s) || path.startsWith(u"delivery."_s))
                continue; // from the rule and the delivery, not from the event
            QVERIFY2(seen.contains(path),
                     qUtf8Printable(path + u" in no "_s + languageCode(language) + u" sample"_s));
        }
    }
}

void TestCatalog::samplesSpeakTheirLanguage()
{
    const Catalog &catalog = Catalog::builtIn();
    QString turkish;
    QString english;
    for (const QString &id : catalog.eventIds()) {
        turkish += QString::fromUtf8(toJson(catalog.sampleEvent(id, Language::Turkish)));
        english += QString::fromUtf8(toJson(catalog.sampleEvent(id, Language::English)));
    }
    // Turkish's own letters (no Turkish word starts with ğ, so no Ğ).
    for (const QChar letter : u"İıŞşğÇçÖöü"_s)
        QVERIFY2(turkish.contains(letter), qUtf8Printable(QString(letter)));
    for (const QChar letter : u"İıŞşĞğÇçÖöÜü"_s)
        QVERIFY2(!english.contains(letter), qUtf8Printable(QString(letter)));

    const QJsonObject tr = catalog.sampleEvent(u"chat.opened", Language::Turkish);
    QCOMPARE(valueAt(tr, u"contact.fullname"_s).toString(), u"Ayşe Yılmaz"_s);
    QCOMPARE(valueAt(tr, u"contact.city"_s).toString(), u"İstanbul"_s);
    const QJsonObject en = catalog.sampleEvent(u"chat.opened", Language::English);
    QVERIFY(valueAt(en, u"contact.fullname"_s).toString()
            != valueAt(tr, u"contact.fullname"_s).toString());
}

void TestCatalog::sampleMerging()
{
    const Catalog &catalog = Catalog::builtIn();
    const QJsonObject base =
        resourceObject(u":/catalog/samples-tr.json"_s).value(u"base"_s).toObject();
    // Overrides replace a value, keep its siblings, and null removes a key.
    const QJsonObject opened = catalog.sampleEvent(u"chat.opened", Language::Turkish);
    QCOMPARE(opened.value(u"contact"_s), base.value(u"contact"_s));
    QCOMPARE(opened.value(u"workspace"_s), base.value(u"workspace"_s));
    QCOMPARE(valueAt(opened, u"conversation.id"_s).toString(), u"conv_58297"_s);
    QVERIFY(valueAt(opened, u"conversation.agent"_s).isUndefined());
    QVERIFY(valueAt(base, u"conversation.agent"_s).isString());
    // Arrays are replaced, not merged.
    const QJsonObject removed = catalog.sampleEvent(u"contact.tagRemoved", Language::Turkish);
    QCOMPARE(valueAt(removed, u"contact.tags"_s).toArray(), QJsonArray({u"VIP"_s, u"Kurumsal"_s}));
    QCOMPARE(valueAt(removed, u"contact.fullname"_s), valueAt(base, u"contact.fullname"_s));
    // A whole part removed.
    QVERIFY(
        !catalog.sampleEvent(u"contact.deleted", Language::English).contains(u"conversation"_s));
}

void TestCatalog::seedUseCasesMatch_data()
{
    QTest::addColumn<QString>("eventType");
    QTest::addColumn<Language>("language");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QStringList>("anyOf"); // the condition: field contains any of these

    // Seed 000's four use cases, in its Turkish and its English text.
    QTest::newRow("1 lead to CRM tr")
        << u"contact.created"_s << Language::Turkish << u"conversation.firstMessage"_s
        << QStringList{u"demo"_s, u"fiyat"_s};
    QTest::newRow("1 lead to CRM en")
        << u"contact.created"_s << Language::English << u"conversation.firstMessage"_s
        << QStringList{u"demo"_s, u"pricing"_s};
    QTest::newRow("2 VIP to Slack tr")
        << u"chat.opened"_s << Language::Turkish << u"contact.tags"_s << QStringList{u"VIP"_s};
    QTest::newRow("2 VIP to Slack en")
        << u"chat.opened"_s << Language::English << u"contact.tags"_s << QStringList{u"VIP"_s};
    QTest::newRow("3 support ticket tr")
        << u"chat.opened"_s << Language::Turkish << u"conversation.firstMessage"_s
        << QStringList{u"hata"_s, u"çalışmıyor"_s, u"destek"_s};
    QTest::newRow("3 support ticket en")
        << u"chat.opened"_s << Language::English << u"conversation.firstMessage"_s
        << QStringList{u"error"_s, u"not working"_s, u"support"_s};
    QTest::newRow("4 WhatsApp lead tr") << u"contact.created"_s << Language::Turkish
                                        << u"contact.platform"_s << QStringList{u"WhatsApp"_s};
    QTest::newRow("4 WhatsApp lead en") << u"contact.created"_s << Language::English
                                        << u"contact.platform"_s << QStringList{u"WhatsApp"_s};
}

void TestCatalog::seedUseCasesMatch()
{
    QFETCH(QString, eventType);
    QFETCH(Language, language);
    QFETCH(QString, field);
    QFETCH(QStringList, anyOf);
    const QJsonValue value = valueAt(Catalog::builtIn().sampleEvent(eventType, language), field);
    bool matched = false;
    for (const QString &needle : std::as_const(anyOf)) {
        if (value.isArray())
            matched = matched || value.toArray().contains(needle);
        else
            matched = matched || value.toString().contains(needle, Qt::CaseInsensitive);
    }
    QVERIFY2(matched, qUtf8Printable(field + u" = "_s + value.toVariant().toString()));
}

void TestCatalog::builtInDataLoads()
{
    QString error = u"untouched"_s;
    const std::optional<Catalog> catalog = Catalog::load(
        readResource(u":/catalog/catalog.json"_s), readResource(u":/catalog/samples-en.json"_s),
        readResource(u":/catalog/samples-tr.json"_s), &error);
    QVERIFY2(catalog, qUtf8Printable(error));
    QCOMPARE(error, u"untouched"_s);
    QCOMPARE(catalog->eventIds(), Catalog::builtIn().eventIds());
    QCOMPARE(catalog->fieldPaths(), Catalog::builtIn().fieldPaths());
    QCOMPARE(catalog->sampleEvent(u"chat.rated", Language::Turkish),
             Catalog::builtIn().sampleEvent(u"chat.rated", Language::Turkish));
    // A copy keeps working lookups.
    const Catalog copy = *catalog;
    QCOMPARE(copy.field(u"contact.tags")->path, u"contact.tags"_s);
    QCOMPARE(copy.event(u"chat.idle")->label.tr, u"Belirli Süre Etkileşim Yok"_s);
}

void TestCatalog::operatorsInAnyOrder()
{
    QJsonObject document = resourceObject(u":/catalog/catalog.json"_s);
    QJsonArray reversed;
    for (const QJsonValue &op : document.value(u"operators"_s).toArray())
        reversed.prepend(op);
    document.insert(u"operators"_s, reversed);
    QString error;
    const std::optional<Catalog> catalog =
        Catalog::load(toJson(document), readResource(u":/catalog/samples-en.json"_s),
                      readResource(u":/catalog/samples-tr.json"_s), &error);
    QVERIFY2(catalog, qUtf8Printable(error));
    for (int i = 0; i < OperatorCount; ++i) {
        const auto op = Operator(i);
        QCOMPARE(catalog->operatorInfo(op).op, op);
        QCOMPARE(catalog->operatorInfo(op).label.en, Catalog::builtIn().operatorInfo(op).label.en);
    }
    for (const FieldInfo &field : catalog->fields())
        QCOMPARE(catalog->field(field.path), &field);
}

void TestCatalog::brokenCatalog_data()
{
    QTest::addColumn<QByteArray>("catalog");
    QTest::addColumn<QByteArray>("samplesEn");
    QTest::addColumn<QByteArray>("samplesTr");
    QTest::addColumn<QString>("expected"); // the error contains this

    const QJsonObject catalog = resourceObject(u":/catalog/catalog.json"_s);
    const QJsonObject en = resourceObject(u":/catalog/samples-en.json"_s);
    const QJsonObject tr = resourceObject(u":/catalog/samples-tr.json"_s);
    const QByteArray c = toJson(catalog);
    const QByteArray e = toJson(en);
    const QByteArray t = toJson(tr);
    const auto broken = [&](const char *name, const QJsonObject &cat, const QJsonObject &sEn,
                            const QJsonObject &sTr, const QString &expected) {
        QTest::newRow(name) << toJson(cat) << toJson(sEn) << toJson(sTr) << expected;
    };
    const QJsonArray events = catalog.value(u"events"_s).toArray();
    const QJsonArray fields = catalog.value(u"fields"_s).toArray();
    const QJsonArray operators = catalog.value(u"operators"_s).toArray();
    const QString lastEvent = QString::number(events.size());
    const QString lastField = QString::number(fields.size());
    const QString lastOperator = QString::number(operators.size());
    QCOMPARE(fields.at(3).toObject().value(u"path"_s).toString(), u"contact.phone"_s);
    QCOMPARE(fields.at(22).toObject().value(u"path"_s).toString(), u"conversation.rating"_s);

    QTest::newRow("syntax error") << QByteArray("{\n  \"events\": [\n    {\"id\": }\n") << e << t
                                  << u"catalog.json: line 3, column "_s;
    QTest::newRow("empty") << QByteArray() << e << t << u"catalog.json: line 1"_s;
    QTest::newRow("not an object")
        << QByteArray("[]") << e << t << u"catalog.json: the document is not a JSON object"_s;
    QTest::newRow("samples syntax error")
        << c << e << QByteArray("{\"base\": {,}}") << u"samples-tr.json: line 1, column "_s;
    broken("unknown top-level key", with(catalog, u"/event"_s, QJsonArray()), en, tr,
           u"catalog.json: unknown key \"event\""_s);
    broken("no events", with(catalog, u"/events"_s, QJsonArray()), en, tr,
           u"catalog.json: events: there are no events"_s);
    broken("fields missing", without(catalog, u"/fields"_s), en, tr,
           u"catalog.json: \"fields\" is missing"_s);

    broken("event not an object", with(catalog, u"/events/2"_s, u"chat.opened"_s), en, tr,
           u"catalog.json: events[2]: an event must be an object"_s);
    broken("duplicate event id", with(catalog, u"/events/"_s + lastEvent, events.at(0)), en, tr,
           u"catalog.json: events["_s + lastEvent + u"]: duplicate event id \"contact.created\""_s);
    broken("malformed event id", with(catalog, u"/events/1/id"_s, u"contact updated"_s), en, tr,
           u"catalog.json: events[1]: malformed event id \"contact updated\""_s);
    broken("unknown group", with(catalog, u"/events/0/group"_s, u"people"_s), en, tr,
           u"catalog.json: events[0]: unknown group \"people\""_s);
    broken("missing Turkish label", without(catalog, u"/events/0/label/tr"_s), en, tr,
           u"catalog.json: events[0].label: \"tr\" is missing"_s);
    broken("empty English firesWhen", with(catalog, u"/events/4/firesWhen/en"_s, u" "_s), en, tr,
           u"catalog.json: events[4].firesWhen: \"en\" must be a non-empty text"_s);
    broken("label in a third language", with(catalog, u"/events/0/label/pl"_s, u"Kontakt"_s), en,
           tr, u"catalog.json: events[0].label: unknown key \"pl\""_s);

    broken("unknown type", with(catalog, u"/fields/3/type"_s, u"txt"_s), en, tr,
           u"catalog.json: fields[3]: unknown type \"txt\""_s);
    broken("duplicate field path", with(catalog, u"/fields/"_s + lastField, fields.at(5)), en, tr,
           u"catalog.json: fields["_s + lastField + u"]: duplicate field path \"contact.tags\""_s);
    broken("malformed field path", with(catalog, u"/fields/0/path"_s, u"contact..id"_s), en, tr,
           u"catalog.json: fields[0]: malformed field path \"contact..id\""_s);
    broken("unknown key in a field", with(catalog, u"/fields/0/colour"_s, u"red"_s), en, tr,
           u"catalog.json: fields[0]: unknown key \"colour\""_s);
    broken("oneOf without values", without(catalog, u"/fields/6/values"_s), en, tr,
           u"catalog.json: fields[6]: a field of type \"oneOf\" needs a non-empty array"_s);
    broken("values on a text", with(catalog, u"/fields/0/values"_s, QJsonArray{u"a"_s}), en, tr,
           u"catalog.json: fields[0]: only a field of type \"oneOf\" has \"values\""_s);
    broken("minimum on a text", with(catalog, u"/fields/0/minimum"_s, 1), en, tr,
           u"catalog.json: fields[0]: only a field of type \"number\" has"_s);
    broken("minimum above maximum", with(catalog, u"/fields/22/minimum"_s, 9), en, tr,
           u"catalog.json: fields[22]: \"minimum\" is greater than \"maximum\""_s);
    broken("personal not a bool", with(catalog, u"/fields/1/personal"_s, u"yes"_s), en, tr,
           u"catalog.json: fields[1]: \"personal\" must be true or false"_s);

    broken("unknown operator", with(catalog, u"/operators/2/id"_s, u"approximately"_s), en, tr,
           u"catalog.json: operators[2]: unknown operator \"approximately\""_s);
    broken("duplicate operator", with(catalog, u"/operators/"_s + lastOperator, operators.at(0)),
           en, tr,
           u"catalog.json: operators["_s + lastOperator + u"]: duplicate operator \"equals\""_s);
    broken("missing operator", without(catalog, u"/operators/13"_s), en, tr,
           u"catalog.json: operators: operator \"in\" is missing"_s);
    broken("unknown type in appliesTo", with(catalog, u"/operators/0/appliesTo/0"_s, u"string"_s),
           en, tr, u"catalog.json: operators[0]: unknown type \"string\" in \"appliesTo\""_s);

    broken("missing sample", catalog, without(en, u"/events/chat.idle"_s), tr,
           u"samples-en.json: events: no sample for \"chat.idle\""_s);
    broken("sample of an unknown event", catalog, en,
           with(tr, u"/events/chat.unknown"_s, QJsonObject{{u"type"_s, u"chat.unknown"_s}}),
           u"samples-tr.json: events[\"chat.unknown\"]: not an event of the catalog"_s);
    broken("sample type is not its key", catalog, en,
           with(tr, u"/events/chat.opened/type"_s, u"chat.closed"_s),
           u"samples-tr.json: events[\"chat.opened\"]: \"type\" is \"chat.closed\""_s);
    broken("sample without id", catalog, without(en, u"/events/chat.rated/id"_s), tr,
           u"samples-en.json: events[\"chat.rated\"]: \"id\" is missing"_s);
    broken("type in the base", catalog, with(en, u"/base/type"_s, u"chat.opened"_s), tr,
           u"samples-en.json: base: \"type\" belongs in each event's sample"_s);
    broken("tags not a list", catalog, with(en, u"/base/contact/tags"_s, u"VIP"_s), tr,
           u"samples-en.json: base.contact.tags: expected a list of texts"_s);
    broken("score not a number", catalog, en, with(tr, u"/base/contact/score"_s, u"82"_s),
           u"samples-tr.json: base.contact.score: expected a number"_s);
    broken("rating out of range", catalog, en,
           with(tr, u"/events/chat.rated/conversation/rating"_s, 6),
           u"samples-tr.json: events[\"chat.rated\"].conversation.rating: 6 is greater than the "
           u"maximum, 5"_s);
    broken("score below its minimum", catalog,
           with(en, u"/events/contact.created/contact/score"_s, -3), tr,
           u"samples-en.json: events[\"contact.created\"].contact.score: -3 is less than the "
           u"minimum, 0"_s);
    broken("platform not allowed", catalog, en,
           with(tr, u"/events/contact.created/contact/platform"_s, u"Faks"_s),
           u"samples-tr.json: events[\"contact.created\"].contact.platform: expected one of "
           u"WhatsApp, Instagram"_s);
    broken("date-time not parseable", catalog,
           with(en, u"/events/chat.idle/occurredAt"_s, u"yesterday"_s), tr,
           u"samples-en.json: events[\"chat.idle\"].occurredAt: expected an ISO 8601 date-time"_s);
    broken("date-time without a zone", catalog,
           with(en, u"/base/conversation/startedAt"_s, u"2026-11-21T10:30:00"_s), tr,
           u"samples-en.json: base.conversation.startedAt: expected an ISO 8601 date-time"_s);
    broken("unknown sample field", catalog, with(en, u"/base/contact/shoeSize"_s, 42), tr,
           u"samples-en.json: base.contact.shoeSize: \"contact.shoeSize\" is not a field"_s);
    broken("rule in a sample", catalog, en,
           with(tr, u"/events/chat.idle/rule"_s, QJsonObject{{u"id"_s, u"r"_s}}),
           u"samples-tr.json: events[\"chat.idle\"].rule: \"rule\" is not a part of an event"_s);
    broken("null in the base", catalog, with(en, u"/base/contact/city"_s, QJsonValue()), tr,
           u"samples-en.json: base.contact.city: expected a text"_s);
}

void TestCatalog::brokenCatalog()
{
    QFETCH(QByteArray, catalog);
    QFETCH(QByteArray, samplesEn);
    QFETCH(QByteArray, samplesTr);
    QFETCH(QString, expected);
    QString error;
    QVERIFY(!Catalog::load(catalog, samplesEn, samplesTr, &error));
    QVERIFY2(error.startsWith(expected), qUtf8Printable(error));
    QVERIFY(!Catalog::load(catalog, samplesEn, samplesTr, nullptr)); // no error wanted
}

QTEST_GUILESS_MAIN(TestCatalog)
#include "tst_catalog.moc"
