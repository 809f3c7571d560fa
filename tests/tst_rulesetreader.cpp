#include "catalog/Catalog.h"
#include "event/EventReader.h"
#include "format/QuickJsonCheck.h"
#include "format/RuleSetReader.h"
#include "format/StrictJson.h"

#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTest>

using namespace Kanca;
using namespace Qt::StringLiterals;

namespace {

// A minimal valid rule set with one rule, into which a test splices a fragment.
QByteArray withRule(const QByteArray &rule)
{
    return R"({"format": "kanca.ruleset", "version": 1, "name": "t", "locale": "en", "rules": [)"
           + rule + "]}";
}

QByteArray withAction(const QByteArray &action)
{
    return withRule(R"({"id": "r", "name": "R", "when": "chat.opened", "then": [)" + action + "]}");
}

QByteArray withCondition(const QByteArray &condition)
{
    return withRule(
        R"({"id": "r", "name": "R", "when": "chat.opened", "if": )" + condition
        + R"(, "then": [{"type": "webhook", "method": "POST", "url": "https://x.example"}]})");
}

QString describe(const Problems &problems)
{
    QStringList lines;
    for (const Problem &p : problems) {
        lines.append(u"%1:%2 %3 %4: %5"_s.arg(p.line).arg(p.column).arg(
            p.isError() ? u"error"_s : u"warning"_s, p.pointer, p.message));
    }
    return lines.join(u'\n');
}

} // namespace

class TestRuleSetReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsEveryKey();
    void defaults();
    void problems_data();
    void problems();
    void syntaxErrorHasLineAndColumn();
    void notAnObject();
    void newerVersionIsRefusedAlone();
    void collectsEveryProblem();
    void unknownKeysWarnOrReject();
    void duplicateKeysAreErrors();
    void hostileInputDoesNotCrash_data();
    void hostileInputDoesNotCrash();
    void strictStrings_data();
    void strictStrings();
    void strictStringsInRuleSetsAndEvents();
    void quickJsonCheck_data();
    void quickJsonCheck();
    void quickJsonCheckNeverAcceptsWhatQtRefuses();
};

