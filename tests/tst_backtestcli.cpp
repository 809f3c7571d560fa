// kanca backtest run as a process: the table and the JSON on the shipped events, a comparison
// with an identical and with an edited rule set, a malformed line (reported with its number,
// skipped, counted), the events a server kept in its history (a SQLite file, and a PostgreSQL
// database on KANCA_TEST_PG_URL: see support/PostgresTestDatabase.h), one that cannot be reached,
// and the usage errors.
#include "outbox/OpenStorage.h"
#include "support/ExplainedExit.h"
#include "support/PostgresTestDatabase.h"

#include <QDateTime>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Kanca::Testing;
using namespace Qt::StringLiterals;

namespace {

const QString Examples = QStringLiteral(KANCA_SOURCE_DIR "/resources/examples/");
const QString RuleSet = Examples + u"supsis-examples.kanca.json"_s;
const QString Events = Examples + u"events.jsonl"_s;

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QString err;
};

Run kanca(const QStringList &arguments)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"LC_ALL"_s, u"C.UTF-8"_s);
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(KANCA_EXECUTABLE), QStringList{u"backtest"_s} + arguments);
    if (!process.waitForFinished(60'000))
        process.kill();
    Run run{process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2,
            process.readAllStandardOutput(), QString::fromUtf8(process.readAllStandardError())};
    requireExplainedExit(arguments, run.exitCode, run.err);
    return run;
}

// The first 300 shipped events, accepted into the history `where` a minute apart from
// 2026-11-01T00:00Z; the number of them received from 01:00 to 03:00 (120) per type.
QHash<QString, int> fillHistory(const QString &where, QString *error)
{
    QHash<QString, int> perType;
    std::unique_ptr<Kanca::OutboxStorage> storage = Kanca::OpenStorage::open(where, {}, error);
    QFile file(Events);
    if (!storage || !file.open(QIODevice::ReadOnly))
        return perType;
    const QDateTime start(QDate(2026, 11, 1), QTime(0, 0), Qt::UTC);
    QList<Kanca::EventStore::IncomingEvent> incoming;
    for (int i = 0; i < 300 && !file.atEnd(); ++i) {
        const QJsonObject event = QJsonDocument::fromJson(file.readLine()).object();
        const QString type = event.value(u"type"_s).toString();
        incoming.append({event.value(u"id"_s).toString(),
                         type,
                         start.addSecs(60 * i),
                         QJsonDocument(event).toJson(QJsonDocument::Compact),
                         u"test"_s,
                         {}});
        if (i >= 60 && i < 180)
            ++perType[type];
    }
    if (!storage->acceptEvents(incoming, nullptr, error))
        perType.clear();
    return perType;
}

// `kanca backtest --db where` from 01:00 to 03:00: the 120 events, each rule seeing those of its
// type.
void checkKeptEvents(const QString &where, const QHash<QString, int> &perType)
{
    const Run run = kanca({RuleSet, u"--db"_s, where, u"--since"_s, u"2026-11-01T01:00:00Z"_s,
                           u"--until"_s, u"2026-11-01T03:00:00Z"_s, u"--json"_s});
    QCOMPARE(run.exitCode, 0);
    const QJsonObject report = QJsonDocument::fromJson(run.out).object();
    QCOMPARE(report.value(u"events"_s).toInt(), 120);
    QCOMPARE(report.value(u"source"_s).toString(), where);
    const QJsonArray rules = report.value(u"rules"_s).toArray();
    QCOMPARE(rules.size(), 8);
    int seen = 0;
    for (const QJsonValue &rule : rules) {
        const QString type = rule.toObject().value(u"when"_s).toString();
        QCOMPARE(rule.toObject().value(u"seen"_s).toInt(), perType.value(type));
        seen += perType.value(type);
    }
    QVERIFY(seen > 0);
}

} // namespace

class TestBacktestCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void tableOfTheShippedEvents();
    void jsonAgainstAnEditedRuleSet();
    void malformedLinesAreSkippedAndCounted();
    void eventsKeptInASqliteHistory();
    void eventsKeptInAServersPostgresHistory();
    void aServerThatCannotBeReached();
    void usageAndInputErrors_data();
    void usageAndInputErrors();

private:
    QTemporaryDir m_dir;
};

void TestBacktestCli::tableOfTheShippedEvents()
{
    const Run run = kanca({RuleSet, u"--events"_s, Events});
    QCOMPARE(run.exitCode, 0);
    const QString out = QString::fromUtf8(run.out);
    QVERIFY2(out.contains(u"5,000 events"_s), qPrintable(out));
    QVERIFY(out.contains(u"support-to-tickets"_s));
    QVERIFY(out.contains(u"Matched"_s));
    QVERIFY(!out.contains(u"newly match"_s)); // nothing compared
}

