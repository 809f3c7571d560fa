// The history's query layer against real SQLite files and a real PostgreSQL database (the same
// deliveries in each): every filter, order and keyset range of HistoryQueryBuilder, run through
// HistorySelect and through the store (HistoryDatabase, PostgresStore), with the rows expected;
// counts and a delivery's place in a list; the reader thread's answers; and damaged files, whose
// reads must fail rather than end early with part of the rows. The PostgreSQL rows need
// KANCA_TEST_PG_URL (see support/PostgresTestDatabase.h): without it they are skipped, unless
// KANCA_REQUIRE_PG=1 makes them fail.
#include "HistoryDamage.h"
#include "HistoryGenerator.h"
#include "history/HistoryDatabase.h"
#include "history/HistoryPostgres.h"
#include "history/HistoryQueryBuilder.h"
#include "history/HistoryReader.h"
#include "history/HistoryRows.h"
#include "history/HistorySelect.h"
#include "history/HistorySqlite.h"
#include "outbox/OpenStorage.h"
#include "postgres/PostgresStore.h"
#include "postgres/PostgresUrl.h"
#include "support/PostgresTestDatabase.h"

#include <QDir>
#include <QFile>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Kanca;
using namespace Qt::StringLiterals;

// Where the same deliveries are kept: a SQLite file, and a PostgreSQL database.
enum class Backend { Sqlite, Postgres };

Q_DECLARE_METATYPE(Kanca::HistoryRange)
Q_DECLARE_METATYPE(Backend)
Q_DECLARE_METATYPE(Kanca::HistoryDamage::Shape)

namespace {

const QDateTime Base = QDateTime::fromMSecsSinceEpoch(1'700'000'000'123, Qt::UTC);

// A read-only Qt Sql connection of its own, as the reader thread has: to a file, or to a
// PostgreSQL database when `where` is its URL.
class ReadConnection
{
public:
    explicit ReadConnection(const QString &where)
        : m_name(u"query-test-%1"_s.arg(++s_count))
    {
        QSqlError error;
        if (PostgresUrl::isPostgresUrl(where)) {
            const std::optional<PostgresUrl> url = PostgresUrl::parse(where, nullptr);
            m_open = url && HistoryPostgres::openForReading(m_name, *url, &m_db, &error);
            m_dialect = HistoryDialect::Postgres;
        } else {
            m_open = HistorySqlite::openForReading(m_name, where, 1000, &m_db, &error);
        }
        if (!m_open)
            qWarning("%s", qPrintable(error.text()));
    }
    ~ReadConnection()
    {
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_name);
    }
    ReadConnection(const ReadConnection &) = delete;
    ReadConnection &operator=(const ReadConnection &) = delete;

    bool isOpen() const { return m_open; }
    const QSqlDatabase &db() const { return m_db; }
    HistoryDialect dialect() const { return m_dialect; }
    HistoryQueryBuilder builder(const HistoryFilter &filter) const
    {
        return HistoryQueryBuilder(filter, m_dialect);
    }

    QStringList ids(const HistoryStatement &statement, QSqlError *error) const
    {
        QStringList ids;
        if (!HistorySelect::rows(
                m_db, statement,
                [&](const QSqlQuery &query) { ids.append(query.value(0).toString()); }, error)) {
            return {u"error: "_s + error->text()};
        }
        return ids;
    }
    qint64 number(const HistoryStatement &statement) const
    {
        QVariant value;
        QSqlError error;
        if (!HistorySelect::value(m_db, statement, &value, &error))
            return -100;
        return value.isNull() ? -1 : value.toLongLong();
    }

private:
    static inline int s_count = 0;
    QString m_name;
    QSqlDatabase m_db;
    bool m_open = false;
    HistoryDialect m_dialect = HistoryDialect::Sqlite;
};

Delivery makeDelivery(const QString &id, const QDateTime &createdAt, const QString &ruleId)
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
    return delivery;
}

QStringList idsOf(const QList<Delivery> &deliveries)
{
    QStringList ids;
    for (const Delivery &delivery : deliveries)
        ids.append(delivery.id);
    return ids;
}

// The key of one of the test's deliveries: d1 … d6 a minute apart, d7a and d7b in the same
// millisecond a minute after d6.
HistoryKey keyOf(const QString &id)
{
    const int minute = id.mid(1, 1).toInt();
    return {Base.addSecs(minute * 60).toMSecsSinceEpoch(), id};
}

HistoryFilter filterOf(auto setUp)
{
    HistoryFilter filter;
    setUp(filter);
    return filter;
}

HistoryRange rangeOf(auto setUp)
{
    HistoryRange range;
    setUp(range);
    return range;
}

QStringList split(const char *ids)
{
    return QString::fromLatin1(ids).split(u' ', Qt::SkipEmptyParts);
}

const QList<Backend> Backends = {Backend::Sqlite, Backend::Postgres};

QString backendName(Backend backend)
{
    return backend == Backend::Sqlite ? u"sqlite"_s : u"postgresql"_s;
}

// A row of rows_data(), given once and run on each backend.
struct ListCase
{
    QString name;
    HistoryFilter filter;
    HistoryRange range;
    QStringList expected;

    ListCase &operator<<(const HistoryFilter &value)
    {
        filter = value;
        return *this;
    }
    ListCase &operator<<(const HistoryRange &value)
    {
        range = value;
        return *this;
    }
    ListCase &operator<<(const QStringList &value)
    {
        expected = value;
        return *this;
    }
};

// A row of places_data(): the delivery's row, then how many are newer.
struct PlaceCase
{
    QString name;
    HistoryFilter filter;
    QString id;
    qint64 row = 0;
    qint64 newer = 0;
    int numbers = 0;

    PlaceCase &operator<<(const HistoryFilter &value)
    {
        filter = value;
        return *this;
    }
    PlaceCase &operator<<(const QString &value)
    {
        id = value;
        return *this;
    }
    PlaceCase &operator<<(qint64 value)
    {
        (numbers++ == 0 ? row : newer) = value;
        return *this;
    }
};

} // namespace

// In a test function with a "backend" column: the PostgreSQL rows skip without a database to
// use, or fail when one is required (see support/PostgresTestDatabase.h).
#define REQUIRE_BACKEND(backend)                                                                   \
    do {                                                                                           \
        if ((backend) == Backend::Postgres && m_pgUrl.isEmpty()) {                                 \
            if (PostgresTestDatabase::required()                                                   \
                || qEnvironmentVariableIsSet("KANCA_TEST_PG_URL"))                                 \
                QFAIL(qPrintable(u"PostgreSQL is required: "_s + m_pgWhy));                        \
            QSKIP(qPrintable(m_pgWhy));                                                            \
        }                                                                                          \
    } while (false)