void TestRuleSetReader::readsEveryKey()
{
    const QByteArray json = R"({
  "format": "kanca.ruleset", "version": 1, "name": "Örnek", "locale": "tr",
  "rules": [{
    "id": "vip-to-slack", "name": "VIP", "description": "Seed 000", "enabled": false,
    "when": "chat.opened",
    "if": {"all": [{"field": "contact.tags", "op": "contains", "value": "VIP"},
                   {"not": {"any": [{"field": "contact.email", "op": "isEmpty"},
                                    {"field": "contact.score", "op": "atLeast", "value": 50, "caseSensitive": true}]}}]},
    "then": [{
      "type": "webhook", "method": "PUT", "url": "https://hooks.example/{{contact.id}}",
      "headers": [{"name": "X-Source", "value": "kanca"}],
      "auth": {"type": "basic", "username": "u", "password": {"secret": "PASS"}},
      "signing": {"type": "hmac-sha256", "header": "X-Sig", "prefix": "", "encoding": "base64", "secret": {"secret": "SIGN"}},
      "body": {"format": "form", "fields": [{"name": "a", "value": "{{contact.fullname}}"}]},
      "timeoutMs": 5000,
      "retry": {"maxAttempts": 3, "initialDelayMs": 10, "maxDelayMs": 100}
    }, {
      "type": "webhook", "method": "POST", "url": "https://b.example",
      "auth": {"type": "header", "name": "X-Webhook-Secret", "value": {"secret": "S"}},
      "signing": {"type": "standard-webhooks", "secret": {"secret": "WH"}},
      "body": {"format": "text", "template": "hi", "contentType": "text/csv"}
    }, {
      "type": "webhook", "method": "GET", "url": "https://c.example",
      "auth": {"type": "bearer", "token": {"secret": "TOKEN"}}
    }]
  }]
})";
    const auto result = RuleSetReader::read(json);
    QVERIFY2(result.problems.isEmpty(), qPrintable(describe(result.problems)));
    QVERIFY(result.ruleSet);
    const RuleSet &set = *result.ruleSet;
    QCOMPARE(set.name, u"Örnek"_s);
    QCOMPARE(set.locale, Language::Turkish);
    QCOMPARE(set.rules.size(), 1);
    const Rule &rule = set.rules.first();
    QCOMPARE(rule.id, u"vip-to-slack"_s);
    QCOMPARE(rule.description, u"Seed 000"_s);
    QCOMPARE(rule.enabled, false);
    QVERIFY(rule.condition);

    const Condition expected =
        Condition::all({Condition::leaf(u"contact.tags"_s, Operator::Contains, u"VIP"_s),
                        Condition::negate(Condition::any(
                            {Condition::leaf(u"contact.email"_s, Operator::IsEmpty),
                             Condition::leaf(u"contact.score"_s, Operator::AtLeast, 50, true)}))});
    QVERIFY(*rule.condition == expected);

    QCOMPARE(rule.actions.size(), 3);
    const auto &a = std::get<WebhookAction>(rule.actions.at(0));
    QCOMPARE(a.method, u"PUT"_s);
    QCOMPARE(a.url, u"https://hooks.example/{{contact.id}}"_s);
    QCOMPARE(a.headers, (QList<NameValue>{{u"X-Source"_s, u"kanca"_s}}));
    QCOMPARE(a.auth.type, Auth::Type::Basic);
    QCOMPARE(a.auth.username, u"u"_s);
    QCOMPARE(a.auth.secret.name, u"PASS"_s);
    QCOMPARE(a.signing.type, Signing::Type::HmacSha256);
    QCOMPARE(a.signing.header, u"X-Sig"_s);
    QCOMPARE(a.signing.prefix, QString());
    QCOMPARE(a.signing.encoding, Signing::Encoding::Base64);
    QCOMPARE(a.signing.secret.name, u"SIGN"_s);
    QCOMPARE(a.body.format, Body::Format::Form);
    QCOMPARE(a.body.fields, (QList<NameValue>{{u"a"_s, u"{{contact.fullname}}"_s}}));
    QCOMPARE(a.timeoutMs, 5000);
    QCOMPARE(a.retry, (RetryPolicy{3, 10, 100}));

    const auto &b = std::get<WebhookAction>(rule.actions.at(1));
    QCOMPARE(b.auth.type, Auth::Type::Header);
    QCOMPARE(b.auth.headerName, u"X-Webhook-Secret"_s);
    QCOMPARE(b.signing.type, Signing::Type::StandardWebhooks);
    QCOMPARE(b.signing.secret.name, u"WH"_s);
    QCOMPARE(b.body.format, Body::Format::Text);
    QCOMPARE(b.body.contentType, u"text/csv"_s);

    const auto &c = std::get<WebhookAction>(rule.actions.at(2));
    QCOMPARE(c.auth.type, Auth::Type::Bearer);
    QCOMPARE(c.auth.secret.name, u"TOKEN"_s);
    QCOMPARE(c.body.format, Body::Format::None);

    QCOMPARE(set.secretNames(), (QStringList{u"PASS"_s, u"S"_s, u"SIGN"_s, u"TOKEN"_s, u"WH"_s}));
}

