#include "history/HistoryDatabase.h"
#include "history/HistorySchema.h"
#include "history/WalCheckpointer.h"
#include "support/ThreadNames.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

using namespace Kanca;
using namespace Qt::StringLiterals;

namespace {

// The claim the tests add and record deliveries under, as an engine does.
const Kanca::Outbox::Claim TestClaim{QStringLiteral("test-claim"), 60'000};

const QDateTime Base = QDateTime::fromMSecsSinceEpoch(1'700'000'000'123, Qt::UTC);

// A plain Qt Sql connection to a file, for what the tests check behind the history's back.
class RawConnection
{
public:
    explicit RawConnection(const QString &path)
        : m_name(u"raw-%1"_s.arg(++s_count))
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_name);
        db.setDatabaseName(path);
        m_open = db.open();
    }
    ~RawConnection()
    {
        {
            QSqlDatabase db = QSqlDatabase::database(m_name, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(m_name);
    }
    RawConnection(const RawConnection &) = delete;
    RawConnection &operator=(const RawConnection &) = delete;

    bool isOpen() const { return m_open; }
    QString name() const { return m_name; }
    bool exec(const QString &sql) const
    {
        QSqlQuery query(QSqlDatabase::database(m_name, false));
        return query.exec(sql);
    }
    QVariant value(const QString &sql) const { return valueOn(m_name, sql); }

    static QVariant valueOn(const QString &connection, const QString &sql)
    {
        QSqlQuery query(QSqlDatabase::database(connection, false));
        if (!query.exec(sql) || !query.next())
            return QString(u"error: "_s + query.lastError().text());
        return query.value(0);
    }

private:
    static inline int s_count = 0;
    QString m_name;
    bool m_open = false;
};

Delivery makeDelivery(const QString &id, const QDateTime &createdAt,
                      const QString &ruleId = u"r1"_s)
{
    Delivery delivery;
    delivery.id = id;
    delivery.createdAt = createdAt;
    delivery.ruleSetName = u"Shop"_s;
    delivery.ruleId = ruleId;
    delivery.ruleName = u"Rule "_s + ruleId;
    delivery.eventId = u"evt-"_s + id;
    delivery.eventType = u"order.created"_s;
    delivery.request.method = u"POST"_s;
    delivery.request.url = u"https://example.com/hook/"_s + id;
    delivery.request.headers = {{u"Content-Type"_s, u"application/json"_s, false}};
    delivery.request.body = QByteArray("{\"id\":1}");
    delivery.nextAttemptAt = createdAt;
    return delivery;
}

Attempt makeAttempt(const QString &deliveryId, int number, const QDateTime &startedAt)
{
    Attempt attempt;
    attempt.deliveryId = deliveryId;
    attempt.number = number;
    attempt.startedAt = startedAt;
    attempt.durationMs = 42;
    attempt.request.method = u"POST"_s;
    attempt.request.url = u"https://example.com/hook"_s;
    attempt.request.body = QByteArray("{}");
    attempt.requestBodySize = 2;
    attempt.httpStatus = 200;
    attempt.outcome = Attempt::Outcome::Succeeded;
    return attempt;
}

QStringList idsOf(const QList<Delivery> &deliveries)
{
    QStringList ids;
    for (const Delivery &delivery : deliveries)
        ids.append(delivery.id);
    return ids;
}

// Every byte SQLite wrote for a database: the file, and its WAL and shared-memory files if any.
QByteArray allBytesOf(const QString &path)
{
    QByteArray bytes;
    for (const QString &suffix : {u""_s, u"-wal"_s, u"-shm"_s, u"-journal"_s}) {
        QFile file(path + suffix);
        if (file.open(QIODevice::ReadOnly))
            bytes += file.readAll();
    }
    return bytes;
}

// One commit of the log tests: 20 deliveries with 8 KiB bodies, 66 or 67 frames of the log.
QList<Delivery> largeDeliveries(int batch)
{
    const QByteArray body(8 * 1024, 'x');
    QList<Delivery> deliveries;
    for (int i = 0; i < 20; ++i) {
        Delivery delivery = makeDelivery(u"msg_%1_%2"_s.arg(batch).arg(i), Base);
        delivery.request.body = body;
        deliveries << delivery;
    }
    return deliveries;
}

// The write-ahead log's length in frames, from its file (which keeps its largest size): a 32-byte
// header, then each frame a 24-byte header and a 4 KiB page.
constexpr qint64 LogFrameBytes = 4096 + 24;
qint64 logFrames(const QString &path)
{
    return (QFileInfo(path + u"-wal"_s).size() - 32) / LogFrameBytes;
}

} // namespace

class TestHistoryDatabase : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void sqliteKeepsNoMemoryStatistics(); // first: before anything else in the process opens SQLite
    void roundTripsEveryField();
    void roundTripsEmptyOptionals();
    void capsBodiesAndKeepsTheirSize();
    void neverStoresSecretsInClear();
    void insertIsAllOrNone();
    void recordAttemptsUpdatesTheDelivery();
    void recordAttemptsIsAllOrNone();
    void secretHeaderIsMaskedWhoeverRecordsTheAttempt();
    void attemptOfADeliveryRemovedMeanwhileIsRefused();
    void unfinishedSoonestFirst();
    void reopeningKeepsData();
    void usesWriteAheadLogging();
    void checkpointsOnAThreadOfItsOwn();
    void copiesTheLogInStepsAndStartsItOver();
    void refusesNewerSchema();
    void refusesNonDatabaseFile_data();
    void refusesNonDatabaseFile();
    void refusesAnotherProgramsDatabase();
    void refusesDirectory();
    void reportsFolderThatCannotBeCreated();
    void reportsReadOnlyFiles();
    void twoConnectionsShareTheFile();
    void migratesEmptyFile();
    void migratesAVersionOneHistoryWithItsDeliveries();
    void versionFourChecksWithoutATemporaryTable();
    void textsAreKeptExactlyLoneSurrogatesReplaced();
    void reportsLockedDatabase();
    void removesItsConnection();
    void refusesWorkWhenClosed();

private:
    QTemporaryDir m_dir;
    QString file(const QString &name) const { return m_dir.filePath(name); }
};

void TestHistoryDatabase::init()
{
    QVERIFY(m_dir.isValid());
    // A connection removed while still in use, or any other Qt warning, fails the test.
    QTest::failOnWarning(QRegularExpression(u".*"_s));
}

// A history configures SQLite before its first connection: no memory statistics, which cost a
// process-wide mutex and counters on each of the dozens of allocations a delivery makes. SQLite
// counts nothing then: the bytes it holds read 0 however much it allocated.
void TestHistoryDatabase::sqliteKeepsNoMemoryStatistics()
{
    HistoryDatabase db;
    QString error;
    QVERIFY2(db.open(file(u"statistics/history.sqlite"_s), &error), qPrintable(error));
    QList<Delivery> deliveries;
    for (int i = 0; i < 50; ++i)
        deliveries.append(makeDelivery(u"msg_%1"_s.arg(i), Base.addMSecs(i)));
    QVERIFY2(db.insertDeliveries(deliveries, nullptr, &error), qPrintable(error));
    QCOMPARE(db.countDeliveries({}, &error), 50);

    sqlite3_int64 used = -1;
    sqlite3_int64 highest = -1;
    QCOMPARE(sqlite3_status64(SQLITE_STATUS_MEMORY_USED, &used, &highest, 0), SQLITE_OK);
    QCOMPARE(used, 0);
    QCOMPARE(highest, 0);
}

