// Backtests: the events file read line by line (bad lines reported with their number and
// skipped), a rule set run against the shipped events, and a known edit compared with the
// version before it, the expected change computed here independently of the rule engine.
#include "backtest/Backtest.h"
#include "backtest/EventLines.h"
#include "catalog/Catalog.h"
#include "engine/RuleSetLoader.h"

#include <QBuffer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QSet>
#include <QTest>

using namespace Kanca;
using namespace Qt::StringLiterals;

namespace {

const QString Examples = QStringLiteral(KANCA_SOURCE_DIR "/resources/examples/");

QByteArray readAll(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    return file.readAll();
}

CompiledRuleSet compile(const QByteArray &json)
{
    RuleSetLoader::Result loaded = RuleSetLoader::load(json, Catalog::builtIn());
    if (!loaded.ok())
        qFatal("the rule set does not load");
    return std::move(*loaded.compiled);
}

// The example rule set with one keyword taken out of the support rule's "any".
QByteArray withoutKeyword(const QByteArray &json, const QString &ruleId, const QString &keyword)
{
    QJsonObject root = QJsonDocument::fromJson(json).object();
    QJsonArray rules = root.value(u"rules"_s).toArray();
    for (qsizetype i = 0; i < rules.size(); ++i) {
        QJsonObject rule = rules.at(i).toObject();
        if (rule.value(u"id"_s).toString() != ruleId)
            continue;
        QJsonObject condition = rule.value(u"if"_s).toObject();
        QJsonArray any = condition.value(u"any"_s).toArray();
        for (qsizetype j = any.size() - 1; j >= 0; --j) {
            if (any.at(j).toObject().value(u"value"_s).toString() == keyword)
                any.removeAt(j);
        }
        condition.insert(u"any"_s, any);
        rule.insert(u"if"_s, condition);
        rules.replace(i, rule);
    }
    root.insert(u"rules"_s, rules);
    return QJsonDocument(root).toJson();
}

} // namespace

class TestBacktest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void linesAreReadAndBadOnesSkipped();
    void anOverlongLineIsSkippedWithoutBeingHeld();
    void shippedEventsCoverEveryType();
    void identicalRuleSetsChangeNothing();
    void addingAKeywordChangesExactlyTheEventsWithIt();
    void cancelStopsEarly();
};

void TestBacktest::linesAreReadAndBadOnesSkipped()
{
    QByteArray text = "{\"type\":\"chat.opened\",\"id\":\"a\"}\n"
                      "\n"
                      "not json\n"
                      "{\"id\":\"no-type\"}\n"
                      "[1, 2]\n"
                      "{\"type\":\"chat.opened\",\"id\":\"d\",\"id\":\"dup\"}\r\n"
                      "{\"type\":\"chat.closed\",\"id\":\"last\"}"; // no newline at the end
    QBuffer buffer(&text);
    QVERIFY(buffer.open(QIODevice::ReadOnly));
    const EventLines::Result result = EventLines::read(buffer, Catalog::builtIn());
    QVERIFY(result.error.isEmpty());
    QCOMPARE(result.events.size(), 2);
    QCOMPARE(result.events.at(0).id(), u"a"_s);
    QCOMPARE(result.events.at(0).line, 1);
    QCOMPARE(result.events.at(1).id(), u"last"_s);
    QCOMPARE(result.events.at(1).line, 7);
    QCOMPARE(result.skippedCount, 4);
    QList<qint64> lines;
    for (const EventLines::Skipped &s : result.skipped)
        lines.append(s.line);
    QCOMPARE(lines, (QList<qint64>{3, 4, 5, 6}));
    QVERIFY2(result.skipped.at(0).message.contains(u"JSON"_s),
             qPrintable(result.skipped.at(0).message));
    QVERIFY(result.skipped.at(1).message.contains(u"\"type\""_s));
    QVERIFY(result.skipped.at(3).message.contains(u"duplicate"_s));
}

void TestBacktest::anOverlongLineIsSkippedWithoutBeingHeld()
{
    QByteArray text =
        "{\"type\":\"chat.opened\",\"id\":\"before\"}\n{\"type\":\"chat.opened\",\"x\":\"";
    text += QByteArray(EventLines::MaxLineBytes + 10, 'x');
    text += "\"}\n{\"type\":\"chat.opened\",\"id\":\"after\"}\n";
    QBuffer buffer(&text);
    QVERIFY(buffer.open(QIODevice::ReadOnly));
    const EventLines::Result result = EventLines::read(buffer, Catalog::builtIn());
    QCOMPARE(result.events.size(), 2);
    QCOMPARE(result.events.at(1).id(), u"after"_s);
    QCOMPARE(result.events.at(1).line, 3);
    QCOMPARE(result.skippedCount, 1);
    QCOMPARE(result.skipped.at(0).line, 2);
    QVERIFY(result.skipped.at(0).message.contains(u"longer than"_s));
}

void TestBacktest::shippedEventsCoverEveryType()
{
    const EventLines::Result result =
        EventLines::readFile(Examples + u"events.jsonl"_s, Catalog::builtIn());
    QVERIFY(result.error.isEmpty());
    QCOMPARE(result.skippedCount, 0);
    QVERIFY(result.events.size() >= 5000);
    QSet<QString> types;
    QSet<QString> ids;
    int turkish = 0;
    for (const EventLines::Event &e : result.events) {
        types.insert(e.event.toJson().value(u"type"_s).toString());
        ids.insert(e.id());
        const QString name =
            e.event.toJson().value(u"contact"_s).toObject().value(u"fullname"_s).toString();
        if (name.contains(QRegularExpression(u"[çğıöşüÇĞİÖŞÜ]"_s)))
            ++turkish;
    }
    QCOMPARE(ids.size(), result.events.size()); // every id once
    for (const QString &type : Catalog::builtIn().eventIds())
        QVERIFY2(types.contains(type), qPrintable(type));
    QVERIFY(turkish > 500);
}