void TestRuleSetReader::defaults()
{
    const auto result = RuleSetReader::read(
        withAction(R"({"type": "webhook", "method": "POST", "url": "https://x.example"})"));
    QVERIFY2(result.problems.isEmpty(), qPrintable(describe(result.problems)));
    const Rule &rule = result.ruleSet->rules.first();
    QVERIFY(rule.enabled);
    QVERIFY(!rule.condition);
    const auto &a = std::get<WebhookAction>(rule.actions.first());
    QCOMPARE(a.timeoutMs, 10000);
    QCOMPARE(a.retry, (RetryPolicy{5, 1000, 600000}));
    QCOMPARE(a.auth.type, Auth::Type::None);
    QCOMPARE(a.signing.type, Signing::Type::None);
}

void TestRuleSetReader::problems_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("pointer");
    QTest::addColumn<QString>("message");

    const QByteArray webhook = R"("type": "webhook", "method": "POST", "url": "https://x.example")";

    QTest::newRow("format missing")
        << QByteArray(R"({"version": 1, "rules": []})") << QString() << u"\"format\" is missing"_s;
    QTest::newRow("format wrong") << QByteArray(R"({"format": "other", "version": 1, "rules": []})")
                                  << u"/format"_s
                                  << u"must be \"kanca.ruleset\": this is not a Kanca rule set"_s;
    QTest::newRow("version missing") << QByteArray(R"({"format": "kanca.ruleset", "rules": []})")
                                     << QString() << u"\"version\" is missing"_s;
    QTest::newRow("version a string")
        << QByteArray(R"({"format": "kanca.ruleset", "version": "1", "rules": []})")
        << u"/version"_s << u"must be a whole number such as 1"_s;
    QTest::newRow("version fractional")
        << QByteArray(R"({"format": "kanca.ruleset", "version": 1.5, "rules": []})")
        << u"/version"_s << u"must be a whole number such as 1"_s;
    QTest::newRow("locale unknown")
        << QByteArray(R"({"format": "kanca.ruleset", "version": 1, "locale": "de", "rules": []})")
        << u"/locale"_s << u"unknown locale \"de\": use \"en\" or \"tr\""_s;
    QTest::newRow("rules missing") << QByteArray(R"({"format": "kanca.ruleset", "version": 1})")
                                   << QString() << u"\"rules\" is missing"_s;
    QTest::newRow("rules an object")
        << QByteArray(R"({"format": "kanca.ruleset", "version": 1, "rules": {}})") << u"/rules"_s
        << u"must be a list, not an object"_s;
    QTest::newRow("rule a string")
        << withRule(R"("r1")") << u"/rules/0"_s << u"a rule must be an object, not a string"_s;
    QTest::newRow("rule id missing")
        << withRule(R"({"name": "R", "when": "chat.opened", "then": [{)" + webhook + "}]}")
        << u"/rules/0"_s << u"\"id\" is missing"_s;
    QTest::newRow("rule id a number")
        << withRule(R"({"id": 7, "name": "R", "when": "chat.opened", "then": [{)" + webhook + "}]}")
        << u"/rules/0/id"_s << u"must be a string, not a number"_s;
    QTest::newRow("enabled a string") << withRule(
        R"({"id": "r", "name": "R", "enabled": "yes", "when": "chat.opened", "then": [{)" + webhook
        + "}]}") << u"/rules/0/enabled"_s
                                      << u"must be true or false, not a string"_s;
    QTest::newRow("then missing") << withRule(R"({"id": "r", "name": "R", "when": "chat.opened"})")
                                  << u"/rules/0"_s << u"\"then\" is missing"_s;
    QTest::newRow("then empty") << withRule(
        R"({"id": "r", "name": "R", "when": "chat.opened", "then": []})")
                                << u"/rules/0/then"_s << u"a rule needs at least one action"_s;
    QTest::newRow("action a list")
        << withAction("[]") << u"/rules/0/then/0"_s << u"an action must be an object, not a list"_s;
    QTest::newRow("action type unknown")
        << withAction(R"({"type": "webhok"})") << u"/rules/0/then/0/type"_s
        << u"unknown action type \"webhok\": format version 1 knows \"webhook\" (did you mean \"webhook\"?)"_s;
    QTest::newRow("if a string") << withCondition(R"("always")") << u"/rules/0/if"_s
                                 << u"must be a condition object, not a string"_s;
    QTest::newRow("condition empty")
        << withCondition("{}") << u"/rules/0/if"_s
        << u"a condition needs one of \"all\", \"any\", \"not\" or \"field\""_s;
    QTest::newRow("condition misspelt group")
        << withCondition(R"({"al": []})") << u"/rules/0/if"_s
        << u"a condition needs one of \"all\", \"any\", \"not\" or \"field\" (did you mean \"all\"?)"_s;
    QTest::newRow("condition two kinds")
        << withCondition(R"({"all": [], "field": "contact.email", "op": "isEmpty"})")
        << u"/rules/0/if"_s
        << u"a condition is a group (\"all\" or \"any\"), a negation (\"not\") or a comparison (\"field\"), not several: this one has all, field"_s;
    QTest::newRow("unknown operator")
        << withCondition(R"({"any": [{"field": "contact.tags", "op": "containz", "value": "x"}]})")
        << u"/rules/0/if/any/0/op"_s
        << u"unknown operator \"containz\" (did you mean \"contains\"?)"_s;
    QTest::newRow("operator missing") << withCondition(R"({"field": "contact.tags", "value": "x"})")
                                      << u"/rules/0/if"_s << u"\"op\" is missing"_s;
    QTest::newRow("group member not an object")
        << withCondition(R"({"all": [1]})") << u"/rules/0/if/all/0"_s
        << u"must be a condition object, not a number"_s;
    QTest::newRow("not a list") << withCondition(R"({"not": []})") << u"/rules/0/if/not"_s
                                << u"must be an object, not a list"_s;
    QTest::newRow("caseSensitive a string") << withCondition(
        R"({"field": "contact.tags", "op": "contains", "value": "x", "caseSensitive": "no"})")
                                            << u"/rules/0/if/caseSensitive"_s
                                            << u"must be true or false, not a string"_s;
    QTest::newRow("secret as plain text")
        << withAction("{" + webhook + R"(, "auth": {"type": "bearer", "token": "abc123"}})")
        << u"/rules/0/then/0/auth/token"_s
        << u"must be a secret reference such as {\"secret\": \"CRM_TOKEN\"}: a rule set never holds a secret's value"_s;
    QTest::newRow("secret name empty")
        << withAction("{" + webhook + R"(, "auth": {"type": "bearer", "token": {"secret": ""}}})")
        << u"/rules/0/then/0/auth/token/secret"_s << u"must not be empty"_s;
    QTest::newRow("basic without password")
        << withAction("{" + webhook + R"(, "auth": {"type": "basic", "username": "u"}})")
        << u"/rules/0/then/0/auth"_s << u"\"password\" is missing"_s;
    QTest::newRow("auth type unknown")
        << withAction("{" + webhook + R"(, "auth": {"type": "baerer"}})")
        << u"/rules/0/then/0/auth/type"_s
        << u"unknown auth type \"baerer\" (did you mean \"bearer\"?): use none, basic, bearer or header"_s;
    QTest::newRow("signing type unknown")
        << withAction("{" + webhook + R"(, "signing": {"type": "rsa"}})")
        << u"/rules/0/then/0/signing/type"_s
        << u"unknown signing type \"rsa\": use none, standard-webhooks or hmac-sha256"_s;
    QTest::newRow("hmac encoding unknown") << withAction(
        "{" + webhook
        + R"(, "signing": {"type": "hmac-sha256", "encoding": "base32", "secret": {"secret": "S"}}})")
                                           << u"/rules/0/then/0/signing/encoding"_s
                                           << u"unknown encoding \"base32\": use \"hex\" or \"base64\""_s;
    QTest::newRow("body format unknown")
        << withAction("{" + webhook + R"(, "body": {"format": "xml", "template": ""}})")
        << u"/rules/0/then/0/body/format"_s
        << u"unknown body format \"xml\": use json, text or form"_s;
    QTest::newRow("signing type misspelt")
        << withAction("{" + webhook + R"(, "signing": {"type": "hmac-sha265"}})")
        << u"/rules/0/then/0/signing/type"_s
        << u"unknown signing type \"hmac-sha265\" (did you mean \"hmac-sha256\"?): use none, standard-webhooks or hmac-sha256"_s;
    QTest::newRow("body format misspelt")
        << withAction("{" + webhook + R"(, "body": {"format": "jason", "template": ""}})")
        << u"/rules/0/then/0/body/format"_s
        << u"unknown body format \"jason\" (did you mean \"json\"?): use json, text or form"_s;
    QTest::newRow("json body without template")
        << withAction("{" + webhook + R"(, "body": {"format": "json"}})")
        << u"/rules/0/then/0/body"_s << u"\"template\" is missing"_s;
    QTest::newRow("form field without name")
        << withAction("{" + webhook
                      + R"(, "body": {"format": "form", "fields": [{"value": "v"}]}})")
        << u"/rules/0/then/0/body/fields/0"_s << u"\"name\" is missing"_s;
    QTest::newRow("header a string")
        << withAction("{" + webhook + R"(, "headers": ["X-A: b"]})")
        << u"/rules/0/then/0/headers/0"_s
        << u"must be an object with \"name\" and \"value\", not a string"_s;
    QTest::newRow("timeout fractional")
        << withAction("{" + webhook + R"(, "timeoutMs": 1.5})") << u"/rules/0/then/0/timeoutMs"_s
        << u"must be a whole number, not 1.5"_s;
    QTest::newRow("retry attempts a string")
        << withAction("{" + webhook + R"(, "retry": {"maxAttempts": "5"}})")
        << u"/rules/0/then/0/retry/maxAttempts"_s << u"must be a whole number, not a string"_s;
}

void TestRuleSetReader::problems()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, pointer);
    QFETCH(QString, message);
    const auto result = RuleSetReader::read(json);
    const auto found =
        std::find_if(result.problems.cbegin(), result.problems.cend(), [&](const Problem &p) {
            return p.pointer == pointer && p.message == message;
        });
    QVERIFY2(found != result.problems.cend(), qPrintable(describe(result.problems)));
    QVERIFY(found->isError());
    QVERIFY2(found->line > 0 && found->column > 0, "every problem is placed in the text");
}

