#include "format/JsonLocator.h"
#include "format/StrictJson.h"

#include <QTest>

using namespace Kanca;
using namespace Qt::StringLiterals;

class TestJsonLocator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parseErrorsInPlainWords_data();
    void parseErrorsInPlainWords();
    void valuePositions_data();
    void valuePositions();
    void keyPositionOfMember();
    void missingPointerFallsBackToAncestor();
    void columnsCountCharactersNotBytes();
    void escapedKeys();
    void duplicateKeys();
    void brokenTextDoesNotCrash_data();
    void brokenTextDoesNotCrash();
    void offsetToPosition();
    void locateUsesKeyOrValue();
};

static const QByteArray document =
    "{\n"
    "  \"name\": \"x\",\n"
    "  \"rules\": [\n"
    "    {\"id\": \"a\", \"if\": {\"any\": [{\"op\": \"containz\"}]}},\n"
    "    {\"id\": \"b\"}\n"
    "  ]\n"
    "}\n";

void TestJsonLocator::valuePositions_data()
{
    QTest::addColumn<QString>("pointer");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::newRow("root") << QString() << 1 << 1;
    QTest::newRow("string member") << u"/name"_s << 2 << 11;
    QTest::newRow("array") << u"/rules"_s << 3 << 12;
    QTest::newRow("first element") << u"/rules/0"_s << 4 << 5;
    QTest::newRow("nested deep") << u"/rules/0/if/any/0/op"_s << 4 << 39;
    QTest::newRow("second element") << u"/rules/1/id"_s << 5 << 12;
}

void TestJsonLocator::valuePositions()
{
    QFETCH(QString, pointer);
    QFETCH(int, line);
    QFETCH(int, column);
    const JsonLocator locator(document);
    const auto position = locator.valuePosition(pointer);
    QCOMPARE(position.line, line);
    QCOMPARE(position.column, column);
}

void TestJsonLocator::keyPositionOfMember()
{
    const JsonLocator locator(document);
    const auto position = locator.keyPosition(u"/rules/0/if/any/0/op"_s);
    QCOMPARE(position.line, 4);
    QCOMPARE(position.column, 33);
}

void TestJsonLocator::missingPointerFallsBackToAncestor()
{
    const JsonLocator locator(document);
    const auto position = locator.valuePosition(u"/rules/1/then/0/url"_s);
    QCOMPARE(position.line, 5);
    QCOMPARE(position.column, 5);
}

void TestJsonLocator::columnsCountCharactersNotBytes()
{
    const QByteArray text = QStringLiteral("{\"ad\": \"Ayşe Öz\", \"x\": 1}").toUtf8();
    const JsonLocator locator(text);
    // "Ayşe Öz" is 9 characters with its quotes but 11 bytes.
    QCOMPARE(locator.valuePosition(u"/x"_s).column, 24);
}

void TestJsonLocator::escapedKeys()
{
    const QByteArray text = R"({"a/b": {"c~d": 1, "\u00e7": 2}})";
    const JsonLocator locator(text);
    QCOMPARE(locator.valuePosition(u"/a~1b/c~0d"_s).column, 17);
    QCOMPARE(locator.valuePosition(u"/a~1b/ç"_s).column, 30);
}

void TestJsonLocator::duplicateKeys()
{
    const QByteArray text = "{\"rules\": [{\"id\": \"a\",\n \"id\": \"b\"}]}";
    const JsonLocator locator(text);
    QCOMPARE(locator.duplicateKeys().size(), 1);
    const Problem &p = locator.duplicateKeys().first();
    QCOMPARE(p.pointer, u"/rules/0/id"_s);
    QCOMPARE(p.line, 2);
    QCOMPARE(p.column, 2);
    QVERIFY(p.message.contains(u"duplicate key \"id\""));
    QVERIFY(p.isError());
}

void TestJsonLocator::brokenTextDoesNotCrash_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("open brace") << QByteArray("{");
    QTest::newRow("unterminated string") << QByteArray("{\"a\": \"abc");
    QTest::newRow("backslash at end") << QByteArray("{\"a\": \"\\");
    QTest::newRow("missing colon") << QByteArray("{\"a\" 1}");
    QTest::newRow("garbage") << QByteArray("\x01\xff\xfe{[}]");
    QTest::newRow("very deep") << QByteArray(100000, '[');
    QTest::newRow("NUL inside") << QByteArray("{\"a\": \"x\0y\"}", 12);
}

