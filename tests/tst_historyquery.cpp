// The history's query layer against real SQLite files: every filter, order and keyset range of
// HistoryQueryBuilder, run through HistorySelect and through HistoryDatabase, with the rows
// expected; counts and a delivery's place in a list; the reader thread's answers; and damaged
// files, whose reads must fail rather than end early with part of the rows.
#include "HistoryDamage.h"
#include "HistoryGenerator.h"
#include "history/HistoryDatabase.h"
#include "history/HistoryQueryBuilder.h"
#include "history/HistoryReader.h"
#include "history/HistoryRows.h"
#include "history/HistorySelect.h"
#include "history/HistorySqlite.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Kanca;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(Kanca::HistoryRange)
Q_DECLARE_METATYPE(Kanca::HistoryDamage::Shape)

namespace {

const QDateTime Base = QDateTime::fromMSecsSinceEpoch(1'700'000'000'123, Qt::UTC);

// A read-only Qt Sql connection of its own, as the reader thread has.
class ReadConnection
{
public:
    explicit ReadConnection(const QString &path)
        : m_name(u"query-test-%1"_s.arg(++s_count))
    {
        QSqlError error;
        m_open = HistorySqlite::openForReading(m_name, path, 1000, &m_db, &error);
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

} // namespace

class TestHistoryQuery : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void rows_data();
    void rows();
    void places_data();
    void places();
    void newestAndRules();
    void placeholdersMatchValues();
    void readerAnswers();
    void damagedFileIsAnErrorNotTheEnd();
    void damageIsFoundWhereverItIs_data();
    void damageIsFoundWhereverItIs();

private:
    QString m_path;
    QTemporaryDir m_dir;
};

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
    QVERIFY2(db.insertDeliveries(deliveries, nullptr, &error), qPrintable(error));
}