class TestHistoryQuery : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void rows_data();
    void rows();
    void places_data();
    void places();
    void newestAndRules_data();
    void newestAndRules();
    void deliveryAttemptsAndEvent_data();
    void deliveryAttemptsAndEvent();
    void placeholdersMatchValues();
    void readerAnswers_data();
    void readerAnswers();
    void readerSaysWhyAServerCannotBeRead();
    void readerConnectsAgainWhenTheServerComesBack();
    void readerEstimatesTheWholeServerHistory();
    void damagedFileIsAnErrorNotTheEnd();
    void damageIsFoundWhereverItIs_data();
    void damageIsFoundWhereverItIs();

private:
    // Where `backend` keeps the test's deliveries.
    QString where(Backend backend) const { return backend == Backend::Sqlite ? m_path : m_pgUrl; }
    void addBackendColumn();

    QString m_path;
    QString m_pgUrl; // empty without PostgreSQL; m_pgWhy says why
    QString m_pgWhy;
    QTemporaryDir m_dir;
};

void TestHistoryQuery::addBackendColumn()
{
    QTest::addColumn<Backend>("backend");
}

void TestHistoryQuery::cleanupTestCase()
{
    if (!m_pgUrl.isEmpty())
        PostgresTestDatabase::drop(u"kanca_historyquery"_s);
}

void TestHistoryQuery::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_path = m_dir.filePath(u"lists.sqlite"_s);
    HistoryDatabase db;
    QString error;
    QVERIFY2(db.open(m_path, &error), qPrintable(error));
    QList<Delivery> deliveries;
    for (int i = 1; i <= 6; ++i) {
        const bool orders = i % 2 == 1;
        Delivery delivery = makeDelivery(u"d%1"_s.arg(i), Base.addSecs(i * 60),
                                         orders ? u"orders"_s : u"tickets"_s);
        delivery.request.url =
            orders ? u"https://shop.example/hook"_s : u"https://crm.example/in"_s;
        delivery.eventType = orders ? u"order.created"_s : u"ticket.created"_s;
        delivery.status = orders ? DeliveryStatus::Pending : DeliveryStatus::Succeeded;
        deliveries.append(delivery);
    }
    deliveries[2].request.url = u"https://shop.example/hook?discount=50%25&x=50%"_s; // d3
    deliveries[4].ruleName = u"Orders a_b"_s;                                        // d5
    deliveries[1].ruleName = u"Rule tickets: Şikâyet"_s;                             // d2
    deliveries[3].eventType = u"ticket.closed"_s;                                    // d4
    deliveries[5].status = DeliveryStatus::Failed;                                   // d6
    deliveries[5].request.url = u"https://other.example/c\\d"_s;
    deliveries[5].ruleId = u"other"_s;
    deliveries[5].ruleName = u"Rule other"_s;
    deliveries[5].lastError = u"Connection refused by 127.0.0.1:9"_s;
    // Decoys: "axb" must not match "a_b", "50x" must not match "50%".
    deliveries[0].ruleName = u"Orders axb 50x"_s; // d1
    // Two in the same millisecond: the id decides their order.
    for (const QString &id : {u"d7b"_s, u"d7a"_s}) {
        Delivery same = makeDelivery(id, Base.addSecs(7 * 60), u"other"_s);
        same.ruleName = u"Rule other, renamed"_s;
        same.request.url = u"https://same.example/ms"_s;
        same.status = DeliveryStatus::Succeeded;
        deliveries.append(same);
    }
    // An event a server accepted, for the one of d1.
    EventStore::IncomingEvent event;
    event.id = u"evt-d1"_s;
    event.type = u"order.created"_s;
    event.receivedAt = Base;
    event.json = QByteArray(R"({"id":"evt-d1","type":"order.created"})");
    event.ruleSetHash = u"hash"_s;
    // One attempt of d6.
    Outbox::AttemptResult failed;
    failed.attempt.deliveryId = u"d6"_s;
    failed.attempt.number = 1;
    failed.attempt.startedAt = Base.addSecs(6 * 60 + 1);
    failed.attempt.durationMs = 12;
    failed.attempt.request.method = u"POST"_s;
    failed.attempt.request.url = deliveries[5].request.url;
    failed.attempt.error = u"Connection refused by 127.0.0.1:9"_s;
    failed.attempt.outcome = Attempt::Outcome::Failed;
    failed.status = DeliveryStatus::Failed;

    // The same on SQLite and, if there is one to use, PostgreSQL.
    const auto fill = [&](OutboxStorage &store) {
        QString message;
        Outbox::Claim claim;
        claim.token = u"test-claim"_s;
        claim.leaseMs = 60'000;
        QList<Delivery> inserted = deliveries;
        inserted[5].status = DeliveryStatus::Pending; // d6 fails by its attempt, below
        inserted[5].lastError.clear();
        QStringList lost;
        return store.insertDeliveries(inserted, &claim, &message)
               && store.recordAttempts({failed}, claim, &lost, &message)
               && store.acceptEvents({event}, nullptr, &message).has_value() && lost.isEmpty()
               && store.delivery(u"d6"_s, &message).value_or(Delivery{}).lastError
                      == deliveries[5].lastError;
    };
    db.close();
    std::unique_ptr<OutboxStorage> sqlite = OpenStorage::open(m_path, {}, &error);
    QVERIFY2(sqlite, qPrintable(error));
    QVERIFY(fill(*sqlite));

    const std::optional<QString> url =
        PostgresTestDatabase::create(u"kanca_historyquery"_s, &m_pgWhy);
    if (url) {
        std::unique_ptr<OutboxStorage> postgres = OpenStorage::open(*url, {}, &error);
        QVERIFY2(postgres, qPrintable(error));
        QVERIFY(fill(*postgres));
        m_pgUrl = *url;
    }
}

