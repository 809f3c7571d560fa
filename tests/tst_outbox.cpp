// The outbox's claims, as any number of engines see them: due work claimed once, leases that
// keep it and expire, attempts interrupted by a dead claimer, results guarded by the claim.
// Written against the Outbox interface, built twice: tst_outbox on a real SQLite history,
// tst_outbox_postgres (KANCA_OUTBOX_POSTGRES) on a real PostgreSQL database of its own (see
// support/PostgresTestDatabase.h). Time passes by claiming "later": ClaimRequest::now.
#include "catalog/Catalog.h"
#include "delivery/DeliveryEngine.h"
#include "engine/DeliveryId.h"
#include "engine/SecretProvider.h"
#include "history/HistoryDatabase.h"
#include "outbox/ClaimToken.h"
#include "outbox/OpenStorage.h"
#include "outbox/OutboxStorage.h"
#include "outbox/StorageThread.h"
#include "postgres/PostgresDirect.h"
#include "postgres/PostgresSchema.h"
#include "postgres/PostgresStore.h"
#include "server/EventIngest.h"
#include "server/ServedRuleSet.h"
#include "support/PostgresTestDatabase.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <numeric>
#include <thread>

using namespace Kanca;
using namespace Qt::StringLiterals;

namespace {

#ifdef KANCA_OUTBOX_POSTGRES
using Store = PostgresStore;
bool openStore(Store &store, const QString &where, QString *error)
{
    const std::optional<PostgresUrl> url = PostgresUrl::parse(where, error);
    return url && store.open(*url, error);
}
qint64 countAll(const Store &store)
{
    return store.countDeliveries({});
}
#else
using Store = HistoryDatabase;
bool openStore(Store &store, const QString &where, QString *error)
{
    return store.open(where, error);
}
qint64 countAll(const Store &store)
{
    return store.countDeliveries({});
}
#endif

// Starts `thread` on a connection of its own to the database at `where`.
bool startOn(StorageThread &thread, const QString &where, QString *error)
{
    return thread.start([where](QString *why) { return OpenStorage::open(where, {}, why); }, error);
}

const QDateTime Now = QDateTime::currentDateTimeUtc();

Delivery makeDelivery(const QString &host, const QDateTime &due, int maxAttempts = 3)
{
    Delivery d;
    d.id = newDeliveryId();
    d.createdAt = Now;
    d.ruleSetName = u"Outbox"_s;
    d.ruleId = u"r"_s;
    d.ruleName = u"Rule"_s;
    d.eventId = u"evt"_s;
    d.eventType = u"chat.opened"_s;
    d.request.method = u"POST"_s;
    d.request.url = u"https://"_s + host + u"/hook"_s;
    d.request.body = "{}";
    d.timeoutMs = 10'000;
    d.retry = {maxAttempts, 100, 1000};
    d.nextAttemptAt = due;
    return d;
}

QStringList idsOf(const std::optional<QList<Delivery>> &deliveries)
{
    QStringList ids;
    if (deliveries) {
        for (const Delivery &d : *deliveries)
            ids.append(d.id);
    }
    return ids;
}

Outbox::ClaimRequest at(const QDateTime &now, int limit = 100)
{
    Outbox::ClaimRequest request;
    request.now = now;
    request.limit = limit;
    return request;
}

Outbox::AttemptResult succeeded(const QString &id, int number, const QDateTime &startedAt)
{
    Outbox::AttemptResult result;
    result.attempt.deliveryId = id;
    result.attempt.number = number;
    result.attempt.startedAt = startedAt;
    result.attempt.httpStatus = 200;
    result.attempt.outcome = Attempt::Outcome::Succeeded;
    result.status = DeliveryStatus::Succeeded;
    return result;
}

// An event `id` received at Now, with `deliveries` deliveries to a.example.
EventStore::IncomingEvent incoming(const QString &id, int deliveries)
{
    EventStore::IncomingEvent event;
    event.id = id;
    event.type = u"chat.opened"_s;
    event.receivedAt = Now;
    event.json = "{\"type\": \"chat.opened\", \"id\": \"" + id.toUtf8() + "\"}";
    event.ruleSetHash = u"abc123"_s;
    for (int i = 0; i < deliveries; ++i) {
        Delivery d = makeDelivery(u"a.example"_s, Now);
        d.eventId = id;
        d.ruleSetHash = event.ruleSetHash;
        event.deliveries.append(d);
    }
    return event;
}

// A lease taken at `now` has surely ended at the returned time.
QDateTime afterLease(const QDateTime &now)
{
    return now.addMSecs(60'000 + Outbox::LeaseMarginMs + 10'000);
}

} // namespace

class TestOutbox : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void claimsDueWorkSoonestFirstOnce();
    void claimedWhenAddedIsNotClaimedAgain();
    void expiredLeaseIsTakenOver();
    void renewedLeaseIsKept();
    void interruptedAttemptIsRecordedByTheNext();
    void interruptedLastAttemptFails();
    void resultsOfALostClaimAreRefused();
    void claimOfAProcessThatIsGoneIsTakenAtOnce();
    void skipsDestinationsAndTakesOnlyIds();
    void destinationsOfInterleavedAndManyUrls();
    void releasedDeliveriesAreClaimableAtOnce();
    void startsThatNeverLeftAreGivenBackWithoutAnAttempt();
    void retryGivenBackIsDueLater();
    void nextDueAndHeldElsewhere();
    void eventsAreAcceptedOnceWithTheirDeliveries();
    void acceptingIsAllOrNone();
    void aLargeBatchIsAcceptedWhole();
    void aBatchOfResultsKeepsOnlyWhatIsStillClaimed();
    void eventsAreReadByTimeAndForgotten();
    void awkwardTextAndBytesAreKeptExactly();
    void eventsWithoutDeliveriesAndEmptyBodiesAreKept();
    void concurrentDuplicatesGetTheFirstAnswer();
    void concurrentClaimsNeverOverlap();
    void workersAreRegisteredOnSharedStorageOnly();
    void aStorageThreadWritesOnItsOwnConnection();
    void anIngestGroupHoldsAtMostMaxGroupEvents();
#ifdef KANCA_OUTBOX_POSTGRES
    void versionTwoIsUpgraded();
    void lostConnectionIsOpenedAgain();
    void everyCallAfterALostConnectionSaysSo_data();
    void everyCallAfterALostConnectionSaysSo();
    void newWorkWakesOtherListeners();
    void aNotificationReadDuringAStatementStillWakes();
    void statementMarksAreNumberedOutsideQuotes();
    void newerSchemaIsRefused();
    void versionOneIsUpgraded();
    void versionThreeChecksAttemptsAtCommit();
    void versionFourLeavesRoomForStartMarks();
    void hostSlotsAreSharedUpToTheLimit();
    void slotsOfAnEngineThatIsGoneAreFree();
    void breakersAreShared();
    void urlsAreReadAndShownWithoutPassword();
    void aBatchTriedAgainAfterItsCommitIsItsOwn();
    void plansMadeOnEmptyTablesStillFindRowsByKey();
#endif

private:
#ifdef KANCA_OUTBOX_POSTGRES
    // Closes both stores, takes the database back to schema `version` with `statements` (which
    // undo what the later steps made), and opens it again with `store`, which migrates it.
    bool reopenFromVersion(Store &store, int version, const QStringList &statements,
                           QString *error);
#endif

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_where;            // the file or the URL
    std::unique_ptr<Store> m_a; // two connections to one database: two engines
    std::unique_ptr<Store> m_b;
    Outbox::Claim m_claimA;
    Outbox::Claim m_claimB;
};

void TestOutbox::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
#ifdef KANCA_OUTBOX_POSTGRES
    KANCA_POSTGRES_DATABASE(url, u"kanca_tst_outbox"_s);
    m_where = url;
#else
    m_where = m_dir->filePath(u"outbox.sqlite"_s);
