// The delivery engine against a real HTTP server on 127.0.0.1, with a real SQLite history.
#include "KancaVersion.h"
#include "delivery/Backoff.h"
#include "delivery/DeliveryEngine.h"
#include "engine/DeliveryId.h"
#include "engine/SecretProvider.h"
#include "engine/Signatures.h"
#include "history/HistoryDatabase.h"
#include "http/HttpServer.h"
#include "support/ThreadNames.h"

#include <QElapsedTimer>
#include <QFile>
#include <QMessageAuthenticationCode>
#include <QMutex>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <sys/resource.h>

using namespace Kanca;
using namespace Qt::StringLiterals;

namespace {

// The claim the tests add and record deliveries under, as an engine does.
const Kanca::Outbox::Claim TestClaim{QStringLiteral("test-claim"), 60'000};

class TestSecrets final : public SecretProvider
{
public:
    QHash<QString, QByteArray> values;
    std::optional<QByteArray> secret(const QString &name) const override
    {
        const auto it = values.constFind(name);
        if (it == values.constEnd())
            return std::nullopt;
        return *it;
    }
};

Delivery makeDelivery(const QString &url, const QByteArray &body = "{\"a\": 1}")
{
    Delivery d;
    d.id = newDeliveryId();
    d.createdAt = QDateTime::currentDateTimeUtc();
    d.ruleSetName = u"Test"_s;
    d.ruleId = u"rule-1"_s;
    d.ruleName = u"Rule one"_s;
    d.eventId = u"evt_1"_s;
    d.eventType = u"chat.opened"_s;
    d.request.method = u"POST"_s;
    d.request.url = url;
    d.request.headers = {{u"Content-Type"_s, u"application/json"_s, false},
                         {u"X-Source"_s, u"kanca"_s, false}};
    d.request.body = body;
    d.timeoutMs = 5000;
    d.retry = {3, 20, 200};
    d.nextAttemptAt = d.createdAt;
    return d;
}

} // namespace

class TestDeliveryEngine : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void backoffIsCappedFullJitter();
    void retryAfterForms_data();
    void retryAfterForms();

    void deliversExactlyWhatWasRendered();
    void retriesServerErrorsThenSucceeds();
    void honoursRetryAfter();
    void serverThatNeverAnswersTimesOut();
    void connectionClosedMidResponse();
    void largeResponseIsCappedInHistory();
    void redirectsAreNotFollowed();
    void connectionRefused();
    void statusClassification_data();
    void statusClassification();
    void standardWebhooksSignatureKeepsIdAcrossRetries();
    void hmacSignatureAndAuthHeader();
    void missingSecretFailsWithoutSending();
    void perHostLimitIsKept();
    void attemptsAreStartedAheadAndLeaveInOrder();
    void aFastDestinationGetsWhatItAnswersIn25MsAhead_data();
    void aFastDestinationGetsWhatItAnswersIn25MsAhead();
    void aDestinationsPaceIsKeptThroughAShortPause_data();
    void aDestinationsPaceIsKeptThroughAShortPause();
    void freedSlotsAreFilledInTheTurnTheirResultsCome_data();
    void freedSlotsAreFilledInTheTurnTheirResultsCome();
    void thousandsOfDeliveriesAllAccountedFor();
    void resumesUnfinishedDeliveries();
    void outboxIsWrittenBeforeTheFirstAttempt();
    void workCommittedElsewhereIsTakenWhenThereIsRoom();
    void connectionsAreReused_data();
    void connectionsAreReused();
    void aKeptAliveConnectionTheReceiverClosesIsLetGo_data();
    void aKeptAliveConnectionTheReceiverClosesIsLetGo();
    void http11CanBeForced_data();
    void http11CanBeForced();
    void finishedDeliveriesAreNotKept();
    void twoEnginesOnOneOutboxSendEachDeliveryOnce();
    void fullDiskStopsTheEngine();
    void engineGoingAwayRecordsWhatWasInFlight();
    void openBreakerHoldsOneHostAndNotTheOthers();
    void drainingFinishesWhatIsInFlightAndGivesBackTheRest();
    void destinationsKeepTheirThread_data();
    void destinationsKeepTheirThread();

private:
    bool runUntilIdle(DeliveryEngine &engine, int timeoutMs = 30000);
    // Every engine of these tests runs with KANCA_TEST_DELIVERY_THREADS delivery threads (CTest
    // runs the tests with 1 and with 2).
    DeliveryEngine::Settings engineSettings() const;

    int m_deliveryThreads = 1;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<HistoryDatabase> m_history;
    std::unique_ptr<HttpServer> m_server;
    TestSecrets m_secrets;
    QList<HttpRequest> m_received;
};

// The rows of a test run with the delivery threads on the engine's own thread and on two of their
// own, whatever KANCA_TEST_DELIVERY_THREADS says.
static void addThreadRows()
{
    QTest::addColumn<int>("threads");
    QTest::newRow("one thread") << 1;
    QTest::newRow("two threads") << 2;
}

void TestDeliveryEngine::initTestCase()
{
    if (qEnvironmentVariableIsSet("KANCA_TEST_DELIVERY_THREADS"))
        m_deliveryThreads = qEnvironmentVariableIntValue("KANCA_TEST_DELIVERY_THREADS");
    QVERIFY2(m_deliveryThreads >= 1, "KANCA_TEST_DELIVERY_THREADS takes a number from 1");
    qInfo("engines with %d delivery thread(s)", m_deliveryThreads);
}

DeliveryEngine::Settings TestDeliveryEngine::engineSettings() const
{
    DeliveryEngine::Settings settings;
    settings.deliveryThreads = m_deliveryThreads;
    return settings;
}

void TestDeliveryEngine::init()
{
    // The engine runs under the command line and the designer: a Qt warning it causes reaches the
    // user's terminal, so any warning fails the test.
    QTest::failOnWarning(QRegularExpression(u"."_s));
    m_dir = std::make_unique<QTemporaryDir>();
    m_history = std::make_unique<HistoryDatabase>();
    QString error;
    QVERIFY2(m_history->open(m_dir->filePath(u"history.sqlite"_s), &error), qPrintable(error));
    m_server = std::make_unique<HttpServer>();
    QVERIFY(m_server->listen(QHostAddress::LocalHost, 0, &error));
    m_received.clear();
    connect(m_server.get(), &HttpServer::requestReceived, this,
            [this](const HttpRequest &request) { m_received.append(request); });
    m_secrets.values.clear();
}

void TestDeliveryEngine::cleanup()
{
    m_server.reset();
    m_history.reset();
    m_dir.reset();
}

bool TestDeliveryEngine::runUntilIdle(DeliveryEngine &engine, int timeoutMs)
{
    if (engine.isIdle())
        return true;
    QSignalSpy idle(&engine, &DeliveryEngine::idle);
    return idle.wait(timeoutMs);
}

void TestDeliveryEngine::backoffIsCappedFullJitter()
{
    QRandomGenerator random(42);
    const RetryPolicy policy{10, 1000, 5000};
    for (int attempt = 1; attempt <= 8; ++attempt) {
        const qint64 ceiling = std::min<qint64>(5000, 1000LL << (attempt - 1));
        qint64 largest = 0;
        for (int i = 0; i < 2000; ++i) {
            const qint64 d = Backoff::delayMs(policy, attempt, random);
            QVERIFY(d >= 0 && d <= ceiling);
            largest = std::max(largest, d);
        }
        QVERIFY2(largest > ceiling * 9 / 10, "full jitter reaches up to the ceiling");
    }
    QCOMPARE(Backoff::delayMs({5, 0, 0}, 3, random), 0);
}

void TestDeliveryEngine::retryAfterForms_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<qint64>("expected"); // -1: not readable
    QTest::newRow("seconds") << QByteArray("120") << qint64(120000);
    QTest::newRow("zero") << QByteArray("0") << qint64(0);
    QTest::newRow("spaces") << QByteArray(" 3 ") << qint64(3000);
    QTest::newRow("IMF date") << QByteArray("Sat, 21 Nov 2026 10:31:00 GMT") << qint64(60000);
    QTest::newRow("RFC 850 date") << QByteArray("Saturday, 21-Nov-26 10:30:30 GMT")
                                  << qint64(30000);
    QTest::newRow("asctime date") << QByteArray("Sat Nov 21 10:30:10 2026") << qint64(10000);
    QTest::newRow("past date") << QByteArray("Sat, 21 Nov 2026 10:00:00 GMT") << qint64(0);
    QTest::newRow("capped at a day") << QByteArray("999999999") << qint64(86400000);
    QTest::newRow("negative") << QByteArray("-5") << qint64(-1);
    QTest::newRow("garbage") << QByteArray("soon") << qint64(-1);
    QTest::newRow("empty") << QByteArray() << qint64(-1);
}