void TestHistoryDatabase::roundTripsEveryField()
{
    const QString path = file(u"roundtrip/history.sqlite"_s);
    HistoryDatabase db;
    QString error;
    QVERIFY2(db.open(path, &error), qPrintable(error));
    QCOMPARE(db.path(), path);

    Delivery delivery;
    delivery.id = u"msg_01HZZZROUNDTRIP"_s;
    delivery.createdAt = Base.toLocalTime(); // any time zone: stored as UTC milliseconds
    delivery.ruleSetName = u"Müşteri kuralları ğüşıöç"_s;
    delivery.ruleId = u"şikayet-1"_s;
    delivery.ruleName = u"Şikâyet geldi 😀"_s;
    delivery.actionIndex = 3;
    delivery.eventId = u"evt_İı"_s;
    delivery.eventType = u"ticket.created"_s;
    delivery.request.method = u"PUT"_s;
    delivery.request.url = u"https://example.com/a%20b?q=%C4%B1"_s;
    delivery.request.headers = {
        {u"Content-Type"_s, u"application/octet-stream"_s, false},
        {u"X-Türkçe"_s, u"değer \"quoted\" back\\slash\ttab\x01\u2028 end"_s, false}};
    delivery.request.body = QByteArray("a\0b\xff\xfe\xc3(\x80z", 10);
    delivery.auth.type = Auth::Type::Basic;
    delivery.auth.username = u"kullanıcı"_s;
    delivery.auth.headerName = u"X-Ignored"_s;
    delivery.auth.secret.name = u"CRM_PASSWORD"_s;
    delivery.signing.type = Signing::Type::HmacSha256;
    delivery.signing.secret.name = u"SIGNING_KEY"_s;
    delivery.signing.header = u"X-Signature"_s;
    delivery.signing.prefix = u"v=1,"_s;
    delivery.signing.encoding = Signing::Encoding::Base64;
    delivery.timeoutMs = 2500;
    delivery.retry = {7, 250, 90000};
    delivery.status = DeliveryStatus::Failed;
    delivery.attemptCount = 7;
    delivery.nextAttemptAt = Base.addSecs(60);
    delivery.lastHttpStatus = 503;
    delivery.lastError = u"Sunucu hata verdi: 503"_s;
    delivery.finishedAt = Base.addSecs(120);
    delivery.resendOf = u"msg_01HORIGINAL"_s;
    QVERIFY2(db.insertDeliveries({delivery}, &TestClaim, &error), qPrintable(error));

    const std::optional<Delivery> read = db.delivery(delivery.id, &error);
    QVERIFY2(read, qPrintable(error));
    QCOMPARE(read->request.body, delivery.request.body);
    QCOMPARE(read->createdAt.toMSecsSinceEpoch(), Base.toMSecsSinceEpoch());
    QCOMPARE(read->auth, delivery.auth);
    QCOMPARE(read->signing, delivery.signing);
    QCOMPARE(read->request, delivery.request);
    QVERIFY(*read == delivery);

    // A standard-webhooks signing and a bearer auth keep their kinds too.
    Delivery other = makeDelivery(u"msg_other"_s, Base);
    other.auth.type = Auth::Type::Bearer;
    other.auth.secret.name = u"TOKEN"_s;
    other.signing.type = Signing::Type::StandardWebhooks;
    other.signing.secret.name = u"WHSEC"_s;
    QVERIFY2(db.insertDeliveries({other}, &TestClaim, &error), qPrintable(error));
    QVERIFY(db.delivery(other.id) == other);

    // An attempt of a pending delivery (a finished one takes none).
    Attempt attempt;
    attempt.deliveryId = other.id;
    attempt.number = 2;
    attempt.startedAt = Base.addMSecs(1);
    attempt.durationMs = 1234567;
    attempt.request.method = u"PUT"_s;
    attempt.request.url = delivery.request.url;
    attempt.request.headers = {{u"Authorization"_s, u"Basic ********"_s, true},
                               {u"webhook-id"_s, delivery.id, false}};
    attempt.request.body = delivery.request.body;
    attempt.requestBodySize = delivery.request.body.size();
    attempt.httpStatus = 429;
    attempt.responseHeaders = {{u"Retry-After"_s, u"120"_s, false},
                               {u"X-Yanıt"_s, u"çok fazla"_s, false}};
    attempt.responseBody = QByteArray("\0\x01\x02 ok \xc3\xbc", 10);
    attempt.responseBodySize = 10;
    attempt.error = u"Çok fazla istek (429)"_s;
    attempt.outcome = Attempt::Outcome::WillRetry;
    attempt.retryDelayMs = 120000;
    QVERIFY2(db.recordAttempts({{attempt, DeliveryStatus::Pending, Base.addSecs(120)}}, TestClaim,
                               nullptr, &error),
             qPrintable(error));

    const QList<Attempt> attempts = db.attempts(other.id, &error);
    QCOMPARE(attempts.size(), 1);
    QVERIFY(attempts.first().id > 0);
    attempt.id = attempts.first().id;
    QCOMPARE(attempts.first().request, attempt.request);
    QCOMPARE(attempts.first().responseBody, attempt.responseBody);
    QCOMPARE(attempts.first().responseHeaders, attempt.responseHeaders);
    QVERIFY(attempts.first() == attempt);
    QVERIFY(!attempts.first().requestBodyTruncated());
    QVERIFY(!attempts.first().responseBodyTruncated());
}

void TestHistoryDatabase::roundTripsEmptyOptionals()
{
    HistoryDatabase db;
    QString error;
    QVERIFY2(db.open(file(u"empty.sqlite"_s), &error), qPrintable(error));

    Delivery delivery;
    delivery.id = u"msg_bare"_s;
    delivery.createdAt = Base;
    delivery.status = DeliveryStatus::Failed; // a pending one is always due at some time
    QVERIFY2(db.insertDeliveries({delivery}, &TestClaim, &error), qPrintable(error));
    const std::optional<Delivery> read = db.delivery(delivery.id, &error);
    QVERIFY2(read, qPrintable(error));
    QVERIFY(!read->lastHttpStatus);
    QVERIFY(!read->nextAttemptAt.isValid());
    QVERIFY(!read->finishedAt.isValid());
    QVERIFY(read->resendOf.isEmpty());
    QVERIFY(read->request.body.isEmpty());
    QVERIFY(read->request.headers.isEmpty());
    QVERIFY(*read == delivery);
    QCOMPARE(RawConnection::valueOn(db.connectionName(),
                                    u"SELECT count(*) FROM deliveries WHERE resend_of IS NULL AND "
                                    u"last_http_status IS NULL AND next_attempt_at IS NULL"_s),
             QVariant(qint64(1)));

    // An attempt with nothing optional, of a bare pending delivery.
    Delivery pending = delivery;
    pending.id = u"msg_bare_pending"_s;
    pending.status = DeliveryStatus::Pending;
    pending.nextAttemptAt = Base;
    QVERIFY2(db.insertDeliveries({pending}, &TestClaim, &error), qPrintable(error));
    Attempt attempt;
    attempt.deliveryId = pending.id;
    attempt.startedAt = Base;
    attempt.error = u"Connection refused by 127.0.0.1:9"_s;
    attempt.outcome = Attempt::Outcome::Failed;
    QVERIFY2(db.recordAttempts({{attempt, DeliveryStatus::Failed, {}}}, TestClaim, nullptr, &error),
             qPrintable(error));
    const QList<Attempt> attempts = db.attempts(pending.id, &error);
    QCOMPARE(attempts.size(), 1);
    attempt.id = attempts.first().id;
    QVERIFY(!attempts.first().httpStatus);
    QVERIFY(!attempts.first().retryDelayMs);
    QVERIFY(attempts.first() == attempt);
    QVERIFY(!db.delivery(pending.id)->lastHttpStatus);
}

void TestHistoryDatabase::capsBodiesAndKeepsTheirSize()
{
    HistoryDatabase db;
    QString error;
    QVERIFY2(db.open(file(u"cap.sqlite"_s), &error), qPrintable(error));
    const Delivery delivery = makeDelivery(u"msg_cap"_s, Base);
    QVERIFY2(db.insertDeliveries({delivery}, &TestClaim, &error), qPrintable(error));

    QByteArray bigRequest(Attempt::BodyCap + 1000, 'q');
    bigRequest[0] = '\0';
    bigRequest[Attempt::BodyCap - 1] = 'L';
    QByteArray bigResponse(3 * Attempt::BodyCap, 'r');
    Attempt attempt = makeAttempt(delivery.id, 1, Base);
    attempt.request.body = bigRequest;
    attempt.requestBodySize = bigRequest.size();
    attempt.responseBody = bigResponse;
    attempt.responseBodySize = 50 * 1024 * 1024; // the engine read 50 MB and kept the start
    QVERIFY2(
        db.recordAttempts({{attempt, DeliveryStatus::Succeeded, {}}}, TestClaim, nullptr, &error),
        qPrintable(error));

    const QList<Attempt> attempts = db.attempts(delivery.id, &error);
    QCOMPARE(attempts.size(), 1);
    const Attempt &read = attempts.first();
    QCOMPARE(read.request.body.size(), Attempt::BodyCap);
    QCOMPARE(read.request.body, bigRequest.left(Attempt::BodyCap));
    QCOMPARE(read.requestBodySize, qint64(bigRequest.size()));
    QVERIFY(read.requestBodyTruncated());
    QCOMPARE(read.responseBody.size(), Attempt::BodyCap);
    QCOMPARE(read.responseBodySize, qint64(50 * 1024 * 1024));
    QVERIFY(read.responseBodyTruncated());
    QCOMPARE(RawConnection::valueOn(db.connectionName(), u"SELECT body_cap FROM attempts"_s),
             QVariant(qint64(Attempt::BodyCap)));

    // The outbox keeps the delivery's whole body: it has to send it.
    Delivery big = makeDelivery(u"msg_bigbody"_s, Base);
    big.request.body = bigResponse;
    QVERIFY2(db.insertDeliveries({big}, &TestClaim, &error), qPrintable(error));
    QCOMPARE(db.delivery(big.id)->request.body, bigResponse);
}

