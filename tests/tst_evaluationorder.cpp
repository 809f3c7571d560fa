// A group's members are evaluated cheapest first when no trace is asked for
// (conditions/EvaluationOrder), and the verdict is the one the traced evaluation gives, which
// goes in the order written and evaluates every member.

#include "catalog/Catalog.h"
#include "conditions/CompiledCondition.h"
#include "conditions/CompiledConditionNode.h"
#include "conditions/ConditionCompiler.h"
#include "conditions/ConditionTrace.h"
#include "event/EventContext.h"
#include "event/FieldPath.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTest>

#include <algorithm>
#include <memory>

using namespace Kanca;
using namespace Qt::StringLiterals;

namespace {

Condition leaf(const QString &field, Operator op, const QJsonValue &value)
{
    return Condition::leaf(field, op, value);
}

// The compiled tree of `condition`, with no problem.
std::unique_ptr<CompiledConditionNode> compiled(const Condition &condition)
{
    Problems problems;
    auto node = std::make_unique<CompiledConditionNode>();
    ConditionCompiler(Catalog::builtIn(), Language::Turkish, &problems)
        .compile(condition, u"/rules/0/if"_s, 1, *node);
    for (const Problem &problem : std::as_const(problems)) {
        if (problem.isError())
            qWarning() << "unexpected problem:" << problem.pointer << problem.message;
    }
    return node;
}

const QString Score = u"contact.score"_s;
const QString Platform = u"contact.platform"_s;
const QString Tags = u"contact.tags"_s;
const QString City = u"contact.city"_s;
const QString FirstMessage = u"conversation.firstMessage"_s;
const QString Text = u"message.text"_s;

// PCRE gives up on this expression over the long run of "a" below: the leaf is undecided.
const QString GivesUp = u"^(a+)+$|X$"_s;

} // namespace

class TestEvaluationOrder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cheapestFirst();
    void equalsKeepTheirOrderAndAnOrderedGroupKeepsNone();
    void cheapMemberSparesTheCostlyOne();
    void verdictIsTheTracedOne();
};

void TestEvaluationOrder::cheapestFirst()
{
    std::vector<Condition> inner;
    inner.push_back(leaf(FirstMessage, Operator::Matches, u"ödeme|payment"_s));
    inner.push_back(leaf(Text, Operator::Contains, u"teşekkür"_s));
    std::vector<Condition> members;
    members.push_back(Condition::any(std::move(inner)));                      // 8 + 2
    members.push_back(leaf(Platform, Operator::Equals, u"Email"_s));          // 2
    members.push_back(leaf(Score, Operator::AtLeast, 43));                    // 1
    members.push_back(leaf(Tags, Operator::Contains, u"B2B"_s));              // 3
    members.push_back(leaf(Text, Operator::Matches, u"\\d{5}"_s));            // 8
    members.push_back(Condition::negate(leaf(Score, Operator::LessThan, 9))); // 1
    const auto root = compiled(Condition::all(std::move(members)));

    const std::vector<std::uint32_t> expected{2, 5, 1, 3, 4, 0};
    QCOMPARE(root->order, expected);
    QCOMPARE(root->cost, quint32(10 + 2 + 1 + 3 + 8 + 1));
    QCOMPARE(root->children[0].cost, quint32(10));
    QCOMPARE(root->children[5].cost, quint32(1)); // a "not" costs what its member does
    QCOMPARE(root->children[0].order, (std::vector<std::uint32_t>{1, 0})); // contains first
}

void TestEvaluationOrder::equalsKeepTheirOrderAndAnOrderedGroupKeepsNone()
{
    {
        std::vector<Condition> members;
        members.push_back(leaf(City, Operator::Equals, u"İzmir"_s));
        members.push_back(leaf(Platform, Operator::Equals, u"Email"_s));
        members.push_back(leaf(Score, Operator::AtMost, 80));
        members.push_back(leaf(City, Operator::Equals, u"Ankara"_s));
        const auto root = compiled(Condition::any(std::move(members)));
        QCOMPARE(root->order, (std::vector<std::uint32_t>{2, 0, 1, 3}));
    }
    {
        std::vector<Condition> members;
        members.push_back(leaf(Score, Operator::AtMost, 80));
        members.push_back(leaf(Platform, Operator::Equals, u"Email"_s));
        members.push_back(leaf(Platform, Operator::Equals, u"SMS"_s));
        members.push_back(leaf(Text, Operator::Matches, u"kargo"_s));
        const auto root = compiled(Condition::all(std::move(members)));
        QVERIFY(root->order.empty()); // evaluated as written
        QCOMPARE(root->cost, quint32(1 + 2 + 2 + 8));
    }
}

