#include "catalog/Catalog.h"
#include "engine/CompiledRuleSet.h"
#include "engine/RuleSetLoader.h"
#include "event/EventContext.h"
#include "event/EventParser.h"

#include <QFile>
#include <QJsonArray>
#include <QTest>

using namespace Kanca;
using namespace Qt::StringLiterals;

namespace {

QByteArray ruleJson(const QByteArray &id, const QByteArray &when, const QByteArray &extra = {})
{
    return R"({"id": ")" + id + R"(", "name": "Rule )" + id + R"(", "when": ")" + when + "\""
           + extra
           + R"(, "then": [{"type": "webhook", "method": "POST", "url": "https://x.example"}]})";
}

QByteArray ruleSetJson(const QList<QByteArray> &rules, const QByteArray &locale = "en")
{
    QByteArray joined;
    for (const QByteArray &rule : rules)
        joined += (joined.isEmpty() ? "" : ",") + rule;
    return R"({"format": "kanca.ruleset", "version": 1, "name": "t", "locale": ")" + locale
           + R"(", "rules": [)" + joined + "]}";
}

QString describe(const Problems &problems)
{
    QStringList lines;
    for (const Problem &p : problems)
        lines.append(u"%1:%2 %3: %4"_s.arg(p.line).arg(p.column).arg(p.pointer, p.message));
    return lines.join(u'\n');
}

} // namespace

class TestCompiledRuleSet : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void semanticProblems_data();
    void semanticProblems();
    void problemsAreSortedByPosition();
    void matchingRulesInOrder();
    void explainGivesEveryOutcome();
    void repeatedLeavesAreDecidedOnceAndAlike();
    void twoRuleSetsOnOneEventKeepTheirOwnVerdicts();
    void exampleMatchesSeedUseCases_data();
    void exampleMatchesSeedUseCases();
};

void TestCompiledRuleSet::semanticProblems_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("pointer");
    QTest::addColumn<QString>("message");
    QTest::newRow("bad id")
        << ruleSetJson({ruleJson("has space", "chat.opened")}) << u"/rules/0/id"_s
        << u"rule id \"has space\" is not valid: use 1 to 64 letters, digits, dots, dashes or underscores"_s;
    QTest::newRow("id too long")
        << ruleSetJson({ruleJson(QByteArray(65, 'a'), "chat.opened")}) << u"/rules/0/id"_s
        << u"rule id \"%1\" is not valid: use 1 to 64 letters, digits, dots, dashes or underscores"_s
               .arg(QString(65, u'a'));
    QTest::newRow("duplicate id")
        << ruleSetJson({ruleJson("a", "chat.opened"), ruleJson("b", "chat.opened"),
                        ruleJson("a", "chat.closed")})
        << u"/rules/2/id"_s << u"rule id \"a\" is already used by rule 0: ids must be unique"_s;
    QTest::newRow("unknown event")
        << ruleSetJson({ruleJson("a", "chat.opend")}) << u"/rules/0/when"_s
        << u"unknown event \"chat.opend\" (did you mean \"chat.opened\"?)"_s;
    QTest::newRow("empty name") << ruleSetJson(
        {R"({"id": "a", "name": " ", "when": "chat.opened", "then": [{"type": "webhook", "method": "POST", "url": "https://x.example"}]})"})
                                << u"/rules/0/name"_s << u"a rule needs a name"_s;
}

void TestCompiledRuleSet::semanticProblems()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, pointer);
    QFETCH(QString, message);
    const auto result = RuleSetLoader::load(json, Catalog::builtIn());
    QVERIFY(result.compiled);
    QVERIFY(!result.ok());
    const auto found =
        std::find_if(result.problems.cbegin(), result.problems.cend(), [&](const Problem &p) {
            return p.pointer == pointer && p.message == message;
        });
    QVERIFY2(found != result.problems.cend(), qPrintable(describe(result.problems)));
    QVERIFY(found->line > 0);
}