void TestHistoryDatabase::neverStoresSecretsInClear()
{
    const QString path = file(u"secrets.sqlite"_s);
    const QList<QByteArray> secrets = {"sk_live_BEARER_51",  "hunter2-basic",
                                       "whsec_HEADERVAL_77", "flagged-custom-999",
                                       "proxy-pass-31",      "delivery-flagged-555"};
    {
        HistoryDatabase db;
        QString error;
        QVERIFY2(db.open(path, &error), qPrintable(error));

        Delivery delivery = makeDelivery(u"msg_secret"_s, Base);
        delivery.auth.type = Auth::Type::Header;
        delivery.auth.headerName = u"X-Webhook-Secret"_s;
        delivery.auth.secret.name = u"CRM_TOKEN"_s;
        delivery.signing.type = Signing::Type::StandardWebhooks;
        delivery.signing.secret.name = u"SIGNING_SECRET"_s;
        // A header flagged secret must not reach the outbox in clear either.
        delivery.request.headers.append({u"X-Api-Key"_s, u"delivery-flagged-555"_s, true});
        QVERIFY2(db.insertDeliveries({delivery}, &TestClaim, &error), qPrintable(error));

        Attempt attempt = makeAttempt(delivery.id, 1, Base);
        // Values that reach the history unmasked, flagged or not.
        attempt.request.headers = {
            {u"authorization"_s, u"Bearer sk_live_BEARER_51"_s, false},
            {u"X-WEBHOOK-SECRET"_s, u"whsec_HEADERVAL_77"_s, false},
            {u"X-Custom"_s, u"flagged-custom-999"_s, true},
            {u"Proxy-Authorization"_s, u"Basic proxy-pass-31"_s, false},
            {u"Authorization"_s, u"Basic "_s + QString::fromLatin1("hunter2-basic"), true},
            {u"webhook-id"_s, delivery.id, false},
        };
        QVERIFY2(db.recordAttempts({{attempt, DeliveryStatus::Succeeded, {}}}, TestClaim, nullptr,
                                   &error),
                 qPrintable(error));

        const QList<Attempt> attempts = db.attempts(delivery.id, &error);
        QCOMPARE(attempts.size(), 1);
        const RenderedRequest &sent = attempts.first().request;
        QCOMPARE(sent.headers.size(), 6);
        QCOMPARE(sent.headers.at(0).value, u"Bearer ********"_s);
        QCOMPARE(sent.headers.at(1).value, u"********"_s);
        QCOMPARE(sent.headers.at(2).value, u"********"_s);
        QCOMPARE(sent.headers.at(3).value, u"Basic ********"_s);
        QCOMPARE(sent.headers.at(4).value, u"Basic ********"_s);
        QCOMPARE(sent.headers.at(5).value, delivery.id);
        for (int i = 0; i < 5; ++i)
            QVERIFY(sent.headers.at(i).secret);
        QCOMPARE(db.delivery(delivery.id)->request.headers.last().value, u"********"_s);

        // The raw columns hold the secrets' names, never their values.
        const QString auth =
            RawConnection::valueOn(db.connectionName(), u"SELECT auth FROM deliveries"_s)
                .toString();
        QVERIFY2(auth.contains(u"CRM_TOKEN"), qPrintable(auth));
        QVERIFY2(auth.contains(u"X-Webhook-Secret"), qPrintable(auth));
        const QString headers =
            RawConnection::valueOn(db.connectionName(), u"SELECT request_headers FROM attempts"_s)
                .toString();
        for (const QByteArray &secret : secrets)
            QVERIFY2(!headers.contains(QString::fromLatin1(secret)), secret.constData());
        // Still open: the WAL holds the new pages.
        const QByteArray bytes = allBytesOf(path);
        QVERIFY(bytes.contains("CRM_TOKEN"));
        for (const QByteArray &secret : secrets)
            QVERIFY2(!bytes.contains(secret), secret.constData());
    }
    // Closed: checkpointed into the file.
    const QByteArray bytes = allBytesOf(path);
    QVERIFY(bytes.contains("SIGNING_SECRET"));
    for (const QByteArray &secret : secrets)
        QVERIFY2(!bytes.contains(secret), secret.constData());
}

void TestHistoryDatabase::insertIsAllOrNone()
{
    const QString path = file(u"duplicates.sqlite"_s);
    HistoryDatabase db;
    QString error;
    QVERIFY2(db.open(path, &error), qPrintable(error));
    QVERIFY2(db.insertDeliveries({makeDelivery(u"msg_A"_s, Base)}, &TestClaim, &error),
             qPrintable(error));

    QVERIFY(!db.insertDeliveries({makeDelivery(u"msg_B"_s, Base), makeDelivery(u"msg_A"_s, Base),
                                  makeDelivery(u"msg_C"_s, Base)},
                                 &TestClaim, &error));
    QVERIFY2(error.contains(u"msg_A"), qPrintable(error));
    QVERIFY2(error.contains(QDir::toNativeSeparators(path)), qPrintable(error));
    QCOMPARE(db.countDeliveries({}), qint64(1));
    QVERIFY(!db.delivery(u"msg_B"_s));

    // A duplicate inside one batch.
    error.clear();
    QVERIFY(!db.insertDeliveries({makeDelivery(u"msg_D"_s, Base), makeDelivery(u"msg_D"_s, Base)},
                                 &TestClaim, &error));
    QVERIFY2(error.contains(u"msg_D"), qPrintable(error));
    QCOMPARE(db.countDeliveries({}), qint64(1));

    // A delivery without a creation time is refused before anything is written.
    Delivery timeless = makeDelivery(u"msg_E"_s, {});
    QVERIFY(!db.insertDeliveries({makeDelivery(u"msg_F"_s, Base), timeless}, &TestClaim, &error));
    QVERIFY2(error.contains(u"msg_E"), qPrintable(error));
    QCOMPARE(db.countDeliveries({}), qint64(1));

    // After a failed batch the connection works on.
    QVERIFY2(db.insertDeliveries({makeDelivery(u"msg_B"_s, Base), makeDelivery(u"msg_C"_s, Base)},
                                 &TestClaim, &error),
             qPrintable(error));
    QCOMPARE(db.countDeliveries({}), qint64(3));
    QVERIFY(db.insertDeliveries({}, &TestClaim, &error));
}

void TestHistoryDatabase::recordAttemptsUpdatesTheDelivery()
{
    HistoryDatabase db;
    QString error;
    QVERIFY2(db.open(file(u"record.sqlite"_s), &error), qPrintable(error));
    Delivery delivery = makeDelivery(u"msg_rec"_s, Base);
    delivery.nextAttemptAt = Base;
    QVERIFY2(db.insertDeliveries({delivery}, &TestClaim, &error), qPrintable(error));

    Attempt first = makeAttempt(delivery.id, 1, Base.addSecs(1));
    first.httpStatus = 500;
    first.error = u"Server error 500"_s;
    first.outcome = Attempt::Outcome::WillRetry;
    first.retryDelayMs = 2000;
    QVERIFY2(db.recordAttempts({{first, DeliveryStatus::Pending, Base.addSecs(3)}}, TestClaim,
                               nullptr, &error),
             qPrintable(error));
    std::optional<Delivery> read = db.delivery(delivery.id, &error);
    QVERIFY2(read, qPrintable(error));
    QCOMPARE(read->status, DeliveryStatus::Pending);
    QCOMPARE(read->attemptCount, 1);
    QCOMPARE(read->nextAttemptAt, Base.addSecs(3));
    QCOMPARE(read->lastHttpStatus, std::optional<int>(500));
    QCOMPARE(read->lastError, u"Server error 500"_s);
    QVERIFY(!read->finishedAt.isValid());
    QCOMPARE(idsOf(db.unfinishedDeliveries()), QStringList{delivery.id});

    const Attempt second = makeAttempt(delivery.id, 2, Base.addSecs(3));
    QVERIFY2(db.recordAttempts({{second, DeliveryStatus::Succeeded, Base.addSecs(99)}}, TestClaim,
                               nullptr, &error),
             qPrintable(error));
    read = db.delivery(delivery.id, &error);
    QVERIFY2(read, qPrintable(error));
    QCOMPARE(read->status, DeliveryStatus::Succeeded);
    QCOMPARE(read->attemptCount, 2);
    QVERIFY(!read->nextAttemptAt.isValid());
    QCOMPARE(read->lastHttpStatus, std::optional<int>(200));
    QVERIFY(read->lastError.isEmpty());
    QCOMPARE(read->finishedAt, Base.addSecs(3).addMSecs(second.durationMs));
    QVERIFY(db.unfinishedDeliveries(&error).isEmpty());

    const QList<Attempt> attempts = db.attempts(delivery.id, &error);
    QCOMPARE(attempts.size(), 2);
    QCOMPARE(attempts.at(0).number, 1);
    QCOMPARE(attempts.at(0).outcome, Attempt::Outcome::WillRetry);
    QCOMPARE(attempts.at(0).retryDelayMs, std::optional<qint64>(2000));
    QCOMPARE(attempts.at(1).number, 2);
    QCOMPARE(db.countAttempts(&error), qint64(2));

    // A finished delivery is held by no claim: a late result for it (from an engine whose claim
    // was taken over) is refused and said, and changes nothing.
    QStringList lost;
    QVERIFY2(db.recordAttempts(
                 {{makeAttempt(delivery.id, 1, Base.addSecs(4)), DeliveryStatus::Succeeded, {}}},
                 TestClaim, &lost, &error),
             qPrintable(error));
    QCOMPARE(lost, QStringList{delivery.id});
    QCOMPARE(db.delivery(delivery.id)->attemptCount, 2);
    QCOMPARE(db.attempts(delivery.id).size(), 2);

    // A final failure.
    Delivery failing = makeDelivery(u"msg_fail"_s, Base);
    QVERIFY2(db.insertDeliveries({failing}, &TestClaim, &error), qPrintable(error));
    Attempt gone = makeAttempt(failing.id, 1, Base);
    gone.httpStatus = 410;
    gone.error = u"Gone"_s;
    gone.outcome = Attempt::Outcome::Failed;
    QVERIFY2(db.recordAttempts({{gone, DeliveryStatus::Failed, {}}}, TestClaim, nullptr, &error),
             qPrintable(error));
    QCOMPARE(db.delivery(failing.id)->status, DeliveryStatus::Failed);
    QCOMPARE(db.delivery(failing.id)->lastError, u"Gone"_s);
    QCOMPARE(db.countAttempts(), qint64(3));
}

