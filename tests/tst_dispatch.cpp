// The dispatch step: rules × events → the plan (which rules fire, with which deliveries), and
// the details every front end relies on (ids, credentials, missing secrets, one rule forced).
#include "catalog/Catalog.h"
#include "dispatch/Dispatcher.h"
#include "engine/RuleSetLoader.h"
#include "engine/SecretProvider.h"

#include <QFile>
#include <QHash>
#include <QJsonDocument>
#include <QTest>

#include <memory>

using namespace Kanca;
using namespace Qt::StringLiterals;

namespace {

// Secrets held in memory, as a test sets them.
class MapSecrets final : public SecretProvider
{
public:
    QHash<QString, QByteArray> values;
    std::optional<QByteArray> secret(const QString &name) const override
    {
        const auto it = values.constFind(name);
        return it == values.cend() ? std::nullopt : std::optional<QByteArray>(*it);
    }
};

// A clock that stands still and ids that count up: plans that can be compared exactly.
DispatchClock fixedClock()
{
    auto counter = std::make_shared<int>(0);
    DispatchClock clock;
    clock.now = [] { return QDateTime(QDate(2026, 11, 21), QTime(10, 30), Qt::UTC); };
    clock.newDeliveryId = [counter](const QDateTime &) { return u"msg_%1"_s.arg(++*counter); };
    return clock;
}

QJsonObject eventJson(const QByteArray &json)
{
    return QJsonDocument::fromJson(json).object();
}

QString outcomeName(CompiledRuleSet::Outcome outcome)
{
    switch (outcome) {
    case CompiledRuleSet::Outcome::Matched:
        return u"matched"_s;
    case CompiledRuleSet::Outcome::Disabled:
        return u"disabled"_s;
    case CompiledRuleSet::Outcome::OtherEvent:
        return u"other-event"_s;
    case CompiledRuleSet::Outcome::ConditionFalse:
        return u"no"_s;
    case CompiledRuleSet::Outcome::Undecided:
        return u"undecided"_s;
    }
    return {};
}

} // namespace

class TestDispatch : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void plansRulesAndDeliveries_data();
    void plansRulesAndDeliveries();
    void deliveriesCarryTheirEventRuleAndAction();
    void credentialsAreAddedButNotStored();
    void missingSecretForbidsSendingEverything();
    void oneRuleIsRenderedEvenWhenItDoesNotFire();
    void givenIdsAreUsedInOrder();
    void explainTracesEveryCondition();
    void ruleThatCannotDecideBlocksTheEvent();

private:
    DispatchPlan plan(const QJsonObject &event, const DispatchOptions &options = {}) const
    {
        return Dispatcher(*m_rules, m_secrets, fixedClock()).plan(event, options);
    }

    std::optional<CompiledRuleSet> m_rules;
    MapSecrets m_secrets;
};

void TestDispatch::initTestCase()
{
    QFile file(QStringLiteral(KANCA_SOURCE_DIR "/tests/data/valid/dispatch.kanca.json"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    RuleSetLoader::Result loaded = RuleSetLoader::load(file.readAll(), Catalog::builtIn());
    QVERIFY(loaded.ok());
    m_rules.emplace(std::move(*loaded.compiled));
    m_secrets.values.insert(u"TOKEN"_s, "t0ken");
    m_secrets.values.insert(u"HOOK_SECRET"_s, "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
}

void TestDispatch::plansRulesAndDeliveries_data()
{
    QTest::addColumn<QByteArray>("event");
    QTest::addColumn<QStringList>("fired");      // rules that fire, in order
    QTest::addColumn<QStringList>("deliveries"); // rule/action of each delivery, in order
    QTest::addColumn<QStringList>("explained");  // every rule's outcome, with explain

    const QStringList noneFire;
    QTest::newRow("VIP with the keyword: two rules, three deliveries")
        << QByteArray(R"({"type": "chat.opened", "id": "e1", "contact": {"fullname": "Ayşe",
                      "tags": ["VIP"]}, "conversation": {"firstMessage": "DESTEK lazım"}})")
        << QStringList{u"vip"_s, u"support"_s}
        << QStringList{u"vip/0"_s, u"vip/1"_s, u"support/0"_s}
        << QStringList{u"matched"_s, u"matched"_s, u"disabled"_s, u"other-event"_s,
                       u"other-event"_s};
    QTest::newRow("no tag, no keyword: nothing fires")
        << QByteArray(R"({"type": "chat.opened", "id": "e2", "contact": {"tags": []},
                      "conversation": {"firstMessage": "merhaba"}})")
        << noneFire << noneFire
        << QStringList{u"no"_s, u"no"_s, u"disabled"_s, u"other-event"_s, u"other-event"_s};
    QTest::newRow("keyword in the message, any-of")
        << QByteArray(R"({"type": "chat.opened", "id": "e3", "message": {"text": "destek"}})")
        << QStringList{u"support"_s} << QStringList{u"support/0"_s}
        << QStringList{u"no"_s, u"matched"_s, u"disabled"_s, u"other-event"_s, u"other-event"_s};
    QTest::newRow("chat closed: the rule without a condition")
        << QByteArray(R"({"type": "chat.closed", "id": "e4",
                      "conversation": {"outcome": "resolved"}})")
        << QStringList{u"closed"_s} << QStringList{u"closed/0"_s}
        << QStringList{u"other-event"_s, u"other-event"_s, u"disabled"_s, u"matched"_s,
                       u"other-event"_s};
    QTest::newRow("score 49: not at least 50")
        << QByteArray(R"({"type": "contact.scoreReached", "id": "e5", "contact": {"score": 49}})")
        << noneFire << noneFire
        << QStringList{u"other-event"_s, u"other-event"_s, u"disabled"_s, u"other-event"_s,
                       u"no"_s};
    QTest::newRow("score 50: the boundary fires")
        << QByteArray(R"({"type": "contact.scoreReached", "id": "e6", "contact": {"score": 50}})")
        << QStringList{u"score"_s} << QStringList{u"score/0"_s}
        << QStringList{u"other-event"_s, u"other-event"_s, u"disabled"_s, u"other-event"_s,
                       u"matched"_s};
    QTest::newRow("an event no rule runs on")
        << QByteArray(R"({"type": "email.opened", "id": "e7"})") << noneFire << noneFire
        << QStringList{u"other-event"_s, u"other-event"_s, u"disabled"_s, u"other-event"_s,
                       u"other-event"_s};
}