void TestRuleSetReader::syntaxErrorHasLineAndColumn()
{
    const QByteArray json =
        "{\n  \"format\": \"kanca.ruleset\",\n  \"version\": 1\n  \"rules\": []\n}";
    const auto result = RuleSetReader::read(json);
    QVERIFY(!result.ruleSet);
    QCOMPARE(result.problems.size(), 1);
    QCOMPARE(result.problems.first().line, 4);
    QVERIFY2(result.problems.first().message.startsWith(u"not valid JSON: "),
             qPrintable(result.problems.first().message));
}

void TestRuleSetReader::notAnObject()
{
    const auto result = RuleSetReader::read("[1, 2]");
    QVERIFY(!result.ruleSet);
    QCOMPARE(result.problems.size(), 1);
    QCOMPARE(result.problems.first().message,
             u"a rule set is a JSON object, this document is a list"_s);
}

void TestRuleSetReader::newerVersionIsRefusedAlone()
{
    const auto result = RuleSetReader::read(
        R"({"format": "kanca.ruleset", "version": 2, "rules": [{"fancy": true}], "future": 1})");
    QCOMPARE(result.problems.size(), 1);
    QCOMPARE(result.problems.first().pointer, u"/version"_s);
    QCOMPARE(
        result.problems.first().message,
        u"this file is format version 2; this Kanca reads version 1 and older. Open it with a newer Kanca."_s);
}

