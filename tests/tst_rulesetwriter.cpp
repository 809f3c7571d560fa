#include "format/JsonWriter.h"
#include "format/RuleSetReader.h"
#include "format/RuleSetWriter.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace Kanca;
using namespace Qt::StringLiterals;

class TestRuleSetWriter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void jsonLayout();
    void jsonStringEscapes_data();
    void jsonStringEscapes();
    void jsonNumbers_data();
    void jsonNumbers();
    void modelRoundTrip();
    void canonicalFilesKeepTheirBytes_data();
    void canonicalFilesKeepTheirBytes();
    void writesOnlyFormatKeys();
    void saveIsAtomic();
    void saveReportsErrors();
};

void TestRuleSetWriter::jsonLayout()
{
    JsonWriter w;
    w.beginObject();
    w.key(u"b");
    w.beginArray();
    w.value(1);
    w.beginObject();
    w.endObject();
    w.beginArray();
    w.endArray();
    w.endArray();
    w.key(u"a");
    w.value(u"ş");
    w.key(u"c");
    w.null();
    w.endObject();
    QCOMPARE(w.finish(), QStringLiteral("{\n  \"b\": [\n    1,\n    {},\n    []\n  ],\n  \"a\": "
                                        "\"ş\",\n  \"c\": null\n}\n")
                             .toUtf8());
}

void TestRuleSetWriter::jsonStringEscapes_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("plain") << u"abc"_s << QByteArray("\"abc\"");
    QTest::newRow("quote and backslash") << u"a\"b\\c"_s << QByteArray(R"("a\"b\\c")");
    QTest::newRow("controls") << u"\n\r\t\b\f"_s << QByteArray(R"("\n\r\t\b\f")");
    QTest::newRow("NUL and unit separator")
        << QString(QChar(0)) + QChar(0x1f) << QByteArray(R"("\u0000\u001f")");
    QTest::newRow("slash and DEL kept") << u"/\x7f"_s << QByteArray("\"/\x7f\"");
    QTest::newRow("Turkish and emoji as UTF-8") << u"İğ 😀"_s << QStringLiteral("\"İğ 😀\"").toUtf8();
    QTest::newRow("right-to-left") << u"مرحبا"_s << QStringLiteral("\"مرحبا\"").toUtf8();
}

void TestRuleSetWriter::jsonStringEscapes()
{
    QFETCH(QString, text);
    QFETCH(QByteArray, expected);
    QCOMPARE(JsonWriter::quoted(text), expected);
    // Whatever the text, what is written parses back to it.
    const QJsonDocument doc = QJsonDocument::fromJson("[" + JsonWriter::quoted(text) + "]");
    QCOMPARE(doc.array().at(0).toString(), text);
}

void TestRuleSetWriter::jsonNumbers_data()
{
    QTest::addColumn<double>("number");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("integer") << 80.0 << QByteArray("80");
    QTest::newRow("negative") << -3.0 << QByteArray("-3");
    QTest::newRow("fraction") << 4.5 << QByteArray("4.5");
    QTest::newRow("shortest") << 0.1 << QByteArray("0.1");
    QTest::newRow("large integer") << 600000.0 << QByteArray("600000");
}

void TestRuleSetWriter::jsonNumbers()
{
    QFETCH(double, number);
    QFETCH(QByteArray, expected);
    QCOMPARE(JsonWriter::number(number), expected);
}