void TestHistoryDatabase::recordAttemptsIsAllOrNone()
{
    const QString path = file(u"record-all.sqlite"_s);
    HistoryDatabase db;
    QString error;
    QVERIFY2(db.open(path, &error), qPrintable(error));
    QVERIFY2(db.insertDeliveries({makeDelivery(u"msg_1"_s, Base)}, &TestClaim, &error),
             qPrintable(error));

    const Attempt good = makeAttempt(u"msg_1"_s, 1, Base);
    const Attempt orphan = makeAttempt(u"msg_nowhere"_s, 1, Base);
    QVERIFY(!db.recordAttempts(
        {{good, DeliveryStatus::Succeeded, {}}, {orphan, DeliveryStatus::Succeeded, {}}}, TestClaim,
        nullptr, &error));
    QVERIFY2(error.contains(u"msg_nowhere"), qPrintable(error));
    QVERIFY2(error.contains(QDir::toNativeSeparators(path)), qPrintable(error));
    QCOMPARE(db.countAttempts(), qint64(0));
    QCOMPARE(db.delivery(u"msg_1"_s)->status, DeliveryStatus::Pending);

    Attempt timeless = good;
    timeless.startedAt = {};
    QVERIFY(!db.recordAttempts({{timeless, DeliveryStatus::Succeeded, {}}}, TestClaim, nullptr,
                               &error));
    QVERIFY2(error.contains(u"msg_1"), qPrintable(error));

    QVERIFY2(db.recordAttempts({{good, DeliveryStatus::Succeeded, {}}}, TestClaim, nullptr, &error),
             qPrintable(error));
    QCOMPARE(db.countAttempts(), qint64(1));
    QCOMPARE(db.delivery(u"msg_1"_s)->status, DeliveryStatus::Succeeded);
}