void TestCompiledRuleSet::problemsAreSortedByPosition()
{
    const QByteArray json =
        "{\"format\": \"kanca.ruleset\", \"version\": 1, \"rules\": [\n" + ruleJson("a", "nope.one")
        + ",\n"
        + ruleJson("b b", "chat.opened",
                   R"(, "if": {"field": "contact.nope", "op": "equals", "value": "x"})")
        + "\n]}";
    const auto result = RuleSetLoader::load(json, Catalog::builtIn());
    QVERIFY(result.problems.size() >= 3);
    for (qsizetype i = 1; i < result.problems.size(); ++i) {
        const Problem &a = result.problems.at(i - 1);
        const Problem &b = result.problems.at(i);
        QVERIFY2(std::pair(a.line, a.column) <= std::pair(b.line, b.column),
                 qPrintable(describe(result.problems)));
    }
}

void TestCompiledRuleSet::matchingRulesInOrder()
{
    const QByteArray json = ruleSetJson(
        {ruleJson("always", "chat.opened"),
         ruleJson("vip", "chat.opened",
                  R"(, "if": {"field": "contact.tags", "op": "contains", "value": "vip"})"),
         ruleJson("closed", "chat.closed"), ruleJson("off", "chat.opened", R"(, "enabled": false)"),
         ruleJson("gold", "chat.opened",
                  R"(, "if": {"field": "contact.tags", "op": "contains", "value": "gold"})")},
        "en");
    const auto result = RuleSetLoader::load(json, Catalog::builtIn());
    QVERIFY2(result.ok(), qPrintable(describe(result.problems)));
    const CompiledRuleSet &rules = *result.compiled;

    const EventContext event(
        QJsonObject{{u"type"_s, u"chat.opened"_s},
                    {u"contact"_s, QJsonObject{{u"tags"_s, QJsonArray{u"VIP"_s}}}}});
    QCOMPARE(rules.matchingRules(event), (QList<qsizetype>{0, 1}));

    const EventContext closed(QJsonObject{{u"type"_s, u"chat.closed"_s}});
    QCOMPARE(rules.matchingRules(closed), (QList<qsizetype>{2}));

    const EventContext unknown(QJsonObject{{u"type"_s, u"no.such"_s}});
    QVERIFY(rules.matchingRules(unknown).isEmpty());

    // A context made for the call alone (evaluated in it, not in a copy): the same answers.
    QCOMPARE(rules.matchingRules(EventContext(QJsonObject{{u"type"_s, u"chat.closed"_s}})),
             (QList<qsizetype>{2}));
    // The type looked up as the event keeps it: a type that is not a text, none, or one that
    // UTF-8 cannot hold (a lone surrogate, kept in UTF-16) fires nothing.
    QVERIFY(rules.matchingRules(EventContext(QJsonObject{{u"type"_s, 3}})).isEmpty());
    QVERIFY(rules.matchingRules(EventContext(QJsonObject{{u"id"_s, u"x"_s}})).isEmpty());
    QVERIFY(rules
                .matchingRules(EventContext(
                    QJsonObject{{u"type"_s, QString(u"chat.opened"_s + QChar(0xD800))}}))
                .isEmpty());
    EventParser parser; // from text, as a server reads a post
    const std::optional<CompactEvent> read =
        parser.quickRead(R"({"type": "chat.opened", "contact": {"tags": ["gold"]}})");
    QVERIFY(read);
    QCOMPARE(rules.matchingRules(EventContext(*read)), (QList<qsizetype>{0, 4}));
}

// Each rule's verdict on its own: a context of its own per rule, so that nothing one rule
// decided is remembered for another.
QList<qsizetype> eachRuleAlone(const CompiledRuleSet &rules, const QJsonObject &event)
{
    QList<qsizetype> matching;
    for (qsizetype i = 0; i < rules.ruleSet().rules.size(); ++i) {
        const Rule &rule = rules.ruleSet().rules.at(i);
        EventContext alone(event, &rule);
        if (rule.enabled && rule.when == alone.eventType()
            && rules.conditionHolds(i, alone) == ConditionVerdict::True) {
            matching.append(i);
        }
    }
    return matching;
}