void TestBacktestCli::jsonAgainstAnEditedRuleSet()
{
    // Identical: no change.
    Run run = kanca({RuleSet, u"--events"_s, Events, u"--against"_s, RuleSet, u"--json"_s});
    QCOMPARE(run.exitCode, 0);
    QJsonObject report = QJsonDocument::fromJson(run.out).object();
    QCOMPARE(report.value(u"events"_s).toInt(), 5000);
    QCOMPARE(report.value(u"changedRules"_s).toInt(), 0);

    // The VIP rule's tag removed from the old version: every VIP chat newly matches.
    QFile original(RuleSet);
    QVERIFY(original.open(QIODevice::ReadOnly));
    QByteArray json = original.readAll();
    QJsonObject root = QJsonDocument::fromJson(json).object();
    QJsonArray rules = root.value(u"rules"_s).toArray();
    QJsonObject vip = rules.at(1).toObject();
    QCOMPARE(vip.value(u"id"_s).toString(), u"vip-to-slack"_s);
    vip.remove(u"if"_s); // before: every chat.opened matched
    rules.replace(1, vip);
    root.insert(u"rules"_s, rules);
    const QString old = m_dir.filePath(u"old.kanca.json"_s);
    QFile file(old);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QJsonDocument(root).toJson());
    file.close();

    run = kanca(
        {RuleSet, u"--events"_s, Events, u"--against"_s, old, u"--json"_s, u"--limit"_s, u"3"_s});
    QCOMPARE(run.exitCode, 0);
    report = QJsonDocument::fromJson(run.out).object();
    QCOMPARE(report.value(u"changedRules"_s).toInt(), 1);
    const QJsonObject changed = report.value(u"rules"_s).toArray().at(1).toObject();
    QCOMPARE(changed.value(u"id"_s).toString(), u"vip-to-slack"_s);
    QCOMPARE(changed.value(u"newlyMatched"_s).toInt(), 0);
    const int gone = changed.value(u"noLongerMatched"_s).toInt();
    QCOMPARE(gone, changed.value(u"seen"_s).toInt() - changed.value(u"matched"_s).toInt());
    const QJsonArray examples = changed.value(u"noLongerMatchedEvents"_s).toArray();
    QCOMPARE(examples.size(), 3);
    QCOMPARE(examples.at(0).toObject().value(u"after"_s).toString(), u"condition-false"_s);
    QCOMPARE(examples.at(0).toObject().value(u"before"_s).toString(), u"matched"_s);
    QVERIFY(examples.at(0).toObject().value(u"line"_s).toInt() > 0);
    QVERIFY(!examples.at(0).toObject().value(u"traceAfter"_s).toObject().isEmpty());

    // The same as a table, with the trace in the rule set's language (Turkish).
    run = kanca({RuleSet, u"--events"_s, Events, u"--against"_s, old, u"--limit"_s, u"1"_s});
    const QString out = QString::fromUtf8(run.out);
    QVERIFY2(out.contains(u"events no longer match; the first 1:"_s), qPrintable(out));
    QVERIFY(out.contains(u"✗"_s));
}

void TestBacktestCli::malformedLinesAreSkippedAndCounted()
{
    const QString path = m_dir.filePath(u"events.jsonl"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(
        "{\"type\":\"chat.opened\",\"id\":\"a\",\"conversation\":{\"firstMessage\":\"hata var\"}}\n"
        "{\"type\": \n"
        "{\"type\":\"chat.opened\",\"id\":\"c\"}\n");
    file.close();
    const Run run = kanca({RuleSet, u"--events"_s, path, u"--json"_s});
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.err.contains(path + u":2: "_s), qPrintable(run.err));
    const QJsonObject report = QJsonDocument::fromJson(run.out).object();
    QCOMPARE(report.value(u"events"_s).toInt(), 2);
    QCOMPARE(report.value(u"skippedLines"_s).toInt(), 1);
}

void TestBacktestCli::eventsKeptInASqliteHistory()
{
    const QString path = m_dir.filePath(u"history.sqlite"_s);
    QString error;
    const QHash<QString, int> perType = fillHistory(path, &error);
    QVERIFY2(!perType.isEmpty(), qPrintable(error));
    checkKeptEvents(path, perType);
}

void TestBacktestCli::eventsKeptInAServersPostgresHistory()
{
    KANCA_POSTGRES_DATABASE(url, u"kanca_backtestcli"_s);
    QString error;
    const QHash<QString, int> perType = fillHistory(url, &error);
    QVERIFY2(!perType.isEmpty(), qPrintable(error));
    checkKeptEvents(url, perType);
    PostgresTestDatabase::drop(u"kanca_backtestcli"_s);
}

// A server that cannot be reached: exit 1, the server (its password masked) and why.
void TestBacktestCli::aServerThatCannotBeReached()
{
    const Run away = kanca({RuleSet, u"--db"_s, u"postgresql://kanca:secret@127.0.0.1:1/kanca"_s});
    QCOMPARE(away.exitCode, 1);
    QVERIFY2(away.err.contains(u"postgresql://kanca:***@127.0.0.1:1/kanca"_s),
             qPrintable(away.err));
    QVERIFY2(away.err.contains(u"refused"_s, Qt::CaseInsensitive), qPrintable(away.err));
    QVERIFY(!away.err.contains(u"secret"_s));
}

void TestBacktestCli::usageAndInputErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("message");
    QTest::newRow("no events") << QStringList{RuleSet} << 2 << u"--events"_s;
    QTest::newRow("both sources") << QStringList{RuleSet, u"--events"_s, Events, u"--db"_s, u"x"_s}
                                  << 2 << u"either"_s;
    QTest::newRow("since without db")
        << QStringList{RuleSet, u"--events"_s, Events, u"--since"_s, u"1d"_s} << 2 << u"--db"_s;
    QTest::newRow("bad limit") << QStringList{RuleSet, u"--events"_s, Events, u"--limit"_s, u"x"_s}
                               << 2 << u"--limit"_s;
    QTest::newRow("missing events file")
        << QStringList{RuleSet, u"--events"_s, u"/nonexistent/events.jsonl"_s} << 1
        << u"/nonexistent/events.jsonl"_s;
    QTest::newRow("invalid rule set")
        << QStringList{Events, u"--events"_s, Events} << 1 << u"events.jsonl"_s;
}

void TestBacktestCli::usageAndInputErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    QFETCH(QString, message);
    const Run run = kanca(arguments);
    QCOMPARE(run.exitCode, exitCode);
    QVERIFY2(run.err.contains(message), qPrintable(run.err));
}

QTEST_GUILESS_MAIN(TestBacktestCli)
#include "tst_backtestcli.moc"
