// The bodies a server's ingest reads (EventBatch): the reader a server uses (EventBatch::Reader:
// simdjson straight into the compact form, each event checked in place by
// EventValidator::accepts) gives the same verdict, the same events and the same problems as the
// road through QJsonDocument and EventValidator::check, which words every problem; and an event
// is stored as compact JSON text that reads back as the same event.
#include "catalog/Catalog.h"
#include "event/CompactEvent.h"
#include "event/EventValidator.h"
#include "server/EventBatch.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Kanca;
using namespace Qt::StringLiterals;

namespace {

QStringList described(const Problems &problems)
{
    QStringList out;
    for (const Problem &problem : problems) {
        out.append(u"%1 %2:%3 %4 %5"_s.arg(problem.isError() ? u"error"_s : u"warning"_s)
                       .arg(problem.line)
                       .arg(problem.column)
                       .arg(problem.pointer, problem.message));
    }
    return out;
}

QByteArray compact(const QJsonValue &value)
{
    return value.isArray() ? QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact)
                           : QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact);
}

QJsonObject sample()
{
    return Catalog::builtIn().sampleEvent(u"message.created", Language::Turkish);
}

} // namespace

class TestEventBatch : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readerAgreesWithTheSlowRoad_data();
    void readerAgreesWithTheSlowRoad();
    void validEventsTakeTheQuickRoadAndKeepTheirOrder();
    void acceptsIsCheckWithoutErrors();
    void storedTextIsWhatQJsonDocumentWrites();

private:
    EventBatch::Reader m_reader{Catalog::builtIn()};
    EventValidator m_validator{Catalog::builtIn()};
};