// Leaves that several rules repeat are decided once per event (SharedLeaves); what each rule
// says is what it says alone, including for leaves that only look alike: "rule.id" changes from
// rule to rule, and the same value under another operator, case sensitivity or field is
// another leaf.
void TestCompiledRuleSet::repeatedLeavesAreDecidedOnceAndAlike()
{
    const auto rule = [](const QByteArray &id, const QByteArray &condition) {
        return ruleJson(id, "message.created", R"(, "if": )" + condition);
    };
    const QByteArray vip = R"({"field": "contact.tags", "op": "contains", "value": "vip"})";
    const QByteArray order =
        R"({"field": "message.text", "op": "matches", "value": "order\\s*#?\\d{4,}"})";
    const QByteArray json = ruleSetJson(
        {rule("a", vip), rule("b", R"({"not": )" + vip + "}"),
         rule("c", R"({"all": [)" + vip + "," + order + "]}"),
         rule("d",
              R"({"any": [)" + order + R"(, {"field": "rule.id", "op": "equals", "value": "d"}]})"),
         rule("e", R"({"field": "rule.id", "op": "equals", "value": "d"})"),
         rule(
             "f",
             R"({"field": "contact.tags", "op": "contains", "value": "vip", "caseSensitive": true})"),
         rule("g", R"({"field": "contact.tags", "op": "notContains", "value": "vip"})"),
         rule("h", R"({"field": "message.text", "op": "contains", "value": "vip"})"),
         rule("i", R"({"any": [)" + order + "," + vip + "]}"),
         // Another expression on the same text: searched in the text the context remembers.
         rule("j", R"({"field": "message.text", "op": "matches", "value": "\\d{5}"})")},
        "en");
    const auto loaded = RuleSetLoader::load(json, Catalog::builtIn());
    QVERIFY2(loaded.ok(), qPrintable(describe(loaded.problems)));
    const CompiledRuleSet &rules = *loaded.compiled;

    const auto event = [](const QJsonArray &tags, const QString &text) {
        return QJsonObject{{u"type"_s, u"message.created"_s},
                           {u"id"_s, u"e1"_s},
                           {u"contact"_s, QJsonObject{{u"tags"_s, tags}}},
                           {u"message"_s, QJsonObject{{u"text"_s, text}}}};
    };
    const QList<std::pair<QJsonObject, QList<qsizetype>>> cases = {
        {event({u"VIP"_s}, u"order #12345"_s), {0, 2, 3, 8, 9}},
        {event({u"vip"_s}, u"nothing"_s), {0, 3, 5, 8}},
        {event({}, u"Order 9999 for a VIP"_s), {1, 3, 6, 7, 8}},
        {event({u"gold"_s}, u"hello"_s), {1, 3, 6}},
        // A text with a lone surrogate (an object made in code) matches no expression, also
        // when its text is already remembered for another one.
        {event({u"VIP"_s}, u"order #12345 "_s + QChar(0xD800)), {0, 3, 8}},
    };
    for (const auto &[object, expected] : cases) {
        QCOMPARE(eachRuleAlone(rules, object), expected);
        const EventContext context(object);
        QCOMPARE(rules.matchingRules(context), expected);
        // Asked again on the same context, with what it remembers: the same answer.
        EventContext again(object);
        QCOMPARE(rules.matchingRules(again), expected);
        QCOMPARE(rules.matchingRules(again), expected);
    }
}

