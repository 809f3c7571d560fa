// The Send test's logic without widgets: one attempt unless a retry is asked for, what a test
// came to in one line, and what arrived at the local catcher judged with the receiver's answer.
// A real HTTP server (the catcher) on 127.0.0.1 answers 503; the history is a real SQLite file.
#include "delivery/Delivery.h"
#include "endpoints/Catcher.h"
#include "engine/DeliveryId.h"
#include "sendtest/ReceivedCheck.h"
#include "sendtest/TestOutcome.h"
#include "sendtest/TestSend.h"
#include "services/DeliveryService.h"
#include "services/SecretStore.h"
#include "services/TestEndpoints.h"
#include "settings/LanguageManager.h"
#include "settings/Settings.h"

#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Kanca;
using namespace Qt::StringLiterals;

namespace {

Delivery makeDelivery(const QString &url)
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
    d.request.headers = {{u"Content-Type"_s, u"application/json"_s, false}};
    d.request.body = "{\"a\": 1}";
    d.timeoutMs = 5000;
    d.retry = {3, 10, 20};
    d.nextAttemptAt = d.createdAt;
    return d;
}

} // namespace

class TestSendTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void outcomeInOneLine();
    void oneAttemptUnlessAskedToRetry();
    void receivedButRefusedIsNotDelivered();

private:
    // Sends `delivery` as a test and waits until it finished; its outcome.
    TestOutcome send(const Delivery &delivery, TestSend::Retry retry, ReceivedCheck *check);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<DeliveryService> m_service;
    std::unique_ptr<TestEndpoints> m_endpoints;
};

void TestSendTest::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    LanguageManager::instance().setLanguage(Language::English);
}

void TestSendTest::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    Settings::useTemporaryFile(m_dir->filePath(u"settings.ini"_s));
    m_service = std::make_unique<DeliveryService>();
    QString error;
    QVERIFY2(m_service->open(m_dir->filePath(u"history.sqlite"_s), &error), qPrintable(error));
    m_endpoints = std::make_unique<TestEndpoints>(&m_service->secrets());
    QVERIFY2(m_endpoints->startCatcher(0, &error), qPrintable(error));
    Catcher::Response unavailable;
    unavailable.status = 503;
    unavailable.body = "down for maintenance";
    m_endpoints->catcher()->setResponse(unavailable);
}

void TestSendTest::cleanup()
{
    if (m_service && !m_service->engine().isIdle()) {
        QSignalSpy idle(&m_service->engine(), &DeliveryEngine::idle);
        idle.wait(10000);
    }
    m_endpoints.reset();
    m_service.reset();
    m_dir.reset();
}

TestOutcome TestSendTest::send(const Delivery &delivery, TestSend::Retry retry,
                               ReceivedCheck *check)
{
    TestSend test(m_service.get());
    QSignalSpy finished(&test, &TestSend::deliveryFinished);
    if (check) {
        connect(&test, &TestSend::deliveryFinished, check,
                [check](int index, const Delivery &done, const Attempt &last) {
                    check->check(index, done, last);
                });
    }
    QString error;
    if (!test.start({delivery}, retry, &error)) {
        qWarning("not started: %s", qPrintable(error));
        return {};
    }
    if (!finished.wait(15000) || finished.size() != 1)
        return {};
    return TestOutcome::of(finished.first().at(1).value<Delivery>(),
                           finished.first().at(2).value<Attempt>());
}

void TestSendTest::outcomeInOneLine()
{
    Delivery delivery = makeDelivery(u"http://127.0.0.1:1/"_s);
    Attempt attempt;
    attempt.number = 1;
    attempt.durationMs = 12;
    attempt.httpStatus = 200;
    delivery.status = DeliveryStatus::Succeeded;
    delivery.attemptCount = 1;
    QCOMPARE(TestOutcome::of(delivery, attempt).banner(), u"✓ Delivered: HTTP 200 in 12 ms"_s);

    delivery.status = DeliveryStatus::Failed;
    delivery.attemptCount = 5;
    attempt.number = 5;
    attempt.httpStatus = 503;
    attempt.error = u"The receiver answered HTTP 503"_s;
    const TestOutcome failed = TestOutcome::of(delivery, attempt);
    QVERIFY(!failed.delivered);
    QCOMPARE(failed.banner(), u"✗ HTTP 503 after 5 attempts"_s);
    QCOMPARE(failed.answerText(), u"HTTP 503"_s);

    delivery.attemptCount = 1;
    attempt.number = 1;
    attempt.httpStatus.reset();
    attempt.error = u"Connection refused"_s;
    QCOMPARE(TestOutcome::of(delivery, attempt).banner(),
             u"✗ No answer after 1 attempt: Connection refused"_s);

    // Several webhooks: a line each, the one still under way said so.
    QCOMPARE(TestOutcome::banner({failed, std::nullopt}),
             u"Webhook 1: ✗ HTTP 503 after 5 attempts\nWebhook 2: Sending…"_s);
}

void TestSendTest::oneAttemptUnlessAskedToRetry()
{
    Catcher *catcher = m_endpoints->catcher();
    const Delivery delivery = makeDelivery(m_endpoints->catcherUrl());
    QCOMPARE(delivery.retry.maxAttempts, 3);

    const TestOutcome once = send(delivery, TestSend::Retry::Once, nullptr);
    QCOMPARE(catcher->requests().size(), 1);
    QVERIFY(!once.delivered);
    QCOMPARE(once.httpStatus, std::optional<int>(503));
    QCOMPARE(once.attempts, 1);
    QCOMPARE(once.banner(), u"✗ HTTP 503 after 1 attempt"_s);

    Delivery again = makeDelivery(m_endpoints->catcherUrl());
    const TestOutcome retried = send(again, TestSend::Retry::AsTheRuleSays, nullptr);
    QCOMPARE(catcher->requests().size(), 1 + 3);
    QCOMPARE(retried.attempts, 3);
    QCOMPARE(retried.banner(), u"✗ HTTP 503 after 3 attempts"_s);
    QCOMPARE(m_service->history().attempts(again.id).size(), 3);
}

void TestSendTest::receivedButRefusedIsNotDelivered()
{
    ReceivedCheck check(m_endpoints.get(), &m_service->secrets());
    QSignalSpy compared(&check, &ReceivedCheck::compared);
    const TestOutcome outcome =
        send(makeDelivery(m_endpoints->catcherUrl()), TestSend::Retry::Once, &check);
    QCOMPARE(outcome.httpStatus, std::optional<int>(503));
    QTRY_COMPARE(compared.size(), 1);
    const auto result = compared.first().at(1).value<ReceivedCheck::Result>();
    // Everything arrived unchanged, and still the receiver refused it.
    QVERIFY(result.comparison.matches());
    QVERIFY(!result.outcome.delivered);
    QCOMPARE(result.outcome.answerText(), u"HTTP 503"_s);

    // Answered 2xx: delivered.
    Catcher::Response ok;
    m_endpoints->catcher()->setResponse(ok);
    const TestOutcome delivered =
        send(makeDelivery(m_endpoints->catcherUrl()), TestSend::Retry::Once, &check);
    QVERIFY(delivered.delivered);
    QVERIFY2(delivered.banner().startsWith(u"✓ Delivered: HTTP 200 in "_s),
             qPrintable(delivered.banner()));
    QTRY_COMPARE(compared.size(), 2);
    QVERIFY(compared.at(1).at(1).value<ReceivedCheck::Result>().outcome.delivered);
}

QTEST_MAIN(TestSendTest)
#include "tst_sendtest.moc"