void TestDispatch::plansRulesAndDeliveries()
{
    QFETCH(QByteArray, event);
    QFETCH(QStringList, fired);
    QFETCH(QStringList, deliveries);
    QFETCH(QStringList, explained);
    const QJsonObject json = eventJson(event);
    QVERIFY(!json.isEmpty());
    const RuleSet &ruleSet = m_rules->ruleSet();

    for (const bool explain : {false, true}) {
        DispatchOptions options;
        options.explain = explain;
        const DispatchPlan result = plan(json, options);
        QStringList firedIds;
        QStringList outcomes;
        QStringList deliveryKeys;
        QStringList ids;
        for (const RulePlan &rule : result.rules) {
            outcomes.append(outcomeName(rule.outcome));
            if (rule.matched())
                firedIds.append(ruleSet.rules.at(rule.ruleIndex).id);
            else
                QVERIFY(rule.actions.isEmpty());
            for (const PlannedAction &action : rule.actions)
                ids.append(action.delivery.id);
        }
        const QList<Delivery> planned = result.deliveries();
        for (const Delivery &delivery : planned)
            deliveryKeys.append(delivery.ruleId + u'/' + QString::number(delivery.actionIndex));
        QCOMPARE(firedIds, fired);
        QCOMPARE(deliveryKeys, deliveries);
        QVERIFY2(result.blockingProblems().isEmpty(),
                 qPrintable(result.blockingProblems().value(0).message));
        // One delivery, one id, for every action.
        QCOMPARE(QSet<QString>(ids.cbegin(), ids.cend()).size(), ids.size());
        if (explain)
            QCOMPARE(outcomes, explained);
        else
            QCOMPARE(outcomes, QStringList(fired.size(), u"matched"_s));
    }
}

void TestDispatch::deliveriesCarryTheirEventRuleAndAction()
{
    const DispatchPlan result = plan(eventJson(R"({"type": "chat.opened", "id": "evt_42",
        "contact": {"fullname": "Ali \"Can\" Öz", "tags": ["VIP"]}})"));
    const QList<Delivery> deliveries = result.deliveries();
    QCOMPARE(deliveries.size(), 2);
    const Delivery &post = deliveries.at(0);
    QCOMPARE(post.id, u"msg_1"_s);
    QCOMPARE(post.ruleSetName, u"Dispatch table"_s);
    QCOMPARE(post.ruleId, u"vip"_s);
    QCOMPARE(post.ruleName, u"VIP to Slack and CRM"_s);
    QCOMPARE(post.actionIndex, 0);
    QCOMPARE(post.eventId, u"evt_42"_s);
    QCOMPARE(post.eventType, u"chat.opened"_s);
    QCOMPARE(post.createdAt, QDateTime(QDate(2026, 11, 21), QTime(10, 30), Qt::UTC));
    QCOMPARE(post.nextAttemptAt, post.createdAt);
    QCOMPARE(post.status, DeliveryStatus::Pending);
    QCOMPARE(post.timeoutMs, 5000);
    QCOMPARE(post.retry.maxAttempts, 3);
    // {{delivery.id}} is the delivery's own id; a name with quotes stays valid JSON.
    QCOMPARE(post.request.body,
             QByteArray(R"({"text": "VIP Ali \"Can\" Öz", "delivery": "msg_1"})"));
    const Delivery &get = deliveries.at(1);
    QCOMPARE(get.id, u"msg_2"_s);
    QCOMPARE(get.actionIndex, 1);
    QCOMPARE(get.request.method, u"GET"_s);
    QCOMPARE(get.request.url, u"https://crm.example.com/lookup?name=Ali%20%22Can%22%20%C3%96z"_s);
    QCOMPARE(get.retry.maxAttempts, 1);
}

