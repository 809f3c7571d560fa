// The compact form of events (CompactEvent) and the reader that makes it from JSON text
// (EventParser): every JSON value comes out as QJsonDocument gives it (the same types: an
// integer stays an integer), paths find what they found in the QJsonObject, and the reader is
// exactly as strict as EventReader (the same texts refused, with the same problems).
#include "catalog/Catalog.h"
#include "event/CompactEvent.h"
#include "event/EventContext.h"
#include "event/EventKeys.h"
#include "event/EventParser.h"
#include "event/EventReader.h"
#include "event/FieldPath.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <cmath>

using namespace Kanca;
using namespace Qt::StringLiterals;

namespace {

const QString Examples = QStringLiteral(KANCA_SOURCE_DIR "/resources/examples/");

// A value written out with the type of each number, so that an integer and a double of the
// same value differ (QJsonValue's == and the JSON text do not tell them apart).
QString typed(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
        return u"null"_s;
    case QJsonValue::Bool:
        return value.toBool() ? u"true"_s : u"false"_s;
    case QJsonValue::Double:
        if (value.toVariant().userType() == QMetaType::LongLong)
            return u"i:"_s + QString::number(value.toInteger());
        return u"d:"_s + QString::number(value.toDouble(), 'g', 17)
               + (std::signbit(value.toDouble()) ? u"-"_s : u""_s);
    case QJsonValue::String:
        return u"s:\""_s + value.toString() + u'"';
    case QJsonValue::Array: {
        QStringList parts;
        for (const QJsonValue &element : value.toArray())
            parts.append(typed(element));
        return u'[' + parts.join(u',') + u']';
    }
    case QJsonValue::Object: {
        QStringList parts;
        const QJsonObject object = value.toObject();
        for (auto it = object.constBegin(); it != object.constEnd(); ++it)
            parts.append(u'"' + it.key() + u"\":"_s + typed(it.value()));
        return u'{' + parts.join(u',') + u'}';
    }
    case QJsonValue::Undefined:
        return u"undefined"_s;
    }
    return {};
}

QJsonObject qtObject(const QByteArray &json)
{
    return QJsonDocument::fromJson(json).object();
}

QStringList described(const Problems &problems)
{
    QStringList out;
    for (const Problem &problem : problems) {
        if (problem.isError()) {
            out.append(u"%1:%2 %3 %4"_s.arg(problem.line)
                           .arg(problem.column)
                           .arg(problem.pointer, problem.message));
        }
    }
    return out;
}

QByteArray nested(int depth)
{
    QByteArray json = R"({"type":"chat.opened","deep":)";
    json += QByteArray(depth, '[');
    json += '1';
    json += QByteArray(depth, ']');
    json += '}';
    return json;
}

} // namespace

class TestCompactEvent final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void valuesComeOutAsQtReadsThem_data();
    void valuesComeOutAsQtReadsThem();
    void pathsFindWhatTheObjectHas_data();
    void pathsFindWhatTheObjectHas();
    void longKeysAreKeptAsText();
    void emptyEvent();
    void loneSurrogatesOfAnObjectAreKept();
    void typeIsReadInPlace();
    void readerIsAsStrictAsEventReader_data();
    void readerIsAsStrictAsEventReader();
    void shippedEventsTakeTheQuickRoadAndReadTheSame();
    void contextGivesTheSameValuesForEitherRoad();
    void scalarsAndListsReadInPlace();
    void aLongTextsBuffersAreGivenBack();
};