void TestEvaluationOrder::cheapMemberSparesTheCostlyOne()
{
    // An expression written first in an "all" is not searched when the platform, evaluated
    // first, is not the one asked for: the event's context derives nothing from the message
    // (EventContext::remembered, every kind conditions use). When the platform is the one, it
    // is searched, and the context remembers the message's text.
    const FieldPath message(FirstMessage);
    const auto derivedFromMessage = [&](const EventContext &context) {
        for (int kind = EventContext::ConditionKinds; kind < EventContext::ConditionKinds + 64;
             ++kind) {
            if (context.remembered(message, kind))
                return true;
        }
        return false;
    };
    const QJsonObject event{
        {u"type"_s, u"message.created"_s},
        {u"contact"_s, QJsonObject{{u"platform"_s, u"Telegram"_s}}},
        {u"conversation"_s, QJsonObject{{u"firstMessage"_s, u"ödeme yapıldı"_s}}}};
    for (const QString &platform : {u"Email"_s, u"Telegram"_s}) {
        std::vector<Condition> members;
        members.push_back(leaf(FirstMessage, Operator::Matches, u"ödeme|payment"_s));
        members.push_back(leaf(Platform, Operator::Equals, platform));
        Problems problems;
        const CompiledCondition condition =
            CompiledCondition::compile(Condition::all(std::move(members)), Language::Turkish,
                                       Catalog::builtIn(), u"/rules/0/if"_s, &problems);
        QVERIFY(problems.isEmpty());
        const EventContext context(event);
        const bool telegram = platform == u"Telegram";
        QCOMPARE(condition.evaluate(context),
                 telegram ? ConditionVerdict::True : ConditionVerdict::False);
        QCOMPARE(derivedFromMessage(context), telegram);
    }
}