void TestHistoryQuery::rows_data()
{
    addBackendColumn();
    QTest::addColumn<HistoryFilter>("filter");
    QTest::addColumn<HistoryRange>("range");
    QTest::addColumn<QStringList>("expected");
    QList<ListCase> cases;
    const auto newRow = [&](const char *name) -> ListCase & {
        cases.append({QString::fromUtf8(name), {}, {}, {}});
        return cases.last();
    };

    const HistoryFilter all;
    const HistoryRange whole;
    const HistoryFilter oldestFirst = filterOf([](auto &f) { f.order = Qt::AscendingOrder; });

    // Filters, newest first.
    newRow("everything") << all << whole << split("d7b d7a d6 d5 d4 d3 d2 d1");
    newRow("everything, oldest first")
        << oldestFirst << whole << split("d1 d2 d3 d4 d5 d6 d7a d7b");
    newRow("rule") << filterOf([](auto &f) { f.ruleId = u"orders"_s; }) << whole
                   << split("d5 d3 d1");
    newRow("status succeeded") << filterOf([](auto &f) { f.status = DeliveryStatus::Succeeded; })
                               << whole << split("d7b d7a d4 d2");
    newRow("status failed") << filterOf([](auto &f) { f.status = DeliveryStatus::Failed; }) << whole
                            << split("d6");
    newRow("status pending") << filterOf([](auto &f) { f.status = DeliveryStatus::Pending; })
                             << whole << split("d5 d3 d1");
    newRow("rule and status") << filterOf([](auto &f) {
        f.ruleId = u"tickets"_s;
        f.status = DeliveryStatus::Succeeded;
    }) << whole << split("d4 d2");
    newRow("text in url, any case")
        << filterOf([](auto &f) { f.text = u"CRM.EXAMPLE"_s; }) << whole << split("d4 d2");
    newRow("percent is literal") << filterOf([](auto &f) { f.text = u"50%"_s; }) << whole
                                 << split("d3");
    newRow("percent alone is literal")
        << filterOf([](auto &f) { f.text = u"%"_s; }) << whole << split("d3");
    newRow("underscore is literal")
        << filterOf([](auto &f) { f.text = u"a_b"_s; }) << whole << split("d5");
    newRow("backslash is literal")
        << filterOf([](auto &f) { f.text = u"c\\d"_s; }) << whole << split("d6");
    newRow("text in rule name") << filterOf([](auto &f) { f.text = u"rule tickets"_s; }) << whole
                                << split("d4 d2");
    newRow("text in event id") << filterOf([](auto &f) { f.text = u"evt-d1"_s; }) << whole
                               << split("d1");
    newRow("text in event type") << filterOf([](auto &f) { f.text = u"ticket.closed"_s; }) << whole
                                 << split("d4");
    newRow("text in last error") << filterOf([](auto &f) { f.text = u"refused"_s; }) << whole
                                 << split("d6");
    newRow("non-ASCII text") << filterOf([](auto &f) { f.text = u"Şikâyet"_s; }) << whole
                             << split("d2");
    newRow("text found nowhere") << filterOf([](auto &f) { f.text = u"nothing-like-this"_s; })
                                 << whole << QStringList{};
    newRow("from") << filterOf([](auto &f) { f.from = Base.addSecs(4 * 60); }) << whole
                   << split("d7b d7a d6 d5 d4");
    newRow("to") << filterOf([](auto &f) { f.to = Base.addSecs(2 * 60); }) << whole
                 << split("d2 d1");
    newRow("from and to, inclusive") << filterOf([](auto &f) {
        f.from = Base.addSecs(2 * 60);
        f.to = Base.addSecs(4 * 60);
    }) << whole << split("d4 d3 d2");
    newRow("everything at once") << filterOf([](auto &f) {
        f.ruleId = u"orders"_s;
        f.status = DeliveryStatus::Pending;
        f.text = u"shop.example"_s;
        f.from = Base.addSecs(2 * 60);
        f.to = Base.addSecs(6 * 60);
    }) << whole << split("d5 d3");
    newRow("everything at once, oldest first") << filterOf([](auto &f) {
        f.ruleId = u"orders"_s;
        f.status = DeliveryStatus::Pending;
        f.text = u"shop.example"_s;
        f.from = Base.addSecs(2 * 60);
        f.order = Qt::AscendingOrder;
    }) << whole << split("d3 d5");

    // Ranges: limit and offset from the top.
    newRow("limit") << all << rangeOf([](auto &r) { r.limit = 3; }) << split("d7b d7a d6");
    newRow("offset and limit") << all << rangeOf([](auto &r) {
        r.offset = 2;
        r.limit = 3;
    }) << split("d6 d5 d4");
    newRow("offset without limit")
        << all << rangeOf([](auto &r) { r.offset = 6; }) << split("d2 d1");
    newRow("offset past the end") << all << rangeOf([](auto &r) { r.offset = 100; })
                                  << QStringList{};
    newRow("limit past the end") << all << rangeOf([](auto &r) { r.limit = 100; })
                                 << split("d7b d7a d6 d5 d4 d3 d2 d1");
    newRow("limit, oldest first") << oldestFirst << rangeOf([](auto &r) { r.limit = 2; })
                                  << split("d1 d2");

    // Keyset: from an anchor, either way.
    newRow("after an anchor") << all << rangeOf([](auto &r) { r.anchor = keyOf(u"d5"_s); })
                              << split("d4 d3 d2 d1");
    newRow("after an anchor, offset and limit") << all << rangeOf([](auto &r) {
        r.anchor = keyOf(u"d5"_s);
        r.offset = 1;
        r.limit = 2;
    }) << split("d3 d2");
    newRow("backward from an anchor") << all << rangeOf([](auto &r) {
        r.anchor = keyOf(u"d5"_s);
        r.backward = true;
    }) << split("d6 d7a d7b");
    newRow("backward from the first row") << all << rangeOf([](auto &r) {
        r.anchor = keyOf(u"d7b"_s);
        r.backward = true;
    }) << QStringList{};
    newRow("backward from the end") << all << rangeOf([](auto &r) {
        r.backward = true;
        r.limit = 3;
    }) << split("d1 d2 d3");
    newRow("backward from the end, offset") << all << rangeOf([](auto &r) {
        r.backward = true;
        r.offset = 2;
        r.limit = 2;
    }) << split("d3 d4");
    newRow("same millisecond: the id decides, forward")
        << all << rangeOf([](auto &r) { r.anchor = keyOf(u"d7b"_s); })
        << split("d7a d6 d5 d4 d3 d2 d1");
    newRow("same millisecond: the id decides, backward") << all << rangeOf([](auto &r) {
        r.anchor = keyOf(u"d7a"_s);
        r.backward = true;
    }) << split("d7b");
    newRow("after an anchor, oldest first") << oldestFirst << rangeOf([](auto &r) {
        r.anchor = keyOf(u"d4"_s);
        r.limit = 2;
    }) << split("d5 d6");
    newRow("backward, oldest first") << oldestFirst << rangeOf([](auto &r) {
        r.anchor = keyOf(u"d4"_s);
        r.backward = true;
    }) << split("d3 d2 d1");
    newRow("anchor with a filter")
        << filterOf([](auto &f) { f.ruleId = u"orders"_s; })
        << rangeOf([](auto &r) { r.anchor = keyOf(u"d3"_s); }) << split("d1");
    newRow("anchor the filter does not list")
        << filterOf([](auto &f) { f.status = DeliveryStatus::Pending; })
        << rangeOf([](auto &r) { r.anchor = keyOf(u"d4"_s); }) << split("d3 d1");

    for (const Backend backend : Backends) {
        for (const ListCase &c : std::as_const(cases)) {
            QTest::newRow(qPrintable(backendName(backend) + u": "_s + c.name))
                << backend << c.filter << c.range << c.expected;
        }
    }
}