static RuleSet sampleRuleSet()
{
    RuleSet set;
    set.name = u"Örnekler"_s;
    set.locale = Language::Turkish;
    Rule rule;
    rule.id = u"vip-to-slack"_s;
    rule.name = u"VIP müşteri yazınca Slack'e bildir"_s;
    rule.description = u"Seed 000, use case 2"_s;
    rule.when = u"chat.opened"_s;
    rule.condition =
        Condition::all({Condition::leaf(u"contact.tags"_s, Operator::Contains, u"VIP"_s),
                        Condition::negate(Condition::leaf(u"contact.email"_s, Operator::IsEmpty)),
                        Condition::leaf(u"contact.platform"_s, Operator::In,
                                        QJsonArray{u"WhatsApp"_s, u"Web"_s}, true)});
    WebhookAction a;
    a.url = u"https://hooks.slack.com/services/T000/B000/XXXX"_s;
    a.headers = {{u"X-Source"_s, u"kanca"_s}};
    a.body.format = Body::Format::Json;
    a.body.templateText = u"{\"text\": \"VIP müşteri {{contact.fullname}}\"}"_s;
    WebhookAction b;
    b.method = u"GET"_s;
    b.url = u"https://x.example/?q={{contact.id}}"_s;
    b.auth = {Auth::Type::Basic, u"kanca"_s, QString(), {u"PASSWORD"_s}};
    b.signing.type = Signing::Type::HmacSha256;
    b.signing.encoding = Signing::Encoding::Base64;
    b.signing.secret = {u"SIGN"_s};
    b.timeoutMs = 2500;
    b.retry = {1, 0, 0};
    rule.actions = {a, b};
    Rule second;
    second.id = u"r2"_s;
    second.name = u"Second"_s;
    second.enabled = false;
    second.when = u"chat.closed"_s;
    WebhookAction c;
    c.auth = {Auth::Type::Header, QString(), u"X-Webhook-Secret"_s, {u"S"_s}};
    c.signing = {Signing::Type::StandardWebhooks, {u"WH"_s}};
    c.body.format = Body::Format::Form;
    c.body.fields = {{u"a"_s, u"1"_s}, {u"b"_s, u""_s}};
    c.url = u"https://y.example"_s;
    second.actions = {c};
    set.rules = {rule, second};
    return set;
}

void TestRuleSetWriter::modelRoundTrip()
{
    const RuleSet original = sampleRuleSet();
    const QByteArray written = RuleSetWriter::write(original);
    const auto read = RuleSetReader::read(written, RuleSetReader::UnknownKeys::Reject);
    QVERIFY(read.problems.isEmpty());
    QVERIFY(read.ruleSet);
    QVERIFY(*read.ruleSet == original);
    QCOMPARE(RuleSetWriter::write(*read.ruleSet), written);
}

void TestRuleSetWriter::canonicalFilesKeepTheirBytes_data()
{
    QTest::addColumn<QString>("fileName");
    const QDir source(QStringLiteral(KANCA_SOURCE_DIR));
    QTest::newRow("bundled example")
        << source.filePath(u"resources/examples/supsis-examples.kanca.json"_s);
    const QDir valid(source.filePath(u"tests/data/valid"_s));
    for (const QString &name : valid.entryList({u"*.json"_s}, QDir::Files))
        QTest::newRow(qPrintable(name)) << valid.filePath(name);
}

void TestRuleSetWriter::canonicalFilesKeepTheirBytes()
{
    QFETCH(QString, fileName);
    QFile file(fileName);
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(fileName));
    const QByteArray bytes = file.readAll();
    const auto read = RuleSetReader::read(bytes, RuleSetReader::UnknownKeys::Reject);
    QVERIFY(read.ruleSet);
    QVERIFY(!hasErrors(read.problems));
    QCOMPARE(QString::fromUtf8(RuleSetWriter::write(*read.ruleSet)), QString::fromUtf8(bytes));
}

void TestRuleSetWriter::writesOnlyFormatKeys()
{
    // An imported file's unknown keys are not written back: an export holds only format keys.
    const QByteArray withExtra = R"({"format": "kanca.ruleset", "version": 1, "name": "x",
        "colour": "red", "rules": [{"id": "r", "name": "R", "when": "chat.opened", "x-note": 1,
        "then": [{"type": "webhook", "method": "POST", "url": "https://x.example"}]}]})";
    const auto read = RuleSetReader::read(withExtra);
    QCOMPARE(read.problems.size(), 2);
    const QByteArray written = RuleSetWriter::write(*read.ruleSet);
    QVERIFY(!written.contains("colour"));
    QVERIFY(!written.contains("x-note"));
    QVERIFY(RuleSetReader::read(written, RuleSetReader::UnknownKeys::Reject).problems.isEmpty());
}

void TestRuleSetWriter::saveIsAtomic()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"rules.kanca.json"_s);
    QString error;
    QVERIFY(RuleSetWriter::save(sampleRuleSet(), path, &error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), RuleSetWriter::write(sampleRuleSet()));
    file.close();
    // Nothing but the file is left behind.
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden),
             QStringList{u"rules.kanca.json"_s});
}

void TestRuleSetWriter::saveReportsErrors()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"missing-folder/rules.kanca.json"_s);
    QString error;
    QVERIFY(!RuleSetWriter::save(sampleRuleSet(), path, &error));
    QVERIFY2(error.startsWith(u"Cannot write " + path), qPrintable(error));
}

QTEST_GUILESS_MAIN(TestRuleSetWriter)
#include "tst_rulesetwriter.moc"