void TestEvaluationOrder::verdictIsTheTracedOne()
{
    // Random trees of leaves, some undecided, true or false on random events: the untraced
    // verdict, members cheapest first and stopping at the first that decides, is the traced
    // one, every member as written. In both languages; undecided, true and false verdicts all
    // come up, and most groups are reordered.
    const QList<Condition> leaves{
        leaf(Score, Operator::AtLeast, 43),
        leaf(Score, Operator::LessThan, 20),
        leaf(Platform, Operator::Equals, u"Email"_s),
        leaf(Platform, Operator::NotEquals, u"Telegram"_s),
        leaf(City, Operator::Equals, u"İzmir"_s),
        leaf(Tags, Operator::Contains, u"B2B"_s),
        leaf(Tags, Operator::NotContains, u"VIP"_s),
        leaf(FirstMessage, Operator::Matches, GivesUp),
        leaf(FirstMessage, Operator::Matches, u"ödeme|payment"_s),
        leaf(FirstMessage, Operator::Contains, u"ÖDEME"_s),
        leaf(Text, Operator::Matches, u"(sipariş|order)\\s*#?\\d{4,}"_s),
        leaf(Text, Operator::IsEmpty, QJsonValue::Undefined),
        leaf(Text, Operator::Matches, GivesUp),
    };

    const QString longRun = QString(24, u'a') + u'X';
    const QList<QJsonValue> scores{QJsonValue::Undefined, 10, 50, u"yok"_s};
    const QList<QJsonValue> platforms{QJsonValue::Undefined, u"Email"_s, u"Telegram"_s};
    const QList<QJsonValue> tags{QJsonValue::Undefined, QJsonArray{}, QJsonArray{u"B2B"_s},
                                 QJsonArray{u"b2b"_s, u"VIP"_s}};
    const QList<QJsonValue> cities{QJsonValue::Undefined, u"İZMİR"_s, u"Ankara"_s};
    const QList<QJsonValue> firstMessages{QJsonValue::Undefined, longRun, u"Ödeme yapıldı"_s,
                                          u"PAYMENT failed"_s};
    const QList<QJsonValue> texts{QJsonValue::Undefined, u"order #12345"_s, u"merhaba"_s, longRun};

    QRandomGenerator random(20261207);
    const auto pick = [&](const auto &from) { return from.at(random.bounded(from.size())); };
    // Half the leaves picked may give up (on the events that have the long run).
    const auto pickLeaf = [&] {
        if (random.bounded(2) == 0)
            return leaves.at(random.bounded(2) == 0 ? 7 : 12);
        return pick(leaves);
    };
    const auto put = [](QJsonObject &object, const QString &key, const QJsonValue &value) {
        if (!value.isUndefined())
            object.insert(key, value);
    };
    std::vector<QJsonObject> events;
    for (int i = 0; i < 16; ++i) {
        QJsonObject contact;
        put(contact, u"score"_s, pick(scores));
        put(contact, u"platform"_s, pick(platforms));
        put(contact, u"tags"_s, pick(tags));
        put(contact, u"city"_s, pick(cities));
        QJsonObject conversation;
        put(conversation, u"firstMessage"_s, pick(firstMessages));
        QJsonObject message;
        put(message, u"text"_s, pick(texts));
        events.push_back(QJsonObject{{u"type"_s, u"message.created"_s},
                                     {u"contact"_s, contact},
                                     {u"conversation"_s, conversation},
                                     {u"message"_s, message}});
    }

    const std::function<Condition(int)> tree = [&](int depth) -> Condition {
        const quint32 shape = random.bounded(depth >= 4 ? 1 : 5);
        if (shape == 0)
            return pickLeaf();
        if (shape == 4)
            return Condition::negate(tree(depth + 1));
        std::vector<Condition> members;
        for (int n = int(random.bounded(1, 6)); n > 0; --n)
            members.push_back(tree(depth + 1));
        return shape % 2 ? Condition::all(std::move(members)) : Condition::any(std::move(members));
    };
    const std::function<int(const CompiledConditionNode &)> reordered =
        [&](const CompiledConditionNode &node) {
            int count = node.order.empty() ? 0 : 1;
            for (const CompiledConditionNode &child : node.children)
                count += reordered(child);
            return count;
        };

    int verdicts[3] = {0, 0, 0};
    int groupsReordered = 0;
    for (const Language language : {Language::Turkish, Language::English}) {
        // One context per event for each side, as for the rules of a rule set.
        std::vector<EventContext> untraced;
        std::vector<EventContext> traced;
        for (const QJsonObject &event : events) {
            untraced.emplace_back(event);
            traced.emplace_back(event);
        }
        for (int round = 0; round < 400; ++round) {
            const Condition condition = tree(1);
            Problems problems;
            const CompiledCondition compiledCondition = CompiledCondition::compile(
                condition, language, Catalog::builtIn(), u"/rules/0/if"_s, &problems);
            // "(a+)+" is warned about (PatternRisk); nothing else is a problem.
            QVERIFY(std::none_of(problems.cbegin(), problems.cend(),
                                 [](const Problem &p) { return p.isError(); }));
            groupsReordered += reordered(*compiled(condition));
            for (std::size_t e = 0; e < events.size(); ++e) {
                ConditionTrace trace;
                const ConditionVerdict expected =
                    compiledCondition.evaluate(traced[e], &trace, Language::English);
                const ConditionVerdict verdict = compiledCondition.evaluate(untraced[e]);
                QVERIFY2(verdict == expected,
                         qPrintable(u"round %1, event %2: %3 against %4 traced"_s.arg(round)
                                        .arg(e)
                                        .arg(int(verdict))
                                        .arg(int(expected))));
                ++verdicts[int(verdict)];
            }
        }
    }
    qInfo("verdicts false/true/undecided: %d / %d / %d; groups reordered: %d", verdicts[0],
          verdicts[1], verdicts[2], groupsReordered);
    for (const int count : verdicts)
        QVERIFY(count > 300);
    QVERIFY(groupsReordered > 300);
}

QTEST_GUILESS_MAIN(TestEvaluationOrder)
#include "tst_evaluationorder.moc"