void TestEventBatch::readerAgreesWithTheSlowRoad_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("ok");

    const QJsonObject event = sample();
    const auto with = [&event](const QString &key, const QJsonValue &value) {
        QJsonObject changed = event;
        if (value.isUndefined())
            changed.remove(key);
        else
            changed.insert(key, value);
        return changed;
    };
    const auto withPart = [&event](const QString &part, const QString &key,
                                   const QJsonValue &value) {
        QJsonObject changed = event;
        QJsonObject inner = changed.value(part).toObject();
        inner.insert(key, value);
        changed.insert(part, inner);
        return changed;
    };
    QJsonArray many;
    for (int i = 0; i < 3; ++i)
        many.append(with(u"id"_s, u"e-%1"_s.arg(i)));
    QJsonArray tooMany;
    for (int i = 0; i <= EventBatch::MaxEvents; ++i)
        tooMany.append(QJsonObject{{u"type"_s, u"chat.opened"_s}, {u"id"_s, u"e-%1"_s.arg(i)}});

    QTest::newRow("one event") << compact(event) << true;
    QTest::newRow("pretty, with spaces around")
        << (" \n" + QJsonDocument(event).toJson() + "\n") << true;
    QTest::newRow("three events") << compact(many) << true;
    QTest::newRow("one event in a list") << compact(QJsonArray{event}) << true;
    QTest::newRow("empty list") << QByteArray("[]") << false;
    QTest::newRow("too many") << compact(tooMany) << false;
    QTest::newRow("a number in the list") << compact(QJsonArray{event, 3}) << false;
    QTest::newRow("not JSON") << QByteArray("{\"type\": \"chat.opened\",") << false;
    QTest::newRow("text after it") << (compact(event) + " x") << false;
    QTest::newRow("raw control character")
        << QByteArray("{\"type\":\"chat.opened\",\"id\":\"a\tb\"}") << false;
    QTest::newRow("a key twice") << QByteArray(R"({"type":"chat.opened","id":"a","id":"b"})")
                                 << false;
    QTest::newRow("a key twice, escaped")
        << QByteArray(R"({"type":"chat.opened","id":"a","\u0069d":"b"})") << false;
    QTest::newRow("a string") << QByteArray("\"chat.opened\"") << false;
    QTest::newRow("a byte order mark first") // skipped by both, as QJsonDocument skips it
        << ("\xEF\xBB\xBF" + compact(event)) << true;
    QTest::newRow("a NUL after it") << (compact(event) + QByteArray(1, '\0')) << false;
    QTest::newRow("invalid UTF-8 in a text")
        << QByteArray("{\"type\":\"chat.opened\",\"id\":\"a\xC3\x28\"}") << false;
    QTest::newRow("an overlong UTF-8 sequence")
        << QByteArray("{\"type\":\"chat.opened\",\"id\":\"a\xC0\xAF\"}") << false;
    QTest::newRow("no type") << compact(with(u"type"_s, QJsonValue::Undefined)) << false;
    QTest::newRow("type a number") << compact(with(u"type"_s, 3)) << false;
    QTest::newRow("unknown type") << compact(with(u"type"_s, u"chat.opend"_s)) << false;
    QTest::newRow("no id") << compact(with(u"id"_s, QJsonValue::Undefined)) << false;
    QTest::newRow("id blank") << compact(with(u"id"_s, u"  "_s)) << false;
    QTest::newRow("id a number") << compact(with(u"id"_s, 7)) << false;
    QTest::newRow("id of 200") << compact(with(u"id"_s, QString(200, u'x'))) << true;
    QTest::newRow("id of 201") << compact(with(u"id"_s, QString(201, u'x'))) << false;
    QTest::newRow("id of 200 with a pair") // 201 UTF-16 units: as check() counts
        << compact(with(u"id"_s, QString(QString(199, u'x') + u"😀"_s))) << false;
    QTest::newRow("occurredAt null") << compact(with(u"occurredAt"_s, QJsonValue::Null)) << true;
    QTest::newRow("occurredAt without zone")
        << compact(with(u"occurredAt"_s, u"2026-11-21T10:30:00"_s)) << false;
    QTest::newRow("occurredAt a number") << compact(with(u"occurredAt"_s, 5)) << false;
    QTest::newRow("part a text") << compact(with(u"contact"_s, u"x"_s)) << false;
    QTest::newRow("part a list") << compact(with(u"conversation"_s, QJsonArray{1})) << false;
    QTest::newRow("part null") << compact(with(u"contact"_s, QJsonValue::Null)) << true;
    QTest::newRow("part unknown to the catalog, a text")
        << compact(with(u"extra"_s, u"x"_s)) << true;
    QTest::newRow("Kanca's own name: a warning") << compact(with(u"rule"_s, u"x"_s)) << true;
    QTest::newRow("tags a text") << compact(withPart(u"contact"_s, u"tags"_s, u"vip"_s)) << false;
    QTest::newRow("tags with a number")
        << compact(withPart(u"contact"_s, u"tags"_s, QJsonArray{u"vip"_s, 1})) << false;
    QTest::newRow("score a text") << compact(withPart(u"contact"_s, u"score"_s, u"3"_s)) << false;
    QTest::newRow("score out of range: a warning")
        << compact(withPart(u"contact"_s, u"score"_s, -4)) << true;
    QTest::newRow("platform unknown: a warning")
        << compact(withPart(u"contact"_s, u"platform"_s, u"fax"_s)) << true;
    QTest::newRow("platform a number")
        << compact(withPart(u"contact"_s, u"platform"_s, 2)) << false;
    QTest::newRow("startedAt not a date")
        << compact(withPart(u"conversation"_s, u"startedAt"_s, u"dün"_s)) << false;
    QTest::newRow("a zero written as a fraction") // the quick road leaves it to QJsonDocument
        << compact(withPart(u"contact"_s, u"score"_s, 0)).replace("\"score\":0", "\"score\":0.0")
        << true;
    QTest::newRow("the third of three refused")
        << compact(QJsonArray{many.at(0), many.at(1), with(u"id"_s, QJsonValue::Undefined)})
        << false;
    QTest::newRow("escapes and non-ASCII text")
        << QByteArray(R"({"type":"message.created","id":"\u00e7\"\\\/\n","message":)"
                      R"({"text":"Merhaba \ud83d\ude00 dünya\t\u0001"}})")
        << true;
    QTest::newRow("a lone surrogate") // refused by the strict reader of JSON text
        << QByteArray(R"({"type":"message.created","id":"a","message":{"text":"\ud800"}})")
        << false;
    QTest::newRow("numbers of every kind")
        << QByteArray(R"({"type":"chat.opened","id":"n","n":[1,-1,2147483648,9007199254740993,)"
                      R"(-9223372036854775808,18446744073709551615,1.5,3.0,1e15,1E-7,-2.5e300]})")
        << true;
}

void TestEventBatch::readerAgreesWithTheSlowRoad()
{
    QFETCH(QByteArray, body);
    QFETCH(bool, ok);

    const EventBatch slow = EventBatch::read(body, m_validator);
    const EventBatch quick = m_reader.read(body);
    QCOMPARE(slow.ok(), ok);
    QCOMPARE(quick.ok(), ok);
    QCOMPARE(quick.count, slow.count);
    QCOMPARE(quick.isArray, slow.isArray);
    if (!ok) {
        QVERIFY(quick.events.isEmpty());
        QCOMPARE(described(quick.problems), described(slow.problems));
        return;
    }
    QCOMPARE(quick.events.size(), slow.events.size());
    for (qsizetype i = 0; i < slow.events.size(); ++i) {
        const EventBatch::Event &a = quick.events.at(i);
        const EventBatch::Event &b = slow.events.at(i);
        QCOMPARE(a.id, b.id);
        QCOMPARE(a.type, b.type);
        QCOMPARE(a.event.toJson(), b.event.toJson());
        QJsonParseError error;
        const QJsonDocument stored = QJsonDocument::fromJson(a.stored, &error);
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(stored.object(), b.event.toJson());
        QCOMPARE(stored.object(), QJsonDocument::fromJson(b.stored).object());
    }
}