void TestCompactEvent::valuesComeOutAsQtReadsThem_data()
{
    QTest::addColumn<QByteArray>("json");
    // 1: the quick road must take it; 0: EventReader must decide; -1: either may.
    QTest::addColumn<int>("quick");

    const auto row = [](const char *name, const QByteArray &json, int quick) {
        QTest::newRow(name) << json << quick;
    };
    row("every type",
        R"({"type":"t","s":"text","i":42,"d":1.5,"t":true,"f":false,"n":null,"o":{},"a":[]})", 1);
    row("nested objects and arrays",
        R"({"type":"t","a":{"b":{"c":[1,[2,[3,{"d":"e"}]],{"f":null}]}},"g":[[],{},[{}]]})", 1);
    row("unicode",
        "{\"type\":\"t\",\"ad\":\"I\xC4\xB1\xC5\x9F\xC4\xB1k \xC5\x9E\x61hin \xF0\x9F\x98\x80\"}",
        1);
    row("unicode keys", "{\"type\":\"t\",\"\xC3\xBC\xC3\xA7\":{\"\xC4\x9F\":1}}", 1);
    row("escapes", R"({"type":"t","s":"\"\\\/\b\f\n\r\t\u0041\u00e7\u011F\ud83d\ude00\u0000x"})",
        1);
    row("escaped keys", R"({"type":"t","\u0061b":1,"c\nd":2})", 1);
    row("integers at the edges",
        R"({"type":"t","a":2147483647,"b":-2147483648,"c":2147483648,"d":-2147483649,)"
        R"("e":9223372036854775807,"f":-9223372036854775808})",
        1);
    row("integers past 64 bits",
        R"({"type":"t","a":9223372036854775808,"b":18446744073709551615,)"
        R"("c":18446744073709551616,"d":123456789012345678901234567890})",
        -1);
    row("doubles",
        R"({"type":"t","a":0.1,"b":-2.5e-3,"c":1E10,"d":1.7976931348623157e308,)"
        R"("e":2.2250738585072014e-308,"f":1.0,"g":100e-2})",
        1);
    // Whole, and in qint64's range: integers to QJsonDocument, whatever their form (the fuzzer's
    // -1.5e016 was a double on the quick road, and its text "-1.5e+16" not "-15000000000000000").
    row("whole doubles",
        R"({"type":"t","a":-1.5e016,"b":1e15,"c":1.5e16,"d":2e300,"e":4503599627370496.0,)"
        R"("f":9007199254740993.0,"g":-9.2e18,"h":1e19,"i":9.223372036854774784e18,)"
        R"("j":9.223372036854775808e18,"k":-9.223372036854775808e18,"l":0.5e1})",
        1);
    row("zeros", R"({"type":"t","a":0,"b":-0,"c":0.0,"d":-0.0,"e":0e5})", 0);
    row("below the normal doubles", R"({"type":"t","a":4.9e-324,"b":1e-310})", 0);
    row("white space", " \t\r\n{ \"type\" : \"t\" , \"a\" : [ 1 , 2 ] }\r\n ", 1);
    row("type not first", R"({"a":1,"type":"chat.opened","b":[true]})", 1);
    row("many members",
        R"({"type":"t","a1":1,"a2":2,"a3":3,"a4":4,"a5":5,"a6":6,"a7":7,"a8":8,)"
        R"("a9":9,"a10":10,"a11":11,"a12":12,"a13":13,"a14":14,"a15":15})",
        1);
    row("deep", nested(100), 1);
    row("deeper than the quick road goes", nested(600), 0);
}

void TestCompactEvent::valuesComeOutAsQtReadsThem()
{
    QFETCH(QByteArray, json);
    QFETCH(int, quick);
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    const QString expected = typed(document.object());

    QCOMPARE(typed(CompactEvent::fromJson(document.object()).toJson()), expected);
    EventParser parser;
    const std::optional<CompactEvent> quickly = parser.quickRead(json);
    if (quick >= 0)
        QCOMPARE(quickly.has_value(), quick == 1);
    if (quickly)
        QCOMPARE(typed(quickly->toJson()), expected);
    const EventParser::Result read = parser.read(json, Catalog::builtIn());
    QVERIFY(read.event);
    QCOMPARE(typed(read.event->toJson()), expected);
}