void TestDeliveryEngine::retryAfterForms()
{
    QFETCH(QByteArray, value);
    QFETCH(qint64, expected);
    const QDateTime now = QDateTime(QDate(2026, 11, 21), QTime(10, 30), Qt::UTC);
    const auto parsed = Backoff::parseRetryAfter(value, now);
    if (expected < 0)
        QVERIFY(!parsed);
    else
        QCOMPARE(parsed.value_or(-1), expected);
}

void TestDeliveryEngine::deliversExactlyWhatWasRendered()
{
    m_server->setHandler([](const HttpRequest &, HttpResponder r) {
        r.respond(201, {{"X-Answer", "yes"}}, "created");
    });
    DeliveryEngine engine(*m_history, m_secrets);
    engine.setSettings(engineSettings());
    const QByteArray body = QStringLiteral("{\"name\": \"Ayşe \\\"Can\\\" Öz\"}").toUtf8();
    Delivery d = makeDelivery(m_server->url() + u"/hooks/crm?x=1&y=%C3%A7"_s, body);
    d.request.method = u"PUT"_s;
    QSignalSpy finished(&engine, &DeliveryEngine::deliveryFinished);
    QString error;
    QVERIFY2(engine.submit({d}, &error), qPrintable(error));
    QVERIFY(runUntilIdle(engine));

    QCOMPARE(m_received.size(), 1);
    const HttpRequest &got = m_received.first();
    QCOMPARE(got.method, QByteArray("PUT"));
    QCOMPARE(got.target, QByteArray("/hooks/crm?x=1&y=%C3%A7"));
    QCOMPARE(got.body, body);
    QCOMPARE(got.header("Content-Type"), QByteArray("application/json"));
    QCOMPARE(got.header("X-Source"), QByteArray("kanca"));
    QCOMPARE(got.header("User-Agent"), QByteArray("Kanca/" KANCA_VERSION_STRING));
    QVERIFY(!got.hasHeader("Cookie"));

    QCOMPARE(finished.size(), 1);
    const auto stored = m_history->delivery(d.id);
    QVERIFY(stored);
    QCOMPARE(stored->status, DeliveryStatus::Succeeded);
    QCOMPARE(stored->attemptCount, 1);
    QCOMPARE(stored->lastHttpStatus, std::optional<int>(201));
    const QList<Attempt> attempts = m_history->attempts(d.id);
    QCOMPARE(attempts.size(), 1);
    QCOMPARE(attempts.first().outcome, Attempt::Outcome::Succeeded);
    QCOMPARE(attempts.first().responseBody, QByteArray("created"));
    QCOMPARE(attempts.first().request.body, body);
    QVERIFY(attempts.first().error.isEmpty());
}

void TestDeliveryEngine::retriesServerErrorsThenSucceeds()
{
    int calls = 0;
    m_server->setHandler([&calls](const HttpRequest &, HttpResponder r) {
        ++calls;
        r.respond(calls < 3 ? 503 : 200);
    });
    DeliveryEngine engine(*m_history, m_secrets);
    engine.setSettings(engineSettings());
    const Delivery d = makeDelivery(m_server->url());
    QString error;
    QVERIFY(engine.submit({d}, &error));
    QVERIFY(runUntilIdle(engine));
    QCOMPARE(calls, 3);
    const QList<Attempt> attempts = m_history->attempts(d.id);
    QCOMPARE(attempts.size(), 3);
    QCOMPARE(attempts[0].outcome, Attempt::Outcome::WillRetry);
    QCOMPARE(attempts[0].httpStatus, std::optional<int>(503));
    QVERIFY(attempts[0].retryDelayMs && *attempts[0].retryDelayMs <= 20);
    QVERIFY(attempts[1].retryDelayMs && *attempts[1].retryDelayMs <= 40);
    QCOMPARE(attempts[2].outcome, Attempt::Outcome::Succeeded);
    QCOMPARE(m_history->delivery(d.id)->status, DeliveryStatus::Succeeded);
}

void TestDeliveryEngine::honoursRetryAfter()
{
    QElapsedTimer clock;
    QList<qint64> times;
    m_server->setHandler([&](const HttpRequest &, HttpResponder r) {
        times.append(clock.elapsed());
        if (times.size() == 1)
            r.respond(429, {{"Retry-After", "1"}});
        else
            r.respond(200);
    });
    DeliveryEngine engine(*m_history, m_secrets);
    engine.setSettings(engineSettings());
    const Delivery d = makeDelivery(m_server->url());
    clock.start();
    QString error;
    QVERIFY(engine.submit({d}, &error));
    QVERIFY(runUntilIdle(engine));
    QCOMPARE(times.size(), 2);
    QVERIFY2(times[1] - times[0] >= 950, qPrintable(QString::number(times[1] - times[0])));
    QCOMPARE(m_history->attempts(d.id).first().retryDelayMs, std::optional<qint64>(1000));
}

void TestDeliveryEngine::serverThatNeverAnswersTimesOut()
{
    QList<HttpResponder> held; // kept, never answered
    m_server->setHandler([&held](const HttpRequest &, HttpResponder r) { held.append(r); });
    DeliveryEngine engine(*m_history, m_secrets);
    engine.setSettings(engineSettings());
    Delivery d = makeDelivery(m_server->url());
    d.timeoutMs = 300;
    d.retry = {2, 10, 10};
    QElapsedTimer clock;
    clock.start();
    QString error;
    QVERIFY(engine.submit({d}, &error));
    QVERIFY(runUntilIdle(engine));
    const qint64 elapsed = clock.elapsed();
    const auto stored = m_history->delivery(d.id);
    QVERIFY2(elapsed >= 590, qPrintable(u"%1 ms: %2"_s.arg(elapsed).arg(stored->lastError)));
    QCOMPARE(stored->status, DeliveryStatus::Failed);
    QCOMPARE(stored->attemptCount, 2);
    QCOMPARE(stored->lastError, u"No complete answer within 300 ms"_s);
    QVERIFY(!stored->lastHttpStatus);
}

void TestDeliveryEngine::connectionClosedMidResponse()
{
    m_server->setHandler([](const HttpRequest &, HttpResponder r) {
        r.writeRaw("HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\nonly ten b");
        r.closeConnection();
    });
    DeliveryEngine engine(*m_history, m_secrets);
    engine.setSettings(engineSettings());
    Delivery d = makeDelivery(m_server->url());
    d.retry = {2, 10, 10};
    QString error;
    QVERIFY(engine.submit({d}, &error));
    QVERIFY(runUntilIdle(engine));
    const auto stored = m_history->delivery(d.id);
    QCOMPARE(stored->status, DeliveryStatus::Failed);
    QCOMPARE(stored->attemptCount, 2);
    QVERIFY2(stored->lastError.contains(u"closed the connection before the answer was complete"),
             qPrintable(stored->lastError));
}

void TestDeliveryEngine::largeResponseIsCappedInHistory()
{
    const QByteArray big(50 * 1024 * 1024, 'x');
    m_server->setHandler([&big](const HttpRequest &, HttpResponder r) { r.respond(200, {}, big); });
    DeliveryEngine engine(*m_history, m_secrets);
    engine.setSettings(engineSettings());
    const Delivery d = makeDelivery(m_server->url());
    QString error;
    QVERIFY(engine.submit({d}, &error));
    QVERIFY(runUntilIdle(engine, 60000));
    const Attempt attempt = m_history->attempts(d.id).first();
    QCOMPARE(attempt.outcome, Attempt::Outcome::Succeeded);
    QCOMPARE(attempt.responseBody.size(), Attempt::BodyCap);
    QCOMPARE(attempt.responseBodySize, qint64(big.size()));
    QVERIFY(attempt.responseBodyTruncated());
}