#endif
    m_a = std::make_unique<Store>();
    m_b = std::make_unique<Store>();
    QString error;
    QVERIFY2(openStore(*m_a, m_where, &error), qPrintable(error));
    QVERIFY2(openStore(*m_b, m_where, &error), qPrintable(error));
    m_claimA = {ClaimToken::create(), 60'000};
    m_claimB = {ClaimToken::create(), 60'000};
}

void TestOutbox::cleanup()
{
    m_a.reset();
    m_b.reset();
    m_dir.reset();
}

void TestOutbox::claimsDueWorkSoonestFirstOnce()
{
    const Delivery later = makeDelivery(u"a.example"_s, Now.addSecs(-10));
    const Delivery first = makeDelivery(u"a.example"_s, Now.addSecs(-30));
    const Delivery future = makeDelivery(u"a.example"_s, Now.addSecs(30));
    QString error;
    QVERIFY2(m_a->insertDeliveries({later, first, future}, nullptr, &error), qPrintable(error));

    QCOMPARE(idsOf(m_a->claimDue(at(Now), m_claimA, &error)), (QStringList{first.id, later.id}));
    // Held by a live claim: nobody else gets them, not even later.
    QVERIFY(idsOf(m_b->claimDue(at(Now.addSecs(5)), m_claimB, &error)).isEmpty());
    // What was not due comes when it is, to whoever asks.
    QCOMPARE(idsOf(m_b->claimDue(at(Now.addSecs(31)), m_claimB, &error)), QStringList{future.id});
    // The limit.
    QList<Delivery> many;
    for (int i = 0; i < 5; ++i)
        many.append(makeDelivery(u"b.example"_s, Now.addSecs(-5)));
    QVERIFY(m_a->insertDeliveries(many, nullptr, &error));
    QCOMPARE(idsOf(m_a->claimDue(at(Now, 3), m_claimA, &error)).size(), 3);
    QCOMPARE(idsOf(m_b->claimDue(at(Now, 10), m_claimB, &error)).size(), 2);
    QVERIFY(error.isEmpty());
}

void TestOutbox::claimedWhenAddedIsNotClaimedAgain()
{
    const Delivery d = makeDelivery(u"a.example"_s, Now);
    QString error;
    QVERIFY(m_a->insertDeliveries({d}, &m_claimA, &error));
    QVERIFY(idsOf(m_b->claimDue(at(Now), m_claimB, &error)).isEmpty());
    QVERIFY(idsOf(m_a->claimDue(at(Now), m_claimA, &error)).isEmpty()); // already its own
    QStringList lost;
    QVERIFY(m_a->recordAttempts({succeeded(d.id, 1, Now)}, m_claimA, &lost, &error));
    QVERIFY(lost.isEmpty());
    QCOMPARE(m_b->delivery(d.id)->status, DeliveryStatus::Succeeded);
}

void TestOutbox::expiredLeaseIsTakenOver()
{
    const Delivery d = makeDelivery(u"a.example"_s, Now);
    QString error;
    QVERIFY(m_a->insertDeliveries({d}, nullptr, &error));
    QCOMPARE(idsOf(m_a->claimDue(at(Now), m_claimA, &error)), QStringList{d.id});
    // The lease outlasts the attempt's timeout (10 s) plus the margin, and at least leaseMs.
    QVERIFY(idsOf(m_b->claimDue(at(Now.addSecs(59)), m_claimB, &error)).isEmpty());
    QCOMPARE(idsOf(m_b->claimDue(at(afterLease(Now)), m_claimB, &error)), QStringList{d.id});
}

void TestOutbox::renewedLeaseIsKept()
{
    const Delivery d = makeDelivery(u"a.example"_s, Now);
    QString error;
    QVERIFY(m_a->insertDeliveries({d}, nullptr, &error));
    QCOMPARE(idsOf(m_a->claimDue(at(Now), m_claimA, &error)), QStringList{d.id});
    const QDateTime renewedAt = Now.addSecs(50);
    QVERIFY2(m_a->renewClaims(m_claimA, renewedAt, &error), qPrintable(error));
    QVERIFY(idsOf(m_b->claimDue(at(afterLease(Now)), m_claimB, &error)).isEmpty());
    QCOMPARE(idsOf(m_b->claimDue(at(afterLease(renewedAt)), m_claimB, &error)), QStringList{d.id});
}

void TestOutbox::interruptedAttemptIsRecordedByTheNext()
{
    const Delivery d = makeDelivery(u"a.example"_s, Now);
    QString error;
    QVERIFY(m_a->insertDeliveries({d}, &m_claimA, &error));
    QStringList lost;
    QVERIFY2(m_a->startAttempts({{d.id, 1, Now}}, m_claimA, &lost, &error), qPrintable(error));
    QVERIFY(lost.isEmpty());
    // A dies here, its request maybe on the wire.
    const std::optional<QList<Delivery>> taken =
        m_b->claimDue(at(afterLease(Now)), m_claimB, &error);
    QCOMPARE(idsOf(taken), QStringList{d.id});
    QCOMPARE(taken->first().attemptCount, 1); // the next attempt is number 2: same webhook-id
    const QList<Attempt> attempts = m_b->attempts(d.id);
    QCOMPARE(attempts.size(), 1);
    QCOMPARE(attempts.first().number, 1);
    QCOMPARE(attempts.first().startedAt, Now);
    QCOMPARE(attempts.first().outcome, Attempt::Outcome::WillRetry);
    QVERIFY2(attempts.first().error.startsWith(u"Interrupted:"_s),
             qPrintable(attempts.first().error));
    QVERIFY(attempts.first().error.contains(d.id));
    QVERIFY(m_b->recordAttempts({succeeded(d.id, 2, afterLease(Now))}, m_claimB, &lost, &error));
    QCOMPARE(m_a->delivery(d.id)->attemptCount, 2);
}

void TestOutbox::interruptedLastAttemptFails()
{
    const Delivery d = makeDelivery(u"a.example"_s, Now, 1);
    QString error;
    QVERIFY(m_a->insertDeliveries({d}, &m_claimA, &error));
    QVERIFY(m_a->startAttempts({{d.id, 1, Now}}, m_claimA, nullptr, &error));
    QVERIFY(idsOf(m_b->claimDue(at(afterLease(Now)), m_claimB, &error)).isEmpty());
    const std::optional<Delivery> failed = m_b->delivery(d.id);
    QCOMPARE(failed->status, DeliveryStatus::Failed);
    QCOMPARE(failed->attemptCount, 1);
    QVERIFY(failed->lastError.startsWith(u"Interrupted:"_s));
    QVERIFY(failed->finishedAt.isValid());
}

void TestOutbox::resultsOfALostClaimAreRefused()
{
    const Delivery d = makeDelivery(u"a.example"_s, Now);
    QString error;
    QVERIFY(m_a->insertDeliveries({d}, &m_claimA, &error));
    // A hangs past its lease; B takes the delivery over (nothing was started).
    QCOMPARE(idsOf(m_b->claimDue(at(afterLease(Now)), m_claimB, &error)), QStringList{d.id});
    QStringList lost;
    QVERIFY(m_a->startAttempts({{d.id, 1, Now}}, m_claimA, &lost, &error));
    QCOMPARE(lost, QStringList{d.id});
    lost.clear();
    QVERIFY(m_a->recordAttempts({succeeded(d.id, 1, Now)}, m_claimA, &lost, &error));
    QCOMPARE(lost, QStringList{d.id});
    QVERIFY(m_a->attempts(d.id).isEmpty());
    QCOMPARE(m_a->delivery(d.id)->status, DeliveryStatus::Pending);
    // B's work counts.
    lost.clear();
    QVERIFY(m_b->startAttempts({{d.id, 1, Now}}, m_claimB, &lost, &error));
    QVERIFY(m_b->recordAttempts({succeeded(d.id, 1, Now)}, m_claimB, &lost, &error));
    QVERIFY(lost.isEmpty());
    QCOMPARE(m_a->delivery(d.id)->status, DeliveryStatus::Succeeded);
    QCOMPARE(m_a->attempts(d.id).size(), 1);
}

void TestOutbox::claimOfAProcessThatIsGoneIsTakenAtOnce()
{
    // A process of this machine that has ended: a shell that printed its pid.
    QProcess probe;
    probe.start(u"/bin/sh"_s, {u"-c"_s, u"echo $$"_s});
    QVERIFY(probe.waitForFinished());
    const QString deadPid = QString::fromLatin1(probe.readAllStandardOutput()).trimmed();
    const QString host = m_claimA.token.section(u'/', 0, 0);
    const Outbox::Claim dead{host + u'/' + deadPid + u"/dead"_s, 60'000};
    QCOMPARE(ClaimToken::holderAlive(dead.token), std::optional<bool>(false));
    QCOMPARE(ClaimToken::holderAlive(m_claimA.token), std::optional<bool>(true));
    QCOMPARE(ClaimToken::holderAlive(u"elsewhere/1/x"_s), std::nullopt);

    const Delivery d = makeDelivery(u"a.example"_s, Now);
    QString error;
    QVERIFY(m_a->insertDeliveries({d}, &dead, &error));
    QVERIFY(m_a->startAttempts({{d.id, 1, Now}}, dead, nullptr, &error));
    // No waiting for the lease: the holder is gone, and its attempt is said to be interrupted.
    QCOMPARE(idsOf(m_b->claimDue(at(Now), m_claimB, &error)), QStringList{d.id});
    QCOMPARE(m_b->attempts(d.id).size(), 1);
    // A live holder elsewhere keeps its claim until the lease ends.
    const Delivery held = makeDelivery(u"a.example"_s, Now);
    const Outbox::Claim remote{u"another-machine/1/x"_s, 60'000};
    QVERIFY(m_a->insertDeliveries({held}, &remote, &error));
    QVERIFY(idsOf(m_b->claimDue(at(Now), m_claimB, &error)).isEmpty());
}

void TestOutbox::skipsDestinationsAndTakesOnlyIds()
{
    const Delivery busy = makeDelivery(u"busy.example"_s, Now.addSecs(-10));
    const Delivery other = makeDelivery(u"other.example:8443"_s, Now);
    const Delivery third = makeDelivery(u"third.example"_s, Now);
    QString error;
    QVERIFY(m_a->insertDeliveries({busy, other, third}, nullptr, &error));
    Outbox::ClaimRequest request = at(Now);
    request.skipDestinations = {deliveryDestination(busy.request.url)};
    request.onlyIds = QStringList{busy.id, other.id};
    QCOMPARE(idsOf(m_a->claimDue(request, m_claimA, &error)), QStringList{other.id});
    QCOMPARE(deliveryDestination(other.request.url), u"https://other.example:8443"_s);
    QCOMPARE(deliveryDestination(u"http://Third.example/x"_s), u"http://third.example:80"_s);
    QCOMPARE(idsOf(m_b->claimDue(at(Now), m_claimB, &error)), (QStringList{busy.id, third.id}));
}

// deliveryDestination() remembers the destinations of the URLs it read last in the thread: each
// URL still gets its own, whether URLs alternate or come by the hundred (more than it keeps).
void TestOutbox::destinationsOfInterleavedAndManyUrls()
{
    for (int round = 0; round < 3; ++round) {
        QCOMPARE(deliveryDestination(u"http://A.example/x?y=1"_s), u"http://a.example:80"_s);
        QCOMPARE(deliveryDestination(u"https://b.example:8443/y"_s), u"https://b.example:8443"_s);
        QCOMPARE(deliveryDestination(u"https://a.example/x?y=1"_s), u"https://a.example:443"_s);
    }
    for (int round = 0; round < 2; ++round) {
        for (int i = 0; i < 200; ++i) {
            const QString url = u"http://h%1.example:%2/p/%3"_s.arg(i).arg(8000 + i).arg(round);
            QCOMPARE(deliveryDestination(url), u"http://h%1.example:%2"_s.arg(i).arg(8000 + i));
        }
    }
    QCOMPARE(deliveryDestination(u"http://A.example/x?y=1"_s), u"http://a.example:80"_s);
}

void TestOutbox::releasedDeliveriesAreClaimableAtOnce()
{
    const Delivery waiting = makeDelivery(u"a.example"_s, Now);
    const Delivery started = makeDelivery(u"a.example"_s, Now);
    QString error;
    QVERIFY(m_a->insertDeliveries({waiting, started}, &m_claimA, &error));
    QVERIFY(m_a->startAttempts({{started.id, 1, Now}}, m_claimA, nullptr, &error));
    QVERIFY2(m_a->releaseClaims({waiting.id, started.id}, m_claimA, &error), qPrintable(error));
    // An attempt that started is not given back unsent: only its result or an expiry ends it.
    QCOMPARE(idsOf(m_b->claimDue(at(Now), m_claimB, &error)), QStringList{waiting.id});
}

void TestOutbox::startsThatNeverLeftAreGivenBackWithoutAnAttempt()
{
    const Delivery d = makeDelivery(u"a.example"_s, Now);
    QString error;
    QVERIFY(m_a->insertDeliveries({d}, &m_claimA, &error));
    QVERIFY(m_a->startAttempts({{d.id, 1, Now}}, m_claimA, nullptr, &error));
    // Only the claim's holder gives it back.
    QVERIFY2(m_b->releaseUnsent({d.id}, m_claimB, &error), qPrintable(error));
    QVERIFY(idsOf(m_b->claimDue(at(Now), m_claimB, &error)).isEmpty());
    QVERIFY2(m_a->releaseUnsent({d.id}, m_claimA, &error), qPrintable(error));
    // Claimable at once, with nothing recorded as interrupted: attempt 1 is still to come.
    const std::optional<QList<Delivery>> taken = m_b->claimDue(at(Now), m_claimB, &error);
    QCOMPARE(idsOf(taken), QStringList{d.id});
    QCOMPARE(taken->first().attemptCount, 0);
    QVERIFY(m_b->attempts(d.id).isEmpty());
    QStringList lost;
    QVERIFY(m_b->startAttempts({{d.id, 1, Now}}, m_claimB, &lost, &error));
    QVERIFY(lost.isEmpty());
}

void TestOutbox::retryGivenBackIsDueLater()
{
    const Delivery d = makeDelivery(u"a.example"_s, Now);
    QString error;
    QVERIFY(m_a->insertDeliveries({d}, &m_claimA, &error));
    QVERIFY(m_a->startAttempts({{d.id, 1, Now}}, m_claimA, nullptr, &error));
    Outbox::AttemptResult retry;
    retry.attempt.deliveryId = d.id;
    retry.attempt.number = 1;
    retry.attempt.startedAt = Now;
    retry.attempt.httpStatus = 503;
    retry.attempt.outcome = Attempt::Outcome::WillRetry;
    retry.attempt.retryDelayMs = 30'000;
    retry.status = DeliveryStatus::Pending;
    retry.nextAttemptAt = Now.addSecs(30);
    retry.release = true;
    QStringList lost;
    QVERIFY(m_a->recordAttempts({retry}, m_claimA, &lost, &error));
    QVERIFY(lost.isEmpty());
    QVERIFY(idsOf(m_b->claimDue(at(Now.addSecs(29)), m_claimB, &error)).isEmpty());
    const std::optional<QList<Delivery>> due = m_b->claimDue(at(Now.addSecs(31)), m_claimB, &error);
    QCOMPARE(idsOf(due), QStringList{d.id});
    QCOMPARE(due->first().attemptCount, 1);
    QCOMPARE(m_b->attempts(d.id).size(), 1); // a result, not an interruption
}

void TestOutbox::nextDueAndHeldElsewhere()
{
    QString error;
    QCOMPARE(m_a->nextDue(m_claimA, &error), std::nullopt);
    QVERIFY(error.isEmpty());
    const Delivery soon = makeDelivery(u"a.example"_s, Now.addSecs(20));
    const Delivery held = makeDelivery(u"a.example"_s, Now);
    QVERIFY(m_a->insertDeliveries({soon}, nullptr, &error));
    QVERIFY(m_b->insertDeliveries({held}, &m_claimB, &error));
    // What B holds is not A's to wait for; what nobody holds is.
    QCOMPARE(m_a->nextDue(m_claimA, &error), std::optional<QDateTime>(soon.nextAttemptAt));
    QCOMPARE(m_a->heldElsewhere(m_claimA, Now, &error), qint64(1));
    QCOMPARE(m_b->heldElsewhere(m_claimB, Now, &error), qint64(0));
    QVERIFY(error.isEmpty());
}

void TestOutbox::eventsAreAcceptedOnceWithTheirDeliveries()
{
    const EventStore::IncomingEvent first = incoming(u"evt_1"_s, 2);
    const EventStore::IncomingEvent none = incoming(u"evt_2"_s, 0);
    QString error;
    const auto accepted =
        m_a->acceptEvents({first, none, incoming(u"evt_1"_s, 3)}, &m_claimA, &error);
    QVERIFY2(accepted, qPrintable(error));
    QCOMPARE(accepted->size(), 3);
    QVERIFY(!accepted->at(0).duplicate);
    QCOMPARE(accepted->at(0).deliveryIds,
             (QStringList{first.deliveries.at(0).id, first.deliveries.at(1).id}));
    QVERIFY(!accepted->at(1).duplicate);
    QVERIFY(accepted->at(1).deliveryIds.isEmpty());
    // The same id again in the same batch: the first answer, nothing added.
    QVERIFY(accepted->at(2).duplicate);
    QCOMPARE(accepted->at(2).deliveryIds, accepted->at(0).deliveryIds);
    QCOMPARE(countAll(*m_a), qint64(2));
    // Claimed by A as they were committed; the rule set that made them is kept.
    QVERIFY(idsOf(m_b->claimDue(at(Now), m_claimB, &error)).isEmpty());
    QCOMPARE(m_b->delivery(first.deliveries.at(0).id)->ruleSetHash, u"abc123"_s);
    // Posted again later, through another connection: the same answer.
    const auto again = m_b->acceptEvents({incoming(u"evt_1"_s, 1)}, nullptr, &error);
    QVERIFY(again && again->first().duplicate);
    QCOMPARE(again->first().deliveryIds, accepted->at(0).deliveryIds);
    QCOMPARE(countAll(*m_a), qint64(2));
}

void TestOutbox::acceptingIsAllOrNone()
{
    EventStore::IncomingEvent good;
    good.id = u"evt_good"_s;
    good.type = u"chat.opened"_s;
    good.receivedAt = Now;
    good.deliveries = {makeDelivery(u"a.example"_s, Now)};
    EventStore::IncomingEvent clash = good;
    clash.id = u"evt_clash"_s; // a delivery id already used: the whole batch is refused
    QString error;
    QVERIFY(!m_a->acceptEvents({good, clash}, nullptr, &error));
    QVERIFY2(error.contains(u"none was accepted"_s), qPrintable(error));
    QCOMPARE(countAll(*m_a), qint64(0));
    const auto retried = m_a->acceptEvents({good}, nullptr, &error);
    QVERIFY2(retried && !retried->first().duplicate, qPrintable(error));
}

void TestOutbox::aLargeBatchIsAcceptedWhole()
{
    // More events than one statement inserts on PostgreSQL (written in statements of 64, 16, 4
    // and 1 rows), with an id accepted before and ids repeated inside the batch.
    const auto incoming = [](int n) {
        EventStore::IncomingEvent event;
        event.id = u"evt_%1"_s.arg(n);
        event.type = u"chat.opened"_s;
        event.receivedAt = Now;
        event.json = "{\"n\": " + QByteArray::number(n) + '}';
        for (int i = 0; i < n % 3; ++i)
            event.deliveries.append(makeDelivery(u"a.example"_s, Now));
        return event;
    };
    QString error;
    const auto earlier = m_a->acceptEvents({incoming(7)}, nullptr, &error);
    QVERIFY2(earlier, qPrintable(error));
    QList<EventStore::IncomingEvent> batch;
    qint64 expected = 0;
    for (int n = 0; n < 150; ++n) {
        batch.append(incoming(n));
        if (n != 7)
            expected += n % 3;
    }
    batch.append(incoming(7));  // accepted before
    batch.append(incoming(42)); // earlier in this batch
    const auto accepted = m_a->acceptEvents(batch, nullptr, &error);
    QVERIFY2(accepted, qPrintable(error));
    QCOMPARE(accepted->size(), batch.size());
    for (int n = 0; n < 150; ++n) {
        QCOMPARE(accepted->at(n).duplicate, n == 7);
        QCOMPARE(accepted->at(n).deliveryIds.size(), n % 3);
        if (n != 7) {
            for (int i = 0; i < n % 3; ++i)
                QCOMPARE(accepted->at(n).deliveryIds.at(i), batch.at(n).deliveries.at(i).id);
        }
    }
    QCOMPARE(accepted->at(7).deliveryIds, earlier->first().deliveryIds);
    QVERIFY(accepted->at(150).duplicate);
    QCOMPARE(accepted->at(150).deliveryIds, earlier->first().deliveryIds);
    QVERIFY(accepted->at(151).duplicate);
    QCOMPARE(accepted->at(151).deliveryIds, accepted->at(42).deliveryIds);
    QCOMPARE(countAll(*m_a), expected + 7 % 3);
    QCOMPARE(m_a->events({}, {}, 0, 0, &error)->size(), 150);
}

void TestOutbox::aBatchOfResultsKeepsOnlyWhatIsStillClaimed()
{
    // 90 deliveries claimed by A, whose lease then runs out for the last 20 of them (B claims
    // those): A's batches of starts and results (written in statements of several rows on
    // PostgreSQL) count for the 70 A still holds and are refused for the 20, row by row.
    QList<Delivery> mine;
    QList<Delivery> taken;
    for (int i = 0; i < 90; ++i)
        (i < 70 ? mine : taken).append(makeDelivery(u"a.example"_s, Now));
    QString error;
    QVERIFY2(m_a->insertDeliveries(mine, &m_claimA, &error), qPrintable(error));
    QVERIFY2(m_b->insertDeliveries(taken, &m_claimB, &error), qPrintable(error));
    QList<Outbox::AttemptStart> starts;
    QList<Outbox::AttemptResult> results;
    QStringList expectedLost;
    for (int i = 0; i < 90; ++i) {
        const Delivery &d = i < 70 ? mine.at(i) : taken.at(i - 70);
        starts.append({d.id, 1, Now});
        results.append(succeeded(d.id, 1, Now));
        if (i >= 70)
            expectedLost.append(d.id);
    }
    QStringList lost;
    QVERIFY2(m_a->startAttempts(starts, m_claimA, &lost, &error), qPrintable(error));
    QCOMPARE(lost, expectedLost);
    lost.clear();
    QVERIFY2(m_a->recordAttempts(results, m_claimA, &lost, &error), qPrintable(error));
    QCOMPARE(lost, expectedLost);
    for (const Delivery &d : std::as_const(mine)) {
        QCOMPARE(m_a->delivery(d.id)->status, DeliveryStatus::Succeeded);
        QCOMPARE(m_a->attempts(d.id).size(), 1);
    }
    for (const Delivery &d : std::as_const(taken)) {
        QCOMPARE(m_a->delivery(d.id)->status, DeliveryStatus::Pending);
        QVERIFY(m_a->attempts(d.id).isEmpty());
    }
}

void TestOutbox::eventsAreReadByTimeAndForgotten()
{
    QList<EventStore::IncomingEvent> batch;
    for (int i = 0; i < 5; ++i) {
        EventStore::IncomingEvent event;
        event.id = u"evt_%1"_s.arg(i);
        event.type = u"message.created"_s;
        event.receivedAt = Now.addSecs(i * 60);
        event.json = "{\"n\": " + QByteArray::number(i) + '}';
        batch.append(event);
    }
    QString error;
    QVERIFY(m_a->acceptEvents(batch, nullptr, &error));
    const auto middle = m_a->events(Now.addSecs(60), Now.addSecs(180), 0, 0, &error);
    QVERIFY2(middle, qPrintable(error));
    QCOMPARE(middle->size(), 2);
    QCOMPARE(middle->at(0).id, u"evt_1"_s);
    QCOMPARE(middle->at(1).json, QByteArray("{\"n\": 2}"));
    QCOMPARE(m_a->events({}, {}, 2, 3, &error)->size(), 2); // a page: the 4th and 5th
    QCOMPARE(m_a->pruneEvents(Now.addSecs(150), 1, &error), std::optional<qint64>(1));
    QCOMPARE(m_a->pruneEvents(Now.addSecs(150), 100, &error), std::optional<qint64>(2));
    QCOMPARE(m_a->events({}, {}, 0, 0, &error)->size(), 2);
}

// Whatever an event, a request or an answer holds comes back as it went in: every byte value in
// bodies, and in text quotes, backslashes, control characters, the unit separator and
// characters beyond ASCII (PostgreSQL reads batches as JSON; see PostgresRows).
void TestOutbox::awkwardTextAndBytesAreKeptExactly()
{
    QByteArray bytes;
    for (int i = 0; i < 256; ++i)
        bytes.append(char(i));
    const QString text = u"q\"uote\\back\nline\ttab\u0001\u001f ğüşİ \u20ac \U0001F600 '--"_s;

    EventStore::IncomingEvent event;
    event.id = u"evt "_s + text;
    event.type = u"chat."_s + text;
    event.receivedAt = Now;
    event.json = bytes;
    event.ruleSetHash = u"hash"_s;
    Delivery d = makeDelivery(u"a.example"_s, Now);
    d.eventId = event.id;
    d.ruleName = text;
    d.request.body = bytes;
    d.request.headers = {{u"X-Text"_s, text, false}};
    d.auth.type = Auth::Type::Header;
    d.auth.headerName = u"X-Key"_s;
    event.deliveries = {d};
    QString error;
    const auto accepted = m_a->acceptEvents({event}, &m_claimA, &error);
    QVERIFY2(accepted, qPrintable(error));
    QCOMPARE(accepted->first().deliveryIds, QStringList{d.id});
    // Posted again: dispatched again, with a delivery id of its own, answered as a duplicate.
    EventStore::IncomingEvent repost = event;
    repost.deliveries.first().id = newDeliveryId();
    const auto again = m_a->acceptEvents({repost}, &m_claimA, &error);
    QVERIFY2(again && again->first().duplicate, qPrintable(error));
    QCOMPARE(again->first().deliveryIds, QStringList{d.id});

    const std::optional<Delivery> stored = m_b->delivery(d.id);
    QVERIFY(stored);
    QCOMPARE(stored->eventId, event.id);
    QCOMPARE(stored->ruleName, text);
    QCOMPARE(stored->request.body, bytes);
    QCOMPARE(stored->request.headers.first().value, text);
    const auto events = m_b->events({}, {}, 0, 0, &error);
    QVERIFY2(events && events->size() == 1, qPrintable(error));
    QCOMPARE(events->first().id, event.id);
    QCOMPARE(events->first().type, event.type);
    QCOMPARE(events->first().json, bytes);

    Outbox::AttemptResult result = succeeded(d.id, 1, Now);
    result.attempt.request = d.request;
    result.attempt.request.headers.append({u"X-Key"_s, u"s3cr\"et"_s, false}); // as sent
    result.attempt.error = text;
    result.attempt.responseBody = bytes;
    result.attempt.responseHeaders = {{u"X-Back"_s, text, false}};
    QVERIFY2(m_a->recordAttempts({result}, m_claimA, nullptr, &error), qPrintable(error));
    const QList<Attempt> attempts = m_b->attempts(d.id);
    QCOMPARE(attempts.size(), 1);
    QCOMPARE(attempts.first().request.body, bytes);
    QCOMPARE(attempts.first().responseBody, bytes);
    QCOMPARE(attempts.first().error, text);
    QCOMPARE(attempts.first().responseHeaders.first().value, text);
    // The auth header's secret is masked in the attempt kept, as the delivery's own auth says.
    const QList<RenderedRequest::Header> sent = attempts.first().request.headers;
    QCOMPARE(sent.size(), 2);
    QCOMPARE(sent.at(0).value, text);
    QVERIFY(sent.at(1).value != u"s3cr\"et"_s);
}

// A batch whose events make no delivery at all (PostgreSQL is sent an empty list of delivery
// bodies), and bodies that are empty or null: kept as empty bytes.
void TestOutbox::eventsWithoutDeliveriesAndEmptyBodiesAreKept()
{
    QString error;
    EventStore::IncomingEvent none = incoming(u"evt_none"_s, 0);
    none.json = QByteArray();
    const auto first = m_a->acceptEvents({none}, &m_claimA, &error);
    QVERIFY2(first && first->size() == 1, qPrintable(error));
    QVERIFY(!first->first().duplicate);
    QVERIFY(first->first().deliveryIds.isEmpty());

    EventStore::IncomingEvent empty = incoming(u"evt_empty"_s, 2);
    empty.json = QByteArray("");
    empty.deliveries[0].request.body = QByteArray();
    empty.deliveries[1].request.body = QByteArray("");
    const auto second = m_a->acceptEvents({empty, none}, &m_claimA, &error);
    QVERIFY2(second && second->size() == 2, qPrintable(error));
    QCOMPARE(second->at(0).deliveryIds.size(), 2);
    QVERIFY(second->at(1).duplicate);
    for (const Delivery &d : std::as_const(empty.deliveries)) {
        const std::optional<Delivery> stored = m_b->delivery(d.id);
        QVERIFY(stored);
        QCOMPARE(stored->request.body, QByteArray(""));
    }
    const auto events = m_b->events({}, {}, 0, 0, &error);
    QVERIFY2(events && events->size() == 2, qPrintable(error));
    for (const EventStore::StoredEvent &event : *events)
        QCOMPARE(event.json, QByteArray(""));
}

// Two connections in two threads post the same events at once: each event is accepted once, and
// both get the deliveries of the one that was.
void TestOutbox::concurrentDuplicatesGetTheFirstAnswer()
{
    constexpr int Events = 60;
    struct Side
    {
        QList<EventStore::Accepted> answers;
        QString error;
    };
    Side sides[2];
    const auto post = [&](int side) {
        Store store;
        if (!openStore(store, m_where, &sides[side].error))
            return;
        for (int i = 0; i < Events; ++i) {
            EventStore::IncomingEvent event;
            event.id = u"evt_same_%1"_s.arg(i);
            event.type = u"chat.opened"_s;
            event.receivedAt = Now;
            event.json = "{}";
            event.deliveries = {makeDelivery(u"a.example"_s, Now)};
            const auto accepted = store.acceptEvents({event}, nullptr, &sides[side].error);
            if (!accepted)
                return;
            sides[side].answers.append(accepted->first());
        }
    };
    std::thread first(post, 0);
    std::thread second(post, 1);
    first.join();
    second.join();
    QVERIFY2(sides[0].error.isEmpty(), qPrintable(sides[0].error));
    QVERIFY2(sides[1].error.isEmpty(), qPrintable(sides[1].error));
    QCOMPARE(sides[0].answers.size(), Events);
    QCOMPARE(sides[1].answers.size(), Events);
    for (int i = 0; i < Events; ++i) {
        const EventStore::Accepted &a = sides[0].answers.at(i);
        const EventStore::Accepted &b = sides[1].answers.at(i);
        QVERIFY2(a.duplicate != b.duplicate, qPrintable(u"event %1"_s.arg(i)));
        QCOMPARE(a.deliveryIds.size(), 1);
        QCOMPARE(a.deliveryIds, b.deliveryIds);
    }
    QCOMPARE(countAll(*m_a), qint64(Events));
}

// Two connections in two threads claim from one outbox at once: every delivery is claimed by
// exactly one of them.
void TestOutbox::concurrentClaimsNeverOverlap()
{
    constexpr int Deliveries = 400;
    QList<Delivery> all;
    for (int i = 0; i < Deliveries; ++i)
        all.append(makeDelivery(u"host%1.example"_s.arg(i % 7), Now.addMSecs(-i)));
    QString error;
    QVERIFY2(m_a->insertDeliveries(all, nullptr, &error), qPrintable(error));
    struct Side
    {
        QStringList claimed;
        QString error;
    };
    Side sides[2];
    const auto claim = [&](int side) {
        Store store;
        if (!openStore(store, m_where, &sides[side].error))
            return;
        const Outbox::Claim mine{ClaimToken::create(), 60'000};
        for (;;) {
            const auto got = store.claimDue(at(Now, 7), mine, &sides[side].error);
            if (!got || got->isEmpty())
                return;
            sides[side].claimed += idsOf(got);
        }
    };
    std::thread first(claim, 0);
    std::thread second(claim, 1);
    first.join();
    second.join();
    QVERIFY2(sides[0].error.isEmpty(), qPrintable(sides[0].error));
    QVERIFY2(sides[1].error.isEmpty(), qPrintable(sides[1].error));
    QSet<QString> seen;
    for (const Side &side : sides) {
        for (const QString &id : side.claimed) {
            QVERIFY2(!seen.contains(id), qPrintable(u"claimed twice: "_s + id));
            seen.insert(id);
        }
    }
    QCOMPARE(seen.size(), qsizetype(Deliveries));
    qInfo("claimed %d and %d", int(sides[0].claimed.size()), int(sides[1].claimed.size()));
}

// The table of the servers sharing the storage: each writes its row, beats (everything but its
// start time changes, by the database's clock), and removes it; rows no server wrote for an
// hour are forgotten by the next heartbeat of any server. A SQLite history has none.
void TestOutbox::workersAreRegisteredOnSharedStorageOnly()
{
#ifndef KANCA_OUTBOX_POSTGRES
    QVERIFY(!m_a->workerRegistry());
#else
    WorkerRegistry *registry = m_a->workerRegistry();
    QVERIFY(registry);
    QString error;
    WorkerRegistry::Worker one;
    one.id = m_claimA.token;
    one.host = u"host-a"_s;
    one.pid = 101;
    one.address = u"http://127.0.0.1:8411"_s;
    one.ruleSetHash = QString(64, u'a');
    one.version = u"1.2.3"_s;
    one.inFlight = 2;
    one.claimed = 7;
    QVERIFY2(registry->beat(one, &error), qPrintable(error));
    std::optional<QList<WorkerRegistry::Worker>> listed = registry->workers(&error);
    QVERIFY2(listed, qPrintable(error));
    QCOMPARE(listed->size(), qsizetype(1));
    WorkerRegistry::Worker read = listed->first();
    QCOMPARE(read.id, one.id);
    QCOMPARE(read.host, one.host);
    QCOMPARE(read.pid, one.pid);
    QCOMPARE(read.address, one.address);
    QCOMPARE(read.ruleSetHash, one.ruleSetHash);
    QCOMPARE(read.version, one.version);
    QCOMPARE(read.inFlight, qint64(2));
    QCOMPARE(read.claimed, qint64(7));
    QVERIFY(!read.draining);
    QCOMPARE(read.startedAt, read.heartbeatAt);
    QVERIFY(qAbs(read.heartbeatAt.msecsTo(QDateTime::currentDateTimeUtc())) < 60'000);
    QVERIFY(read.heartbeatAgeMs >= 0 && read.heartbeatAgeMs < 5'000);
    const QDateTime startedAt = read.startedAt;

    // A heartbeat after a reload: the new hash, the same start.
    QTest::qWait(20);
    one.ruleSetHash = QString(64, u'b');
    one.draining = true;
    one.inFlight = 0;
    QVERIFY2(registry->beat(one, &error), qPrintable(error));
    // Another server, through another connection; an old row of a server long gone, and one
    // that stopped reporting ten minutes ago.
    WorkerRegistry::Worker two = one;
    two.id = m_claimB.token;
    two.host = u"host-b"_s;
    QVERIFY2(m_b->beat(two, &error), qPrintable(error));
    QVERIFY2(PostgresTestDatabase::exec(
                 m_where,
                 {u"INSERT INTO workers (id, host, pid, address, rule_set_hash, version, "
                  u"started_at, heartbeat_at) VALUES "
                  u"('old/1/x', 'host-c', 1, '', '', '', 0, "
                  u"CAST(extract(epoch FROM now()) * 1000 AS bigint) - 2 * 3600000), "
                  u"('quiet/2/x', 'host-d', 2, '', '', '', 0, "
                  u"CAST(extract(epoch FROM now()) * 1000 AS bigint) - 600000)"_s},
                 &error),
             qPrintable(error));
    listed = registry->workers(&error);
    QVERIFY2(listed, qPrintable(error));
    QCOMPARE(listed->size(), qsizetype(4)); // by host
    QCOMPARE(listed->at(0).ruleSetHash, QString(64, u'b'));
    QVERIFY(listed->at(0).draining);
    QCOMPARE(listed->at(0).inFlight, qint64(0));
    QCOMPARE(listed->at(0).startedAt, startedAt);
    QVERIFY(listed->at(0).heartbeatAt > startedAt);
    QCOMPARE(listed->at(1).id, two.id);
    QCOMPARE(listed->at(3).id, u"quiet/2/x"_s);
    QVERIFY(listed->at(3).heartbeatAgeMs >= 600'000);

    QVERIFY2(registry->beat(one, &error), qPrintable(error)); // forgets the two-hour-old row
    QVERIFY2(registry->removeWorker(one.id, &error), qPrintable(error));
    listed = registry->workers(&error);
    QVERIFY2(listed, qPrintable(error));
    QStringList ids;
    for (const WorkerRegistry::Worker &worker : *listed)
        ids.append(worker.id);
    QCOMPARE(ids, (QStringList{two.id, u"quiet/2/x"_s}));
#endif
}

// A server's commits of accepted events and its engine's records of attempts run on a
// connection and thread of their own (StorageThread): the job runs there, its `done` follows in
// the caller's thread, what the job wrote is committed for every other connection, finish()
// calls `done` at once (and not again later), and a connection that cannot be opened is said.
void TestOutbox::aStorageThreadWritesOnItsOwnConnection()
{
    StorageThread storage(u"test storage"_s);
    QString error;
    QVERIFY2(startOn(storage, m_where, &error), qPrintable(error));
    const Delivery d = makeDelivery(u"a.example"_s, Now);
    QThread *jobThread = nullptr;
    QThread *doneThread = nullptr;
    bool inserted = false;
    QString jobError;
    int done = 0;
    storage.run(
        [&](OutboxStorage &outbox) {
            jobThread = QThread::currentThread();
            inserted = outbox.insertDeliveries({d}, nullptr, &jobError);
        },
        [&] {
            doneThread = QThread::currentThread();
            ++done;
        });
    QVERIFY(storage.isBusy());
    QTRY_COMPARE(done, 1);
    QVERIFY(!storage.isBusy());
    QVERIFY2(inserted, qPrintable(jobError));
    QVERIFY(jobThread && jobThread != QThread::currentThread());
    QCOMPARE(doneThread, QThread::currentThread());
    QCOMPARE(idsOf(m_a->claimDue(at(Now), m_claimA, &error)), QStringList{d.id});

    storage.run([](OutboxStorage &) { QThread::msleep(50); }, [&] { ++done; });
    storage.finish();
    QCOMPARE(done, 2);
    QTest::qWait(100);
    QCOMPARE(done, 2);

    StorageThread unopened(u"test storage"_s);
    QVERIFY(!unopened.start(
        [](QString *why) {
            *why = u"cannot open it"_s;
            return std::unique_ptr<OutboxStorage>();
        },
        &error));
    QCOMPARE(error, u"cannot open it"_s);
}

// A server commits the events of the requests that came while a group was in flight as the
// next group, at most EventIngest::MaxGroup events each (a request never split), every request
// answered in order: 12,000 events posted during the commit of a first group are three more
// groups, not one.
void TestOutbox::anIngestGroupHoldsAtMostMaxGroupEvents()
{
    QTemporaryDir dir;
    QFile file(dir.filePath(u"rules.kanca.json"_s));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"({"format": "kanca.ruleset", "version": 1, "name": "Groups", "locale": "en",
        "rules": [{"id": "closed", "name": "Chat closed", "when": "chat.closed", "then": [
            {"type": "webhook", "method": "POST", "url": "http://127.0.0.1:9/hook",
             "auth": {"type": "none"}, "body": {"format": "json", "template": "{}"}}]}]})");
    file.close();
    const EnvironmentSecrets secrets;
    const ServedRuleSet::Load loaded =
        ServedRuleSet::load(file.fileName(), Catalog::builtIn(), secrets);
    QVERIFY2(loaded.ruleSet, qPrintable(loaded.error));

    StorageThread commits(u"test commits"_s);
    QString error;
    QVERIFY2(startOn(commits, m_where, &error), qPrintable(error));
    DeliveryEngine engine(*m_a, secrets);
    EventIngest ingest(*m_a, engine, secrets);
    ingest.setRuleSet(loaded.ruleSet);
    ingest.setCommitThread(&commits);
    QList<int> groups;
    connect(&ingest, &EventIngest::committed, this, [&](int events, qint64) { groups << events; });

    // Events no rule matches (chat.opened): accepted, nothing to send.
    int next = 0;
    const auto request = [&](int size) {
        QList<EventBatch::Event> events;
        for (int i = 0; i < size; ++i) {
            EventBatch::Event event;
            event.id = u"e%1"_s.arg(next++);
            event.type = u"chat.opened"_s;
            const QJsonObject json{{u"id"_s, event.id}, {u"type"_s, event.type}};
            event.event = CompactEvent::fromJson(json);
            event.stored = QJsonDocument(json).toJson(QJsonDocument::Compact);
            events << event;
        }
        return events;
    };
    QList<int> answered; // the requests, in the order answered
    const auto submit = [&](int index, int size) {
        ingest.submit(request(size), [&answered, index, size](const EventIngest::Outcome &o) {
            QCOMPARE(o.kind, EventIngest::Outcome::Kind::Accepted);
            QCOMPARE(o.answers.size(), size);
            answered << index;
        });
    };
    submit(0, 10);
    ingest.flush();
    QVERIFY(commits.isBusy());
    for (int i = 1; i <= 12; ++i)
        submit(i, int(EventBatch::MaxEvents)); // while the first group is in flight
    QCOMPARE(ingest.queuedEvents(), 12 * EventBatch::MaxEvents);
    QTRY_COMPARE_WITH_TIMEOUT(answered.size(), 13, 60'000);
    QCOMPARE(groups, (QList<int>{10, 5000, 5000, 2000}));
    QList<int> inOrder(13);
    std::iota(inOrder.begin(), inOrder.end(), 0);
    QCOMPARE(answered, inOrder);
    QCOMPARE(ingest.queuedEvents(), 0);
    QVERIFY(!commits.isBusy());
    static_assert(EventIngest::MaxGroup == 5000 && EventBatch::MaxEvents == 1000);
}

#ifdef KANCA_OUTBOX_POSTGRES
bool TestOutbox::reopenFromVersion(Store &store, int version, const QStringList &statements,
                                   QString *error)
{
    m_a.reset();
    m_b.reset();
    return PostgresTestDatabase::exec(
               m_where,
               statements + QStringList{u"UPDATE schema_version SET version = %1"_s.arg(version)},
               error)
           && openStore(store, m_where, error);
}

// A database of version 1 (before the table of workers) gets it when a newer server opens it.
// A database of version 2 (before the destination tables) gets them when it is opened.
void TestOutbox::versionTwoIsUpgraded()
{
    QString error;
    Store later;
    QVERIFY2(reopenFromVersion(
                 later, 2,
                 {u"DROP TABLE destination_slots, destination_starved, destination_breakers"_s},
                 &error),
             qPrintable(error));
    QCOMPARE(later.schemaVersion(), PostgresSchema::Version);
    QVERIFY(later.destinationCoordination()->openBreakers(0, &error).has_value());
}

// The server ends the connection (a restart, a fail-over, an administrator): the next call
// opens a new one, and nothing of the outbox is lost.
void TestOutbox::lostConnectionIsOpenedAgain()
{
    const Delivery d = makeDelivery(u"a.example"_s, Now);
    QString error;
    QVERIFY(m_a->insertDeliveries({d}, nullptr, &error));
    QVERIFY(PostgresTestDatabase::exec(
        m_where,
        {u"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = "
         u"'kanca' AND pid <> pg_backend_pid() AND datname = current_database()"_s},
        &error));
    QTest::qWait(100);
    QVERIFY2(m_a->isReachable(&error), qPrintable(error));
    QCOMPARE(idsOf(m_b->claimDue(at(Now), m_claimB, &error)), QStringList{d.id});
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

// Whatever call meets a connection the server ended (a restart or a fail-over terminates every
// backend, which tells its client why before it goes), it either succeeds on a new connection or
// fails saying that the connection is being opened again, so that an engine waits instead of
// stopping. Immediately after the end, and once the server's goodbye has arrived.
void TestOutbox::everyCallAfterALostConnectionSaysSo_data()
{
    QTest::addColumn<QString>("call");
    QTest::addColumn<int>("waitMs");
    for (const char *call : {"claimDue", "startAttempts", "recordAttempts", "renewClaims",
                             "releaseClaims", "releaseUnsent", "nextDue", "insertDeliveries",
                             "depth", "heldElsewhere", "acceptEvents"}) {
        for (const int waitMs : {0, 100})
            QTest::addRow("%s, %d ms after", call, waitMs) << QString::fromLatin1(call) << waitMs;
    }
}

void TestOutbox::everyCallAfterALostConnectionSaysSo()
{
    QFETCH(QString, call);
    QFETCH(int, waitMs);
    const Delivery d = makeDelivery(u"a.example"_s, Now);
    QString error;
    QStringList lost;
    QVERIFY(m_a->insertDeliveries({d}, &m_claimA, &error));
    QVERIFY(m_a->startAttempts({{d.id, 1, Now}}, m_claimA, &lost, &error));
    const QHash<QString, std::function<bool()>> calls = {
        {u"claimDue"_s, [&] { return m_a->claimDue(at(Now), m_claimA, &error).has_value(); }},
        {u"startAttempts"_s,
         [&] {
             return m_a->startAttempts({{d.id, 1, Now}}, m_claimA, &lost, &error);
         }},
        {u"recordAttempts"_s,
         [&] { return m_a->recordAttempts({succeeded(d.id, 1, Now)}, m_claimA, &lost, &error); }},
        {u"renewClaims"_s, [&] { return m_a->renewClaims(m_claimA, Now, &error); }},
        {u"releaseClaims"_s, [&] { return m_a->releaseClaims({d.id}, m_claimA, &error); }},
        {u"releaseUnsent"_s, [&] { return m_a->releaseUnsent({d.id}, m_claimA, &error); }},
        {u"nextDue"_s,
         [&] { return m_a->nextDue(m_claimA, &error).has_value() || error.isEmpty(); }},
        {u"insertDeliveries"_s,
         [&] {
             return m_a->insertDeliveries({makeDelivery(u"b.example"_s, Now)}, nullptr, &error);
         }},
        {u"depth"_s, [&] { return m_a->depth(&error).has_value(); }},
        {u"heldElsewhere"_s,
         [&] { return m_a->heldElsewhere(m_claimA, Now, &error) >= 0 && error.isEmpty(); }},
        {u"acceptEvents"_s,
         [&] {
             return m_a->acceptEvents({incoming(u"evt_1"_s, 1)}, &m_claimA, &error).has_value();
         }},
    };
    QVERIFY2(calls.contains(call), qPrintable(call));
    const std::function<bool()> run = calls.value(call);
    QVERIFY(PostgresTestDatabase::exec(
        m_where,
        {u"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = "
         u"'kanca' AND pid <> pg_backend_pid() AND datname = current_database()"_s},
        &error));
    QTest::qWait(waitMs);
    error.clear();
    const bool ok = run();
    QVERIFY2(ok || m_a->isReconnecting(), qPrintable(call + u": "_s + error));
    // And the next call, once the back-off allows it, works on a new connection.
    QTRY_VERIFY2_WITH_TIMEOUT((error.clear(), m_a->isReachable(&error)), qPrintable(error), 5000);
}

// Work committed by another connection wakes a listener at once (NOTIFY in the same
// transaction); a connection's own commits and work committed already claimed do not.
void TestOutbox::newWorkWakesOtherListeners()
{
    int wokenA = 0;
    m_a->onNewWork([&] { ++wokenA; });
    QString error;
    QVERIFY(m_a->insertDeliveries({makeDelivery(u"a.example"_s, Now)}, nullptr, &error));
    QVERIFY(m_b->insertDeliveries({makeDelivery(u"a.example"_s, Now)}, &m_claimB, &error));
    QTest::qWait(300);
    QCOMPARE(wokenA, 0);
    QElapsedTimer timer;
    timer.start();
    QVERIFY(m_b->insertDeliveries({makeDelivery(u"a.example"_s, Now)}, nullptr, &error));
    QTRY_COMPARE_WITH_TIMEOUT(wokenA, 1, 2000);
    qInfo("woken %lld ms after the commit", qint64(timer.elapsed()));
    // Deliveries given back wake listeners too.
    const auto claimed = m_b->claimDue(at(Now), m_claimB, &error);
    QVERIFY(claimed && !claimed->isEmpty());
    QVERIFY(m_b->releaseClaims(idsOf(claimed), m_claimB, &error));
    QTRY_COMPARE_WITH_TIMEOUT(wokenA, 2, 2000);
    m_a->onNewWork({});
}

// The writers' statements run through libpq on the connection of Qt's driver (PostgresDirect):
// a notification that libpq reads while one of them runs is no longer on the socket for Qt's
// driver to see, and must wake the listener all the same.
void TestOutbox::aNotificationReadDuringAStatementStillWakes()
{
    int wokenA = 0;
    m_a->onNewWork([&] { ++wokenA; });
    QString error;
    QVERIFY(m_b->insertDeliveries({makeDelivery(u"a.example"_s, Now)}, nullptr, &error));
    // No event loop meanwhile: the notification waits on A's socket until A's statement reads
    // it.
    QThread::msleep(300);
    QCOMPARE(wokenA, 0);
    QStringList lost;
    QVERIFY2(m_a->startAttempts({{u"dlv-nobody"_s, 1, Now}}, m_claimA, &lost, &error),
             qPrintable(error));
    QCOMPARE(lost, QStringList{u"dlv-nobody"_s});
    QTRY_COMPARE_WITH_TIMEOUT(wokenA, 1, 2000);
    m_a->onNewWork({});
}

// Statements run through libpq take PostgreSQL's $1, $2, …: the `?` of the store's statements
// are numbered in order, and a `?` inside quoted text or a quoted name is left as it is.
void TestOutbox::statementMarksAreNumberedOutsideQuotes()
{
    QCOMPARE(PostgresDirect::numbered(u"SELECT ?, '?', 'it''s ?', \"a?\" FROM t WHERE x = ? "
                                      u"AND y = CAST(? AS text)"_s),
             QByteArray("SELECT $1, '?', 'it''s ?', \"a?\" FROM t WHERE x = $2 "
                        "AND y = CAST($3 AS text)"));
    QCOMPARE(PostgresDirect::numbered(u"SELECT 'ğ' || ?"_s), QByteArray("SELECT 'ğ' || $1"));
}

void TestOutbox::newerSchemaIsRefused()
{
    QString error;
    QCOMPARE(m_a->schemaVersion(), PostgresSchema::Version);
    QVERIFY(
        PostgresTestDatabase::exec(m_where, {u"UPDATE schema_version SET version = 99"_s}, &error));
    Store later;
    QVERIFY(!openStore(later, m_where, &error));
    QVERIFY2(error.contains(u"version 99"_s), qPrintable(error));
    QVERIFY2(!error.contains(u"password"_s, Qt::CaseInsensitive), qPrintable(error));
}

// A database of version 1 (before the workers and destination tables) gets them when a server
// opens it.
void TestOutbox::versionOneIsUpgraded()
{
    QString error;
    Store store;
    QVERIFY2(reopenFromVersion(store, 1,
                               {u"DROP TABLE workers, destination_slots, destination_starved, "
                                u"destination_breakers"_s},
                               &error),
             qPrintable(error));
    QCOMPARE(store.schemaVersion(), PostgresSchema::Version);
    QVERIFY(store.destinationCoordination()->openBreakers(0, &error).has_value());
    const std::optional<QList<WorkerRegistry::Worker>> listed = store.workers(&error);
    QVERIFY2(listed && listed->isEmpty(), qPrintable(error));
}

// A database of version 3 checks an attempt's delivery after each statement; opened by a newer
// server, at the commit (still refusing an attempt of no delivery).
void TestOutbox::versionThreeChecksAttemptsAtCommit()
{
    QString error;
    Store store;
    QVERIFY2(reopenFromVersion(store, 3,
                               {u"ALTER TABLE attempts ALTER CONSTRAINT "
                                u"attempts_delivery_id_fkey NOT DEFERRABLE"_s},
                               &error),
             qPrintable(error));
    QCOMPARE(store.schemaVersion(), PostgresSchema::Version);
    QVERIFY2(PostgresTestDatabase::exec(
                 m_where,
                 {u"DO $$ BEGIN IF NOT (SELECT condeferred FROM pg_constraint WHERE conname = "
                  u"'attempts_delivery_id_fkey') THEN RAISE EXCEPTION 'checked at once'; END IF; "
                  u"END $$"_s},
                 &error),
             qPrintable(error));
    // The insert is taken; the commit refuses it.
    QVERIFY(!PostgresTestDatabase::exec(
        m_where,
        {u"BEGIN"_s,
         u"INSERT INTO attempts (delivery_id, number, started_at, duration_ms, request_method, "
         u"request_url, request_headers, request_body, request_body_size, response_headers, "
         u"response_body, response_body_size, body_cap, outcome) VALUES ('no-such-delivery', 1, "
         u"0, 0, 'POST', 'http://127.0.0.1/', '[]', '', 0, '[]', '', 0, 0, 'failed')"_s,
         u"COMMIT"_s},
        &error));
    QVERIFY2(error.startsWith(u"COMMIT"_s) && error.contains(u"foreign key"_s), qPrintable(error));
}

// A database of version 4 gets its deliveries' pages half free for the start marks (version 5);
// a new one has them so from the start.
void TestOutbox::versionFourLeavesRoomForStartMarks()
{
    QString error;
    const QString fill = u"SELECT coalesce(array_to_string(reloptions, ','), '') FROM pg_class "
                         u"WHERE relname = 'deliveries'"_s;
    QList<QVariant> row;
    QVERIFY2(PostgresTestDatabase::query(m_where, {fill}, &error, &row), qPrintable(error));
    QCOMPARE(row.value(0).toString(), u"fillfactor=50"_s);
    Store store;
    QVERIFY2(reopenFromVersion(store, 4, {u"ALTER TABLE deliveries RESET (fillfactor)"_s}, &error),
             qPrintable(error));
    QCOMPARE(store.schemaVersion(), PostgresSchema::Version);
    row.clear();
    QVERIFY2(PostgresTestDatabase::query(m_where, {fill}, &error, &row), qPrintable(error));
    QCOMPARE(row.value(0).toString(), u"fillfactor=50"_s);
}

// Two engines ask for one destination's slots (4): together they never hold more; one that
// waits with none is heard by the holder, which gives one back; a lease that runs out frees its
// slots, a renewed one keeps them.
void TestOutbox::hostSlotsAreSharedUpToTheLimit()
{
    DestinationCoordination &a = *m_a->destinationCoordination();
    DestinationCoordination &b = *m_b->destinationCoordination();
    const QString host = u"https://slow.example:443"_s;
    const QString other = u"https://other.example:443"_s;
    const qint64 now = Now.toMSecsSinceEpoch();
    QString error;
    auto answer = a.takeSlots({{host, 3, false}, {other, 1, false}}, 4, m_claimA, now, &error);
    QVERIFY2(answer, qPrintable(error));
    QCOMPARE(answer->granted.value(host), 3);
    QCOMPARE(answer->granted.value(other), 1);
    QVERIFY(answer->starvedElsewhere.isEmpty());
    // B wants 4: one is left.
    answer = b.takeSlots({{host, 4, false}}, 4, m_claimB, now, &error);
    QCOMPARE(answer->granted.value(host), 1);
    // A wants more: none is left.
    answer = a.takeSlots({{host, 1, false}}, 4, m_claimA, now, &error);
    QCOMPARE(answer->granted.value(host), 0);
    QCOMPARE(answer->starvedElsewhere.value(host), 0);
    // B gives its slot back and waits with none: A hears of it.
    QVERIFY(b.releaseSlots({{host, 1}}, m_claimB, &error));
    answer = b.takeSlots({{host, 0, true}}, 4, m_claimB, now, &error);
    QCOMPARE(answer->granted.value(host), 0); // it asked for none
    answer = a.takeSlots({{host, 0, false}}, 4, m_claimA, now + 10, &error);
    QCOMPARE(answer->starvedElsewhere.value(host), 1);
    // Its word lasts a second unless said again.
    answer = a.takeSlots({{host, 0, false}}, 4, m_claimA, now + 2000, &error);
    QCOMPARE(answer->starvedElsewhere.value(host), 0);
    // A gives one back (it keeps two): B takes the two free ones, no more.
    QVERIFY(a.releaseSlots({{host, 1}}, m_claimA, &error));
    answer = b.takeSlots({{host, 4, true}}, 4, m_claimB, now, &error);
    QCOMPARE(answer->granted.value(host), 2);
    // Renewal says what each holds.
    std::optional<QHash<QString, int>> held = a.renewSlots(m_claimA, now + 30'000, &error);
    QVERIFY2(held, qPrintable(error));
    QCOMPARE(held->value(host), 2);
    QCOMPARE(held->value(other), 1);
    // B's leases (taken at `now`) run out; A's (renewed) do not: B's slots are A's to take.
    answer = a.takeSlots({{host, 4, false}}, 4, m_claimA, now + 61'000, &error);
    QCOMPARE(answer->granted.value(host), 2);
    held = b.renewSlots(m_claimB, now + 61'000, &error);
    QVERIFY2(held, qPrintable(error));
    QCOMPARE(held->value(host), 0); // B learns that it lost them
    // A gives everything back; B takes all four, no more.
    QVERIFY(a.releaseSlots({{host, -1}, {other, -1}}, m_claimA, &error));
    answer = b.takeSlots({{host, 6, true}}, 4, m_claimB, now + 61'000, &error);
    QCOMPARE(answer->granted.value(host), 4);
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

void TestOutbox::slotsOfAnEngineThatIsGoneAreFree()
{
    QProcess probe;
    probe.start(u"/bin/sh"_s, {u"-c"_s, u"echo $$"_s});
    QVERIFY(probe.waitForFinished());
    const QString deadPid = QString::fromLatin1(probe.readAllStandardOutput()).trimmed();
    const QString thisHost = m_claimA.token.section(u'/', 0, 0);
    const Outbox::Claim dead{thisHost + u'/' + deadPid + u"/dead"_s, 60'000};
    const Outbox::Claim remote{u"another-machine/1/x"_s, 60'000};
    const QString host = u"https://slow.example:443"_s;
    const QString elsewhere = u"https://elsewhere.example:443"_s;
    const qint64 now = Now.toMSecsSinceEpoch();
    QString error;
    DestinationCoordination &a = *m_a->destinationCoordination();
    QCOMPARE(a.takeSlots({{host, 2, true}}, 2, dead, now, &error)->granted.value(host), 2);
    QCOMPARE(a.takeSlots({{elsewhere, 2, true}}, 2, remote, now, &error)->granted.value(elsewhere),
             2);
    // The dead process's slots are free at once; a live holder elsewhere keeps its own.
    DestinationCoordination &b = *m_b->destinationCoordination();
    QCOMPARE(b.takeSlots({{host, 2, true}}, 2, m_claimB, now, &error)->granted.value(host), 2);
    QCOMPARE(b.takeSlots({{elsewhere, 2, true}}, 2, m_claimB, now + 1500, &error)
                 ->granted.value(elsewhere),
             0);
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

// One engine opens a destination's breaker: the other reads it, its claims skip the
// destination, exactly one of them takes the probe when it is due, and a success closes it
// for both.
void TestOutbox::breakersAreShared()
{
    DestinationCoordination &a = *m_a->destinationCoordination();
    DestinationCoordination &b = *m_b->destinationCoordination();
    const Delivery toDown = makeDelivery(u"down.example"_s, Now);
    const Delivery toUp = makeDelivery(u"up.example"_s, Now);
    const QString down = deliveryDestination(toDown.request.url);
    QString error;
    QVERIFY(m_a->insertDeliveries({toDown, toUp}, nullptr, &error));
    const qint64 now = Now.toMSecsSinceEpoch();
    using Probe = DestinationCoordination::Probe;
    const auto probe = [&](DestinationCoordination &side, const Outbox::Claim &claim, qint64 at) {
        const std::optional<Probe> p = side.takeProbe(down, claim, at, &error);
        return p ? int(*p) : -1;
    };
    QVERIFY2(a.openBreaker({down, 5, 30'000, now + 30'000}, m_claimA, &error), qPrintable(error));
    const auto open = b.openBreakers(now, &error);
    QVERIFY2(open, qPrintable(error));
    QCOMPARE(open->size(), 1);
    QCOMPARE(open->first().destination, down);
    QCOMPARE(open->first().failures, 5);
    QCOMPARE(open->first().coolDownMs, qint64(30'000));
    QCOMPARE(open->first().reopensAtMs, now + 30'000);
    // B's claim leaves the destination out while the breaker is open.
    QCOMPARE(idsOf(m_b->claimDue(at(Now), m_claimB, &error)), QStringList{toUp.id});
    // Not yet due: nobody probes.
    QCOMPARE(probe(b, m_claimB, now + 1000), int(Probe::Held));
    // Due: one probe, to whoever asks first; the other is held.
    QCOMPARE(probe(b, m_claimB, now + 31'000), int(Probe::Granted));
    QCOMPARE(probe(a, m_claimA, now + 31'000), int(Probe::Held));
    // While the probe is out, it reopens no sooner than the probe's lease ends, and claims
    // still leave the destination out.
    QCOMPARE(a.openBreakers(now + 31'000, &error)->first().reopensAtMs, now + 31'000 + 60'000);
    QVERIFY(idsOf(m_a->claimDue(at(Now.addSecs(31)), m_claimA, &error)).isEmpty());
    // The probe fails: open again, longer (the later reopening and longer cool-down win).
    QVERIFY(b.openBreaker({down, 5, 60'000, now + 91'000}, m_claimB, &error));
    QVERIFY(a.openBreaker({down, 3, 30'000, now + 40'000}, m_claimA, &error));
    QCOMPARE(a.openBreakers(now, &error)->first().reopensAtMs, now + 91'000);
    QCOMPARE(a.openBreakers(now, &error)->first().coolDownMs, qint64(60'000));
    QCOMPARE(probe(a, m_claimA, now + 92'000), int(Probe::Granted));
    // Its success closes it for both.
    QVERIFY(a.closeBreaker(down, &error));
    QVERIFY(b.openBreakers(now, &error)->isEmpty());
    QCOMPARE(probe(b, m_claimB, now + 92'000), int(Probe::Closed));
    QCOMPARE(idsOf(m_b->claimDue(at(Now), m_claimB, &error)), QStringList{toDown.id});
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

void TestOutbox::urlsAreReadAndShownWithoutPassword()
{
    QString error;
    const auto url = PostgresUrl::parse(
        u"postgresql://kanca:s3cret@db.example:6432/outbox?sslmode=require"_s, &error);
    QVERIFY2(url, qPrintable(error));
    QCOMPARE(url->user, u"kanca"_s);
    QCOMPARE(url->password, u"s3cret"_s);
    QCOMPARE(url->host, u"db.example"_s);
    QCOMPARE(url->port, 6432);
    QCOMPARE(url->database, u"outbox"_s);
    QCOMPARE(url->options, u"sslmode=require"_s);
    QCOMPARE(url->shown(), u"postgresql://kanca:***@db.example:6432/outbox"_s);
    QVERIFY(OpenStorage::isDatabaseUrl(u"postgres://u@h/db"_s));
    QVERIFY(!OpenStorage::isDatabaseUrl(u"/var/lib/kanca/history.sqlite"_s));
    QVERIFY(!OpenStorage::shown(u"postgresql://u:pw@h:1/db"_s).contains(u"pw"_s));
    QVERIFY(!PostgresUrl::parse(u"postgresql://u:pw@h:1/"_s, &error));
    QVERIFY2(error.contains(u"no database"_s) && !error.contains(u"pw"_s), qPrintable(error));
    // A wrong password is refused with the server's words, never with the password.
    const auto wrong = PostgresUrl::parse(
        QString(m_where).replace(u"postgresql://kanca@"_s, u"postgresql://kanca:wrong-pw@"_s),
        &error);
    QVERIFY(wrong);
    Store store;
    QVERIFY(!store.open(*wrong, &error));
    QVERIFY2(error.contains(u"password authentication failed"_s), qPrintable(error));
    QVERIFY2(!error.contains(u"wrong-pw"_s), qPrintable(error));
}

// PostgreSQL accepts a batch in one statement, tried once more on a new connection when the
// first try lost its connection, possibly after its commit: the events then exist with this
// batch's own delivery ids (made for this post and no other), and they are answered as accepted,
// not as duplicates, so that the server hands their deliveries to its engine.
void TestOutbox::aBatchTriedAgainAfterItsCommitIsItsOwn()
{
    EventStore::IncomingEvent event;
    event.id = u"evt_retried"_s;
    event.type = u"chat.opened"_s;
    event.receivedAt = Now;
    event.json = "{}";
    event.deliveries = {makeDelivery(u"a.example"_s, Now)};
    QString error;
    QVERIFY2(m_a->acceptEvents({event}, &m_claimA, &error), qPrintable(error));
    const auto again = m_a->acceptEvents({event}, &m_claimA, &error);
    QVERIFY2(again, qPrintable(error));
    QVERIFY(!again->first().duplicate);
    QCOMPARE(again->first().deliveryIds, QStringList{event.deliveries.first().id});
    QCOMPARE(countAll(*m_a), qint64(1));
    // Another post of the same event, dispatched anew: a duplicate.
    event.deliveries = {makeDelivery(u"a.example"_s, Now)};
    const auto repost = m_b->acceptEvents({event}, &m_claimB, &error);
    QVERIFY2(repost && repost->first().duplicate, qPrintable(error));
    QCOMPARE(repost->first().deliveryIds, again->first().deliveryIds);
}

// A writer's session keeps one plan per statement, made the first time the statement runs (see
// PostgresStore::Private::connect). Made while the tables were empty, the plans must still find
// the rows they name by key once the tables hold thousands: no row of deliveries or events is
// read by scanning the table, and only about as many are fetched through indexes as the
// statements named.
void TestOutbox::plansMadeOnEmptyTablesStillFindRowsByKey()
{
    m_b.reset();
    QString error;
    int next = 0;
    qint64 named = 0; // the rows of deliveries the statements below name
    // An engine's statements on `count` new events, each with one delivery claimed at once: the
    // events accepted and, when `attempted`, their attempts started and their results recorded.
    const auto round = [&](int count, bool attempted) {
        QList<EventStore::IncomingEvent> events;
        for (int i = 0; i < count; ++i)
            events.append(incoming(u"evt_%1"_s.arg(next++), 1));
        const auto accepted = m_a->acceptEvents(events, &m_claimA, &error);
        if (!accepted || accepted->size() != count)
            return false;
        if (!attempted)
            return true;
        QList<Outbox::AttemptStart> starts;
        QList<Outbox::AttemptResult> results;
        for (const EventStore::IncomingEvent &event : std::as_const(events)) {
            starts.append({event.deliveries.first().id, 1, Now});
            results.append(succeeded(event.deliveries.first().id, 1, Now));
        }
        QStringList lost;
        named += 3 * count; // each started, recorded, and checked by its attempt's foreign key
        return m_a->startAttempts(starts, m_claimA, &lost, &error)
               && m_a->recordAttempts(results, m_claimA, &lost, &error) && lost.isEmpty();
    };
    QVERIFY2(round(1, true), qPrintable(error)); // the plans are made on empty tables
    for (int i = 0; i < 10; ++i)
        QVERIFY2(round(500, false), qPrintable(error));
    for (int i = 0; i < 10; ++i)
        QVERIFY2(round(20, true), qPrintable(error));
    m_a.reset(); // the session ends and writes its statistics

    // Read once the statistics show every update (a session's are written as it ends).
    QList<QVariant> row;
    const QString sql = u"SELECT n_tup_upd, seq_tup_read, idx_tup_fetch, "
                        u"(SELECT seq_tup_read FROM pg_stat_user_tables WHERE relname = 'events') "
                        u"FROM pg_stat_user_tables WHERE relname = 'deliveries'"_s;
    const auto readStatistics = [&] {
        row.clear();
        return PostgresTestDatabase::query(m_where, {sql}, &error, &row);
    };
    QTRY_VERIFY_WITH_TIMEOUT(readStatistics() && row.value(0).toLongLong() >= 2 * 201, 15'000);
    QCOMPARE(row.value(1).toLongLong(), 0); // deliveries
    QCOMPARE(row.value(3).toLongLong(), 0); // events
    QVERIFY2(row.value(2).toLongLong() <= 2 * named,
             qPrintable(u"%1 rows of deliveries fetched through indexes for %2 named"_s
                            .arg(row.value(2).toLongLong())
                            .arg(named)));
}
#endif

QTEST_GUILESS_MAIN(TestOutbox)
#include "tst_outbox.moc"