void TestRuleSetReader::collectsEveryProblem()
{
    const QByteArray json = R"({"format": "kanca.ruleset", "version": 1, "rules": [
        {"id": 1, "name": "a", "when": "chat.opened", "then": []},
        {"id": "b", "name": "b", "when": "chat.opened", "if": {"field": "x", "op": "nope"},
         "then": [{"type": "webhook", "method": "POST", "url": "https://x", "auth": {"type": "bearer", "token": "t"}}]}
    ]})";
    const auto result = RuleSetReader::read(json);
    QStringList pointers;
    for (const Problem &p : result.problems)
        pointers.append(p.pointer);
    QCOMPARE(pointers, (QStringList{u"/rules/0/id"_s, u"/rules/0/then"_s, u"/rules/1/if/op"_s,
                                    u"/rules/1/then/0/auth/token"_s}));
    QCOMPARE(result.problems.at(2).line, 3);
}

void TestRuleSetReader::unknownKeysWarnOrReject()
{
    const QByteArray json = withAction(
        R"({"type": "webhook", "method": "POST", "url": "https://x.example", "timeoutMS": 5})");
    const auto warned = RuleSetReader::read(json, RuleSetReader::UnknownKeys::Warn);
    QCOMPARE(warned.problems.size(), 1);
    const Problem &w = warned.problems.first();
    QCOMPARE(w.severity, Problem::Severity::Warning);
    QCOMPARE(w.pointer, u"/rules/0/then/0/timeoutMS"_s);
    QCOMPARE(
        w.message,
        u"unknown key \"timeoutMS\" (did you mean \"timeoutMs\"?): it is ignored, and lost when the rule set is saved"_s);
    QVERIFY(w.aboutKey);
    QCOMPARE(w.column, int(json.indexOf("\"timeoutMS\"")) + 1);

    const auto rejected = RuleSetReader::read(json, RuleSetReader::UnknownKeys::Reject);
    QCOMPARE(rejected.problems.size(), 1);
    QVERIFY(rejected.problems.first().isError());
    QVERIFY(rejected.problems.first().message.contains(u"exported for a server"));
}

void TestRuleSetReader::duplicateKeysAreErrors()
{
    const auto result = RuleSetReader::read(
        R"({"format": "kanca.ruleset", "version": 1, "name": "a", "name": "b", "rules": []})");
    QCOMPARE(result.problems.size(), 1);
    QCOMPARE(result.problems.first().pointer, u"/name"_s);
    QVERIFY(result.problems.first().isError());
}

void TestRuleSetReader::hostileInputDoesNotCrash_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("NUL bytes") << QByteArray(64, '\0');
    QTest::newRow("invalid UTF-8") << QByteArray("{\"name\": \"\xff\xfe\"}");
    QTest::newRow("deep arrays") << QByteArray(5000, '[') + QByteArray(5000, ']');
    QByteArray deepConditions;
    for (int i = 0; i < 500; ++i)
        deepConditions += "{\"not\": ";
    deepConditions += "{\"all\": []}";
    for (int i = 0; i < 500; ++i)
        deepConditions += "}";
    QTest::newRow("deep conditions") << withCondition(deepConditions);
    QTest::newRow("huge string") << withRule("{\"id\": \"" + QByteArray(1 << 20, 'a') + "\"}");
    QTest::newRow("many rules") << withRule(QByteArray("{},").repeated(20000) + "{}");
}