// The connection that added or claimed a delivery knows its auth's header; another one reads it
// from the row. Either way the secret header's value is masked.
void TestHistoryDatabase::secretHeaderIsMaskedWhoeverRecordsTheAttempt()
{
    const QString path = file(u"masked-by-any.sqlite"_s);
    HistoryDatabase adder;
    HistoryDatabase other;
    QString error;
    QVERIFY2(adder.open(path, &error), qPrintable(error));
    QVERIFY2(other.open(path, &error), qPrintable(error));

    const auto secretDelivery = [](const QString &id, const QString &header) {
        Delivery delivery = makeDelivery(id, Base);
        delivery.auth.type = Auth::Type::Header;
        delivery.auth.headerName = header;
        delivery.auth.secret.name = u"CRM_TOKEN"_s;
        return delivery;
    };
    const auto secretAttempt = [](const QString &id, const QString &header) {
        Attempt attempt = makeAttempt(id, 1, Base);
        attempt.request.headers = {{header.toLower(), u"whsec_VALUE_"_s + id, false},
                                   {u"X-Other"_s, u"plain"_s, false}};
        return attempt;
    };
    // Added claimed by `adder`, recorded by `adder` and by `other`; added unclaimed, claimed
    // and recorded by `other`.
    QVERIFY2(adder.insertDeliveries({secretDelivery(u"msg_own"_s, u"X-Own-Secret"_s),
                                     secretDelivery(u"msg_theirs"_s, u"X-Their-Secret"_s)},
                                    &TestClaim, &error),
             qPrintable(error));
    QVERIFY2(adder.insertDeliveries({secretDelivery(u"msg_claimed"_s, u"X-Claimed-Secret"_s)},
                                    nullptr, &error),
             qPrintable(error));
    const Outbox::Claim otherClaim{u"other-claim"_s, 60'000};
    const auto claimed =
        other.claimDue({10, Base, {}, QStringList{u"msg_claimed"_s}}, otherClaim, &error);
    QVERIFY2(claimed && claimed->size() == 1, qPrintable(error));

    QVERIFY2(adder.recordAttempts(
                 {{secretAttempt(u"msg_own"_s, u"X-Own-Secret"_s), DeliveryStatus::Succeeded, {}}},
                 TestClaim, nullptr, &error),
             qPrintable(error));
    QVERIFY2(
        other.recordAttempts(
            {{secretAttempt(u"msg_theirs"_s, u"X-Their-Secret"_s), DeliveryStatus::Succeeded, {}}},
            TestClaim, nullptr, &error),
        qPrintable(error));
    QVERIFY2(other.recordAttempts({{secretAttempt(u"msg_claimed"_s, u"X-Claimed-Secret"_s),
                                    DeliveryStatus::Succeeded,
                                    {}}},
                                  otherClaim, nullptr, &error),
             qPrintable(error));

    for (const QString &id : {u"msg_own"_s, u"msg_theirs"_s, u"msg_claimed"_s}) {
        const QList<Attempt> attempts = adder.attempts(id, &error);
        QCOMPARE(attempts.size(), 1);
        const QList<RenderedRequest::Header> &headers = attempts.first().request.headers;
        QCOMPARE(headers.size(), 2);
        QCOMPARE(headers.at(0).value, u"********"_s);
        QVERIFY(headers.at(0).secret);
        QCOMPARE(headers.at(1).value, u"plain"_s);
        QCOMPARE(adder.delivery(id)->status, DeliveryStatus::Succeeded);
    }
    const QString stored =
        RawConnection::valueOn(adder.connectionName(),
                               u"SELECT group_concat(request_headers) FROM attempts"_s)
            .toString();
    QVERIFY2(!stored.contains(u"whsec_VALUE"), qPrintable(stored));
}

// A delivery removed behind the back of the connection that added it (and so knows its auth) is
// not there to record an attempt of: the batch is refused, as for an id never added.
void TestHistoryDatabase::attemptOfADeliveryRemovedMeanwhileIsRefused()
{
    const QString path = file(u"removed-meanwhile.sqlite"_s);
    HistoryDatabase db;
    QString error;
    QVERIFY2(db.open(path, &error), qPrintable(error));
    QVERIFY2(
        db.insertDeliveries({makeDelivery(u"msg_kept"_s, Base), makeDelivery(u"msg_gone"_s, Base)},
                            &TestClaim, &error),
        qPrintable(error));
    {
        RawConnection raw(path);
        QVERIFY(raw.isOpen());
        QVERIFY(raw.exec(u"DELETE FROM deliveries WHERE id = 'msg_gone'"_s));
    }
    QStringList lost;
    QVERIFY(
        !db.recordAttempts({{makeAttempt(u"msg_kept"_s, 1, Base), DeliveryStatus::Succeeded, {}},
                            {makeAttempt(u"msg_gone"_s, 1, Base), DeliveryStatus::Succeeded, {}}},
                           TestClaim, &lost, &error));
    QVERIFY2(error.contains(u"there is no delivery msg_gone"), qPrintable(error));
    QVERIFY(lost.isEmpty());
    QCOMPARE(db.countAttempts(), qint64(0));
    QCOMPARE(db.delivery(u"msg_kept"_s)->status, DeliveryStatus::Pending);
}

void TestHistoryDatabase::unfinishedSoonestFirst()
{
    HistoryDatabase db;
    QString error;
    QVERIFY2(db.open(file(u"unfinished.sqlite"_s), &error), qPrintable(error));

    Delivery later = makeDelivery(u"msg_later"_s, Base);
    later.nextAttemptAt = Base.addSecs(600);
    Delivery soon = makeDelivery(u"msg_soon"_s, Base.addSecs(5));
    soon.nextAttemptAt = Base.addSecs(10);
    Delivery dueNow = makeDelivery(u"msg_now"_s, Base.addSecs(9)); // never scheduled: due now
    Delivery middle = makeDelivery(u"msg_middle"_s, Base.addSecs(1));
    middle.nextAttemptAt = Base.addSecs(60);
    Delivery done = makeDelivery(u"msg_done"_s, Base);
    done.status = DeliveryStatus::Succeeded;
    done.finishedAt = Base;
    Delivery failed = makeDelivery(u"msg_failed"_s, Base);
    failed.status = DeliveryStatus::Failed;
    QVERIFY2(db.insertDeliveries({later, soon, done, dueNow, middle, failed}, &TestClaim, &error),
             qPrintable(error));

    const QList<Delivery> unfinished = db.unfinishedDeliveries(&error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(idsOf(unfinished),
             (QStringList{u"msg_now"_s, u"msg_soon"_s, u"msg_middle"_s, u"msg_later"_s}));
    QVERIFY(unfinished.at(1) == soon);
}

void TestHistoryDatabase::reopeningKeepsData()
{
    const QString path = file(u"reopen/deep/history.sqlite"_s);
    QString error;
    Delivery delivery = makeDelivery(u"msg_keep"_s, Base);
    {
        HistoryDatabase db;
        QVERIFY2(db.open(path, &error), qPrintable(error));
        QVERIFY2(db.insertDeliveries({delivery}, &TestClaim, &error), qPrintable(error));
        QVERIFY2(
            db.recordAttempts({{makeAttempt(delivery.id, 1, Base), DeliveryStatus::Succeeded, {}}},
                              TestClaim, nullptr, &error),
            qPrintable(error));
    }
    HistoryDatabase db;
    QVERIFY2(db.open(path, &error), qPrintable(error));
    const std::optional<Delivery> read = db.delivery(delivery.id, &error);
    QVERIFY2(read, qPrintable(error));
    QCOMPARE(read->status, DeliveryStatus::Succeeded);
    QCOMPARE(db.attempts(delivery.id).size(), 1);

    // Reopening the same object on another file.
    QVERIFY2(db.open(file(u"reopen/other.sqlite"_s), &error), qPrintable(error));
    QVERIFY(!db.delivery(delivery.id, &error));
    QVERIFY2(error.contains(u"msg_keep"), qPrintable(error));
    QVERIFY2(db.open(path, &error), qPrintable(error));
    QVERIFY(db.delivery(delivery.id));
}

void TestHistoryDatabase::usesWriteAheadLogging()
{
    HistoryDatabase db;
    QString error;
    QVERIFY2(db.open(file(u"wal.sqlite"_s), &error), qPrintable(error));
    QCOMPARE(RawConnection::valueOn(db.connectionName(), u"PRAGMA journal_mode"_s).toString(),
             u"wal"_s);
    QCOMPARE(RawConnection::valueOn(db.connectionName(), u"PRAGMA synchronous"_s).toInt(), 1);
    QCOMPARE(RawConnection::valueOn(db.connectionName(), u"PRAGMA foreign_keys"_s).toInt(), 1);
    QCOMPARE(RawConnection::valueOn(db.connectionName(), u"PRAGMA busy_timeout"_s).toInt(),
             HistoryDatabase::DefaultBusyTimeoutMs);
    QCOMPARE(RawConnection::valueOn(db.connectionName(), u"PRAGMA user_version"_s).toInt(),
             HistoryDatabase::SchemaVersion);
    // The mode is the file's: another connection sees it too.
    RawConnection raw(file(u"wal.sqlite"_s));
    QCOMPARE(raw.value(u"PRAGMA journal_mode"_s).toString(), u"wal"_s);
}

// The write-ahead log is checkpointed on a thread and connection of the history's own, not in
// the writer's commits; under writes that go on without a pause it stays bounded (the writer
// checkpoints itself past WalCheckpointer::BackstopPages, waiting for the thread's checkpoint
// when one is copying: the log ends with the first commit past the backstop and starts over),
// another connection reads every row meanwhile, and once the history is closed the log is gone:
// the writer's close, the last, checkpointed all of it.
void TestHistoryDatabase::checkpointsOnAThreadOfItsOwn()
{
    const QString path = file(u"checkpoints.sqlite"_s);
    QString error;
    {
        HistoryDatabase db;
        QVERIFY2(db.open(path, &error), qPrintable(error));
        QCOMPARE(db.logCheckpoints(), 0);
        // 6,000 deliveries with 8 KiB bodies, 20 a transaction: 48 MiB of bodies alone, more
        // than the backstop's 10,000 pages.
        for (int batch = 0; batch < 300; ++batch) {
            QVERIFY2(db.insertDeliveries(largeDeliveries(batch), &TestClaim, &error),
                     qPrintable(error));
        }
        QTRY_VERIFY(db.logCheckpoints() > 0);
        if (Testing::threadNamesSupported()) { // as docs/server.md names it
            const QStringList names = Testing::threadNames();
            QVERIFY2(names.contains(u"Kanca WAL"_s), qPrintable(names.join(u", ")));
        }
        // The log's file keeps its largest size. One commit here writes 66 or 67 frames, so the
        // log never passes the backstop by 80: a backstop skipped while the thread copied let
        // it pass by one commit or more (10,083 to 11,200 frames measured, where 10,016 is usual).
        const qint64 logBytes = QFileInfo(path + u"-wal"_s).size();
        QVERIFY2(logBytes > 0 && logBytes < (WalCheckpointer::BackstopPages + 80) * LogFrameBytes,
                 qPrintable(u"%1 frames"_s.arg(logFrames(path))));
        RawConnection raw(path);
        QCOMPARE(raw.value(u"SELECT count(*) FROM deliveries"_s).toInt(), 6000);
    }
    QVERIFY(QFileInfo::exists(path));
    QVERIFY(!QFileInfo::exists(path + u"-wal"_s));
    HistoryDatabase again;
    QVERIFY2(again.open(path, &error), qPrintable(error));
    QCOMPARE(again.countDeliveries(HistoryFilter()), 6000);
}

// The checkpoint thread copies the log each time it has grown by WalCheckpointer::StepPages, not
// after every commit; from CatchUpPages it copies after every commit, so that the log starts
// over at the writer's next pause, long before the backstop.
void TestHistoryDatabase::copiesTheLogInStepsAndStartsItOver()
{
    const QString path = file(u"steps.sqlite"_s);
    QString error;
    HistoryDatabase db;
    QVERIFY2(db.open(path, &error), qPrintable(error));
    int batch = 0;
    const auto commit = [&] {
        return db.insertDeliveries(largeDeliveries(batch++), &TestClaim, &error);
    };

    // About 3,000 frames without a pause: one copy, when the log passed 2,000 (copying after
    // every commit from 1,000, as before, made 14 in a run).
    static_assert(WalCheckpointer::StepPages == 2000);
    for (int i = 0; i < 45; ++i)
        QVERIFY2(commit(), qPrintable(error));
    QTRY_COMPARE(db.logCheckpoints(), 1);
    QTest::qWait(100);
    QCOMPARE(db.logCheckpoints(), 1);

    // 140 commits more (about 9,400 frames), each followed by a pause: the log grows past
    // CatchUpPages at most once, and starts over there, long before the backstop (the log's file
    // keeps its largest size). Copying only in steps, the writer reached the backstop.
    for (int i = 0; i < 140; ++i) {
        QVERIFY2(commit(), qPrintable(error));
        QTest::qWait(20);
    }
    const qint64 frames = logFrames(path);
    qInfo("the log's largest size: %lld frames, %lld checkpoints", frames, db.logCheckpoints());
    QVERIFY2(frames < WalCheckpointer::BackstopPages, qPrintable(QString::number(frames)));
    QVERIFY2(frames > WalCheckpointer::StepPages, qPrintable(QString::number(frames)));
    RawConnection raw(path);
    QCOMPARE(raw.value(u"SELECT count(*) FROM deliveries"_s).toInt(), 20 * batch);
}

void TestHistoryDatabase::refusesNewerSchema()
{
    const QString path = file(u"newer.sqlite"_s);
    QString error;
    {
        HistoryDatabase db;
        QVERIFY2(db.open(path, &error), qPrintable(error));
        QVERIFY2(db.insertDeliveries({makeDelivery(u"msg_n"_s, Base)}, &TestClaim, &error),
                 qPrintable(error));
    }
    {
        RawConnection raw(path);
        QVERIFY(raw.isOpen());
        QVERIFY(raw.exec(u"PRAGMA user_version = 99"_s));
    }
    HistoryDatabase db;
    QVERIFY(!db.open(path, &error));
    QVERIFY(!db.isOpen());
    QVERIFY2(error.contains(QDir::toNativeSeparators(path)), qPrintable(error));
    QVERIFY2(error.contains(u"this history was written by a newer Kanca (schema 99); this one "
                            u"reads schema 4"),
             qPrintable(error));
    // The file is left as it was.
    RawConnection raw(path);
    QCOMPARE(raw.value(u"PRAGMA user_version"_s).toInt(), 99);
    QCOMPARE(raw.value(u"SELECT count(*) FROM deliveries"_s).toInt(), 1);
}

void TestHistoryDatabase::refusesNonDatabaseFile_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::newRow("text")
        << QByteArray("This is not a database, it is a shopping list.\n").repeated(100);
    QTest::newRow("rule set") << QByteArray("{\"version\": 1, \"rules\": []}\n").repeated(200);
    QByteArray damaged("SQLite format 3", 16);
    damaged += QByteArray(8192, '\xee');
    QTest::newRow("damaged header") << damaged;
}

void TestHistoryDatabase::refusesNonDatabaseFile()
{
    QFETCH(QByteArray, content);
    const QString path =
        file(u"not-a-db-%1.sqlite"_s.arg(QString::fromLatin1(QTest::currentDataTag())));
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(content);
    }
    HistoryDatabase db;
    QString error;
    QVERIFY(!db.open(path, &error));
    QVERIFY(!db.isOpen());
    QVERIFY2(error.contains(QDir::toNativeSeparators(path)), qPrintable(error));
    QVERIFY2(error.contains(u"not a SQLite database") || error.contains(u"damaged"),
             qPrintable(error));
    // Nothing was written to it.
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), content);
}