// One event looked at by two rule sets in turn (a backtest compares two versions so): the same
// leaf numbers mean other leaves in each, and neither takes the other's verdicts.
void TestCompiledRuleSet::twoRuleSetsOnOneEventKeepTheirOwnVerdicts()
{
    const auto twice = [](const QByteArray &value) {
        const QByteArray leaf =
            R"({"field": "contact.tags", "op": "contains", "value": ")" + value + R"("})";
        return ruleSetJson({ruleJson("x", "message.created", R"(, "if": )" + leaf),
                            ruleJson("y", "message.created", R"(, "if": )" + leaf)},
                           "en");
    };
    const auto vip = RuleSetLoader::load(twice("vip"), Catalog::builtIn());
    const auto gold = RuleSetLoader::load(twice("gold"), Catalog::builtIn());
    QVERIFY(vip.ok() && gold.ok());
    EventContext context(
        QJsonObject{{u"type"_s, u"message.created"_s},
                    {u"id"_s, u"e1"_s},
                    {u"contact"_s, QJsonObject{{u"tags"_s, QJsonArray{u"VIP"_s}}}}});
    for (int round = 0; round < 2; ++round) {
        QCOMPARE(vip.compiled->matchingRules(context), (QList<qsizetype>{0, 1}));
        QCOMPARE(gold.compiled->matchingRules(context), QList<qsizetype>());
    }
}

void TestCompiledRuleSet::explainGivesEveryOutcome()
{
    const QByteArray json = ruleSetJson(
        {ruleJson("always", "chat.opened"),
         ruleJson("vip", "chat.opened",
                  R"(, "if": {"field": "contact.tags", "op": "contains", "value": "vip"})"),
         ruleJson("closed", "chat.closed"),
         ruleJson("off", "chat.opened", R"(, "enabled": false)")});
    const auto result = RuleSetLoader::load(json, Catalog::builtIn());
    QVERIFY(result.ok());
    const EventContext event(QJsonObject{{u"type"_s, u"chat.opened"_s}});
    const auto evaluations = result.compiled->explain(event, Language::English);
    QCOMPARE(evaluations.size(), 4);
    QCOMPARE(evaluations[0].outcome, CompiledRuleSet::Outcome::Matched);
    QCOMPARE(evaluations[1].outcome, CompiledRuleSet::Outcome::ConditionFalse);
    QCOMPARE(evaluations[1].trace.field, u"contact.tags"_s);
    QVERIFY(!evaluations[1].trace.result);
    QCOMPARE(evaluations[2].outcome, CompiledRuleSet::Outcome::OtherEvent);
    QCOMPARE(evaluations[3].outcome, CompiledRuleSet::Outcome::Disabled);
    QCOMPARE(CompiledRuleSet::outcomeText(CompiledRuleSet::Outcome::Disabled, Language::Turkish),
             u"kural kapalı"_s);
}

void TestCompiledRuleSet::exampleMatchesSeedUseCases_data()
{
    QTest::addColumn<QString>("eventType");
    QTest::addColumn<int>("language");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("tr chat.opened: VIP to Slack")
        << u"chat.opened"_s << int(Language::Turkish) << QStringList{u"vip-to-slack"_s};
    QTest::newRow("tr contact.created: lead to CRM, WhatsApp lead")
        << u"contact.created"_s << int(Language::Turkish)
        << QStringList{u"lead-to-crm"_s, u"whatsapp-lead-to-analytics"_s};
    QTest::newRow("en chat.closed: Suppabot envelope")
        << u"chat.closed"_s << int(Language::English)
        << QStringList{u"suppabot-conversation-ended"_s};
}

void TestCompiledRuleSet::exampleMatchesSeedUseCases()
{
    QFETCH(QString, eventType);
    QFETCH(int, language);
    QFETCH(QStringList, expected);
    const auto result = RuleSetLoader::loadFile(
        QStringLiteral(KANCA_SOURCE_DIR "/resources/examples/supsis-examples.kanca.json"),
        Catalog::builtIn());
    QVERIFY2(result.ok(), qPrintable(describe(result.problems)));
    const EventContext event(Catalog::builtIn().sampleEvent(eventType, Language(language)));
    QStringList matched;
    for (const qsizetype index : result.compiled->matchingRules(event))
        matched.append(result.ruleSet().rules.at(index).id);
    for (const QString &id : expected)
        QVERIFY2(matched.contains(id), qPrintable(matched.join(u", ")));
}

QTEST_GUILESS_MAIN(TestCompiledRuleSet)
#include "tst_compiledruleset.moc"