void TestDeliveryEngine::redirectsAreNotFollowed()
{
    m_server->setHandler([this](const HttpRequest &request, HttpResponder r) {
        if (request.path == u"/old")
            r.respond(301, {{"Location", (m_server->url() + u"/new"_s).toLatin1()}});
        else
            r.respond(200);
    });
    DeliveryEngine engine(*m_history, m_secrets);
    engine.setSettings(engineSettings());
    const Delivery d = makeDelivery(m_server->url() + u"/old"_s);
    QString error;
    QVERIFY(engine.submit({d}, &error));
    QVERIFY(runUntilIdle(engine));
    QCOMPARE(m_received.size(), 1);
    const auto stored = m_history->delivery(d.id);
    QCOMPARE(stored->status, DeliveryStatus::Failed);
    QCOMPARE(stored->attemptCount, 1);
    QCOMPARE(stored->lastHttpStatus, std::optional<int>(301));
    QVERIFY2(stored->lastError.contains(m_server->url() + u"/new"_s),
             qPrintable(stored->lastError));
    QVERIFY(stored->lastError.contains(u"redirect"));
    bool sawLocation = false;
    // Named: a loop over a member of the temporary list would read freed memory (a crash).
    const QList<Attempt> attempts = m_history->attempts(d.id);
    for (const auto &header : attempts.first().responseHeaders)
        sawLocation = sawLocation || header.name.compare(u"Location", Qt::CaseInsensitive) == 0;
    QVERIFY(sawLocation);
}

void TestDeliveryEngine::connectionRefused()
{
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost));
    const quint16 port = probe.serverPort();
    probe.close();
    DeliveryEngine engine(*m_history, m_secrets);
    engine.setSettings(engineSettings());
    Delivery d = makeDelivery(u"http://127.0.0.1:%1/x"_s.arg(port));
    d.retry = {2, 10, 10};
    QString error;
    QVERIFY(engine.submit({d}, &error));
    QVERIFY(runUntilIdle(engine));
    const auto stored = m_history->delivery(d.id);
    QCOMPARE(stored->status, DeliveryStatus::Failed);
    QCOMPARE(stored->attemptCount, 2);
    QCOMPARE(stored->lastError, u"Connection refused by 127.0.0.1:%1"_s.arg(port));
}

void TestDeliveryEngine::statusClassification_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<int>("attempts");
    QTest::addColumn<QString>("errorPart");
    QTest::newRow("200") << 200 << 1 << QString();
    QTest::newRow("204") << 204 << 1 << QString();
    QTest::newRow("400 final") << 400 << 1 << u"not retried"_s;
    QTest::newRow("404 final") << 404 << 1 << u"HTTP 404"_s;
    QTest::newRow("408 retried") << 408 << 3 << u"HTTP 408"_s;
    QTest::newRow("410 final") << 410 << 1 << u"gone for good"_s;
    QTest::newRow("429 retried") << 429 << 3 << u"HTTP 429"_s;
    QTest::newRow("500 retried") << 500 << 3 << u"HTTP 500"_s;
    QTest::newRow("502 retried") << 502 << 3 << u"HTTP 502"_s;
}

void TestDeliveryEngine::statusClassification()
{
    QFETCH(int, status);
    QFETCH(int, attempts);
    QFETCH(QString, errorPart);
    m_server->setHandler([status](const HttpRequest &, HttpResponder r) { r.respond(status); });
    DeliveryEngine engine(*m_history, m_secrets);
    engine.setSettings(engineSettings());
    const Delivery d = makeDelivery(m_server->url());
    QString error;
    QVERIFY(engine.submit({d}, &error));
    QVERIFY(runUntilIdle(engine));
    const auto stored = m_history->delivery(d.id);
    QCOMPARE(stored->attemptCount, attempts);
    QCOMPARE(m_received.size(), attempts);
    QCOMPARE(stored->status,
             errorPart.isEmpty() ? DeliveryStatus::Succeeded : DeliveryStatus::Failed);
    QVERIFY2(stored->lastError.contains(errorPart), qPrintable(stored->lastError));
}

void TestDeliveryEngine::standardWebhooksSignatureKeepsIdAcrossRetries()
{
    const QByteArray secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    m_secrets.values.insert(u"WH"_s, secret);
    int calls = 0;
    m_server->setHandler(
        [&calls](const HttpRequest &, HttpResponder r) { r.respond(++calls == 1 ? 500 : 200); });
    DeliveryEngine engine(*m_history, m_secrets);
    engine.setSettings(engineSettings());
    Delivery d = makeDelivery(m_server->url());
    d.signing = {Signing::Type::StandardWebhooks, {u"WH"_s}};
    QString error;
    QVERIFY(engine.submit({d}, &error));
    QVERIFY(runUntilIdle(engine));
    QCOMPARE(m_received.size(), 2);
    const QByteArray key = QByteArray::fromBase64(secret.mid(6));
    for (const HttpRequest &got : std::as_const(m_received)) {
        QCOMPARE(got.header("webhook-id"), d.id.toLatin1());
        const QByteArray timestamp = got.header("webhook-timestamp");
        QVERIFY(qAbs(timestamp.toLongLong() - QDateTime::currentSecsSinceEpoch()) < 60);
        // Recomputed here, from the specification: base64 HMAC-SHA256 of "id.timestamp.body".
        const QByteArray expected =
            "v1,"
            + QMessageAuthenticationCode::hash(d.id.toLatin1() + '.' + timestamp + '.' + got.body,
                                               key, QCryptographicHash::Sha256)
                  .toBase64();
        QCOMPARE(got.header("webhook-signature"), expected);
    }
}

void TestDeliveryEngine::hmacSignatureAndAuthHeader()
{
    m_secrets.values.insert(u"SIGN"_s, "It's a Secret to Everybody");
    m_secrets.values.insert(u"PASS"_s, "s3cr3t-pass");
    DeliveryEngine engine(*m_history, m_secrets);
    engine.setSettings(engineSettings());
    Delivery d = makeDelivery(m_server->url(), "Hello, World!");
    d.signing.type = Signing::Type::HmacSha256;
    d.signing.secret = {u"SIGN"_s};
    d.auth = {Auth::Type::Basic, u"kanca"_s, QString(), {u"PASS"_s}};
    QString error;
    QVERIFY(engine.submit({d}, &error));
    QVERIFY(runUntilIdle(engine));
    QCOMPARE(m_received.size(), 1);
    const HttpRequest &got = m_received.first();
    QCOMPARE(got.header("X-Hub-Signature-256"),
             QByteArray("sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17"));
    QCOMPARE(got.header("Authorization"), "Basic " + QByteArray("kanca:s3cr3t-pass").toBase64());

    // The history never holds the secret.
    const Attempt attempt = m_history->attempts(d.id).first();
    QString authorization;
    for (const auto &header : attempt.request.headers) {
        if (header.name == u"Authorization")
            authorization = header.value;
    }
    QCOMPARE(authorization, u"Basic ********"_s);
    m_history->close();
    QFile file(m_dir->filePath(u"history.sqlite"_s));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray raw = file.readAll();
    QVERIFY(!raw.contains("s3cr3t-pass"));
    QVERIFY(!raw.contains(QByteArray("kanca:s3cr3t-pass").toBase64()));
}

void TestDeliveryEngine::missingSecretFailsWithoutSending()
{
    DeliveryEngine engine(*m_history, m_secrets);
    engine.setSettings(engineSettings());
    Delivery d = makeDelivery(m_server->url());
    d.auth = {Auth::Type::Bearer, QString(), QString(), {u"NOT_SET"_s}};
    QString error;
    QVERIFY(engine.submit({d}, &error));
    QVERIFY(runUntilIdle(engine));
    QCOMPARE(m_received.size(), 0);
    const auto stored = m_history->delivery(d.id);
    QCOMPARE(stored->status, DeliveryStatus::Failed);
    QVERIFY2(stored->lastError.contains(u"KANCA_SECRET_NOT_SET"), qPrintable(stored->lastError));
}

void TestDeliveryEngine::perHostLimitIsKept()
{
    int concurrent = 0;
    int highest = 0;
    m_server->setHandler([&](const HttpRequest &, HttpResponder r) {
        highest = std::max(highest, ++concurrent);
        QTimer::singleShot(50, this, [&concurrent, r] {
            --concurrent;
            r.respond(200);
        });
    });
    DeliveryEngine engine(*m_history, m_secrets);
    engine.setSettings(engineSettings());
    DeliveryEngine::Settings settings = engineSettings();
    settings.maxPerHost = 2;
    engine.setSettings(settings);
    QList<Delivery> batch;
    for (int i = 0; i < 12; ++i)
        batch.append(makeDelivery(m_server->url()));
    QString error;
    QVERIFY(engine.submit(batch, &error));
    QVERIFY(runUntilIdle(engine));
    QCOMPARE(m_received.size(), 12);
    QCOMPARE(highest, 2);
}