void TestCompactEvent::pathsFindWhatTheObjectHas_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("expected");
    QTest::newRow("top level") << u"event.type"_s << u"s:\"chat.opened\""_s;
    QTest::newRow("id") << u"event.id"_s << u"s:\"e1\""_s;
    QTest::newRow("a part's text") << u"contact.fullname"_s << u"s:\"Işıl Şahin\""_s;
    QTest::newRow("a list") << u"contact.tags"_s << u"[s:\"VIP\",s:\"Kurumsal\"]"_s;
    QTest::newRow("a number") << u"contact.score"_s << u"i:14"_s;
    QTest::newRow("a double") << u"contact.ratio"_s << u"d:0.25"_s;
    QTest::newRow("null") << u"conversation.agent"_s << u"null"_s;
    QTest::newRow("an object") << u"conversation.meta"_s << u"{\"deep\":{\"x\":true}}"_s;
    QTest::newRow("deeper") << u"conversation.meta.deep.x"_s << u"true"_s;
    QTest::newRow("absent") << u"contact.missing"_s << u"undefined"_s;
    QTest::newRow("absent part") << u"message.text"_s << u"undefined"_s;
    QTest::newRow("through a text") << u"contact.fullname.first"_s << u"undefined"_s;
    QTest::newRow("through a list") << u"contact.tags.0"_s << u"undefined"_s;
    QTest::newRow("through null") << u"conversation.agent.name"_s << u"undefined"_s;
    QTest::newRow("a part itself") << u"workspace.id"_s << u"s:\"ws\""_s;
    QTest::newRow("rule") << u"rule.id"_s << u"undefined"_s;
}

void TestCompactEvent::pathsFindWhatTheObjectHas()
{
    QFETCH(QString, path);
    QFETCH(QString, expected);
    const QByteArray json =
        R"({"type":"chat.opened","id":"e1","workspace":{"id":"ws"},)"
        R"("contact":{"fullname":"Işıl Şahin","tags":["VIP","Kurumsal"],"score":14,"ratio":0.25},)"
        R"("conversation":{"agent":null,"meta":{"deep":{"x":true}}}})";
    const FieldPath fieldPath(path);
    EventParser parser;
    const std::optional<CompactEvent> quick = parser.quickRead(json);
    QVERIFY(quick);
    QCOMPARE(typed(quick->value(fieldPath)), expected);
    QCOMPARE(typed(CompactEvent::fromJson(qtObject(json)).value(fieldPath)), expected);
    QCOMPARE(typed(EventContext(*quick).value(fieldPath)), expected);
    QCOMPARE(quick->type(), u"chat.opened"_s);
    QCOMPARE(quick->id(), u"e1"_s);
}

void TestCompactEvent::longKeysAreKeptAsText()
{
    // A name longer than EventKeys::MaxNameBytes gets no number: the event keeps its text, and
    // a path still finds it.
    const QString longKey = QString(EventKeys::MaxNameBytes + 10, u'k');
    QCOMPARE(EventKeys::idOf(longKey.toUtf8()), EventKeys::NoId);
    const QByteArray json = "{\"type\":\"t\",\"part\":{\"" + longKey.toUtf8() + "\":\"found\"},\""
                            + longKey.toUtf8() + "\":{\"x\":7}}";
    EventParser parser;
    const std::optional<CompactEvent> event = parser.quickRead(json);
    QVERIFY(event);
    QCOMPARE(event->value(FieldPath(QString(u"part."_s + longKey))).toString(), u"found"_s);
    QCOMPARE(event->value(FieldPath(QString(longKey + u".x"_s))).toInteger(), qint64(7));
    QVERIFY(event->value(FieldPath(QString(u"part."_s + longKey + u'x'))).isUndefined());
    QCOMPARE(typed(event->toJson()), typed(qtObject(json)));
    QCOMPARE(typed(CompactEvent::fromJson(qtObject(json)).toJson()), typed(qtObject(json)));
}

void TestCompactEvent::emptyEvent()
{
    const CompactEvent empty;
    QVERIFY(empty.isEmpty());
    QCOMPARE(empty.toJson(), QJsonObject());
    QCOMPARE(empty.type(), QString());
    QVERIFY(empty.value(FieldPath(u"contact.fullname"_s)).isUndefined());
    QVERIFY(CompactEvent::fromJson(QJsonObject()) == empty);
    QVERIFY(EventContext().value(FieldPath(u"event.type"_s)).isUndefined());
}