void TestHistoryDatabase::refusesAnotherProgramsDatabase()
{
    const QString path = file(u"foreign.sqlite"_s);
    {
        RawConnection raw(path);
        QVERIFY(raw.exec(u"CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)"_s));
    }
    HistoryDatabase db;
    QString error;
    QVERIFY(!db.open(path, &error));
    QVERIFY2(error.contains(QDir::toNativeSeparators(path)), qPrintable(error));
    QVERIFY2(error.contains(u"another program"), qPrintable(error));
    RawConnection raw(path);
    QCOMPARE(raw.value(u"SELECT count(*) FROM sqlite_master WHERE name = 'deliveries'"_s).toInt(),
             0);
    QCOMPARE(raw.value(u"PRAGMA journal_mode"_s).toString(), u"delete"_s);
}

void TestHistoryDatabase::refusesDirectory()
{
    const QString path = file(u"a-folder.sqlite"_s);
    QVERIFY(QDir().mkpath(path));
    HistoryDatabase db;
    QString error;
    QVERIFY(!db.open(path, &error));
    QVERIFY(!db.isOpen());
    QVERIFY2(error.contains(QDir::toNativeSeparators(path)), qPrintable(error));
    QVERIFY2(error.contains(u"folder"), qPrintable(error));
}

void TestHistoryDatabase::reportsFolderThatCannotBeCreated()
{
    const QString blocker = file(u"plain-file"_s);
    {
        QFile f(blocker);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("x");
    }
    const QString path = blocker + u"/sub/history.sqlite"_s;
    HistoryDatabase db;
    QString error;
    QVERIFY(!db.open(path, &error));
    QVERIFY2(error.contains(QDir::toNativeSeparators(path)), qPrintable(error));
    QVERIFY2(error.contains(u"folder"), qPrintable(error));
}

void TestHistoryDatabase::reportsReadOnlyFiles()
{
    const QString folder = file(u"read-only"_s);
    const QString existingFolder = file(u"read-only-existing"_s);
    const QString writableFolder = file(u"writable"_s);
    const QString existing = existingFolder + u"/history.sqlite"_s;
    const QString protectedFile = writableFolder + u"/history.sqlite"_s;
    QString error;
    for (const QString &path : {existing, protectedFile}) {
        HistoryDatabase db;
        QVERIFY2(db.open(path, &error), qPrintable(error));
        QVERIFY2(db.insertDeliveries({makeDelivery(u"msg_ro"_s, Base)}, &TestClaim, &error),
                 qPrintable(error));
    }
    QVERIFY(QDir().mkpath(folder));
    const auto readOnly = QFile::ReadOwner | QFile::ExeOwner;
    QVERIFY(QFile::setPermissions(folder, readOnly));
    QVERIFY(QFile::setPermissions(existingFolder, readOnly));
    QVERIFY(QFile::setPermissions(protectedFile, QFile::ReadOwner));
    const auto restore = qScopeGuard([&] {
        for (const QString &path : {folder, existingFolder})
            QFile::setPermissions(path, readOnly | QFile::WriteOwner);
        QFile::setPermissions(protectedFile, QFile::ReadOwner | QFile::WriteOwner);
    });
    {
        QFile probe(folder + u"/probe"_s);
        if (probe.open(QIODevice::WriteOnly)) {
            probe.close();
            probe.remove();
            QSKIP("running with rights that ignore file permissions (root)");
        }
    }
    const QStringList refused = {folder + u"/history.sqlite"_s, folder + u"/sub/history.sqlite"_s,
                                 existing, protectedFile};
    for (const QString &path : refused) {
        HistoryDatabase db;
        QVERIFY2(!db.open(path, &error), qPrintable(path));
        QVERIFY(!db.isOpen());
        QVERIFY2(error.contains(QDir::toNativeSeparators(path)), qPrintable(error));
    }
    // A write-protected file is opened read-only by SQLite: refused at once, not at the first
    // write.
    QVERIFY2(error.contains(u"cannot be written"), qPrintable(error));
}

void TestHistoryDatabase::twoConnectionsShareTheFile()
{
    const QString path = file(u"shared.sqlite"_s);
    HistoryDatabase designer;
    HistoryDatabase sender;
    QString error;
    QVERIFY2(designer.open(path, &error), qPrintable(error));
    QVERIFY2(sender.open(path, &error), qPrintable(error));
    QVERIFY(designer.connectionName() != sender.connectionName());

    const Delivery delivery = makeDelivery(u"msg_shared"_s, Base);
    QVERIFY2(sender.insertDeliveries({delivery}, &TestClaim, &error), qPrintable(error));
    QCOMPARE(idsOf(designer.unfinishedDeliveries(&error)), QStringList{delivery.id});

    QVERIFY2(designer.recordAttempts(
                 {{makeAttempt(delivery.id, 1, Base), DeliveryStatus::Succeeded, {}}}, TestClaim,
                 nullptr, &error),
             qPrintable(error));
    QCOMPARE(sender.delivery(delivery.id)->status, DeliveryStatus::Succeeded);
    QCOMPARE(sender.countAttempts(), qint64(1));
    QVERIFY(sender.unfinishedDeliveries().isEmpty());
}