void TestEventBatch::validEventsTakeTheQuickRoadAndKeepTheirOrder()
{
    // QJsonDocument sorts an object's keys; the quick road keeps them as they came, which is how
    // this test tells that a valid body took it.
    const QByteArray body = R"([ {"type": "message.created", "id": "m-1",
        "message": {"text": "Merhaba", "sender": "visitor"}, "contact": {"fullname": "Ayşe"}},
        {"id": "m-2", "type": "chat.opened"} ])";
    const EventBatch batch = m_reader.read(body);
    QVERIFY2(batch.ok(), qPrintable(described(batch.problems).join(u'\n')));
    QCOMPARE(batch.events.size(), 2);
    QCOMPARE(batch.events.at(0).stored,
             QByteArray(R"({"type":"message.created","id":"m-1",)"
                        R"("message":{"text":"Merhaba","sender":"visitor"},)"
                        R"("contact":{"fullname":"Ayşe"}})"));
    QCOMPARE(batch.events.at(1).stored, QByteArray(R"({"id":"m-2","type":"chat.opened"})"));
    QCOMPARE(batch.events.at(0).id, u"m-1"_s);
    QCOMPARE(batch.events.at(0).type, u"message.created"_s);
    QCOMPARE(batch.events.at(1).id, u"m-2"_s);
    QVERIFY(batch.isArray);

    // The slow road stores QJsonDocument's text (sorted keys) for the same body.
    QCOMPARE(EventBatch::read(body, m_validator).events.at(1).stored,
             QByteArray(R"({"id":"m-2","type":"chat.opened"})"));
    QVERIFY(EventBatch::read(body, m_validator)
                .events.at(0)
                .stored.startsWith(R"({"contact":{"fullname":"Ayşe"})"));
}

void TestEventBatch::acceptsIsCheckWithoutErrors()
{
    // Every sample event of the catalog, and each with every field of the catalog set to a value
    // of every kind: accepts() says yes exactly when check() finds no error.
    const Catalog &catalog = Catalog::builtIn();
    const QList<QJsonValue> values = {
        QJsonValue(1),
        QJsonValue(-3),
        QJsonValue(2.5),
        QJsonValue(u"x"_s),
        QJsonValue(u""_s),
        QJsonValue(u"2026-11-21T10:30:00Z"_s),
        QJsonValue(u"WhatsApp"_s),
        QJsonValue(true),
        QJsonValue(QJsonValue::Null),
        QJsonValue(QJsonArray{u"a"_s}),
        QJsonValue(QJsonArray{u"a"_s, 2}),
        QJsonValue(QJsonArray{}),
        QJsonValue(QJsonObject{{u"a"_s, 1}}),
    };
    int accepted = 0;
    int refused = 0;
    const auto compare = [&](const QJsonObject &event) {
        const bool expected = !hasErrors(m_validator.check(event));
        if (m_validator.accepts(CompactEvent::fromJson(event)) != expected) {
            QTest::qFail(qPrintable(u"accepts() says %1 for %2"_s.arg(!expected).arg(
                             QString::fromUtf8(compact(event)))),
                         __FILE__, __LINE__);
            return false;
        }
        ++(expected ? accepted : refused);
        return true;
    };
    for (const EventTypeInfo &type : catalog.events()) {
        for (const Language language : {Language::English, Language::Turkish}) {
            const QJsonObject event = catalog.sampleEvent(type.id, language);
            if (!compare(event))
                return;
            for (const FieldInfo &field : catalog.fields()) {
                const QStringList keys = field.path.split(u'.');
                for (const QJsonValue &value : values) {
                    QJsonObject changed = event;
                    if (keys.first() == u"event") {
                        changed.insert(keys.last(), value);
                    } else {
                        QJsonObject part = changed.value(keys.first()).toObject();
                        part.insert(keys.last(), value);
                        changed.insert(keys.first(), part);
                    }
                    if (!compare(changed))
                        return;
                }
                QJsonObject whole = event;
                for (const QJsonValue &value : values) {
                    whole.insert(keys.first(), value);
                    if (!compare(whole))
                        return;
                }
            }
        }
    }
    qInfo("%d events accepted, %d refused, the same by either check", accepted, refused);
    QVERIFY(accepted > 100);
    QVERIFY(refused > 100);
}

void TestEventBatch::storedTextIsWhatQJsonDocumentWrites()
{
    // An event made from a QJsonObject has its keys in QJsonDocument's order, so its text is
    // QJsonDocument's, byte for byte: every kind of value, escapes, and numbers as Qt writes them.
    const QByteArray text =
        R"({"a":[1,-1,2147483648,-9223372036854775808,1.5,3.0,1e15,1e-7,-2.5e300,1e21],)"
        R"("b":{"c":null,"d":true,"e":false,"f":{},"g":[]},"id":"\"\\\/\b\f\n\r\t\u0001\u001f",)"
        R"("t":"Ayşe 😀 \u2028","type":"chat.opened"})";
    const QJsonObject object = QJsonDocument::fromJson(text).object();
    QVERIFY(!object.isEmpty());
    QCOMPARE(CompactEvent::fromJson(object).toJsonText(),
             QJsonDocument(object).toJson(QJsonDocument::Compact));
    QCOMPARE(CompactEvent().toJsonText(), QByteArray("{}"));
}

QTEST_GUILESS_MAIN(TestEventBatch)
#include "tst_eventbatch.moc"