void TestRuleSetReader::hostileInputDoesNotCrash()
{
    QFETCH(QByteArray, json);
    const auto result = RuleSetReader::read(json);
    QVERIFY(!result.problems.isEmpty());
}

void TestRuleSetReader::strictStrings_data()
{
    // RFC 8259: no raw U+0000-U+001F in a string; a \uD800-\uDFFF escape only as half of a
    // pair; only the escapes it names. QJsonDocument takes all of these; the offset is where the
    // flaw starts (-1: none).
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<int>("offset");
    QTest::addColumn<QString>("message");
    const QString tab = u"a control character (U+0009) stands raw in a string; JSON needs it "
                        u"escaped, as \\n, \\t or \\u0009"_s;
    QTest::newRow("raw tab") << QByteArray("{\"a\": \"x\ty\"}") << 8 << tab;
    QTest::newRow("raw line feed in a key")
        << QByteArray("{\"a\nb\": 1}") << 3
        << u"a control character (U+000A) stands raw in a string; JSON needs it escaped, as "
           u"\\n, \\t or \\u000A"_s;
    QTest::newRow("raw NUL") << QByteArray("[\"x\0\"]", 6) << 3
                             << u"a control character (U+0000) stands raw in a string; JSON "
                                u"needs it escaped, as \\n, \\t or \\u0000"_s;
    QTest::newRow("raw U+001F") << QByteArray("[\"\x1f\"]") << 2
                                << u"a control character (U+001F) stands raw in a string; JSON "
                                   u"needs it escaped, as \\n, \\t or \\u001F"_s;
    const QString lone = u"\"\\u%1\" is half of a surrogate pair without its other half: no "
                         u"character; write the character itself or both halves"_s;
    QTest::newRow("lone high surrogate")
        << QByteArray(R"({"a": "x\ud800y"})") << 8 << lone.arg(u"D800"_s);
    QTest::newRow("lone high surrogate at the end")
        << QByteArray(R"(["\uDBFF"])") << 2 << lone.arg(u"DBFF"_s);
    QTest::newRow("lone low surrogate") << QByteArray(R"(["\udc00"])") << 2 << lone.arg(u"DC00"_s);
    QTest::newRow("two highs") << QByteArray(R"(["\ud800\ud800"])") << 2 << lone.arg(u"D800"_s);
    QTest::newRow("reversed pair") << QByteArray(R"(["\udc00\ud800"])") << 2 << lone.arg(u"DC00"_s);
    QTest::newRow("after an escaped backslash")
        << QByteArray(R"(["\\", "\ud800"])") << 8 << lone.arg(u"D800"_s);
    // An escape JSON does not have: QJsonDocument reads "\s" as "s", so a regular expression
    // written with one backslash would silently lose it.
    const QString notEscape = u"\"\\%1\" is not an escape of JSON: a backslash in a string is "
                              u"written twice (a regular expression's \\d is \"\\\\d\" in "
                              u"JSON); the escapes are \\\", \\\\, \\/, \\b, \\f, \\n, "
                              u"\\r, \\t and \\uXXXX"_s;
    QTest::newRow("regular expression with one backslash")
        << QByteArray(R"({"value": "order\s*#?\d{4,}"})") << 16 << notEscape.arg(u"s"_s);
    QTest::newRow("unknown escape after an escaped backslash")
        << QByteArray(R"(["\\", "\x41"])") << 8 << notEscape.arg(u"x"_s);
    QTest::newRow("escaped apostrophe") << QByteArray(R"(["it\'s"])") << 4 << notEscape.arg(u"'"_s);
    // Allowed: escapes of every kind, a pair, control characters escaped, text outside strings.
    QTest::newRow("pair") << QByteArray(R"(["\ud83d\ude00", "\uD83D\uDE00"])") << -1 << QString();
    QTest::newRow("escaped controls")
        << QByteArray(R"(["\u0000\n\t\r\b\f\u001f\"\\\/"])") << -1 << QString();
    QTest::newRow("line breaks between values")
        << QByteArray("{\n\t\"a\":\r\n 1}") << -1 << QString();
    QTest::newRow("text, not escapes") << QByteArray(R"(["ud800", "\\ud800"])") << -1 << QString();
    QTest::newRow("UTF-8") << QByteArray("[\"Ayşe \xf0\x9f\x98\x80\"]") << -1 << QString();
    // Texts without a control character or a backslash are passed eight bytes at a time: a flaw
    // is found in any byte of a word, after UTF-8 in the same word, and in the bytes after the
    // last whole word.
    const QByteArray plain = "[\"Işık Yazılım Destek, Çağdaş Lojistik A.Ş.\", \"";
    for (const int extra : {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 15}) {
        const QByteArray padded = plain + QByteArray(extra, 'x');
        QTest::newRow(qPrintable(u"raw U+0001 after %1 bytes"_s.arg(padded.size())))
            << QByteArray(padded + "\x01\"]") << int(padded.size())
            << u"a control character (U+0001) stands raw in a string; JSON needs it escaped, as "
               u"\\n, \\t or \\u0001"_s;
        QTest::newRow(qPrintable(u"lone surrogate after %1 bytes"_s.arg(padded.size())))
            << QByteArray(padded + "\\udfff\"]") << int(padded.size()) << lone.arg(u"DFFF"_s);
        QTest::newRow(qPrintable(u"plain, %1 bytes"_s.arg(padded.size() + 2)))
            << QByteArray(padded + "\"]") << -1 << QString();
    }
    QTest::newRow("raw U+001F after UTF-8 in one word")
        << QByteArray("[\"\xc3\xa7\xc3\xa7\x1f\"]") << 6
        << u"a control character (U+001F) stands raw in a string; JSON needs it escaped, as "
           u"\\n, \\t or \\u001F"_s;
}

void TestRuleSetReader::strictStrings()
{
    QFETCH(QByteArray, json);
    QFETCH(int, offset);
    QFETCH(QString, message);
    QJsonParseError parseError;
    QJsonDocument::fromJson(json, &parseError);
    QCOMPARE(parseError.error, QJsonParseError::NoError); // Qt alone says nothing
    const std::optional<StrictJson::Flaw> flaw = StrictJson::firstFlaw(json);
    QCOMPARE(flaw.has_value(), offset >= 0);
    if (!flaw)
        return;
    QCOMPARE(flaw->offset, offset);
    QCOMPARE(flaw->message, message);
}

void TestRuleSetReader::strictStringsInRuleSetsAndEvents()
{
    // A rule set: the error has its line and column, and nothing is read.
    const QByteArray rules = "{\"format\": \"kanca.ruleset\", \"version\": 1,\n"
                             " \"name\": \"a\tb\", \"rules\": []}";
    const auto read = RuleSetReader::read(rules);
    QVERIFY(!read.ruleSet);
    QCOMPARE(read.problems.size(), 1);
    QCOMPARE(read.problems.first().line, 2);
    QCOMPARE(read.problems.first().column, 12);
    QVERIFY2(read.problems.first().message.startsWith(
                 u"not valid JSON: a control character (U+0009) stands raw in a string"_s),
             qPrintable(read.problems.first().message));

    // An event: a lone surrogate is reported where it stands, not turned into another character.
    const QByteArray event = R"({"type": "chat.opened", "contact": {"fullname": "Ay\ud800e"}})";
    const EventReader::Result result = EventReader::read(event, Catalog::builtIn());
    QVERIFY(!result.event);
    QCOMPARE(result.problems.size(), 1);
    QCOMPARE(result.problems.first().line, 1);
    QCOMPARE(result.problems.first().column, int(event.indexOf("\\ud800")) + 1);
    QVERIFY2(result.problems.first().message.contains(u"\"\\uD800\" is half of a surrogate pair"_s),
             qPrintable(result.problems.first().message));

    const QByteArray rawNewline = "{\"type\": \"chat.opened\", \"id\": \"a\nb\"}";
    const EventReader::Result second = EventReader::read(rawNewline, Catalog::builtIn());
    QVERIFY(!second.event);
    QCOMPARE(second.problems.first().line, 1);
    QCOMPARE(second.problems.first().column, 33);

    // What stays allowed.
    const EventReader::Result good = EventReader::read(
        R"({"type": "chat.opened", "contact": {"fullname": "Ay\u015fe \ud83d\ude00\n"}})",
        Catalog::builtIn());
    QVERIFY(good.event);
    QCOMPARE(good.event->value(u"contact"_s).toObject().value(u"fullname"_s).toString(),
             u"Ayşe 😀\n"_s);
}

QTEST_GUILESS_MAIN(TestRuleSetReader)
void TestRuleSetReader::quickJsonCheck_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<bool>("quick"); // whether the quick check answers (it then says "valid")

    // Bodies as templates render them: the quick check answers.
    QTest::newRow("object") << QByteArray(R"({"event": "chat.opened", "n": 3, "ok": true})")
                            << true;
    QTest::newRow("array") << QByteArray(R"([1, -2.5, 1e300, "Ayşe", null, {}])") << true;
    QTest::newRow("nested") << QByteArray(R"({"a": {"b": [[{"c": 0.5}]]}})") << true;
    QTest::newRow("escapes and a pair")
        << QByteArray(R"({"t": "a\"b\\c\n\u00e7\ud83d\ude00"})") << true;
    QTest::newRow("a key twice") << QByteArray(R"({"a": 1, "a": 2})") << true;
    QTest::newRow("64-bit integers")
        << QByteArray("[9223372036854775807, 18446744073709551615]") << true;
    // Left to QJsonDocument, valid or not.
    QTest::newRow("empty") << QByteArray() << false;
    QTest::newRow("top-level text") << QByteArray(R"("x")") << false;
    QTest::newRow("top-level number") << QByteArray("1") << false;
    QTest::newRow("top-level null") << QByteArray("null") << false;
    QTest::newRow("underflow") << QByteArray("[1e-400]") << false;
    QTest::newRow("zero as a double") << QByteArray("[0.0]") << false;
    QTest::newRow("overflow") << QByteArray("[1e400]") << false;
    QTest::newRow("lone surrogate escape") << QByteArray(R"(["\ud800"])") << false;
    QTest::newRow("raw tab") << QByteArray("[\"a\tb\"]") << false;
    QTest::newRow("not an escape") << QByteArray(R"(["\s"])") << false;
    QTest::newRow("missing value") << QByteArray(R"({"name": })") << false;
    QTest::newRow("trailing text") << QByteArray("{} x") << false;
    QTest::newRow("invalid UTF-8") << QByteArray("[\"\xc3\x28\"]") << false;
    QTest::newRow("deeper than 256")
        << QByteArray(QByteArray(300, '[') + QByteArray(300, ']')) << false;
    QTest::newRow("deeper than QJsonDocument takes")
        << QByteArray(QByteArray(1025, '[') + QByteArray(1025, ']')) << false;
    QTest::newRow("longer than the parser keeps")
        << QByteArray("[\"" + QByteArray(QuickJsonCheck::MaxBytes, 'x') + "\"]") << false;
}

