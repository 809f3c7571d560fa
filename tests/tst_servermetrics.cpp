// The server's metrics (Prometheus text format), its log, and the per-destination circuit
// breaker.
#include "delivery/CircuitBreaker.h"
#include "server/Metrics.h"
#include "server/ServerLog.h"
#include "server/ServerMetrics.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>
#include <QThread>

#include <cstdio>
#include <memory>

using namespace Kanca;
using namespace Qt::StringLiterals;

class TestServerMetrics : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void countersGaugesAndLabels();
    void histogramBucketsAreCumulative();
    void labelValuesAreEscaped();
    void onlyTheRunningRuleSetIsExposed();
    void breakerOpensAfterConsecutiveFailures();
    void probeDecidesAndCoolDownDoubles();
    void successResetsTheCount();
    void logLinesOfATurnAreWrittenTogether();
    void logWarningsAndErrorsAreWrittenAtOnce();
    void logFromAnotherThreadIsWrittenAtOnce();
    void aLogLineIsOneJsonObjectWithEveryField();
};

namespace {

// A temporary file for a log to write to, closed when it goes (after the log, declared later).
using Stream = std::unique_ptr<FILE, int (*)(FILE *)>;
Stream temporaryStream()
{
    return Stream(std::tmpfile(), &std::fclose);
}

// Everything written to the stream so far.
QByteArray bytesOf(FILE *stream)
{
    std::fflush(stream);
    const long size = std::ftell(stream);
    QByteArray bytes(size, '\0');
    std::rewind(stream);
    const std::size_t read = std::fread(bytes.data(), 1, std::size_t(size), stream);
    std::fseek(stream, 0, SEEK_END);
    bytes.truncate(qsizetype(read));
    return bytes;
}

// What a stream written by the log holds now, line by line.
QList<QJsonObject> linesOf(FILE *stream)
{
    QList<QJsonObject> lines;
    for (const QByteArray &line : bytesOf(stream).split('\n')) {
        if (!line.isEmpty())
            lines.append(QJsonDocument::fromJson(line).object());
    }
    return lines;
}

QStringList messagesOf(FILE *stream)
{
    QStringList messages;
    for (const QJsonObject &line : linesOf(stream))
        messages.append(line.value(u"msg"_s).toString());
    return messages;
}

} // namespace

void TestServerMetrics::countersGaugesAndLabels()
{
    Metrics metrics;
    Metrics::Family &received = metrics.counter(u"kanca_events_received_total"_s, u"Events."_s);
    received.at().add();
    received.at().add(2);
    Metrics::Family &rejected =
        metrics.counter(u"kanca_events_rejected_total"_s, u"Rejected events."_s, {u"reason"_s});
    rejected.at({u"invalid"_s}).add();
    rejected.at({u"auth"_s}).add(4);
    QCOMPARE(&metrics.counter(u"kanca_events_received_total"_s, QString()), &received);
    metrics.gaugeFromCallback(u"kanca_outbox_depth"_s, u"Pending deliveries."_s, {}, [] {
        return QList<QPair<QStringList, double>>{{{}, 17}};
    });
    QCOMPARE(rejected.total(), 5.0);
    QCOMPARE(metrics.exposition(),
             QByteArray("# HELP kanca_events_received_total Events.\n"
                        "# TYPE kanca_events_received_total counter\n"
                        "kanca_events_received_total 3\n"
                        "# HELP kanca_events_rejected_total Rejected events.\n"
                        "# TYPE kanca_events_rejected_total counter\n"
                        "kanca_events_rejected_total{reason=\"auth\"} 4\n"
                        "kanca_events_rejected_total{reason=\"invalid\"} 1\n"
                        "# HELP kanca_outbox_depth Pending deliveries.\n"
                        "# TYPE kanca_outbox_depth gauge\n"
                        "kanca_outbox_depth 17\n"));
}

void TestServerMetrics::histogramBucketsAreCumulative()
{
    Metrics metrics;
    Metrics::Family &duration = metrics.histogram(u"kanca_attempt_duration_seconds"_s,
                                                  u"Attempt durations."_s, {0.1, 1, 0.01});
    for (const double seconds : {0.005, 0.05, 0.5, 5.0, 0.01})
        duration.histogramAt().observe(seconds);
    QCOMPARE(metrics.exposition(),
             QByteArray("# HELP kanca_attempt_duration_seconds Attempt durations.\n"
                        "# TYPE kanca_attempt_duration_seconds histogram\n"
                        "kanca_attempt_duration_seconds_bucket{le=\"0.01\"} 2\n"
                        "kanca_attempt_duration_seconds_bucket{le=\"0.1\"} 3\n"
                        "kanca_attempt_duration_seconds_bucket{le=\"1\"} 4\n"
                        "kanca_attempt_duration_seconds_bucket{le=\"+Inf\"} 5\n"
                        "kanca_attempt_duration_seconds_sum 5.5649999999999995\n"
                        "kanca_attempt_duration_seconds_count 5\n"));
}