void TestCompactEvent::loneSurrogatesOfAnObjectAreKept()
{
    // JSON text cannot hold one (StrictJson refuses it), but an object made in code can: the
    // text is kept as it is, not replaced.
    const QString odd = u"a"_s + QChar(0xD800) + u"b"_s;
    const QJsonObject object{{u"type"_s, odd}, {u"contact"_s, QJsonObject{{u"fullname"_s, odd}}}};
    const CompactEvent event = CompactEvent::fromJson(object);
    QCOMPARE(event.value(FieldPath(u"contact.fullname"_s)).toString(), odd);
    QCOMPARE(event.type(), odd);
    QVERIFY(!event.typeUtf8()); // kept in UTF-16
    QCOMPARE(typed(event.toJson()), typed(object));
}

// The type as the event keeps it, in UTF-8 and without a copy: what rule sets look rules up by.
void TestCompactEvent::typeIsReadInPlace()
{
    const auto utf8 = [](const CompactEvent &event) {
        const std::optional<QByteArrayView> type = event.typeUtf8();
        return type ? std::optional<QByteArray>(type->toByteArray()) : std::nullopt;
    };
    // From text, as a server reads a post.
    EventParser parser;
    const std::optional<CompactEvent> posted =
        parser.quickRead(R"({"id": "e1", "type": "message.created", "message": {"type": "x"}})");
    QVERIFY(posted);
    QCOMPARE(utf8(*posted), std::optional<QByteArray>("message.created"));
    // From objects, with any value.
    const auto typeOf = [&](const QJsonValue &type) {
        return utf8(CompactEvent::fromJson(QJsonObject{{u"type"_s, type}}));
    };
    QCOMPARE(typeOf(u"s\u00fcre.a\u00e7\u0131ld\u0131"_s),
             std::optional<QByteArray>("s\xc3\xbcre.a\xc3\xa7\xc4\xb1ld\xc4\xb1"));
    QCOMPARE(typeOf(3), std::nullopt);
    QCOMPARE(typeOf(QJsonValue::Null), std::nullopt);
    QCOMPARE(typeOf(QJsonObject{{u"type"_s, u"x"_s}}), std::nullopt);
    QCOMPARE(utf8(CompactEvent::fromJson(QJsonObject{{u"id"_s, u"x"_s}})), std::nullopt);
}

void TestCompactEvent::readerIsAsStrictAsEventReader_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<bool>("refused"); // false: QJsonDocument takes it, so EventReader does too
    const auto row = [](const char *name, const QByteArray &json, bool refused = true) {
        QTest::newRow(name) << json << refused;
    };
    row("duplicate key", R"({"type":"t","a":1,"a":2})");
    row("duplicate key, escaped", R"({"type":"t","x":{"a":1,"\u0061":2}})");
    row("duplicate type", R"({"type":"chat.opened","type":"chat.closed"})");
    row("raw control character", "{\"type\":\"t\",\"a\":\"x\ty\"}");
    row("raw newline in a key", "{\"type\":\"t\",\"a\nb\":1}");
    row("lone high surrogate", R"({"type":"t","a":"\ud800"})");
    row("lone low surrogate", R"({"type":"t","a":"\udc00x"})");
    row("reversed pair", R"({"type":"t","a":"\ude00\ud83d"})");
    row("invalid UTF-8", "{\"type\":\"t\",\"a\":\"\xC3\x28\"}");
    row("overlong UTF-8", "{\"type\":\"t\",\"a\":\"\xC0\xAF\"}");
    row("UTF-8 surrogate", "{\"type\":\"t\",\"a\":\"\xED\xA0\x80\"}");
    row("missing comma", "{\"type\":\"t\"\n \"a\":1}");
    row("trailing comma", R"({"type":"t","a":1,})");
    row("unclosed", R"({"type":"t","a":[1,2})");
    row("garbage after", R"({"type":"t"} x)");
    row("two objects", R"({"type":"t"}{"type":"t"})");
    row("single quotes", R"({'type':'t'})");
    row("bad escape", R"({"type":"t","a":"\x"})"); // QJsonDocument takes it; StrictJson does not
    row("bad number", R"({"type":"t","a":01})");
    row("bad number 2", R"({"type":"t","a":1.})", false);
    row("bad number 3", R"({"type":"t","a":-})");
    row("number too large", R"({"type":"t","a":1e400})");
    row("number too small", R"({"type":"t","a":1e-400})");
    row("word", R"({"type":"t","a":True})");
    row("no type", R"({"id":"e1"})");
    row("type not text", R"({"type":5})");
    row("an array", R"([{"type":"t"}])");
    row("a text", R"("type")");
    row("empty", "");
    row("too deep", nested(5000));
}