void TestRuleSetReader::quickJsonCheck()
{
    QFETCH(QByteArray, json);
    QFETCH(bool, quick);
    QCOMPARE(QuickJsonCheck::accepts(json), quick);
    if (quick) {
        QJsonParseError error;
        QJsonDocument::fromJson(json, &error);
        QCOMPARE(error.error, QJsonParseError::NoError);
    }
}

void TestRuleSetReader::quickJsonCheckNeverAcceptsWhatQtRefuses()
{
    // Texts put together from pieces of JSON, valid and not: whenever the quick check says
    // "valid", QJsonDocument says so too, and it answers for most of the valid ones.
    const QList<QByteArray> pieces{"{",     "}",           "[",           "]",      ",",    ":",
                                   "\"a\"", "\"\\u00e7\"", "\"\\ud800\"", "\"\t\"", "1",    "-0",
                                   "0.0",   "1e-400",      "1e400",       "2.5",    "true", "null",
                                   " ",     "\n",          "\"k\":",      "x",      "\\"};
    QRandomGenerator random(20261206);
    int validByQt = 0;
    int answered = 0;
    for (int i = 0; i < 20000; ++i) {
        QByteArray text = i % 2 == 0 ? "{\"k\":" : "[";
        const int count = int(random.bounded(1, 12));
        for (int j = 0; j < count; ++j)
            text += pieces.at(random.bounded(pieces.size()));
        text += i % 2 == 0 ? "}" : "]";
        QJsonParseError error;
        QJsonDocument::fromJson(text, &error);
        const bool valid = error.error == QJsonParseError::NoError;
        const bool accepted = QuickJsonCheck::accepts(text);
        if (accepted && !valid)
            QFAIL(qPrintable(u"the quick check accepts what QJsonDocument refuses: "_s
                             + QString::fromUtf8(text)));
        validByQt += valid ? 1 : 0;
        answered += accepted ? 1 : 0;
    }
    QVERIFY2(validByQt > 500, qPrintable(QString::number(validByQt)));
    QVERIFY2(answered > validByQt / 2, qPrintable(u"%1 of %2"_s.arg(answered).arg(validByQt)));
}

#include "tst_rulesetreader.moc"