void TestServerMetrics::labelValuesAreEscaped()
{
    Metrics metrics;
    metrics.gauge(u"g"_s, u"a \\ help\nline"_s, {u"host"_s}).at({u"a\"b\\c\nd"_s}).set(1.5);
    QCOMPARE(metrics.exposition(), QByteArray("# HELP g a \\\\ help\\nline\n# TYPE g gauge\n"
                                              "g{host=\"a\\\"b\\\\c\\nd\"} 1.5\n"));
}

void TestServerMetrics::onlyTheRunningRuleSetIsExposed()
{
    ServerMetrics metrics;
    metrics.ruleSetLoaded(u"aaaa"_s);
    metrics.reloaded(true);
    metrics.ruleSetLoaded(u"bbbb"_s);
    const QByteArray text = metrics.exposition();
    QVERIFY(text.contains("kanca_rule_set_info{hash=\"bbbb\"} 1\n"));
    QVERIFY(!text.contains("aaaa"));
    QVERIFY(text.contains("kanca_reloads_total{result=\"success\"} 1\n"));
    QVERIFY(text.contains("kanca_requests_refused_total{reason=\"unauthorized\"} 0\n"));
}

void TestServerMetrics::breakerOpensAfterConsecutiveFailures()
{
    CircuitBreaker breaker;
    breaker.setSettings({3, 1000, 8000});
    const QString down = u"https://down.example:443"_s;
    const QString up = u"https://up.example:443"_s;
    QVERIFY(!breaker.recordFailure(down, 0));
    QVERIFY(!breaker.recordFailure(down, 0));
    QVERIFY(breaker.allows(down, 0));
    QVERIFY(breaker.recordFailure(down, 100)); // the third: it opens
    QCOMPARE(breaker.state(down), CircuitBreaker::State::Open);
    QCOMPARE(breaker.reopensAt(down), qint64(1100));
    QVERIFY(!breaker.allows(down, 1099));
    QVERIFY(breaker.allows(up, 500)); // others are not held up
    QCOMPARE(breaker.states().size(), 1);
}

void TestServerMetrics::probeDecidesAndCoolDownDoubles()
{
    CircuitBreaker breaker;
    breaker.setSettings({1, 1000, 3000});
    const QString host = u"http://h:80"_s;
    QVERIFY(breaker.recordFailure(host, 0));
    QVERIFY(breaker.allows(host, 1000)); // the probe
    QCOMPARE(breaker.state(host), CircuitBreaker::State::HalfOpen);
    QVERIFY(!breaker.allows(host, 1000));       // only one
    QVERIFY(breaker.recordFailure(host, 1500)); // failed: twice as long
    QCOMPARE(breaker.reopensAt(host), qint64(3500));
    QVERIFY(breaker.allows(host, 3500));
    QVERIFY(breaker.recordFailure(host, 3600));
    QCOMPARE(breaker.reopensAt(host), qint64(6600)); // capped at 3000
    QVERIFY(breaker.allows(host, 6600));
    QVERIFY(breaker.recordSuccess(host)); // closes
    QCOMPARE(breaker.state(host), CircuitBreaker::State::Closed);
    QVERIFY(breaker.allows(host, 6601));
}

void TestServerMetrics::successResetsTheCount()
{
    CircuitBreaker breaker;
    breaker.setSettings({2, 1000, 1000});
    const QString host = u"http://h:80"_s;
    QVERIFY(!breaker.recordFailure(host, 0));
    QVERIFY(!breaker.recordSuccess(host)); // closed all along: no change
    QVERIFY(!breaker.recordFailure(host, 0));
    QCOMPARE(breaker.state(host), CircuitBreaker::State::Closed);
    breaker.setSettings({0, 1000, 1000}); // off
    QVERIFY(!breaker.recordFailure(host, 0));
    QVERIFY(breaker.allows(host, 0));
}

void TestServerMetrics::logLinesOfATurnAreWrittenTogether()
{
    const Stream file = temporaryStream();
    QVERIFY(file);
    FILE *stream = file.get();
    {
        const ServerLog log(stream);
        log.info(u"event.accepted"_s, {{u"event"_s, u"evt_1"_s}});
        log.info(u"event.accepted"_s, {{u"event"_s, u"evt_2"_s}});
        QCOMPARE(log.lineCount(), 2u);
        QVERIFY(linesOf(stream).isEmpty()); // not before the end of this turn
        QCoreApplication::processEvents();
        const QList<QJsonObject> lines = linesOf(stream);
        QCOMPARE(lines.size(), 2);
        QCOMPARE(lines.at(0).value(u"event"_s).toString(), u"evt_1"_s);
        QCOMPARE(lines.at(1).value(u"event"_s).toString(), u"evt_2"_s);
        QCOMPARE(lines.at(1).value(u"level"_s).toString(), u"info"_s);
        QVERIFY(!lines.at(1).value(u"time"_s).toString().isEmpty());

        // 64 KiB waiting are written without waiting for the turn to end.
        const QString filler(2000, u'x');
        while (linesOf(stream).size() == 2)
            log.info(u"filler"_s, {{u"text"_s, filler}});
        QVERIFY(linesOf(stream).size() > 30);

        log.info(u"last"_s);
    }
    // The log going away writes what waited.
    QCOMPARE(messagesOf(stream).last(), u"last"_s);
}