void TestJsonLocator::brokenTextDoesNotCrash()
{
    QFETCH(QByteArray, text);
    const JsonLocator locator(text);
    QVERIFY(locator.valuePosition(u"/a/b/c"_s).line <= 1);
}

void TestJsonLocator::offsetToPosition()
{
    const QByteArray text = QStringLiteral("ab\nçd\nx").toUtf8();
    QCOMPARE(JsonLocator::positionOfOffset(text, 0).line, 1);
    QCOMPARE(JsonLocator::positionOfOffset(text, 3).line, 2);
    QCOMPARE(JsonLocator::positionOfOffset(text, 3).column, 1);
    QCOMPARE(JsonLocator::positionOfOffset(text, 5).column, 2); // after the two bytes of ç
    QCOMPARE(JsonLocator::positionOfOffset(text, 1000).line, 3);
}

void TestJsonLocator::locateUsesKeyOrValue()
{
    const JsonLocator locator(document);
    Problems problems = {
        {Problem::Severity::Error, u"/rules/0/if/any/0/op"_s, 0, 0, u"bad value"_s, false},
        {Problem::Severity::Warning, u"/rules/0/if/any/0/op"_s, 0, 0, u"bad key"_s, true},
        {Problem::Severity::Error, u"/name"_s, 7, 7, u"already placed"_s, false},
    };
    locator.locate(&problems);
    QCOMPARE(problems[0].column, 39);
    QCOMPARE(problems[1].column, 33);
    QCOMPARE(problems[2].line, 7);
}

// QJsonDocument's errors said as a person would look for them, at the place to look.
void TestJsonLocator::parseErrorsInPlainWords_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("message");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::newRow("comma between members")
        << QByteArray("{\n  \"a\": 1,\n  \"b\": 2\n  \"c\": 3\n}")
        << QStringLiteral("not valid JSON: a comma (,) is missing before this value") << 4 << 3;
    QTest::newRow("comma after an object")
        << QByteArray("{\"a\": {\"b\": 1} \"c\": 2}")
        << QStringLiteral("not valid JSON: a comma (,) is missing before this value") << 1 << 16;
    QTest::newRow("comma in an array") << QByteArray("[1 2]")
                                       << QStringLiteral("not valid JSON: a comma (,) is missing "
                                                         "between two values")
                                       << 1 << 5;
    QTest::newRow("colon") << QByteArray("{\"a\" 1}")
                           << QStringLiteral("not valid JSON: a colon (:) is missing after the "
                                             "member's name")
                           << 1 << 7;
    QTest::newRow("array not closed")
        << QByteArray("{\"a\": [1, 2}")
        << QStringLiteral("not valid JSON: an array is not closed: a ] is missing") << 1 << 13;
    QTest::newRow("string not closed")
        << QByteArray("{\"a\": \"x}")
        << QStringLiteral("not valid JSON: a string is not closed: a double quote (\") is missing")
        << 1 << 10;
    QTest::newRow("trailing comma")
        << QByteArray("{\"a\": 1,}")
        << QStringLiteral("not valid JSON: a value is missing after the comma (no comma may come "
                          "before } or ])")
        << 1 << 9;
    QTest::newRow("value after a colon")
        << QByteArray("{\"name\": }")
        << QStringLiteral("not valid JSON: a value is missing after the colon") << 1 << 10;
    QTest::newRow("tru") << QByteArray("{\"a\": tru}")
                         << QStringLiteral("not valid JSON: this is not a JSON value (text goes "
                                           "in double quotes; true, false and null are written "
                                           "in lower case)")
                         << 1 << 7;
}

void TestJsonLocator::parseErrorsInPlainWords()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, message);
    QFETCH(int, line);
    QFETCH(int, column);
    Problems problems;
    QVERIFY(!StrictJson::parse(json, &problems));
    QCOMPARE(problems.size(), 1);
    QCOMPARE(problems.first().message, message);
    QCOMPARE(problems.first().line, line);
    QCOMPARE(problems.first().column, column);
}

QTEST_GUILESS_MAIN(TestJsonLocator)
#include "tst_jsonlocator.moc"