void TestCompactEvent::readerIsAsStrictAsEventReader()
{
    QFETCH(QByteArray, json);
    QFETCH(bool, refused);
    const EventReader::Result expected = EventReader::read(json, Catalog::builtIn());
    EventParser parser;
    QVERIFY(!parser.quickRead(json));
    const EventParser::Result read = parser.read(json, Catalog::builtIn());
    QCOMPARE(read.event.has_value(), expected.event.has_value());
    QCOMPARE(described(read.problems), described(expected.problems));
    QCOMPARE(!described(read.problems).isEmpty(), refused);
}

void TestCompactEvent::shippedEventsTakeTheQuickRoadAndReadTheSame()
{
    QFile file(Examples + u"events.jsonl"_s);
    QVERIFY(file.open(QIODevice::ReadOnly));
    EventParser parser;
    int lines = 0;
    while (!file.atEnd()) {
        const QByteArray line = file.readLine();
        if (line.trimmed().isEmpty())
            continue;
        ++lines;
        const std::optional<CompactEvent> event = parser.quickRead(line);
        QVERIFY2(event, line.constData());
        const QJsonObject object = qtObject(line);
        QCOMPARE(typed(event->toJson()), typed(object));
        QCOMPARE(event->type(), object.value(u"type"_s).toString());
        QCOMPARE(event->id(), object.value(u"id"_s).toString());
        // The form costs about what the text does.
        QVERIFY2(event->byteSize() < line.size() * 1.2,
                 qPrintable(QString::number(event->byteSize())));
    }
    QVERIFY(lines >= 5000);
}

void TestCompactEvent::contextGivesTheSameValuesForEitherRoad()
{
    // The same values for every path a rule or template may read, whether the event came from
    // the text (EventParser) or from a QJsonObject.
    QFile file(Examples + u"events.jsonl"_s);
    QVERIFY(file.open(QIODevice::ReadOnly));
    EventParser parser;
    QList<FieldPath> paths;
    for (const FieldInfo &field : Catalog::builtIn().fields())
        paths.append(FieldPath(field.path));
    QVERIFY(paths.size() > 20);
    for (int i = 0; i < 500 && !file.atEnd(); ++i) {
        const QByteArray line = file.readLine();
        const EventContext quick(*parser.read(line, Catalog::builtIn()).event);
        const QJsonObject object = qtObject(line);
        const EventContext fromObject(object);
        QCOMPARE(quick.eventType(), object.value(u"type"_s).toString());
        for (const FieldPath &path : std::as_const(paths))
            QCOMPARE(typed(quick.value(path)), typed(fromObject.value(path)));
    }
}