void TestServerMetrics::logWarningsAndErrorsAreWrittenAtOnce()
{
    const Stream file = temporaryStream();
    QVERIFY(file);
    FILE *stream = file.get();
    const ServerLog log(stream);
    log.info(u"first"_s);
    log.warning(u"circuit.open"_s, {{u"destination"_s, u"https://a.example:443"_s}});
    // In the order made: the info line waiting goes first.
    QCOMPARE(messagesOf(stream), (QStringList{u"first"_s, u"circuit.open"_s}));
    log.error(u"storage.failed"_s);
    QCOMPARE(messagesOf(stream).size(), 3);
    QCOMPARE(linesOf(stream).last().value(u"level"_s).toString(), u"error"_s);
}

void TestServerMetrics::logFromAnotherThreadIsWrittenAtOnce()
{
    const Stream file = temporaryStream();
    QVERIFY(file);
    FILE *stream = file.get();
    const ServerLog log(stream);
    log.info(u"here"_s);
    std::unique_ptr<QThread> thread(QThread::create([&log] {
        log.info(u"there"_s, {{u"n"_s, 1}});
    }));
    thread->start();
    QVERIFY(thread->wait(10'000));
    // Nothing on that thread would write it later; the line waiting here goes first.
    QCOMPARE(messagesOf(stream), (QStringList{u"here"_s, u"there"_s}));
}

// A line is one compact JSON object on one line: time, level and msg first (as docs/server.md
// shows it), then the fields; every kind of value survives, and a field cannot replace the
// line's own time, level or msg.
void TestServerMetrics::aLogLineIsOneJsonObjectWithEveryField()
{
    const Stream file = temporaryStream();
    QVERIFY(file);
    FILE *stream = file.get();
    const QString awkward = u"q\"uote\\ new\nline\ttab\u0001 çğış \U0001F600"_s;
    const QJsonObject nested{{u"b"_s, 1}, {u"a"_s, QJsonArray{u"x"_s, 2.5, QJsonValue()}}};
    const qint64 before = QDateTime::currentMSecsSinceEpoch();
    {
        const ServerLog log(stream);
        log.warning(u"circuit.open"_s,
                    {{u"text"_s, awkward},
                     {u"count"_s, 42},
                     {u"big"_s, qint64(1234567890123)},
                     {u"ratio"_s, 0.25},
                     {u"negative"_s, -7},
                     {u"open"_s, true},
                     {u"error"_s, QJsonValue()},
                     {u"rules"_s, QJsonArray::fromStringList({u"r1"_s, u"r\"2"_s})},
                     {u"nested"_s, nested},
                     {u"msg"_s, u"not this"_s},
                     {u"level"_s, u"not this"_s}});
    }
    const qint64 after = QDateTime::currentMSecsSinceEpoch();
    const QByteArray bytes = bytesOf(stream);
    QCOMPARE(bytes.count('\n'), 1);
    QVERIFY2(bytes.endsWith("}\n"), bytes.constData());
    static const QRegularExpression start(
        uR"re(^\{"time":"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z)","level":"warning",)re"
        uR"re("msg":"circuit\.open",)re"_s);
    const QRegularExpressionMatch match = start.match(QString::fromUtf8(bytes));
    QVERIFY2(match.hasMatch(), bytes.constData());
    const QDateTime time = QDateTime::fromString(match.captured(1), Qt::ISODateWithMs);
    QVERIFY2(time.isValid(), qPrintable(match.captured(1)));
    QCOMPARE(time.toString(Qt::ISODateWithMs), match.captured(1));
    QVERIFY(time.toMSecsSinceEpoch() >= before && time.toMSecsSinceEpoch() <= after);

    QJsonParseError error;
    const QJsonObject line = QJsonDocument::fromJson(bytes, &error).object();
    QCOMPARE(error.error, QJsonParseError::NoError);
    QCOMPARE(line.size(), 12);
    QCOMPARE(line.value(u"msg"_s).toString(), u"circuit.open"_s);
    QCOMPARE(line.value(u"level"_s).toString(), u"warning"_s);
    QCOMPARE(line.value(u"text"_s).toString(), awkward);
    QCOMPARE(line.value(u"count"_s).toInteger(), 42);
    QCOMPARE(line.value(u"big"_s).toInteger(), 1234567890123);
    QCOMPARE(line.value(u"ratio"_s).toDouble(), 0.25);
    QCOMPARE(line.value(u"negative"_s).toInteger(), -7);
    QCOMPARE(line.value(u"open"_s), QJsonValue(true));
    QVERIFY(line.value(u"error"_s).isNull());
    QCOMPARE(line.value(u"rules"_s).toArray(), QJsonArray::fromStringList({u"r1"_s, u"r\"2"_s}));
    QCOMPARE(line.value(u"nested"_s).toObject(), nested);
}

QTEST_GUILESS_MAIN(TestServerMetrics)
#include "tst_servermetrics.moc"