void TestHistoryQuery::rows()
{
    QFETCH(Backend, backend);
    QFETCH(HistoryFilter, filter);
    QFETCH(HistoryRange, range);
    QFETCH(QStringList, expected);
    REQUIRE_BACKEND(backend);

    // The builder's statement on a read-only connection, as the reader thread runs it.
    ReadConnection connection(where(backend));
    QVERIFY(connection.isOpen());
    const HistoryQueryBuilder builder = connection.builder(filter);
    QSqlError error;
    QCOMPARE(connection.ids(builder.select("id"_L1, range), &error), expected);

    // The same list through the store, whole deliveries, as `kanca history` reads it.
    QString message;
    const std::unique_ptr<OutboxStorage> store = OpenStorage::open(where(backend), {}, &message);
    QVERIFY2(store, qPrintable(message));
    QCOMPARE(idsOf(store->deliveries(filter, range, &message)), expected);
    QVERIFY2(message.isEmpty(), qPrintable(message));

    // A count ignores the range.
    if (!range.anchor && range.offset == 0 && range.limit == 0) {
        QCOMPARE(connection.number(builder.count()), qint64(expected.size()));
        QCOMPARE(store->countDeliveries(filter, &message), qint64(expected.size()));
    }
}

void TestHistoryQuery::places_data()
{
    addBackendColumn();
    QTest::addColumn<HistoryFilter>("filter");
    QTest::addColumn<QString>("id");
    QTest::addColumn<qint64>("row");   // -1: not listed
    QTest::addColumn<qint64>("newer"); // listed deliveries newer than it
    QList<PlaceCase> cases;
    const auto newRow = [&](const char *name) -> PlaceCase & {
        cases.append({QString::fromUtf8(name), {}, {}, 0, 0, 0});
        return cases.last();
    };

    const HistoryFilter all;
    newRow("first") << all << u"d7b"_s << qint64(0) << qint64(0);
    newRow("same millisecond") << all << u"d7a"_s << qint64(1) << qint64(1);
    newRow("middle") << all << u"d4"_s << qint64(4) << qint64(4);
    newRow("last") << all << u"d1"_s << qint64(7) << qint64(7);
    newRow("oldest first") << filterOf([](auto &f) { f.order = Qt::AscendingOrder; }) << u"d4"_s
                           << qint64(3) << qint64(4);
    newRow("filtered") << filterOf([](auto &f) { f.ruleId = u"orders"_s; }) << u"d1"_s << qint64(2)
                       << qint64(2);
    newRow("not listed") << filterOf([](auto &f) { f.ruleId = u"orders"_s; }) << u"d2"_s
                         << qint64(-1) << qint64(2);
    newRow("no such delivery") << all << u"nothing"_s << qint64(-1) << qint64(-1);

    for (const Backend backend : Backends) {
        for (const PlaceCase &c : std::as_const(cases)) {
            QTest::newRow(qPrintable(backendName(backend) + u": "_s + c.name))
                << backend << c.filter << c.id << c.row << c.newer;
        }
    }
}

void TestHistoryQuery::places()
{
    QFETCH(Backend, backend);
    QFETCH(HistoryFilter, filter);
    QFETCH(QString, id);
    QFETCH(qint64, row);
    QFETCH(qint64, newer);
    REQUIRE_BACKEND(backend);

    ReadConnection connection(where(backend));
    QVERIFY(connection.isOpen());
    const HistoryQueryBuilder builder = connection.builder(filter);
    const qint64 createdAt = connection.number(builder.createdAtOf(id));
    if (row < 0) {
        QCOMPARE(createdAt, qint64(-1));
    } else {
        QCOMPARE(createdAt, keyOf(id).createdAt);
        QCOMPARE(connection.number(builder.countBefore({createdAt, id})), row);
    }
    if (newer >= 0)
        QCOMPARE(connection.number(builder.countNewerThan(keyOf(id))), newer);
    // Counted no further than asked: the count, or the limit if there are more.
    const qint64 all = connection.number(builder.count());
    QVERIFY(all >= 0);
    QCOMPARE(connection.number(builder.countUpTo(2)), qMin<qint64>(2, all));
    QCOMPARE(connection.number(builder.countUpTo(100)), all);
}

void TestHistoryQuery::newestAndRules_data()
{
    addBackendColumn();
    for (const Backend backend : Backends)
        QTest::newRow(qPrintable(backendName(backend))) << backend;
}

void TestHistoryQuery::newestAndRules()
{
    QFETCH(Backend, backend);
    REQUIRE_BACKEND(backend);
    ReadConnection connection(where(backend));
    QVERIFY(connection.isOpen());
    const auto newest = [&](const HistoryFilter &filter) {
        QStringList key;
        QSqlError error;
        HistorySelect::rows(
            connection.db(), connection.builder(filter).newest(),
            [&](const QSqlQuery &query) {
                key = {query.value(0).toString(), query.value(1).toString()};
            },
            &error);
        return key;
    };
    const auto key = [](const QString &id) {
        return QStringList{QString::number(keyOf(id).createdAt), id};
    };
    QCOMPARE(newest({}), key(u"d7b"_s));
    // Whatever the order.
    QCOMPARE(newest(filterOf([](auto &f) { f.order = Qt::AscendingOrder; })), key(u"d7b"_s));
    QCOMPARE(newest(filterOf([](auto &f) { f.ruleId = u"orders"_s; })), key(u"d5"_s));
    QCOMPARE(newest(filterOf([](auto &f) { f.text = u"nothing-like-this"_s; })), QStringList{});

    QSqlError error;
    QCOMPARE(connection.ids(HistoryQueryBuilder::ruleIds(), &error),
             (QStringList{u"orders"_s, u"other"_s, u"tickets"_s}));
    // The name of the rule's latest delivery.
    QVariant name;
    QVERIFY(HistorySelect::value(connection.db(), HistoryQueryBuilder::latestRuleName(u"other"_s),
                                 &name, &error));
    QCOMPARE(name.toString(), u"Rule other, renamed"_s);
    QVERIFY(HistorySelect::value(connection.db(), HistoryQueryBuilder::latestRuleName(u"nothing"_s),
                                 &name, &error));
    QVERIFY(name.isNull());
}