// What conditions and templates read in place (CompactEvent::scalar, scalarList): a text as
// its UTF-8 and a small integer as itself; anything else is Other, so that the reader takes the
// QJsonValue way, and only a path to nothing is Absent.
void TestCompactEvent::scalarsAndListsReadInPlace()
{
    using Kind = CompactEvent::Scalar::Kind;
    const CompactEvent event = CompactEvent::fromJson(
        QJsonObject{{u"type"_s, u"chat.opened"_s},
                    {u"contact"_s, QJsonObject{{u"fullname"_s, u"Işıl Şahin"_s},
                                               {u"score"_s, -42},
                                               {u"big"_s, qint64(1) << 40},
                                               {u"ratio"_s, 0.5},
                                               {u"vip"_s, true},
                                               {u"none"_s, QJsonValue(QJsonValue::Null)},
                                               {u"tags"_s, QJsonArray{u"VIP"_s, 7}},
                                               {u"mixed"_s, QJsonArray{u"VIP"_s, 1.5}},
                                               {u"empty"_s, QJsonArray{}}}}});
    const auto scalar = [&](const char *path) {
        return event.scalar(FieldPath(QString::fromUtf8(path)));
    };
    QCOMPARE(scalar("contact.fullname").kind, Kind::Text);
    QCOMPARE(QString::fromUtf8(scalar("contact.fullname").utf8), u"Işıl Şahin"_s);
    QCOMPARE(scalar("contact.score").kind, Kind::Integer);
    QCOMPARE(scalar("contact.score").integer, -42);
    for (const char *other : {"contact.big", "contact.ratio", "contact.vip", "contact.none",
                              "contact.tags", "contact", "rule.name", "delivery.id"}) {
        QVERIFY2(scalar(other).kind == Kind::Other, other);
    }
    for (const char *absent : {"contact.city", "conversation.id", "contact.fullname.first"})
        QVERIFY2(scalar(absent).kind == Kind::Absent, absent);

    QVarLengthArray<CompactEvent::Scalar, 16> elements;
    QCOMPARE(event.scalarList(FieldPath(u"contact.tags"_s), &elements),
             CompactEvent::ListKind::List);
    QCOMPARE(elements.size(), 2);
    QCOMPARE(QString::fromUtf8(elements.at(0).utf8), u"VIP"_s);
    QCOMPARE(elements.at(1).integer, 7);
    QCOMPARE(event.scalarList(FieldPath(u"contact.empty"_s), &elements),
             CompactEvent::ListKind::List);
    QCOMPARE(elements.size(), 0);
    QCOMPARE(event.scalarList(FieldPath(u"contact.mixed"_s), &elements),
             CompactEvent::ListKind::Other);
    QCOMPARE(event.scalarList(FieldPath(u"contact.fullname"_s), &elements),
             CompactEvent::ListKind::Other);
    QCOMPARE(event.scalarList(FieldPath(u"contact.none"_s), &elements),
             CompactEvent::ListKind::Other);
    QCOMPARE(event.scalarList(FieldPath(u"contact.labels"_s), &elements),
             CompactEvent::ListKind::Absent);

    QVERIFY(!event.hasUtf16Texts());
    const CompactEvent lone =
        CompactEvent::fromJson(QJsonObject{{u"type"_s, u"x"_s}, {u"t"_s, QString(QChar(0xD800))}});
    QVERIFY(lone.hasUtf16Texts());
    QCOMPARE(lone.scalar(FieldPath(u"event.t"_s)).kind, Kind::Other);
}

void TestCompactEvent::aLongTextsBuffersAreGivenBack()
{
    // A server keeps its parser for its life: the room of one large post must not stay with it.
    EventParser parser;
    const QByteArray small = R"({"type":"chat.opened","id":"s"})";
    QVERIFY(parser.quickRead(small));
    const qsizetype kept = parser.bufferBytes();
    QVERIFY(kept > 0);
    QVERIFY(kept < EventParser::KeepBytes);

    const QByteArray text(3 * EventParser::KeepBytes, 'a');
    const QByteArray large =
        R"({"type":"message.created","id":"l","message":{"text":")" + text + R"("}})";
    const std::optional<CompactEvent> event = parser.quickRead(large);
    QVERIFY(event);
    QCOMPARE(event->value(FieldPath(u"message.text"_s)).toString().size(), text.size());
    QVERIFY2(parser.bufferBytes() < EventParser::KeepBytes,
             qPrintable(QString::number(parser.bufferBytes())));

    const QByteArray batch = "[" + large + "," + small + "]";
    const std::optional<EventParser::Batch> read = parser.quickReadBatch(batch, 10);
    QVERIFY(read);
    QCOMPARE(read->events.size(), std::size_t(2));
    QCOMPARE(read->events.at(1).id(), u"s"_s);
    QVERIFY(parser.bufferBytes() < EventParser::KeepBytes);
    // A text refused gives its room back too.
    QVERIFY(!parser.quickReadBatch(batch.chopped(1), 10));
    QVERIFY(parser.bufferBytes() < EventParser::KeepBytes);

    QVERIFY(parser.quickRead(small));
    QCOMPARE(parser.bufferBytes(), kept);
}

QTEST_GUILESS_MAIN(TestCompactEvent)
#include "tst_compactevent.moc"