void TestDispatch::credentialsAreAddedButNotStored()
{
    const DispatchPlan result = plan(eventJson(R"({"type": "chat.opened", "id": "e",
        "contact": {"tags": ["VIP"]}, "conversation": {"firstMessage": "destek"}})"));
    QCOMPARE(result.rules.size(), 2);
    const PlannedAction &bearer = result.rules.at(0).actions.at(0);
    QCOMPARE(bearer.request.headerValue(u"Authorization"), u"Bearer t0ken"_s);
    QVERIFY(bearer.withoutCredentials.headerValue(u"Authorization").isEmpty());
    QCOMPARE(bearer.delivery.request, bearer.withoutCredentials);
    QCOMPARE(bearer.delivery.auth.secret.name, u"TOKEN"_s);

    const PlannedAction &signedAction = result.rules.at(1).actions.at(0);
    // The webhook-id is the delivery's id; the signature is made at the plan's moment.
    QCOMPARE(signedAction.request.headerValue(u"webhook-id"), signedAction.delivery.id);
    QCOMPARE(
        signedAction.request.headerValue(u"webhook-timestamp"),
        QString::number(QDateTime(QDate(2026, 11, 21), QTime(10, 30), Qt::UTC).toSecsSinceEpoch()));
    QVERIFY(signedAction.request.headerValue(u"webhook-signature").startsWith(u"v1,"));
    QVERIFY(signedAction.delivery.request.headerValue(u"webhook-signature").isEmpty());
}

void TestDispatch::missingSecretForbidsSendingEverything()
{
    MapSecrets none;
    const DispatchPlan result = Dispatcher(*m_rules, none, fixedClock())
                                    .plan(eventJson(R"({"type": "chat.opened", "id": "e",
        "contact": {"tags": ["VIP"]}, "conversation": {"firstMessage": "destek"}})"));
    const PlannedAction &bearer = result.rules.at(0).actions.at(0);
    QVERIFY(bearer.rendered); // shown without its header...
    QCOMPARE(bearer.missingSecrets.size(), 1);
    QCOMPARE(bearer.missingSecrets.first().name, u"TOKEN"_s);
    QCOMPARE(bearer.missingSecrets.first().pointer, u"/rules/0/then/0/auth/token"_s);
    QVERIFY(bearer.request.headerValue(u"Authorization").isEmpty());
    // ...but not sent: the problem names where to set it, and nothing of the event is sent.
    const Problems blocking = result.blockingProblems();
    QCOMPARE(blocking.size(), 2);
    QCOMPARE(blocking.at(0).message, u"secret \"TOKEN\" is not set (set KANCA_SECRET_TOKEN)"_s);
    QCOMPARE(blocking.at(1).pointer, u"/rules/1/then/0/signing/secret"_s);
    QVERIFY(result.deliveries().isEmpty());
    QVERIFY(!result.canSend());
    // The action without credentials is fine on its own.
    QVERIFY(result.rules.at(0).actions.at(1).blockingProblems().isEmpty());
}

void TestDispatch::oneRuleIsRenderedEvenWhenItDoesNotFire()
{
    const QJsonObject quiet =
        eventJson(R"({"type": "chat.opened", "id": "e", "contact": {"tags": []}})");
    DispatchOptions options;
    options.explain = true;

    options.onlyRule = 0; // vip: the condition is false
    DispatchPlan result = plan(quiet, options);
    QCOMPARE(result.rules.size(), 1);
    QCOMPARE(result.rules.first().outcome, CompiledRuleSet::Outcome::ConditionFalse);
    QCOMPARE(result.rules.first().conditionMet, std::optional<bool>(false));
    QCOMPARE(result.deliveries().size(), 2);

    options.onlyRule = 2; // disabled, without a condition: it would fire
    result = plan(quiet, options);
    QCOMPARE(result.rules.first().outcome, CompiledRuleSet::Outcome::Disabled);
    QCOMPARE(result.rules.first().conditionMet, std::optional<bool>(true));
    QCOMPARE(result.deliveries().size(), 1);
    QCOMPARE(result.deliveries().first().ruleId, u"off"_s);

    options.onlyRule = 3; // another event: no condition is checked
    result = plan(quiet, options);
    QCOMPARE(result.rules.first().outcome, CompiledRuleSet::Outcome::OtherEvent);
    QVERIFY(!result.rules.first().conditionMet);
    QCOMPARE(result.deliveries().size(), 1);

    options.onlyRule = 99;
    QVERIFY(plan(quiet, options).rules.isEmpty());
}