void TestHistoryDatabase::migratesEmptyFile()
{
    // A zero-byte file, and a SQLite database of version 0 without tables.
    const QString zero = file(u"zero.sqlite"_s);
    {
        QFile f(zero);
        QVERIFY(f.open(QIODevice::WriteOnly));
    }
    const QString v0 = file(u"v0.sqlite"_s);
    {
        RawConnection raw(v0);
        QVERIFY(raw.exec(u"CREATE TABLE scratch (x)"_s));
        QVERIFY(raw.exec(u"DROP TABLE scratch"_s));
        QCOMPARE(raw.value(u"PRAGMA user_version"_s).toInt(), 0);
    }
    for (const QString &path : {zero, v0}) {
        HistoryDatabase db;
        QString error;
        QVERIFY2(db.open(path, &error), qPrintable(error));
        QCOMPARE(RawConnection::valueOn(db.connectionName(), u"PRAGMA user_version"_s).toInt(),
                 HistoryDatabase::SchemaVersion);
        const QString tables =
            RawConnection::valueOn(db.connectionName(),
                                   u"SELECT group_concat(name, ',') FROM (SELECT name FROM "
                                   u"sqlite_master WHERE type = 'table' ORDER BY name)"_s)
                .toString();
        QCOMPARE(tables, u"attempts,deliveries,events"_s);
        const QString indexes =
            RawConnection::valueOn(db.connectionName(),
                                   u"SELECT group_concat(name, ',') FROM (SELECT name FROM "
                                   u"sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
                                   u"ORDER BY name)"_s)
                .toString();
        QCOMPARE(indexes, u"attempts_delivery,deliveries_claim,deliveries_created,deliveries_due,"
                          u"deliveries_resend,deliveries_rule,deliveries_status,events_received"_s);
        QVERIFY2(db.insertDeliveries({makeDelivery(u"msg_m"_s, Base)}, &TestClaim, &error),
                 qPrintable(error));
    }
    // The outbox query uses its index rather than scanning the history.
    HistoryDatabase db;
    QString error;
    QVERIFY2(db.open(v0, &error), qPrintable(error));
    QSqlQuery plan(QSqlDatabase::database(db.connectionName(), false));
    QVERIFY(plan.exec(u"EXPLAIN QUERY PLAN SELECT id FROM deliveries WHERE status = 'pending' "
                      u"ORDER BY next_attempt_at, created_at, id"_s));
    QString details;
    while (plan.next())
        details += plan.value(3).toString() + u'\n';
    QVERIFY2(details.contains(u"deliveries_due"), qPrintable(details));
    QVERIFY2(!details.contains(u"TEMP B-TREE"), qPrintable(details));
}

void TestHistoryDatabase::reportsLockedDatabase()
{
    const QString path = file(u"locked.sqlite"_s);
    HistoryDatabase db;
    QString error;
    QVERIFY2(db.open(path, &error), qPrintable(error));
    db.setBusyTimeout(100);
    QCOMPARE(db.busyTimeout(), 100);
    {
        RawConnection other(path); // another process holds the write lock
        QVERIFY(other.exec(u"BEGIN IMMEDIATE"_s));
        QElapsedTimer timer;
        timer.start();
        QVERIFY(!db.insertDeliveries({makeDelivery(u"msg_l"_s, Base)}, &TestClaim, &error));
        QVERIFY2(timer.elapsed() >= 90, qPrintable(QString::number(timer.elapsed())));
        QVERIFY2(error.contains(QDir::toNativeSeparators(path)), qPrintable(error));
        QVERIFY2(error.contains(u"locked"), qPrintable(error));
        QVERIFY(other.exec(u"ROLLBACK"_s));
    }
    QVERIFY2(db.insertDeliveries({makeDelivery(u"msg_l"_s, Base)}, &TestClaim, &error),
             qPrintable(error));
    QCOMPARE(db.countDeliveries({}), qint64(1));
}

void TestHistoryDatabase::removesItsConnection()
{
    QString name;
    {
        HistoryDatabase db;
        name = db.connectionName();
        QVERIFY(!QSqlDatabase::contains(name));
        QString error;
        QVERIFY2(db.open(file(u"connection.sqlite"_s), &error), qPrintable(error));
        QVERIFY(QSqlDatabase::contains(name));
        // Use every cached statement so that each has to be released.
        QVERIFY2(db.insertDeliveries({makeDelivery(u"msg_c"_s, Base)}, &TestClaim, &error),
                 qPrintable(error));
        QVERIFY2(
            db.recordAttempts({{makeAttempt(u"msg_c"_s, 1, Base), DeliveryStatus::Pending, Base}},
                              TestClaim, nullptr, &error),
            qPrintable(error));
        QCOMPARE(db.unfinishedDeliveries().size(), 1);
        QCOMPARE(db.attempts(u"msg_c"_s).size(), 1);
        QVERIFY(db.delivery(u"msg_c"_s));
        QCOMPARE(db.countAttempts(), qint64(1));
        db.close();
        QVERIFY(!db.isOpen());
        QVERIFY(!QSqlDatabase::contains(name));
        QVERIFY2(db.open(file(u"connection.sqlite"_s), &error), qPrintable(error));
        QCOMPARE(db.unfinishedDeliveries().size(), 1);
        // A failed open leaves no connection behind either.
        QVERIFY(!db.open(m_dir.path(), &error));
        QVERIFY(!QSqlDatabase::contains(name));
        QVERIFY2(db.open(file(u"connection.sqlite"_s), &error), qPrintable(error));
    }
    QVERIFY(!QSqlDatabase::contains(name));
    HistoryDatabase a;
    HistoryDatabase b;
    QVERIFY(a.connectionName() != b.connectionName());
}

void TestHistoryDatabase::refusesWorkWhenClosed()
{
    HistoryDatabase db;
    QVERIFY(!db.isOpen());
    QString error;
    QVERIFY(!db.insertDeliveries({makeDelivery(u"msg_x"_s, Base)}, &TestClaim, &error));
    QVERIFY(!error.isEmpty());
    error.clear();
    QVERIFY(!db.recordAttempts({{makeAttempt(u"msg_x"_s, 1, Base), DeliveryStatus::Failed, {}}},
                               TestClaim, nullptr, &error));
    QVERIFY(!error.isEmpty());
    error.clear();
    QVERIFY(db.unfinishedDeliveries(&error).isEmpty());
    QVERIFY(!error.isEmpty());
    QVERIFY(!db.delivery(u"msg_x"_s));
    QVERIFY(db.deliveries({}).isEmpty());
    QCOMPARE(db.countDeliveries({}), qint64(0));
    QCOMPARE(db.countAttempts(), qint64(0));
    QVERIFY(!db.open(QString(), &error));
    QVERIFY(!error.isEmpty());
    QVERIFY(!HistoryDatabase::defaultPath().isEmpty());
    qputenv("KANCA_DB", "/somewhere/else.sqlite");
    QCOMPARE(HistoryDatabase::defaultPath(), u"/somewhere/else.sqlite"_s);
    qunsetenv("KANCA_DB");
}

void TestHistoryDatabase::migratesAVersionOneHistoryWithItsDeliveries()
{
    // A history written by the Kanca of schema 1: one pending delivery and one finished.
    const QString path = file(u"v1.sqlite"_s);
    {
        RawConnection raw(path);
        QVERIFY(raw.isOpen());
        for (const QLatin1StringView step : HistorySchema::migration(1))
            QVERIFY(raw.exec(QString(step)));
        QVERIFY(raw.exec(u"PRAGMA user_version = 1"_s));
        const QString insert =
            u"INSERT INTO deliveries (id, created_at, rule_set_name, rule_id, rule_name, "
            u"action_index, event_id, event_type, method, url, request_headers, request_body, "
            u"auth, signing, timeout_ms, max_attempts, initial_delay_ms, max_delay_ms, status, "
            u"attempt_count, next_attempt_at) VALUES ('%1', %2, 'Old', 'r', 'Rule', 0, 'e', "
            u"'chat.opened', 'POST', 'https://old.example/hook', '[]', X'7B7D', "
            u"'{\"type\":\"none\"}', '{\"type\":\"none\"}', 10000, 5, 1000, 600000, '%3', 0, %2)"_s;
        QVERIFY(raw.exec(
            insert.arg(u"msg_old_pending"_s).arg(Base.toMSecsSinceEpoch()).arg(u"pending"_s)));
        QVERIFY(raw.exec(
            insert.arg(u"msg_old_done"_s).arg(Base.toMSecsSinceEpoch()).arg(u"succeeded"_s)));
    }
    HistoryDatabase db;
    QString error;
    QVERIFY2(db.open(path, &error), qPrintable(error));
    QCOMPARE(RawConnection::valueOn(db.connectionName(), u"PRAGMA user_version"_s),
             QVariant(HistoryDatabase::SchemaVersion));
    const std::optional<Delivery> old = db.delivery(u"msg_old_pending"_s, &error);
    QVERIFY2(old, qPrintable(error));
    QCOMPARE(old->request.url, u"https://old.example/hook"_s);
    QVERIFY(old->ruleSetHash.isEmpty());
    // Its outbox goes on: the pending one is claimed and sent as any other.
    Outbox::ClaimRequest request;
    request.now = Base.addSecs(1);
    const std::optional<QList<Delivery>> claimed = db.claimDue(request, TestClaim, &error);
    QVERIFY2(claimed, qPrintable(error));
    QCOMPARE(claimed->size(), 1);
    QCOMPARE(claimed->first().id, u"msg_old_pending"_s);
}