void TestHistoryQuery::rows_data()
{
    QTest::addColumn<HistoryFilter>("filter");
    QTest::addColumn<HistoryRange>("range");
    QTest::addColumn<QStringList>("expected");

    const HistoryFilter all;
    const HistoryRange whole;
    const HistoryFilter oldestFirst = filterOf([](auto &f) { f.order = Qt::AscendingOrder; });

    // Filters, newest first.
    QTest::newRow("everything") << all << whole << split("d7b d7a d6 d5 d4 d3 d2 d1");
    QTest::newRow("everything, oldest first")
        << oldestFirst << whole << split("d1 d2 d3 d4 d5 d6 d7a d7b");
    QTest::newRow("rule") << filterOf([](auto &f) { f.ruleId = u"orders"_s; }) << whole
                          << split("d5 d3 d1");
    QTest::newRow("status succeeded")
        << filterOf([](auto &f) { f.status = DeliveryStatus::Succeeded; }) << whole
        << split("d7b d7a d4 d2");
    QTest::newRow("status failed")
        << filterOf([](auto &f) { f.status = DeliveryStatus::Failed; }) << whole << split("d6");
    QTest::newRow("status pending") << filterOf([](auto &f) { f.status = DeliveryStatus::Pending; })
                                    << whole << split("d5 d3 d1");
    QTest::newRow("rule and status") << filterOf([](auto &f) {
        f.ruleId = u"tickets"_s;
        f.status = DeliveryStatus::Succeeded;
    }) << whole << split("d4 d2");
    QTest::newRow("text in url, any case")
        << filterOf([](auto &f) { f.text = u"CRM.EXAMPLE"_s; }) << whole << split("d4 d2");
    QTest::newRow("percent is literal")
        << filterOf([](auto &f) { f.text = u"50%"_s; }) << whole << split("d3");
    QTest::newRow("percent alone is literal")
        << filterOf([](auto &f) { f.text = u"%"_s; }) << whole << split("d3");
    QTest::newRow("underscore is literal")
        << filterOf([](auto &f) { f.text = u"a_b"_s; }) << whole << split("d5");
    QTest::newRow("backslash is literal")
        << filterOf([](auto &f) { f.text = u"c\\d"_s; }) << whole << split("d6");
    QTest::newRow("text in rule name")
        << filterOf([](auto &f) { f.text = u"rule tickets"_s; }) << whole << split("d4 d2");
    QTest::newRow("text in event id")
        << filterOf([](auto &f) { f.text = u"evt-d1"_s; }) << whole << split("d1");
    QTest::newRow("text in event type")
        << filterOf([](auto &f) { f.text = u"ticket.closed"_s; }) << whole << split("d4");
    QTest::newRow("text in last error")
        << filterOf([](auto &f) { f.text = u"refused"_s; }) << whole << split("d6");
    QTest::newRow("non-ASCII text")
        << filterOf([](auto &f) { f.text = u"Şikâyet"_s; }) << whole << split("d2");
    QTest::newRow("text found nowhere")
        << filterOf([](auto &f) { f.text = u"nothing-like-this"_s; }) << whole << QStringList{};
    QTest::newRow("from") << filterOf([](auto &f) { f.from = Base.addSecs(4 * 60); }) << whole
                          << split("d7b d7a d6 d5 d4");
    QTest::newRow("to") << filterOf([](auto &f) { f.to = Base.addSecs(2 * 60); }) << whole
                        << split("d2 d1");
    QTest::newRow("from and to, inclusive") << filterOf([](auto &f) {
        f.from = Base.addSecs(2 * 60);
        f.to = Base.addSecs(4 * 60);
    }) << whole << split("d4 d3 d2");
    QTest::newRow("everything at once") << filterOf([](auto &f) {
        f.ruleId = u"orders"_s;
        f.status = DeliveryStatus::Pending;
        f.text = u"shop.example"_s;
        f.from = Base.addSecs(2 * 60);
        f.to = Base.addSecs(6 * 60);
    }) << whole << split("d5 d3");
    QTest::newRow("everything at once, oldest first") << filterOf([](auto &f) {
        f.ruleId = u"orders"_s;
        f.status = DeliveryStatus::Pending;
        f.text = u"shop.example"_s;
        f.from = Base.addSecs(2 * 60);
        f.order = Qt::AscendingOrder;
    }) << whole << split("d3 d5");

    // Ranges: limit and offset from the top.
    QTest::newRow("limit") << all << rangeOf([](auto &r) { r.limit = 3; }) << split("d7b d7a d6");
    QTest::newRow("offset and limit") << all << rangeOf([](auto &r) {
        r.offset = 2;
        r.limit = 3;
    }) << split("d6 d5 d4");
    QTest::newRow("offset without limit")
        << all << rangeOf([](auto &r) { r.offset = 6; }) << split("d2 d1");
    QTest::newRow("offset past the end")
        << all << rangeOf([](auto &r) { r.offset = 100; }) << QStringList{};
    QTest::newRow("limit past the end")
        << all << rangeOf([](auto &r) { r.limit = 100; }) << split("d7b d7a d6 d5 d4 d3 d2 d1");
    QTest::newRow("limit, oldest first")
        << oldestFirst << rangeOf([](auto &r) { r.limit = 2; }) << split("d1 d2");

    // Keyset: from an anchor, either way.
    QTest::newRow("after an anchor")
        << all << rangeOf([](auto &r) { r.anchor = keyOf(u"d5"_s); }) << split("d4 d3 d2 d1");
    QTest::newRow("after an anchor, offset and limit") << all << rangeOf([](auto &r) {
        r.anchor = keyOf(u"d5"_s);
        r.offset = 1;
        r.limit = 2;
    }) << split("d3 d2");
    QTest::newRow("backward from an anchor") << all << rangeOf([](auto &r) {
        r.anchor = keyOf(u"d5"_s);
        r.backward = true;
    }) << split("d6 d7a d7b");
    QTest::newRow("backward from the first row") << all << rangeOf([](auto &r) {
        r.anchor = keyOf(u"d7b"_s);
        r.backward = true;
    }) << QStringList{};
    QTest::newRow("backward from the end") << all << rangeOf([](auto &r) {
        r.backward = true;
        r.limit = 3;
    }) << split("d1 d2 d3");
    QTest::newRow("backward from the end, offset") << all << rangeOf([](auto &r) {
        r.backward = true;
        r.offset = 2;
        r.limit = 2;
    }) << split("d3 d4");
    QTest::newRow("same millisecond: the id decides, forward")
        << all << rangeOf([](auto &r) { r.anchor = keyOf(u"d7b"_s); })
        << split("d7a d6 d5 d4 d3 d2 d1");
    QTest::newRow("same millisecond: the id decides, backward") << all << rangeOf([](auto &r) {
        r.anchor = keyOf(u"d7a"_s);
        r.backward = true;
    }) << split("d7b");
    QTest::newRow("after an anchor, oldest first") << oldestFirst << rangeOf([](auto &r) {
        r.anchor = keyOf(u"d4"_s);
        r.limit = 2;
    }) << split("d5 d6");
    QTest::newRow("backward, oldest first") << oldestFirst << rangeOf([](auto &r) {
        r.anchor = keyOf(u"d4"_s);
        r.backward = true;
    }) << split("d3 d2 d1");
    QTest::newRow("anchor with a filter")
        << filterOf([](auto &f) { f.ruleId = u"orders"_s; })
        << rangeOf([](auto &r) { r.anchor = keyOf(u"d3"_s); }) << split("d1");
    QTest::newRow("anchor the filter does not list")
        << filterOf([](auto &f) { f.status = DeliveryStatus::Pending; })
        << rangeOf([](auto &r) { r.anchor = keyOf(u"d4"_s); }) << split("d3 d1");
}