void TestBacktest::identicalRuleSetsChangeNothing()
{
    const QByteArray json = readAll(Examples + u"supsis-examples.kanca.json"_s);
    const CompiledRuleSet now = compile(json);
    const CompiledRuleSet before = compile(json);
    const EventLines::Result events =
        EventLines::readFile(Examples + u"events.jsonl"_s, Catalog::builtIn());
    const BacktestReport report = Backtest(now, &before).run(events.events, {});
    QCOMPARE(report.events, events.events.size());
    QVERIFY(report.compared);
    QCOMPARE(report.changedRules(), 0);
    qint64 matched = 0;
    for (const BacktestReport::Rule &r : report.rules) {
        QCOMPARE(r.matchedBefore, r.matched);
        QVERIFY(r.inAfter && r.inBefore);
        QVERIFY(r.matched <= r.seen);
        matched += r.matched;
    }
    QVERIFY(matched > 0);
    const QJsonObject json2 = report.toJson();
    QCOMPARE(json2.value(u"changedRules"_s).toInt(), 0);
    QCOMPARE(json2.value(u"rules"_s).toArray().size(), report.rules.size());
}

void TestBacktest::addingAKeywordChangesExactlyTheEventsWithIt()
{
    // The support rule now: "hata", "çalışmıyor" or "destek" in the first message (Turkish
    // comparison); before: without "destek". What newly matches is exactly the chat.opened
    // events whose first message has "destek" (in any case) and neither of the others.
    const QByteArray json = readAll(Examples + u"supsis-examples.kanca.json"_s);
    const CompiledRuleSet now = compile(json);
    const CompiledRuleSet before =
        compile(withoutKeyword(json, u"support-to-tickets"_s, u"destek"_s));
    const EventLines::Result events =
        EventLines::readFile(Examples + u"events.jsonl"_s, Catalog::builtIn());

    const QLocale turkish(QLocale::Turkish, QLocale::Turkey);
    QStringList expected;
    for (const EventLines::Event &e : events.events) {
        if (e.event.toJson().value(u"type"_s).toString() != u"chat.opened")
            continue;
        const QString text = turkish.toLower(e.event.toJson()
                                                 .value(u"conversation"_s)
                                                 .toObject()
                                                 .value(u"firstMessage"_s)
                                                 .toString());
        if (text.contains(u"destek"_s) && !text.contains(u"hata"_s)
            && !text.contains(u"çalışmıyor"_s)) {
            expected.append(e.id());
        }
    }
    QVERIFY2(expected.size() > 10, "the shipped events have such messages");

    Backtest::Options options;
    options.examples = 100'000;
    options.traceLanguage = Language::Turkish;
    const BacktestReport report = Backtest(now, &before).run(events.events, options);
    QCOMPARE(report.changedRules(), 1);
    const auto support = std::find_if(report.rules.cbegin(), report.rules.cend(),
                                      [](const auto &r) { return r.id == u"support-to-tickets"; });
    QVERIFY(support != report.rules.cend());
    QCOMPARE(support->noLongerMatched, 0);
    QCOMPARE(support->newlyMatched, expected.size());
    QStringList got;
    for (const BacktestReport::Example &e : support->newly)
        got.append(e.eventId);
    QCOMPARE(got, expected); // the same events, in event order
    QCOMPARE(support->matched - support->matchedBefore, qint64(expected.size()));

    // Each example explains itself: matched now through "destek", not before.
    const BacktestReport::Example &first = support->newly.constFirst();
    QCOMPARE(first.after, CompiledRuleSet::Outcome::Matched);
    QCOMPARE(first.before, CompiledRuleSet::Outcome::ConditionFalse);
    QVERIFY(first.traceAfter.result);
    QCOMPARE(first.traceAfter.children.size(), std::size_t(3));
    QVERIFY(first.traceAfter.children.at(2).result);
    QVERIFY(first.traceAfter.children.at(2).explanation.contains(u"destek"_s));
    QCOMPARE(first.traceBefore.children.size(), std::size_t(2));
    QVERIFY(!first.traceBefore.result);

    // The other direction: the same events no longer match, and only those.
    const BacktestReport reverse = Backtest(before, &now).run(events.events, options);
    const auto back = std::find_if(reverse.rules.cbegin(), reverse.rules.cend(),
                                   [](const auto &r) { return r.id == u"support-to-tickets"; });
    QCOMPARE(back->noLongerMatched, expected.size());
    QCOMPARE(back->newlyMatched, 0);

    // One thread or several: the same report.
    Backtest::Options single = options;
    single.threads = 1;
    const BacktestReport one = Backtest(now, &before).run(events.events, single);
    QCOMPARE(QJsonDocument(one.toJson()).toJson(), QJsonDocument(report.toJson()).toJson());
}

void TestBacktest::cancelStopsEarly()
{
    const QByteArray json = readAll(Examples + u"supsis-examples.kanca.json"_s);
    const CompiledRuleSet now = compile(json);
    const EventLines::Result events =
        EventLines::readFile(Examples + u"events.jsonl"_s, Catalog::builtIn());
    std::atomic<bool> cancel{true};
    std::atomic<qint64> done{0};
    const BacktestReport report = Backtest(now).run(events.events, {}, &cancel, &done);
    QVERIFY(report.cancelled);
    QCOMPARE(report.events, 0);
    QCOMPARE(done.load(), 0);
    QVERIFY(report.toJson().value(u"cancelled"_s).toBool());
}

QTEST_GUILESS_MAIN(TestBacktest)
#include "tst_backtest.moc"