void TestDispatch::givenIdsAreUsedInOrder()
{
    DispatchOptions options;
    options.onlyRule = 0;
    options.deliveryIds = {u"msg_first"_s, QString()};
    const DispatchPlan result = plan(eventJson(R"({"type": "chat.opened", "id": "e"})"), options);
    const QList<Delivery> deliveries = result.deliveries();
    QCOMPARE(deliveries.size(), 2);
    QCOMPARE(deliveries.at(0).id, u"msg_first"_s);
    QCOMPARE(deliveries.at(1).id, u"msg_1"_s); // an empty one is made new
}

void TestDispatch::explainTracesEveryCondition()
{
    DispatchOptions options;
    options.explain = true;
    options.traceLanguage = Language::Turkish;
    const DispatchPlan result = plan(eventJson(R"({"type": "chat.opened", "id": "e",
        "contact": {"tags": ["vıp"]}, "message": {"text": "yok"}})"),
                                     options);
    const RulePlan *vip = result.rule(0);
    const RulePlan *support = result.rule(1);
    QVERIFY(vip && support);
    QVERIFY(vip->matched()); // a Turkish set: "vıp" is "VIP" in lower case
    QCOMPARE(vip->trace.children.size(), std::size_t(1));
    QVERIFY(!support->matched());
    QCOMPARE(support->trace.children.size(), std::size_t(2));
    // Without explain, no trace is made.
    const DispatchPlan quick = plan(eventJson(R"({"type": "chat.opened", "id": "e",
        "contact": {"tags": ["VIP"]}})"));
    QVERIFY(quick.rule(0));
    QVERIFY(quick.rule(0)->trace.children.empty());
}

void TestDispatch::ruleThatCannotDecideBlocksTheEvent()
{
    // "not (matches ^(a+)+$|X$)": on 24 a's and an X the expression gives up. Before, that read
    // as "no", so the "not" fired and sent.
    const QByteArray json = R"({"format": "kanca.ruleset", "version": 1, "name": "risky",
        "locale": "en", "rules": [
        {"id": "plain", "name": "Plain", "when": "message.created",
         "then": [{"type": "webhook", "method": "POST", "url": "https://a.example/"}]},
        {"id": "risky", "name": "Risky", "when": "message.created",
         "if": {"not": {"field": "message.text", "op": "matches", "value": "^(a+)+$|X$"}},
         "then": [{"type": "webhook", "method": "POST", "url": "https://b.example/"}]}]})";
    const RuleSetLoader::Result loaded = RuleSetLoader::load(json, Catalog::builtIn());
    QVERIFY(loaded.compiled);
    QVERIFY(!hasErrors(loaded.problems));
    QCOMPARE(loaded.problems.size(), 1); // the warning about (a+)+
    QVERIFY(!loaded.problems.first().isError());
    QJsonObject event{{u"type"_s, u"message.created"_s}, {u"id"_s, u"m"_s}};
    event.insert(u"message"_s, QJsonObject{{u"text"_s, QString(QString(24, u'a') + u'X')}});

    for (const bool explain : {false, true}) {
        DispatchOptions options;
        options.explain = explain;
        const DispatchPlan result =
            Dispatcher(*loaded.compiled, m_secrets, fixedClock()).plan(event, options);
        const RulePlan *risky = result.rule(1);
        QVERIFY(risky);
        QCOMPARE(risky->outcome, CompiledRuleSet::Outcome::Undecided);
        QVERIFY(risky->actions.isEmpty());
        QCOMPARE(risky->problems.size(), 1);
        QCOMPARE(risky->problems.first().pointer, u"/rules/1/if/not"_s);
        QVERIFY2(risky->problems.first().message.contains(u"gave up (match limit)"_s),
                 qPrintable(risky->problems.first().message));
        // Nothing of the event is sent, not even the plain rule's delivery.
        QVERIFY(result.rule(0) && result.rule(0)->matched());
        QVERIFY(result.deliveries().isEmpty());
        QCOMPARE(result.blockingProblems().size(), 1);
    }
}

QTEST_GUILESS_MAIN(TestDispatch)
#include "tst_dispatch.moc"