void TestHistoryQuery::deliveryAttemptsAndEvent_data()
{
    newestAndRules_data();
}

// One delivery, its attempts, its event and whether it was sent again, through the store, as
// `kanca resend` and the History panel's detail read them.
void TestHistoryQuery::deliveryAttemptsAndEvent()
{
    QFETCH(Backend, backend);
    REQUIRE_BACKEND(backend);
    QString error;
    const std::unique_ptr<OutboxStorage> store = OpenStorage::open(where(backend), {}, &error);
    QVERIFY2(store, qPrintable(error));
    QVERIFY2(store->checkIntegrity(&error), qPrintable(error));

    const std::optional<Delivery> d6 = store->delivery(u"d6"_s, &error);
    QVERIFY2(d6, qPrintable(error));
    QCOMPARE(d6->status, DeliveryStatus::Failed);
    QCOMPARE(d6->attemptCount, 1);
    QCOMPARE(d6->request.url, u"https://other.example/c\\d"_s);
    const QList<Attempt> attempts = store->attempts(u"d6"_s, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(attempts.size(), 1);
    QCOMPARE(attempts.first().error, u"Connection refused by 127.0.0.1:9"_s);
    QCOMPARE(attempts.first().durationMs, qint64(12));

    // No such delivery: none, and a message naming it.
    error.clear();
    QVERIFY(!store->delivery(u"nothing"_s, &error));
    QVERIFY2(error.contains(u"nothing"_s), qPrintable(error));

    error.clear();
    const std::optional<EventStore::StoredEvent> event = store->event(u"evt-d1"_s, &error);
    QVERIFY2(event, qPrintable(error));
    QCOMPARE(event->type, u"order.created"_s);
    QCOMPARE(event->json, QByteArray(R"({"id":"evt-d1","type":"order.created"})"));
    QVERIFY(!store->event(u"evt-d2"_s, &error)); // made without a server: no event kept
    QVERIFY2(error.isEmpty(), qPrintable(error));

    // Sent again: the copy is linked to its original.
    QCOMPARE(store->hasResend(u"d2"_s, &error), std::optional<bool>(false));
    if (backend == Backend::Postgres) {
        // On a copy of the database's state: the resend is taken out again afterwards.
        const Delivery again = d6->resentCopy(QDateTime::currentDateTimeUtc());
        QVERIFY2(store->insertDeliveries({again}, nullptr, &error), qPrintable(error));
        QCOMPARE(store->hasResend(u"d6"_s, &error), std::optional<bool>(true));
        QCOMPARE(store->delivery(again.id, &error)->resendOf, u"d6"_s);
        QVERIFY2(PostgresTestDatabase::exec(
                     m_pgUrl, {u"DELETE FROM deliveries WHERE id = '%1'"_s.arg(again.id)}, &error),
                 qPrintable(error));
    }
}

// Every statement binds exactly one value per `?`, and none uses SQLite's own spellings
// (LIMIT -1, named parameters): the same text runs on PostgreSQL's driver.
void TestHistoryQuery::placeholdersMatchValues()
{
    HistoryFilter everything;
    everything.ruleId = u"r?"_s;
    everything.status = DeliveryStatus::Failed;
    everything.text = u"what?"_s;
    everything.from = Base;
    everything.to = Base.addDays(1);
    HistoryRange range;
    range.anchor = keyOf(u"d4"_s);
    range.offset = 3;
    range.limit = 10;
    HistoryRange offsetOnly;
    offsetOnly.offset = 5;
    for (const HistoryFilter &filter : {HistoryFilter{}, everything}) {
        const HistoryQueryBuilder builder(filter, HistoryDialect::Sqlite);
        const QList<HistoryStatement> statements = {builder.select("id"_L1),
                                                    builder.select("id"_L1, range),
                                                    builder.select("id"_L1, offsetOnly),
                                                    builder.count(),
                                                    builder.countUpTo(1000),
                                                    builder.countBefore(keyOf(u"d2"_s)),
                                                    builder.countNewerThan(keyOf(u"d2"_s)),
                                                    builder.newest(),
                                                    builder.createdAtOf(u"d1"_s),
                                                    HistoryQueryBuilder::ruleIds(),
                                                    HistoryQueryBuilder::latestRuleName(u"r?"_s)};
        for (const HistoryStatement &statement : statements) {
            QCOMPARE(statement.sql.count(u'?'), statement.values.size());
            QVERIFY2(!statement.sql.contains(u"-1"_s), qPrintable(statement.sql));
            QVERIFY2(!statement.sql.contains(u':'), qPrintable(statement.sql));
        }
    }
    QCOMPARE(HistoryQueryBuilder::containsPattern(u"50%_a\\b"_s), u"%50\\%\\_a\\\\b%"_s);

    // The one difference of the dialects: the text filter ignores case on both.
    const QString sqlite = HistoryQueryBuilder(everything, HistoryDialect::Sqlite).count().sql;
    const QString postgres = HistoryQueryBuilder(everything, HistoryDialect::Postgres).count().sql;
    QCOMPARE(sqlite.count(u" LIKE ? ESCAPE"_s), 6);
    QVERIFY(!sqlite.contains(u"ILIKE"_s));
    QCOMPARE(postgres.count(u" ILIKE ? ESCAPE"_s), 6);
    QCOMPARE(QString(postgres).replace(u" ILIKE "_s, u" LIKE "_s), sqlite);
}

void TestHistoryQuery::readerAnswers_data()
{
    newestAndRules_data();
}

// The reader thread's work, run here on one thread: counts, pages turned round when read
// backward, a delivery's row, the rules, and another connection's commit noticed.
void TestHistoryQuery::readerAnswers()
{
    QFETCH(Backend, backend);
    REQUIRE_BACKEND(backend);
    // A file on a copy: another connection adds a delivery to it. The database: the delivery
    // is taken out again at the end.
    QString path = m_pgUrl;
    if (backend == Backend::Sqlite) {
        path = m_dir.filePath(u"reader.sqlite"_s);
        QFile::remove(path);
        QVERIFY(QFile::copy(m_path, path));
    }
    auto generations = std::make_shared<HistoryReader::Generations>();
    HistoryReader reader(generations);
    QSignalSpy opened(&reader, &HistoryReader::opened);
    QSignalSpy counted(&reader, &HistoryReader::counted);
    QSignalSpy fetched(&reader, &HistoryReader::fetched);
    QSignalSpy located(&reader, &HistoryReader::located);
    QSignalSpy rules(&reader, &HistoryReader::rulesListed);
    QSignalSpy changed(&reader, &HistoryReader::changedElsewhere);

    reader.open(path);
    QCOMPARE(opened.size(), 1);
    QVERIFY2(opened.first().at(0).toBool(), qPrintable(opened.first().at(1).toString()));
    reader.checkForChanges();

    HistoryCountRequest count;
    count.generation = 1;
    count.previousNewest = keyOf(u"d5"_s);
    reader.count(count);
    QCOMPARE(counted.size(), 1);
    const auto answer = counted.first().at(0).value<HistoryCount>();
    QVERIFY2(answer.error.isEmpty(), qPrintable(answer.error));
    QCOMPARE(answer.count, qint64(8));
    QCOMPARE(answer.newest, std::optional<HistoryKey>(keyOf(u"d7b"_s)));
    QCOMPARE(answer.newer, qint64(3));

    HistoryPageRequest page;
    page.generation = 1;
    page.page = 2;
    page.range.anchor = keyOf(u"d3"_s);
    page.range.backward = true;
    page.range.limit = 3;
    reader.fetch(page);
    QCOMPARE(fetched.size(), 1);
    const auto rows = fetched.first().at(0).value<HistoryPage>();
    QCOMPARE(rows.page, qint64(2));
    QStringList ids;
    for (const HistoryRow &row : rows.rows)
        ids.append(row.id);
    QCOMPARE(ids, split("d6 d5 d4")); // in the list's order
    QCOMPARE(rows.rows.at(2).eventType, u"ticket.closed"_s);
    QCOMPARE(rows.rows.at(0).status, DeliveryStatus::Failed);
    QCOMPARE(rows.rows.at(0).lastError, u"Connection refused by 127.0.0.1:9"_s);

    // A page of a generation no longer shown is skipped without a word.
    generations->displayed = 2;
    reader.fetch(page);
    QCOMPARE(fetched.size(), 1);

    reader.locate(2, {}, u"d4"_s);
    QCOMPARE(located.size(), 1);
    QCOMPARE(located.first().at(2).toLongLong(), qint64(4));

    reader.listRules();
    QCOMPARE(rules.size(), 1);
    const auto listed = rules.first().at(0).value<QList<HistoryRule>>();
    QCOMPARE(listed.size(), 3);
    QCOMPARE(listed.at(1), (HistoryRule{u"other"_s, u"Rule other, renamed"_s}));

    // Another connection commits: the next check says so, once.
    QString error;
    std::unique_ptr<OutboxStorage> writer = OpenStorage::open(path, {}, &error);
    QVERIFY2(writer, qPrintable(error));
    reader.checkForChanges();
    QCOMPARE(changed.size(), 0);
    QVERIFY2(writer->insertDeliveries({makeDelivery(u"d0"_s, Base, u"orders"_s)}, nullptr, &error),
             qPrintable(error));
    reader.checkForChanges();
    QCOMPARE(changed.size(), 1);
    reader.checkForChanges();
    QCOMPARE(changed.size(), 1);
    if (backend == Backend::Postgres) {
        // An attempt recorded (no new delivery, no pending one less) is a change too.
        QVERIFY2(PostgresTestDatabase::exec(
                     m_pgUrl,
                     {u"INSERT INTO attempts (delivery_id, number, started_at, duration_ms, "
                      u"request_method, request_url, request_headers, request_body, "
                      u"request_body_size, response_headers, response_body, response_body_size, "
                      u"body_cap, outcome) VALUES ('d0', 1, 0, 1, 'POST', 'u', '[]', '', 0, "
                      u"'[]', '', 0, 0, 'will-retry')"_s},
                     &error),
                 qPrintable(error));
        reader.checkForChanges();
        QCOMPARE(changed.size(), 2);
        QVERIFY2(PostgresTestDatabase::exec(m_pgUrl, {u"DELETE FROM deliveries WHERE id = 'd0'"_s},
                                            &error),
                 qPrintable(error));
    }
}

// A server that cannot be reached, or a database that holds no Kanca history: the reader says
// so, naming the database without its password, and every answer carries the same words.
void TestHistoryQuery::readerSaysWhyAServerCannotBeRead()
{
    auto generations = std::make_shared<HistoryReader::Generations>();
    HistoryReader reader(generations);
    QSignalSpy opened(&reader, &HistoryReader::opened);
    QSignalSpy counted(&reader, &HistoryReader::counted);
    // Port 1 of this computer: nothing listens there.
    reader.open(u"postgresql://kanca:s3cret@127.0.0.1:1/nothing"_s);
    QCOMPARE(opened.size(), 1);
    QVERIFY(!opened.first().at(0).toBool());
    const QString why = opened.first().at(1).toString();
    QVERIFY2(
        why.startsWith(u"Cannot read the history postgresql://kanca:***@127.0.0.1:1/nothing: "_s),
        qPrintable(why));
    QVERIFY2(why.contains(u"refused"_s, Qt::CaseInsensitive), qPrintable(why));
    QVERIFY2(!why.contains(u"s3cret"_s), qPrintable(why));
    HistoryCountRequest count;
    count.generation = 1;
    reader.count(count);
    QCOMPARE(counted.size(), 1);
    QCOMPARE(counted.first().at(0).value<HistoryCount>().error, why);

    // A URL that cannot be read is said so, without repeating it.
    opened.clear();
    reader.open(u"postgresql://kanca:s3cret@/"_s);
    QCOMPARE(opened.size(), 1);
    QVERIFY(!opened.first().at(0).toBool());
    QVERIFY2(!opened.first().at(1).toString().contains(u"s3cret"_s),
             qPrintable(opened.first().at(1).toString()));

    REQUIRE_BACKEND(Backend::Postgres);
    QString error;
    const std::optional<QString> empty =
        PostgresTestDatabase::create(u"kanca_historyquery_empty"_s, &error);
    QVERIFY2(empty, qPrintable(error));
    opened.clear();
    reader.open(*empty);
    QCOMPARE(opened.size(), 1);
    QVERIFY(!opened.first().at(0).toBool());
    QVERIFY2(opened.first().at(1).toString().contains(u"holds no Kanca history"_s),
             qPrintable(opened.first().at(1).toString()));
    // The store opened to read (as the designer opens a server's history) refuses it too.
    PostgresStore store;
    error.clear();
    QVERIFY(!store.open(*PostgresUrl::parse(*empty, nullptr), &error,
                        PostgresStore::OpenMode::ReadExisting));
    QVERIFY2(error.contains(u"holds no Kanca history"_s), qPrintable(error));
    // Nothing was created there.
    QVERIFY(PostgresTestDatabase::exec(*empty, {u"SELECT 1 FROM schema_version"_s}, &error)
            == false);
    // Opened to read, a database with a history is read, its schema left as it is.
    QVERIFY2(store.open(*PostgresUrl::parse(m_pgUrl, nullptr), &error,
                        PostgresStore::OpenMode::ReadExisting),
             qPrintable(error));
    QCOMPARE(store.countDeliveries({}, &error), qint64(8));
    store.close();
    PostgresTestDatabase::drop(u"kanca_historyquery_empty"_s);
}

// The server drops the reader's connection (as a restart or a fail-over does): the next answer
// says so, and once it can connect again (at most once a second) the reader says that the
// history changed and answers as before.
void TestHistoryQuery::readerConnectsAgainWhenTheServerComesBack()
{
    REQUIRE_BACKEND(Backend::Postgres);
    auto generations = std::make_shared<HistoryReader::Generations>();
    HistoryReader reader(generations);
    QSignalSpy opened(&reader, &HistoryReader::opened);
    QSignalSpy counted(&reader, &HistoryReader::counted);
    QSignalSpy changed(&reader, &HistoryReader::changedElsewhere);
    reader.open(m_pgUrl);
    QCOMPARE(opened.size(), 1);
    QVERIFY2(opened.first().at(0).toBool(), qPrintable(opened.first().at(1).toString()));
    reader.checkForChanges();

    QString error;
    QVERIFY2(PostgresTestDatabase::exec(
                 m_pgUrl,
                 {u"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE "
                  u"application_name = 'kanca-history' AND datname = current_database()"_s},
                 &error),
             qPrintable(error));
    QTest::qWait(100);
    HistoryCountRequest count;
    count.generation = 1;
    reader.count(count);
    QCOMPARE(counted.size(), 1);
    const QString lost = counted.last().at(0).value<HistoryCount>().error;
    QVERIFY2(lost.startsWith(u"Cannot read the history postgresql://"_s), qPrintable(lost));

    QTest::qWait(1100);
    reader.checkForChanges();
    QCOMPARE(changed.size(), 1); // back: the lists are read again
    count.generation = 2;
    reader.count(count);
    QCOMPARE(counted.size(), 2);
    const auto back = counted.last().at(0).value<HistoryCount>();
    QVERIFY2(back.error.isEmpty(), qPrintable(back.error));
    QCOMPARE(back.count, qint64(8));
}

// A server's whole history counted from PostgreSQL's statistics when the request allows it: a
// small history exactly all the same; a table never analysed (reltuples -1) at least the rows
// found, never 0; statistics that say more than is there (rows deleted since ANALYZE) said as
// an estimate, which the exact count, asked for without one, puts right. A filter, or a SQLite
// file: exact.
void TestHistoryQuery::readerEstimatesTheWholeServerHistory()
{
    auto generations = std::make_shared<HistoryReader::Generations>();
    HistoryReader reader(generations);
    QSignalSpy opened(&reader, &HistoryReader::opened);
    QSignalSpy counted(&reader, &HistoryReader::counted);
    quint64 generation = 0;
    const auto ask = [&](bool estimate, const HistoryFilter &filter = {}) {
        HistoryCountRequest request;
        request.generation = ++generation;
        request.filter = filter;
        request.estimate = estimate;
        reader.count(request);
        return counted.size() == 1 ? counted.takeFirst().at(0).value<HistoryCount>()
                                   : HistoryCount{0, -100, false, {}, -1, 0, u"no answer"_s};
    };
    // A file, and the small database: exact, estimate or not.
    for (const QString &where : {m_path, m_pgUrl}) {
        if (where.isEmpty())
            continue;
        reader.open(where);
        const HistoryCount small = ask(true);
        QVERIFY2(small.error.isEmpty(), qPrintable(small.error));
        QCOMPARE(small.count, qint64(8));
        QVERIFY(!small.estimated);
        QCOMPARE(small.newest, std::optional<HistoryKey>(keyOf(u"d7b"_s)));
    }

    REQUIRE_BACKEND(Backend::Postgres);
    const QString name = u"kanca_historyquery_estimate"_s;
    QString error;
    const std::optional<QString> url = PostgresTestDatabase::create(name, &error);
    QVERIFY2(url, qPrintable(error));
    const auto drop = qScopeGuard([&] {
        reader.close();
        PostgresTestDatabase::drop(name);
    });
    const qint64 total = 3 * HistoryReader::EstimateAbove;
    {
        std::unique_ptr<OutboxStorage> store = OpenStorage::open(*url, {}, &error);
        QVERIFY2(store, qPrintable(error));
        // No autovacuum: the table's statistics are the test's to set.
        QVERIFY2(PostgresTestDatabase::exec(
                     *url, {u"ALTER TABLE deliveries SET (autovacuum_enabled = false)"_s}, &error),
                 qPrintable(error));
        QList<Delivery> deliveries;
        for (int i = 0; i < total; ++i) {
            deliveries.append(makeDelivery(u"e%1"_s.arg(i, 5, 10, QChar(u'0')), Base.addMSecs(i),
                                           i % 2 == 0 ? u"orders"_s : u"tickets"_s));
        }
        QVERIFY2(store->insertDeliveries(deliveries, nullptr, &error), qPrintable(error));
    }
    opened.clear();
    reader.open(*url);
    QCOMPARE(opened.size(), 1);
    QVERIFY2(opened.first().at(0).toBool(), qPrintable(opened.first().at(1).toString()));
    const HistoryKey newest{Base.addMSecs(total - 1).toMSecsSinceEpoch(), u"e02999"_s};

    // Never analysed: no statistics, so the rows found, and no more than EstimateAbove read.
    HistoryCount answer = ask(true);
    QVERIFY2(answer.error.isEmpty(), qPrintable(answer.error));
    QVERIFY(answer.estimated);
    QVERIFY2(answer.count >= HistoryReader::EstimateAbove,
             qPrintable(QString::number(answer.count)));
    QCOMPARE(answer.newest, std::optional<HistoryKey>(newest));
    qInfo("never analysed: estimate %lld of %lld", answer.count, total);
    answer = ask(false);
    QCOMPARE(answer.count, total);
    QVERIFY(!answer.estimated);
    // A filter: exact, estimate allowed or not.
    answer = ask(true, filterOf([](HistoryFilter &f) { f.ruleId = u"orders"_s; }));
    QCOMPARE(answer.count, total / 2);
    QVERIFY(!answer.estimated);

    // Analysed, then half of the rows deleted: the statistics (and the table's pages) still say
    // all of them.
    QVERIFY2(PostgresTestDatabase::exec(*url, {u"ANALYZE deliveries"_s}, &error),
             qPrintable(error));
    answer = ask(true);
    QVERIFY(answer.estimated);
    QCOMPARE(answer.count, total);
    QVERIFY2(
        PostgresTestDatabase::exec(*url, {u"DELETE FROM deliveries WHERE id < 'e01500'"_s}, &error),
        qPrintable(error));
    answer = ask(true);
    QVERIFY(answer.estimated);
    QVERIFY2(answer.count > total / 2, qPrintable(QString::number(answer.count)));
    qInfo("analysed, then half deleted: estimate %lld of %lld", answer.count, total / 2);
    answer = ask(false);
    QCOMPARE(answer.count, total / 2);
    QVERIFY(!answer.estimated);
    QCOMPARE(answer.newest, std::optional<HistoryKey>(newest));
}

// A history of 500 deliveries with 64 KiB of garbage a third of the way in: read row by row, a
// careless loop stops part-way as if the rows had ended; the query layer says the file is
// damaged instead, and so does the check of the whole file.
void TestHistoryQuery::damagedFileIsAnErrorNotTheEnd()
{
    const QString path = m_dir.filePath(u"damaged-third.sqlite"_s);
    HistoryGenerator::Options options;
    options.deliveries = 500;
    options.attemptsPerDelivery = 2;
    QString message;
    QVERIFY2(HistoryGenerator::generate(path, options, &message), qPrintable(message));
    QVERIFY2(HistoryDamage::damage(path, HistoryDamage::Shape::GarbageAtAThird, &message),
             qPrintable(message));

    ReadConnection connection(path);
    QVERIFY(connection.isOpen());
    const HistoryStatement all =
        HistoryQueryBuilder({}, HistoryDialect::Sqlite).select(HistoryRows::DeliveryColumns);
    // What the damage does to a loop that takes next() == false for the end of the rows.
    int careless = 0;
    {
        QSqlQuery query(connection.db());
        query.setForwardOnly(true);
        if (query.exec(all.sql)) {
            while (query.next())
                ++careless;
            QVERIFY(query.lastError().isValid());
        }
    }
    QVERIFY2(careless < 500, qPrintable(QString::number(careless)));

    int handed = 0;
    QSqlError error;
    QVERIFY(!HistorySelect::rows(
        connection.db(), all, [&](const QSqlQuery &) { ++handed; }, &error));
    QCOMPARE(handed, careless); // the rows before the damage, which the caller throws away
    QCOMPARE(error.nativeErrorCode(), u"11"_s); // SQLITE_CORRUPT
    QVERIFY(!HistorySqlite::checkIntegrity(connection.db(), path, &error));
    QCOMPARE(error.nativeErrorCode(), u"11"_s);
    QVERIFY2(error.databaseText().contains(u"Page"_s), qPrintable(error.databaseText()));

    // HistoryDatabase gives no list at all, and says why and where, with or without the check.
    HistoryDatabase db;
    if (db.open(path, &message)) {
        const QList<Delivery> deliveries = db.deliveries({}, {}, &message);
        QVERIFY(deliveries.isEmpty());
        QVERIFY2(message.contains(u"damaged"_s), qPrintable(message));
        QVERIFY2(message.contains(QDir::toNativeSeparators(path)), qPrintable(message));
        message.clear();
        QVERIFY(!db.checkIntegrity(&message));
    }
    QVERIFY2(message.contains(u"damaged"_s), qPrintable(message));
    QVERIFY2(message.contains(QDir::toNativeSeparators(path)), qPrintable(message));
}

void TestHistoryQuery::damageIsFoundWhereverItIs_data()
{
    QTest::addColumn<HistoryDamage::Shape>("shape");
    for (const HistoryDamage::Shape shape : HistoryDamage::shapes())
        QTest::newRow(qPrintable(HistoryDamage::name(shape))) << shape;
}

// Every shape of damage makes the reader fail on opening, with the file and the damage named,
// and every later request answers with the same error rather than with what still reads.
void TestHistoryQuery::damageIsFoundWhereverItIs()
{
    QFETCH(HistoryDamage::Shape, shape);
    const QString path = m_dir.filePath(u"damaged-%1.sqlite"_s.arg(int(shape)));
    HistoryGenerator::Options options;
    options.deliveries = 500;
    options.attemptsPerDelivery = 2;
    QString message;
    QVERIFY2(HistoryGenerator::generate(path, options, &message), qPrintable(message));
    QVERIFY2(HistoryDamage::damage(path, shape, &message), qPrintable(message));

    auto generations = std::make_shared<HistoryReader::Generations>();
    HistoryReader reader(generations);
    QSignalSpy opened(&reader, &HistoryReader::opened);
    QSignalSpy counted(&reader, &HistoryReader::counted);
    QSignalSpy fetched(&reader, &HistoryReader::fetched);
    reader.open(path);
    QCOMPARE(opened.size(), 1);
    QVERIFY(!opened.first().at(0).toBool());
    const QString error = opened.first().at(1).toString();
    QVERIFY2(error.contains(QDir::toNativeSeparators(path)), qPrintable(error));
    QVERIFY2(error.contains(u"damaged"_s), qPrintable(error));

    HistoryCountRequest count;
    count.generation = 1;
    reader.count(count);
    QCOMPARE(counted.size(), 1);
    const auto countAnswer = counted.first().at(0).value<HistoryCount>();
    QCOMPARE(countAnswer.error, error);
    QCOMPARE(countAnswer.count, qint64(0));
    HistoryPageRequest page;
    page.generation = 1;
    page.range.limit = 256;
    reader.fetch(page);
    QCOMPARE(fetched.size(), 1);
    const auto pageAnswer = fetched.first().at(0).value<HistoryPage>();
    QCOMPARE(pageAnswer.error, error);
    QVERIFY(pageAnswer.rows.isEmpty());
}

QTEST_MAIN(TestHistoryQuery)
#include "tst_historyquery.moc"