void TestHistoryQuery::rows()
{
    QFETCH(HistoryFilter, filter);
    QFETCH(HistoryRange, range);
    QFETCH(QStringList, expected);

    // The builder's statement on a read-only connection, as the reader thread runs it.
    ReadConnection connection(m_path);
    QVERIFY(connection.isOpen());
    const HistoryQueryBuilder builder(filter);
    QSqlError error;
    QCOMPARE(connection.ids(builder.select("id"_L1, range), &error), expected);

    // The same list through HistoryDatabase, whole deliveries, as `kanca history` reads it.
    HistoryDatabase db;
    QString message;
    QVERIFY2(db.open(m_path, &message), qPrintable(message));
    QCOMPARE(idsOf(db.deliveries(filter, range, &message)), expected);
    QVERIFY2(message.isEmpty(), qPrintable(message));

    // A count ignores the range.
    if (!range.anchor && range.offset == 0 && range.limit == 0) {
        QCOMPARE(connection.number(builder.count()), qint64(expected.size()));
        QCOMPARE(db.countDeliveries(filter, &message), qint64(expected.size()));
    }
}

void TestHistoryQuery::places_data()
{
    QTest::addColumn<HistoryFilter>("filter");
    QTest::addColumn<QString>("id");
    QTest::addColumn<qint64>("row");   // -1: not listed
    QTest::addColumn<qint64>("newer"); // listed deliveries newer than it

    const HistoryFilter all;
    QTest::newRow("first") << all << u"d7b"_s << qint64(0) << qint64(0);
    QTest::newRow("same millisecond") << all << u"d7a"_s << qint64(1) << qint64(1);
    QTest::newRow("middle") << all << u"d4"_s << qint64(4) << qint64(4);
    QTest::newRow("last") << all << u"d1"_s << qint64(7) << qint64(7);
    QTest::newRow("oldest first") << filterOf([](auto &f) { f.order = Qt::AscendingOrder; })
                                  << u"d4"_s << qint64(3) << qint64(4);
    QTest::newRow("filtered") << filterOf([](auto &f) { f.ruleId = u"orders"_s; }) << u"d1"_s
                              << qint64(2) << qint64(2);
    QTest::newRow("not listed") << filterOf([](auto &f) { f.ruleId = u"orders"_s; }) << u"d2"_s
                                << qint64(-1) << qint64(2);
    QTest::newRow("no such delivery") << all << u"nothing"_s << qint64(-1) << qint64(-1);
}

void TestHistoryQuery::places()
{
    QFETCH(HistoryFilter, filter);
    QFETCH(QString, id);
    QFETCH(qint64, row);
    QFETCH(qint64, newer);

    ReadConnection connection(m_path);
    const HistoryQueryBuilder builder(filter);
    const qint64 createdAt = connection.number(builder.createdAtOf(id));
    if (row < 0) {
        QCOMPARE(createdAt, qint64(-1));
    } else {
        QCOMPARE(createdAt, keyOf(id).createdAt);
        QCOMPARE(connection.number(builder.countBefore({createdAt, id})), row);
    }
    if (newer >= 0)
        QCOMPARE(connection.number(builder.countNewerThan(keyOf(id))), newer);
}

void TestHistoryQuery::newestAndRules()
{
    ReadConnection connection(m_path);
    const auto newest = [&](const HistoryFilter &filter) {
        QStringList key;
        QSqlError error;
        HistorySelect::rows(
            connection.db(), HistoryQueryBuilder(filter).newest(),
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
        const HistoryQueryBuilder builder(filter);
        const QList<HistoryStatement> statements = {builder.select("id"_L1),
                                                    builder.select("id"_L1, range),
                                                    builder.select("id"_L1, offsetOnly),
                                                    builder.count(),
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
}

// The reader thread's work, run here on one thread: counts, pages turned round when read
// backward, a delivery's row, the rules, and another connection's commit noticed.
void TestHistoryQuery::readerAnswers()
{
    // On a copy: another connection adds a delivery to it.
    const QString path = m_dir.filePath(u"reader.sqlite"_s);
    QVERIFY(QFile::copy(m_path, path));
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
    HistoryDatabase writer;
    QString error;
    QVERIFY2(writer.open(path, &error), qPrintable(error));
    reader.checkForChanges();
    QCOMPARE(changed.size(), 0);
    QVERIFY2(writer.insertDeliveries({makeDelivery(u"d0"_s, Base, u"orders"_s)}, nullptr, &error),
             qPrintable(error));
    reader.checkForChanges();
    QCOMPARE(changed.size(), 1);
    reader.checkForChanges();
    QCOMPARE(changed.size(), 1);
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
    const HistoryStatement all = HistoryQueryBuilder({}).select(HistoryRows::DeliveryColumns);
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