// The rows of a delivery are written by statements that check `status` and `outcome`. Up to
// schema 3 each check was an IN list, which SQLite builds a temporary b-tree for (OpenEphemeral)
// every time a statement runs it; schema 4 writes them as comparisons. A connection open during
// the upgrade reads the new definitions too, and the checks refuse what they refused.
void TestHistoryDatabase::versionFourChecksWithoutATemporaryTable()
{
    const QString path = file(u"v3.sqlite"_s);
    const auto ephemeralTables = [](const QString &connection, const QString &statement) {
        QSqlQuery query(QSqlDatabase::database(connection, false));
        int count = 0;
        if (!query.exec(u"EXPLAIN "_s + statement))
            return -1;
        while (query.next())
            count += query.value(1).toString() == u"OpenEphemeral" ? 1 : 0;
        return count;
    };
    const QString insertAttempt =
        u"INSERT INTO attempts (delivery_id, number, started_at, duration_ms, request_method, "
        u"request_url, request_headers, request_body, request_body_size, response_headers, "
        u"response_body, response_body_size, body_cap, outcome) VALUES ('msg_v3', 1, 0, 0, "
        u"'POST', 'u', '[]', X'', 0, '[]', X'', 0, 0, '%1')"_s;
    const QString updateStatus = u"UPDATE deliveries SET status = '%1' WHERE id = 'msg_v3'"_s;
    {
        RawConnection raw(path);
        QVERIFY(raw.isOpen());
        for (int version = 1; version <= 3; ++version) {
            for (const QLatin1StringView step : HistorySchema::migration(version))
                QVERIFY2(raw.exec(QString(step)), step.data());
        }
        QVERIFY(raw.exec(u"PRAGMA user_version = 3"_s));
        QVERIFY(raw.exec(
            u"INSERT INTO deliveries (id, created_at, rule_set_name, rule_id, rule_name, "
            u"action_index, event_id, event_type, method, url, request_headers, request_body, "
            u"auth, signing, timeout_ms, max_attempts, initial_delay_ms, max_delay_ms, status, "
            u"attempt_count, next_attempt_at) VALUES ('msg_v3', 0, 'Old', 'r', 'Rule', 0, 'e', "
            u"'chat.opened', 'POST', 'https://old.example/hook', '[]', X'7B7D', "
            u"'{\"type\":\"none\"}', '{\"type\":\"none\"}', 10000, 5, 1000, 600000, "
            u"'pending', 0, 0)"_s));
        // What schema 3 costs, so that the test shows what changed.
        QCOMPARE(ephemeralTables(raw.name(), updateStatus.arg(u"failed"_s)), 1);
        QCOMPARE(ephemeralTables(raw.name(), insertAttempt.arg(u"failed"_s)), 1);
    }

    RawConnection before(path); // open, its schema read, while another connection upgrades
    QVERIFY(before.isOpen());
    QCOMPARE(ephemeralTables(before.name(), updateStatus.arg(u"failed"_s)), 1);
    HistoryDatabase db;
    QString error;
    QVERIFY2(db.open(path, &error), qPrintable(error));
    QCOMPARE(RawConnection::valueOn(db.connectionName(), u"PRAGMA user_version"_s), QVariant(4));
    // The connection that upgraded writes with the new definitions at once.
    QCOMPARE(ephemeralTables(db.connectionName(), updateStatus.arg(u"failed"_s)), 0);
    // Another one reads them again at its next statement (EXPLAIN alone compiles with what it
    // has read before).
    QCOMPARE(before.value(u"SELECT count(*) FROM deliveries"_s).toInt(), 1);

    RawConnection after(path);
    QVERIFY(after.isOpen());
    for (const RawConnection *raw : {&before, &after}) {
        QCOMPARE(ephemeralTables(raw->name(), updateStatus.arg(u"failed"_s)), 0);
        QCOMPARE(ephemeralTables(raw->name(), insertAttempt.arg(u"failed"_s)), 0);
        QCOMPARE(raw->value(u"PRAGMA integrity_check"_s).toString(), u"ok"_s);
        const QString deliveries =
            raw->value(u"SELECT sql FROM sqlite_master WHERE name = 'deliveries'"_s).toString();
        QVERIFY2(deliveries.contains(u"CHECK (status = 'pending' OR status = 'succeeded' OR "
                                     u"status = 'failed')"),
                 qPrintable(deliveries));
        const QString attempts =
            raw->value(u"SELECT sql FROM sqlite_master WHERE name = 'attempts'"_s).toString();
        QVERIFY2(attempts.contains(u"CHECK (outcome = 'succeeded' OR outcome = 'will-retry' OR "
                                   u"outcome = 'failed')"),
                 qPrintable(attempts));
        // Still checked: only the three values of each.
        QVERIFY(!raw->exec(updateStatus.arg(u"sent"_s)));
        QVERIFY(!raw->exec(insertAttempt.arg(u"retrying"_s)));
    }
    QVERIFY(before.exec(updateStatus.arg(u"failed"_s)));
    QVERIFY(before.exec(insertAttempt.arg(u"failed"_s)));
    const std::optional<Delivery> old = db.delivery(u"msg_v3"_s, &error);
    QVERIFY2(old, qPrintable(error));
    QCOMPARE(old->status, DeliveryStatus::Failed);
    QCOMPARE(db.attempts(u"msg_v3"_s, &error).size(), 1);

    // A new history is made at schema 4 the same way.
    HistoryDatabase fresh;
    QVERIFY2(fresh.open(file(u"v4-new.sqlite"_s), &error), qPrintable(error));
    RawConnection raw(file(u"v4-new.sqlite"_s));
    QCOMPARE(ephemeralTables(raw.name(), updateStatus.arg(u"failed"_s)), 0);
    QCOMPARE(ephemeralTables(raw.name(), insertAttempt.arg(u"failed"_s)), 0);
}

// Texts are given to SQLite in UTF-8 and come back exactly, but for lone surrogates (which a
// JSON escape such as "\ud800" can make and UTF-8 cannot hold): each becomes U+FFFD, as on
// PostgreSQL, and the character after it is kept (SQLite's own conversion from UTF-16 took a
// high surrogate and the next character for one).
void TestHistoryDatabase::textsAreKeptExactlyLoneSurrogatesReplaced()
{
    HistoryDatabase db;
    QString error;
    QVERIFY2(db.open(file(u"texts.sqlite"_s), &error), qPrintable(error));
    const QString lone = u"a"_s + QChar(0xd800) + u"b "_s + QChar(0xdc00);
    const QString replaced = u"a\ufffdb \ufffd"_s;
    const QString wide = u"ğüşİ \u20ac \U0001F600 \"q\" \u0001"_s;
    Delivery delivery = makeDelivery(u"msg_texts"_s, Base);
    delivery.ruleName = lone;
    delivery.eventType = wide;
    delivery.lastError = QString(); // bound as '' (NOT NULL), not as NULL
    delivery.request.headers = {{u"X-Lone"_s, lone, false}, {u"X-Wide"_s, wide, false}};
    QVERIFY2(db.insertDeliveries({delivery}, &TestClaim, &error), qPrintable(error));
    QCOMPARE(RawConnection::valueOn(db.connectionName(),
                                    u"SELECT count(*) FROM deliveries WHERE last_error = ''"_s)
                 .toInt(),
             1);
    Attempt attempt = makeAttempt(delivery.id, 1, Base);
    attempt.error = lone + wide;
    attempt.request.url = wide;
    QVERIFY2(
        db.recordAttempts({{attempt, DeliveryStatus::Succeeded, {}}}, TestClaim, nullptr, &error),
        qPrintable(error));

    const std::optional<Delivery> stored = db.delivery(delivery.id, &error);
    QVERIFY2(stored, qPrintable(error));
    QCOMPARE(stored->ruleName, replaced);
    QCOMPARE(stored->request.headers.at(0).value, replaced);
    QCOMPARE(stored->eventType, wide);
    QCOMPARE(stored->request.headers.at(1).value, wide);
    const QList<Attempt> attempts = db.attempts(delivery.id, &error);
    QCOMPARE(attempts.size(), 1);
    QCOMPARE(attempts.first().error, replaced + wide);
    QCOMPARE(attempts.first().request.url, wide);
    QCOMPARE(db.delivery(delivery.id)->lastError, replaced + wide);

    // A text larger than the buffer the connection keeps between writes, then small ones.
    const QString large = QString(600'000, u'ş') + wide;
    Delivery big = makeDelivery(u"msg_large_text"_s, Base);
    big.request.headers = {{u"X-Large"_s, large, false}};
    Delivery small = makeDelivery(u"msg_small_text"_s, Base);
    small.ruleName = wide;
    QVERIFY2(db.insertDeliveries({big}, &TestClaim, &error), qPrintable(error));
    QVERIFY2(db.insertDeliveries({small}, &TestClaim, &error), qPrintable(error));
    QCOMPARE(db.delivery(big.id)->request.headers.first().value, large);
    QCOMPARE(db.delivery(small.id)->ruleName, wide);
}

QTEST_GUILESS_MAIN(TestHistoryDatabase)
#include "tst_historydatabase.moc"