// An engine on its own starts twice the per-host limit to a destination that answers: the
// delivery thread keeps the limit on the wire and sends the next, in the order started, the
// moment one ends.
void TestDeliveryEngine::attemptsAreStartedAheadAndLeaveInOrder()
{
    int concurrent = 0;
    int highest = 0;
    QStringList order;
    QList<HttpResponder> held;
    m_server->setHandler([&](const HttpRequest &request, HttpResponder r) {
        highest = std::max(highest, ++concurrent);
        order.append(QString::fromLatin1(request.header("X-Seq")));
        held.append(std::move(r));
    });
    DeliveryEngine engine(*m_history, m_secrets);
    DeliveryEngine::Settings settings = engineSettings();
    settings.maxPerHost = 2;
    engine.setSettings(settings);
    // A destination that answered once.
    QSignalSpy done(&engine, &DeliveryEngine::deliveryFinished);
    QString error;
    Delivery warm = makeDelivery(m_server->url());
    warm.request.headers.append({u"X-Seq"_s, u"warm"_s, false});
    QVERIFY(engine.submit({warm}, &error));
    QTRY_COMPARE(held.size(), 1);
    --concurrent;
    held.takeFirst().respond(200);
    QVERIFY(done.wait(10'000));
    order.clear();

    QList<Delivery> batch;
    QStringList expected;
    for (int i = 0; i < 8; ++i) {
        Delivery d = makeDelivery(m_server->url());
        d.request.headers.append({u"X-Seq"_s, QString::number(i), false});
        expected.append(QString::number(i));
        batch.append(d);
    }
    QVERIFY(engine.submit(batch, &error));

    // Two on the wire, two more started and waiting for their connections.
    QVERIFY(QTest::qWaitFor([&] { return held.size() == 2; }, 10'000));
    QVERIFY(QTest::qWaitFor([&] { return engine.inFlightCount() == 4; }, 10'000));
    QTest::qWait(50);
    QCOMPARE(held.size(), 2);
    QCOMPARE(engine.inFlightCount(), 4);

    // Answered one at a time, each time waiting for the next request to arrive: only one of the
    // two connections is free at any moment, so the order in which requests reach this server is
    // the order in which the engine hands them to the wire. (Answering both at once would let the
    // two connections race, and the server could see 3 before 2 with the engine doing nothing
    // wrong.)
    for (int answered = 0; answered < 8; ++answered) {
        QVERIFY2(!held.isEmpty(),
                 qPrintable(u"nothing on the wire after %1 answers"_s.arg(answered)));
        --concurrent;
        held.takeFirst().respond(200);
        const int stillOnTheWire = std::min(2, 8 - answered - 1);
        QVERIFY2(QTest::qWaitFor([&] { return held.size() == stillOnTheWire; }, 10'000),
                 qPrintable(u"after %1 answers: %2 on the wire, %3 expected"_s.arg(answered + 1)
                                .arg(held.size())
                                .arg(stillOnTheWire)));
    }
    QVERIFY(runUntilIdle(engine));
    QCOMPARE(order, expected);
    QCOMPARE(highest, 2);
    for (const Delivery &d : std::as_const(batch))
        QCOMPARE(m_history->attempts(d.id).size(), 1);
}

void TestDeliveryEngine::aFastDestinationGetsWhatItAnswersIn25MsAhead_data()
{
    addThreadRows();
}

// With delivery threads of their own, a destination that answers fast gets as many attempts
// started ahead as it answers in 25 ms (here about 2 connections / 1 ms), so that its connections
// keep busy through the engine's longer turns; never more than the limit on the wire, and each
// delivery sent once. On the engine's own thread, twice the limit, as before.
void TestDeliveryEngine::aFastDestinationGetsWhatItAnswersIn25MsAhead()
{
    QFETCH(int, threads);
    constexpr int perHost = 2;
    constexpr int count = 1500;
    int onTheWire = 0;
    int mostOnTheWire = 0;
    DeliveryEngine engine(*m_history, m_secrets);
    qsizetype mostStarted = 0;
    m_server->setHandler([&](const HttpRequest &, HttpResponder r) {
        mostOnTheWire = std::max(mostOnTheWire, ++onTheWire);
        mostStarted = std::max(mostStarted, engine.inFlightCount());
        QTimer::singleShot(1, this, [&onTheWire, r] {
            --onTheWire;
            r.respond(200);
        });
    });
    DeliveryEngine::Settings settings = engineSettings();
    settings.deliveryThreads = threads;
    settings.maxPerHost = perHost;
    engine.setSettings(settings);
    QList<Delivery> batch;
    for (int i = 0; i < count; ++i)
        batch.append(makeDelivery(m_server->url(), "{\"n\": " + QByteArray::number(i) + '}'));
    QString error;
    QVERIFY2(engine.submit(batch, &error), qPrintable(error));
    QVERIFY(runUntilIdle(engine, 60'000));

    qInfo("%d thread(s): at most %lld attempts started, %d on the wire", threads,
          qint64(mostStarted), mostOnTheWire);
    QCOMPARE(mostOnTheWire, perHost);
    if (threads == 1)
        QCOMPARE(mostStarted, 2 * perHost);
    else
        QVERIFY2(mostStarted > 2 * perHost, "more than twice the limit started ahead");
    QCOMPARE(m_received.size(), count);
    QSet<QByteArray> bodies;
    for (const HttpRequest &request : std::as_const(m_received))
        bodies.insert(request.body);
    QCOMPARE(bodies.size(), count);
    for (const Delivery &d : std::as_const(batch))
        QCOMPARE(m_history->delivery(d.id)->status, DeliveryStatus::Succeeded);
}

void TestDeliveryEngine::aDestinationsPaceIsKeptThroughAShortPause_data()
{
    addThreadRows();
}

// A destination's pace outlives a pause with nothing in flight to it, as between one group of
// deliveries and the next: the next group is started ahead at once. After a pause of more than a
// second it is counted anew, and the next group starts with the limit again. On the engine's own
// thread, the limit again each time.
void TestDeliveryEngine::aDestinationsPaceIsKeptThroughAShortPause()
{
    QFETCH(int, threads);
    constexpr int perHost = 2;
    DeliveryEngine engine(*m_history, m_secrets);
    // The attempts started when the first request of a group arrives: those the engine started
    // at once, before any answer.
    int arrived = 0;
    qsizetype startedAtFirst = -1;
    m_server->setHandler([&](const HttpRequest &, HttpResponder r) {
        if (arrived++ == 0)
            startedAtFirst = engine.inFlightCount();
        QTimer::singleShot(1, this, [r] { r.respond(200); });
    });
    DeliveryEngine::Settings settings = engineSettings();
    settings.deliveryThreads = threads;
    settings.maxPerHost = perHost;
    engine.setSettings(settings);
    const auto sendGroup = [&](int count) -> qsizetype {
        QList<Delivery> batch;
        for (int i = 0; i < count; ++i)
            batch.append(makeDelivery(m_server->url()));
        arrived = 0;
        startedAtFirst = -1;
        QString error;
        if (!engine.submit(batch, &error)) {
            qWarning("%s", qPrintable(error));
            return -1;
        }
        if (!runUntilIdle(engine, 60'000) || arrived != count)
            return -1;
        return startedAtFirst;
    };

    // The first group teaches the engine the pace (before a first answer, the limit is all it
    // starts).
    QCOMPARE(sendGroup(1000), perHost);
    // At once, the next.
    const qsizetype afterShortPause = sendGroup(300);
    QTest::qWait(1200);
    const qsizetype afterLongPause = sendGroup(300);
    qInfo("%d thread(s): %lld started at once after a short pause, %lld after 1.2 s", threads,
          qint64(afterShortPause), qint64(afterLongPause));
    if (threads == 1)
        QCOMPARE(afterShortPause, 2 * perHost);
    else
        QVERIFY2(afterShortPause > 2 * perHost, "the pace was kept: more started at once");
    QCOMPARE(afterLongPause, 2 * perHost);
}

void TestDeliveryEngine::freedSlotsAreFilledInTheTurnTheirResultsCome_data()
{
    addThreadRows();
}

// The results a delivery thread hands over in one turn are taken together, and the attempts
// that take their slots are started in that same turn: before anything this thread had queued
// meanwhile (here a call posted as each result is taken, as a server's next group commit or the
// benchmark's next chunk would be). Had the starts waited for a later turn, the attempts started
// would still be fewer when the posted call runs.
void TestDeliveryEngine::freedSlotsAreFilledInTheTurnTheirResultsCome()
{
    QFETCH(int, threads);
    constexpr int count = 60;
    m_server->setHandler([](const HttpRequest &, HttpResponder r) { r.respond(200); });
    DeliveryEngine engine(*m_history, m_secrets);
    DeliveryEngine::Settings settings = engineSettings();
    settings.deliveryThreads = threads;
    settings.maxPerHost = 2;
    engine.setSettings(settings);
    int recorded = 0;
    // Every attempt started so far: those ended, and those in flight.
    const auto started = [&] { return recorded + engine.inFlightCount(); };
    int checked = 0;  // results taken while deliveries were still to be started
    int refilled = 0; // of those, the ones whose freed slot was filled before the posted call
    connect(&engine, &DeliveryEngine::attemptRecorded, this, [&](const Attempt &) {
        ++recorded;
        const qsizetype before = started(); // this attempt's slot is free
        if (before >= count)
            return; // nothing left to take the slot
        ++checked;
        QMetaObject::invokeMethod(
            this, [&, before] { refilled += started() > before ? 1 : 0; }, Qt::QueuedConnection);
    });
    QList<Delivery> batch;
    for (int i = 0; i < count; ++i)
        batch.append(makeDelivery(m_server->url()));
    QString error;
    QVERIFY2(engine.submit(batch, &error), qPrintable(error));
    QVERIFY(runUntilIdle(engine));
    QCOMPARE(recorded, count);
    QVERIFY(checked > count / 2);
    QCOMPARE(refilled, checked);
}

void TestDeliveryEngine::thousandsOfDeliveriesAllAccountedFor()
{
    constexpr int count = 3000;
    QSet<QByteArray> seen;
    m_server->setHandler([&seen](const HttpRequest &request, HttpResponder r) {
        seen.insert(request.header("X-Delivery"));
        r.respond(200);
    });
    DeliveryEngine engine(*m_history, m_secrets);
    engine.setSettings(engineSettings());
    QList<Delivery> batch;
    for (int i = 0; i < count; ++i) {
        Delivery d = makeDelivery(m_server->url());
        d.request.headers.append({u"X-Delivery"_s, d.id, false});
        batch.append(d);
    }
    int finished = 0;
    connect(&engine, &DeliveryEngine::deliveryFinished, this, [&finished] { ++finished; });
    QString error;
    QVERIFY(engine.submit(batch, &error));
    QVERIFY(runUntilIdle(engine, 120000));
    QCOMPARE(finished, count);
    QCOMPARE(seen.size(), count);
    HistoryFilter succeeded;
    succeeded.status = DeliveryStatus::Succeeded;
    QCOMPARE(m_history->countDeliveries(succeeded), qint64(count));
    QCOMPARE(m_history->countAttempts(), qint64(count));
    QCOMPARE(m_history->unfinishedDeliveries().size(), 0);
}

void TestDeliveryEngine::resumesUnfinishedDeliveries()
{
    // As an interrupted run leaves them: committed to the outbox and not held by anyone, one
    // with an attempt already made and its retry due shortly.
    QList<Delivery> pending;
    for (int i = 0; i < 5; ++i)
        pending.append(makeDelivery(m_server->url()));
    QString error;
    QVERIFY(m_history->insertDeliveries(pending, nullptr, &error));
    Outbox::ClaimRequest request;
    request.onlyIds = QStringList{pending[0].id};
    QVERIFY(m_history->claimDue(request, TestClaim, &error));
    Outbox::AttemptResult first;
    first.attempt.deliveryId = pending[0].id;
    first.attempt.number = 1;
    first.attempt.startedAt = QDateTime::currentDateTimeUtc();
    first.attempt.httpStatus = 503;
    first.attempt.outcome = Attempt::Outcome::WillRetry;
    first.status = DeliveryStatus::Pending;
    first.nextAttemptAt = QDateTime::currentDateTimeUtc().addMSecs(200);
    first.release = true;
    QStringList lost;
    QVERIFY(m_history->recordAttempts({first}, TestClaim, &lost, &error));
    QVERIFY(lost.isEmpty());

    DeliveryEngine engine(*m_history, m_secrets);
    engine.setSettings(engineSettings());
    QVERIFY(engine.sendFromOutbox(&error));
    QCOMPARE(engine.activeCount(), 4); // the fifth is due in 200 ms
    QVERIFY(runUntilIdle(engine));
    QCOMPARE(m_received.size(), 5);
    const auto resumed = m_history->delivery(pending[0].id);
    QCOMPARE(resumed->status, DeliveryStatus::Succeeded);
    QCOMPARE(resumed->attemptCount, 2);
    QCOMPARE(m_history->attempts(pending[0].id).last().number, 2);
}

// A server commits deliveries unclaimed when its engine is full (claimForNew() is null); the
// engine takes them as soon as it has room, without waiting for its polling backstop.
void TestDeliveryEngine::workCommittedElsewhereIsTakenWhenThereIsRoom()
{
    DeliveryEngine::Settings settings = engineSettings();
    settings.maxInFlight = 1; // room for two deliveries held here
    settings.pollMs = 600'000;
    DeliveryEngine engine(*m_history, m_secrets);
    engine.setSettings(settings);
    QString error;
    QVERIFY(engine.sendFromOutbox(&error));
    QVERIFY(runUntilIdle(engine));

    // The receiver holds every request until told.
    QList<HttpResponder> held;
    m_server->setHandler([&](const HttpRequest &, HttpResponder r) { held.append(std::move(r)); });
    QList<Delivery> first{makeDelivery(m_server->url()), makeDelivery(m_server->url())};
    QVERIFY(engine.claimForNew());
    QVERIFY(m_history->insertDeliveries(first, engine.claimForNew(), &error));
    engine.adopt(first);
    QVERIFY(QTest::qWaitFor([&] { return held.size() == 1; }, 10'000));
    QCOMPARE(engine.claimForNew(), nullptr); // full: two held here

    // Committed unclaimed meanwhile, as a server does when its engine is full.
    QList<Delivery> later;
    for (int i = 0; i < 3; ++i)
        later.append(makeDelivery(m_server->url()));
    QVERIFY(m_history->insertDeliveries(later, nullptr, &error));
    engine.workCommitted(later);
    QTest::qWait(100);
    QCOMPARE(engine.activeCount(), 2); // no room: nothing claimed

    // Room again: everything arrives, long before the 10 minutes of the backstop.
    QElapsedTimer clock;
    clock.start();
    while (m_received.size() < 5 && clock.elapsed() < 10'000) {
        if (held.isEmpty()) {
            QTest::qWait(5);
            continue;
        }
        held.takeFirst().respond(200);
    }
    QCOMPARE(m_received.size(), 5);
    while (!held.isEmpty())
        held.takeFirst().respond(200);
    QVERIFY(runUntilIdle(engine));
    for (const Delivery &d : std::as_const(later))
        QCOMPARE(m_history->delivery(d.id)->status, DeliveryStatus::Succeeded);
}

void TestDeliveryEngine::outboxIsWrittenBeforeTheFirstAttempt()
{
    // When the server sees the request, the delivery is already in the database.
    bool wasStored = false;
    HistoryDatabase reader;
    QString error;
    QVERIFY(reader.open(m_dir->filePath(u"history.sqlite"_s), &error));
    QString id;
    m_server->setHandler([&](const HttpRequest &, HttpResponder r) {
        wasStored = reader.delivery(id).has_value();
        r.respond(200);
    });
    DeliveryEngine engine(*m_history, m_secrets);
    engine.setSettings(engineSettings());
    const Delivery d = makeDelivery(m_server->url());
    id = d.id;
    QVERIFY(engine.submit({d}, &error));
    QVERIFY(runUntilIdle(engine));
    QVERIFY(wasStored);
}

void TestDeliveryEngine::connectionsAreReused_data()
{
    QTest::addColumn<int>("maxPerHost");
    QTest::addColumn<bool>("oneAfterAnother"); // else submitted together
    QTest::newRow("one after another") << 6 << true;
    QTest::newRow("together, 2 per host") << 2 << false;
    QTest::newRow("together, 1 per host") << 1 << false;
}

// Keep-alive: the engine's requests to one host share the connections it opened, however many
// deliveries there are, and it never opens more than maxPerHost.
void TestDeliveryEngine::connectionsAreReused()
{
    QFETCH(int, maxPerHost);
    QFETCH(bool, oneAfterAnother);
    constexpr int count = 20;
    // As a receiver does, the server takes a moment (1 ms) to answer. Answered within
    // microseconds, in this very process, Qt 6.4 sometimes reopens a connection after limiting
    // its read buffer (HttpAttempt explains why the limit is needed).
    m_server->setHandler([](const HttpRequest &, HttpResponder r) { r.respondAfter(1, 200); });

    DeliveryEngine engine(*m_history, m_secrets);
    engine.setSettings(engineSettings());
    DeliveryEngine::Settings settings = engineSettings();
    settings.maxPerHost = maxPerHost;
    engine.setSettings(settings);
    QString error;
    if (oneAfterAnother) {
        for (int i = 0; i < count; ++i) {
            QVERIFY2(engine.submit({makeDelivery(m_server->url())}, &error), qPrintable(error));
            QVERIFY(runUntilIdle(engine));
        }
    } else {
        QList<Delivery> batch;
        for (int i = 0; i < count; ++i)
            batch.append(makeDelivery(m_server->url()));
        QVERIFY2(engine.submit(batch, &error), qPrintable(error));
        QVERIFY(runUntilIdle(engine));
    }

    QCOMPARE(m_received.size(), count);
    // Even with the 1 ms, Qt 6.4 may still close one connection and open another in its place
    // on a loaded machine (seen once in the sanitizer build under ctest -j2: 3 connections for
    // 2 per host). One such replacement is allowed, no more; how many requests are in flight
    // at once is perHostLimitIsKept's to check.
    const quint64 accepted = m_server->acceptedConnectionCount();
    const quint64 limit = quint64(oneAfterAnother ? 1 : maxPerHost);
    QVERIFY2(accepted >= 1 && accepted <= limit + 1, qPrintable(u"%1 connections"_s.arg(accepted)));
    QHash<quint64, int> requestsPerConnection;
    for (const HttpRequest &request : std::as_const(m_received))
        ++requestsPerConnection[request.connectionId];
    QCOMPARE(quint64(requestsPerConnection.size()), accepted);
    int carriedOne = 0; // connections that carried a single request
    for (auto it = requestsPerConnection.cbegin(); it != requestsPerConnection.cend(); ++it) {
        if (it.value() <= 1)
            ++carriedOne;
    }
    QVERIFY2(
        carriedOne <= (accepted > limit ? 1 : 0),
        qPrintable(u"%1 of %2 connections carried one request"_s.arg(carriedOne).arg(accepted)));
    HistoryFilter succeeded;
    succeeded.status = DeliveryStatus::Succeeded;
    QCOMPARE(m_history->countDeliveries(succeeded), qint64(count));
}

void TestDeliveryEngine::aKeptAliveConnectionTheReceiverClosesIsLetGo_data()
{
    addThreadRows();
}

// A kept-alive connection waits in libcurl's pool with its read notifier still on (CurlMulti).
// When the receiver closes it, the socket turns readable for good: the notifier must go off then,
// not wake the event loop over and over, and the next delivery goes on a new connection.
void TestDeliveryEngine::aKeptAliveConnectionTheReceiverClosesIsLetGo()
{
    QFETCH(int, threads);
    m_server->setIdleTimeout(100);
    DeliveryEngine engine(*m_history, m_secrets);
    DeliveryEngine::Settings settings = engineSettings();
    settings.deliveryThreads = threads;
    engine.setSettings(settings);
    QString error;
    QVERIFY2(engine.submit({makeDelivery(m_server->url())}, &error), qPrintable(error));
    QVERIFY(runUntilIdle(engine));
    QCOMPARE(m_server->acceptedConnectionCount(), 1u);
    QTRY_COMPARE_WITH_TIMEOUT(m_server->connectionCount(), 0, 5000); // closed by the receiver

    // Half a second with the closed connection in the pool: a notifier left on would keep this
    // process busy all along.
    const auto cpuMs = [] {
        rusage usage{};
        getrusage(RUSAGE_SELF, &usage);
        return (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000
               + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000;
    };
    const long before = cpuMs();
    QTest::qWait(500);
    const long used = cpuMs() - before;
    qInfo("%d thread(s): %ld ms of CPU in 500 ms with the closed connection pooled", threads, used);
    QVERIFY2(used < 250, qPrintable(u"%1 ms of CPU"_s.arg(used)));

    QVERIFY2(engine.submit({makeDelivery(m_server->url())}, &error), qPrintable(error));
    QVERIFY(runUntilIdle(engine));
    QCOMPARE(m_received.size(), 2);
    QCOMPARE(m_server->acceptedConnectionCount(), 2u);
}

void TestDeliveryEngine::http11CanBeForced_data()
{
    QTest::addColumn<bool>("allowHttp2");
    QTest::newRow("HTTP/2 allowed") << true;
    QTest::newRow("HTTP/1.1 forced") << false;
}

// With allowHttp2 = false every request still succeeds, as HTTP/1.1. HttpAttempt passes the
// setting on as QNetworkRequest::Http2AllowedAttribute. On cleartext Qt never speaks HTTP/2 unless
// told the server does (Http2DirectAttribute, which Kanca never sets) and sends no h2c Upgrade,
// so both rows arrive as HTTP/1.1 here: the difference shows only over TLS, where
// tst_deliverytls checks that "h2" is offered in the handshake only when allowed.
void TestDeliveryEngine::http11CanBeForced()
{
    QFETCH(bool, allowHttp2);
    DeliveryEngine engine(*m_history, m_secrets);
    engine.setSettings(engineSettings());
    DeliveryEngine::Settings settings = engineSettings();
    settings.allowHttp2 = allowHttp2;
    engine.setSettings(settings);
    QList<Delivery> batch;
    for (int i = 0; i < 5; ++i)
        batch.append(makeDelivery(m_server->url()));
    QString error;
    QVERIFY2(engine.submit(batch, &error), qPrintable(error));
    QVERIFY(runUntilIdle(engine));

    QCOMPARE(m_received.size(), batch.size());
    for (const HttpRequest &request : std::as_const(m_received)) {
        QCOMPARE(request.httpVersion, QByteArray("HTTP/1.1"));
        QVERIFY(!request.hasHeader("Upgrade"));
        QVERIFY(!request.hasHeader("HTTP2-Settings"));
    }
    for (const Delivery &d : std::as_const(batch)) {
        const auto stored = m_history->delivery(d.id);
        QCOMPARE(stored->status, DeliveryStatus::Succeeded);
        QCOMPARE(stored->lastHttpStatus, std::optional<int>(200));
    }
}

// Memory does not grow with the number of deliveries: after every batch the engine holds no
// finished delivery, nothing waits to be written, and no per-attempt object is left behind.
void TestDeliveryEngine::finishedDeliveriesAreNotKept()
{
    constexpr int batches = 10;
    constexpr int batchSize = 500;
    qsizetype received = 0;
    m_server->setHandler([&received](const HttpRequest &, HttpResponder r) {
        ++received;
        r.respond(200);
    });
    disconnect(m_server.get(), &HttpServer::requestReceived, this, nullptr); // keep none here
    DeliveryEngine engine(*m_history, m_secrets);
    engine.setSettings(engineSettings());
    int finished = 0;
    connect(&engine, &DeliveryEngine::deliveryFinished, this, [&finished] { ++finished; });
    const qsizetype childrenBefore = engine.children().size();

    for (int b = 0; b < batches; ++b) {
        QList<Delivery> batch;
        batch.reserve(batchSize);
        for (int i = 0; i < batchSize; ++i)
            batch.append(makeDelivery(m_server->url()));
        QString error;
        QVERIFY2(engine.submit(batch, &error), qPrintable(error));
        QCOMPARE(engine.activeCount(), batchSize);
        QVERIFY(!engine.isIdle());
        QVERIFY2(runUntilIdle(engine), qPrintable(u"batch %1"_s.arg(b + 1)));

        QCOMPARE(finished, (b + 1) * batchSize);
        QCOMPARE(engine.activeCount(), 0);
        QVERIFY(engine.isIdle());
        // Finished attempts are deleted (later, through the event loop), not collected.
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
        QCOMPARE(engine.children().size(), childrenBefore);
    }
    QCOMPARE(received, qsizetype(batches * batchSize));
    QCOMPARE(m_history->countAttempts(), qint64(batches * batchSize));
    QCOMPARE(m_history->unfinishedDeliveries().size(), 0);
}

void TestDeliveryEngine::twoEnginesOnOneOutboxSendEachDeliveryOnce()
{
    // As the designer and `kanca deliver` (or two of them) on one history: 300 deliveries
    // waiting in the outbox, two engines taking work from it, each with its own connection.
    constexpr int count = 300;
    m_server->setHandler([](const HttpRequest &, HttpResponder r) { r.respondAfter(2, 200); });
    QList<Delivery> pending;
    for (int i = 0; i < count; ++i)
        pending.append(makeDelivery(m_server->url() + u"/"_s + QString::number(i)));
    QString error;
    QVERIFY2(m_history->insertDeliveries(pending, nullptr, &error), qPrintable(error));

    HistoryDatabase second;
    QVERIFY2(second.open(m_history->path(), &error), qPrintable(error));
    DeliveryEngine one(*m_history, m_secrets);
    one.setSettings(engineSettings());
    DeliveryEngine two(second, m_secrets);
    two.setSettings(engineSettings());
    DeliveryEngine::Settings settings = engineSettings();
    settings.claimBatch = 16; // small batches, so that both take turns
    one.setSettings(settings);
    two.setSettings(settings);
    int byOne = 0;
    int byTwo = 0;
    connect(&one, &DeliveryEngine::deliveryFinished, this, [&] { ++byOne; });
    connect(&two, &DeliveryEngine::deliveryFinished, this, [&] { ++byTwo; });
    QVERIFY(one.sendFromOutbox(&error));
    QVERIFY(two.sendFromOutbox(&error));
    QTRY_COMPARE_WITH_TIMEOUT(byOne + byTwo, count, 60000);
    QVERIFY(runUntilIdle(one));
    QVERIFY(runUntilIdle(two));

    QHash<QByteArray, int> arrivals;
    for (const HttpRequest &request : std::as_const(m_received))
        ++arrivals[request.target];
    QCOMPARE(m_received.size(), count);
    QCOMPARE(arrivals.size(), count);
    QVERIFY2(byOne > 0 && byTwo > 0, qPrintable(u"%1 / %2"_s.arg(byOne).arg(byTwo)));
    QCOMPARE(m_history->countAttempts(), qint64(count));
    QVERIFY(m_history->unfinishedDeliveries().isEmpty());
    qInfo("300 deliveries, two engines: %d sent by one, %d by the other", byOne, byTwo);
}

void TestDeliveryEngine::fullDiskStopsTheEngine()
{
    // The history's file may not grow any more: SQLite's "database or disk is full", as a full
    // disk gives it (max_page_count on the engine's own connection). The receiver takes 20 ms,
    // longer than a batch of results waits, so that the history is written while some of the
    // deliveries have not been sent yet.
    m_server->setHandler([this](const HttpRequest &, HttpResponder r) {
        QTimer::singleShot(20, this, [r]() mutable { r.respond(200); });
    });
    DeliveryEngine engine(*m_history, m_secrets);
    engine.setSettings(engineSettings());
    DeliveryEngine::Settings settings = engineSettings();
    settings.maxPerHost = 2;
    engine.setSettings(settings);
    QList<Delivery> batch;
    for (int i = 0; i < 40; ++i)
        batch.append(makeDelivery(m_server->url(), QByteArray(2000, 'x')));
    QString error;
    QVERIFY2(engine.submit(batch, &error), qPrintable(error));
    {
        QSqlQuery full(QSqlDatabase::database(m_history->connectionName()));
        QVERIFY(full.exec(u"PRAGMA page_count"_s) && full.next());
        const qint64 pages = full.value(0).toLongLong();
        QVERIFY(full.exec(u"PRAGMA max_page_count = %1"_s.arg(pages)));
    }
    QStringList finished;
    QStringList unrecorded;
    QString failure;
    connect(&engine, &DeliveryEngine::deliveryFinished, this,
            [&](const Delivery &d) { finished.append(d.id); });
    connect(&engine, &DeliveryEngine::storageFailed, this,
            [&](const QString &message, const QStringList &ids) {
                if (failure.isEmpty())
                    failure = message;
                unrecorded += ids;
            });
    QVERIFY(runUntilIdle(engine));
    QVERIFY(engine.hasFailed());
    QVERIFY2(failure.contains(u"the disk is full"_s), qPrintable(failure));
    QVERIFY(!unrecorded.isEmpty());
    // Nothing is reported finished without its record; it stopped at once: only attempts that
    // were already started were sent.
    for (const QString &id : std::as_const(finished))
        QCOMPARE(m_history->delivery(id)->status, DeliveryStatus::Succeeded);
    QVERIFY2(m_received.size() <= finished.size() + unrecorded.size() + settings.maxPerHost,
             qPrintable(u"%1 received, %2 finished, %3 unrecorded"_s.arg(m_received.size())
                            .arg(finished.size())
                            .arg(unrecorded.size())));
    QVERIFY(m_received.size() < batch.size());
    qInfo("full disk: %lld of %lld sent, %lld finished and recorded, %lld sent but unrecorded",
          qint64(m_received.size()), qint64(batch.size()), qint64(finished.size()),
          qint64(unrecorded.size()));
    QVERIFY2(!engine.submit({makeDelivery(m_server->url())}, &error), "no new work");
}

void TestDeliveryEngine::engineGoingAwayRecordsWhatWasInFlight()
{
    // A receiver that answers once and then never; the engine goes away (the designer closes)
    // meanwhile.
    bool answered = false;
    m_server->setHandler([&answered](const HttpRequest &, HttpResponder r) {
        if (!std::exchange(answered, true))
            r.respond(200);
    });
    const Delivery first = makeDelivery(m_server->url());
    const Delivery inFlight = makeDelivery(m_server->url());
    Delivery waiting = makeDelivery(m_server->url());
    {
        DeliveryEngine engine(*m_history, m_secrets);
        engine.setSettings(engineSettings());
        DeliveryEngine::Settings settings = engineSettings();
        settings.maxPerHost = 1;
        engine.setSettings(settings);
        QSignalSpy done(&engine, &DeliveryEngine::deliveryFinished);
        QString error;
        QVERIFY(engine.submit({first}, &error));
        QVERIFY(done.wait(10'000)); // the destination answered: attempts are started ahead
        QVERIFY(engine.submit({inFlight, waiting}, &error));
        QTRY_COMPARE(m_received.size(), 2);
        // The second is started too, waiting on its thread for the one connection.
        QTRY_COMPARE(engine.inFlightCount(), 2);
    }
    const QList<Attempt> attempts = m_history->attempts(inFlight.id);
    QCOMPARE(attempts.size(), 1);
    QVERIFY(attempts.first().error.startsWith(u"Interrupted:"_s));
    // It never left: given back with no attempt recorded.
    QVERIFY(m_history->attempts(waiting.id).isEmpty());
    QCOMPARE(m_history->delivery(waiting.id)->attemptCount, 0);
    // Both are given back: another engine continues them at once.
    DeliveryEngine next(*m_history, m_secrets);
    next.setSettings(engineSettings());
    QSignalSpy finished(&next, &DeliveryEngine::deliveryFinished);
    m_server->setHandler([](const HttpRequest &, HttpResponder r) { r.respond(200); });
    QString error;
    QVERIFY(next.sendFromOutbox(&error));
    QTRY_COMPARE(finished.size(), 2);
    QCOMPARE(m_history->delivery(inFlight.id)->attemptCount, 2);
    QCOMPARE(m_history->delivery(waiting.id)->attemptCount, 1);
}

void TestDeliveryEngine::openBreakerHoldsOneHostAndNotTheOthers()
{
    // A receiver answering 503 to everything, and a healthy one, both with work in the outbox.
    HttpServer down;
    QString error;
    QVERIFY(down.listen(QHostAddress::LocalHost, 0, &error));
    int downCalls = 0;
    down.setHandler([&](const HttpRequest &, HttpResponder r) {
        ++downCalls;
        r.respond(503);
    });
    m_server->setHandler([](const HttpRequest &, HttpResponder r) { r.respond(200); });
    QList<Delivery> work;
    for (int i = 0; i < 20; ++i) {
        Delivery toDown = makeDelivery(down.url() + u"/d"_s);
        toDown.retry = {3, 10, 20};
        work.append(toDown);
        work.append(makeDelivery(m_server->url() + u"/ok"_s));
    }
    QVERIFY(m_history->insertDeliveries(work, nullptr, &error));

    DeliveryEngine engine(*m_history, m_secrets);
    engine.setSettings(engineSettings());
    DeliveryEngine::Settings settings = engineSettings();
    settings.breaker = {3, 60'000, 600'000}; // open after 3 failures, for a minute
    settings.maxPerHost = 1;
    // Retries come due (after 10 ms) while their failed attempts still wait to be written: a
    // delivery held back then must still go back to the outbox.
    settings.historyBatchMs = 1000;
    engine.setSettings(settings);
    QList<CircuitBreaker::State> changes;
    connect(&engine, &DeliveryEngine::circuitChanged, this,
            [&](const QString &destination, CircuitBreaker::State state) {
                QCOMPARE(destination, deliveryDestination(down.url()));
                changes.append(state);
            });
    QSignalSpy finished(&engine, &DeliveryEngine::deliveryFinished);
    QVERIFY(engine.sendFromOutbox(&error));
    // Every healthy delivery goes through while the other host is held back.
    QTRY_COMPARE_WITH_TIMEOUT(m_received.size(), 20, 20000);
    QTest::qWait(200);
    QCOMPARE(downCalls, 3);
    QCOMPARE(changes, QList<CircuitBreaker::State>{CircuitBreaker::State::Open});
    QCOMPARE(engine.circuitStates().value(deliveryDestination(down.url())),
             CircuitBreaker::State::Open);
    // The held ones wait in the outbox, unclaimed, for the probe.
    Outbox::ClaimRequest request;
    QStringList ids;
    for (const Delivery &delivery : std::as_const(work))
        ids.append(delivery.id);
    request.onlyIds = ids;
    const Outbox::Claim other{u"other/1/x"_s, 60'000};
    const auto taken = m_history->claimDue(request, other, &error);
    QVERIFY2(taken, qPrintable(error));
    QCOMPARE(taken->size(), 20);
    for (const Delivery &delivery : *taken)
        QCOMPARE(deliveryDestination(delivery.request.url), deliveryDestination(down.url()));
}

void TestDeliveryEngine::drainingFinishesWhatIsInFlightAndGivesBackTheRest()
{
    // A slow receiver and one connection: one attempt in flight, the others waiting (nothing is
    // started ahead to a destination that has not answered yet).
    m_server->setHandler([](const HttpRequest &, HttpResponder r) { r.respondAfter(300, 200); });
    QList<Delivery> work;
    for (int i = 0; i < 5; ++i)
        work.append(makeDelivery(m_server->url()));
    DeliveryEngine engine(*m_history, m_secrets);
    engine.setSettings(engineSettings());
    DeliveryEngine::Settings settings = engineSettings();
    settings.maxPerHost = 1;
    engine.setSettings(settings);
    QString error;
    QVERIFY(engine.submit(work, &error));
    QTRY_COMPARE(m_received.size(), 1);
    QCOMPARE(engine.inFlightCount(), 1);
    QSignalSpy drained(&engine, &DeliveryEngine::drained);
    QSignalSpy finished(&engine, &DeliveryEngine::deliveryFinished);
    engine.drain();
    QVERIFY(drained.wait(5000));
    QCOMPARE(finished.size(), 1); // the one in flight ended and was recorded
    QCOMPARE(m_received.size(), 1);
    QCOMPARE(m_history->delivery(work.first().id)->status, DeliveryStatus::Succeeded);
    // The rest is back in the outbox, claimable by anyone at once.
    const Outbox::Claim next{u"next/1/x"_s, 60'000};
    const auto taken = m_history->claimDue({}, next, &error);
    QVERIFY2(taken, qPrintable(error));
    QCOMPARE(taken->size(), 4);
}

void TestDeliveryEngine::destinationsKeepTheirThread_data()
{
    addThreadRows();
}

// Two destinations with work at once go to different threads, and each destination's attempts
// all leave from one thread (its connections and order); with one thread, from the engine's.
void TestDeliveryEngine::destinationsKeepTheirThread()
{
    QFETCH(int, threads);
    HttpServer other;
    QString error;
    QVERIFY(other.listen(QHostAddress::LocalHost, 0, &error));
    const auto answer = [](const HttpRequest &, HttpResponder r) { r.respond(200); };
    m_server->setHandler(answer);
    other.setHandler(answer);

    DeliveryEngine engine(*m_history, m_secrets);
    DeliveryEngine::Settings settings = engineSettings();
    settings.deliveryThreads = threads;
    settings.maxPerHost = 2;
    engine.setSettings(settings);
    QMutex mutex;
    QHash<QString, QThread *> sentFrom; // delivery id -> the thread its request left from
    connect(
        &engine.deliveryThreads(), &DeliveryThreads::sending, this,
        [&](const QString &id) {
            const QMutexLocker lock(&mutex);
            sentFrom.insert(id, QThread::currentThread());
        },
        Qt::DirectConnection);

    // Each delivery retries twice (500, 500, then 200): later attempts go to the same thread.
    QHash<QString, int> calls;
    const auto failTwice = [&calls](const HttpRequest &request, HttpResponder r) {
        const int n = ++calls[QString::fromUtf8(request.body)];
        r.respond(n <= 2 ? 500 : 200);
    };
    m_server->setHandler(failTwice);
    other.setHandler(failTwice);
    QList<Delivery> toFirst;
    QList<Delivery> toSecond;
    for (int i = 0; i < 10; ++i) {
        Delivery first =
            makeDelivery(m_server->url() + u"/a"_s, "{\"a\": " + QByteArray::number(i) + '}');
        first.retry = {3, 1, 5};
        toFirst.append(first);
        Delivery second =
            makeDelivery(other.url() + u"/b"_s, "{\"b\": " + QByteArray::number(i) + '}');
        second.retry = {3, 1, 5};
        toSecond.append(second);
    }
    QSignalSpy finished(&engine, &DeliveryEngine::deliveryFinished);
    QVERIFY(engine.submit(toFirst + toSecond, &error));
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 20, 30000);
    QCOMPARE(engine.deliveryThreads().count(), threads);

    const QMutexLocker lock(&mutex);
    QCOMPARE(sentFrom.size(), 20);
    for (const Delivery &delivery : toFirst + toSecond) {
        QCOMPARE(m_history->delivery(delivery.id)->status, DeliveryStatus::Succeeded);
        QCOMPARE(m_history->delivery(delivery.id)->attemptCount, 3);
    }
    const auto threadOf = [&](const QList<Delivery> &deliveries) {
        QSet<QThread *> seen;
        for (const Delivery &delivery : deliveries)
            seen.insert(sentFrom.value(delivery.id));
        return seen;
    };
    const QSet<QThread *> first = threadOf(toFirst);
    const QSet<QThread *> second = threadOf(toSecond);
    QCOMPARE(first.size(), 1);
    QCOMPARE(second.size(), 1);
    QVERIFY(!first.contains(nullptr));
    if (threads == 1) {
        QCOMPARE(*first.cbegin(), QThread::currentThread());
        QCOMPARE(*second.cbegin(), QThread::currentThread());
    } else {
        QVERIFY(*first.cbegin() != QThread::currentThread());
        QVERIFY(*second.cbegin() != QThread::currentThread());
        QVERIFY2(*first.cbegin() != *second.cbegin(), "two destinations, two threads");
        // Named so that top -H and perf tell them apart (docs/server.md); Linux keeps 15 bytes.
        if (Testing::threadNamesSupported()) {
            const QStringList names = Testing::threadNames();
            for (int i = 1; i <= threads; ++i) {
                const QString name = u"Kanca deliver %1"_s.arg(i);
                QVERIFY2(names.contains(name),
                         qPrintable(name + u" not in "_s + names.join(u", ")));
            }
        }
    }
}

QTEST_GUILESS_MAIN(TestDeliveryEngine)
#include "tst_deliveryengine.moc"
