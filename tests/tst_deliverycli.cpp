// kanca send, history, resend and deliver, run as processes against a real HTTP server on
// 127.0.0.1, with real SQLite files; kanca history on damaged files; and the crash test: kanca
// send killed with SIGKILL in the middle of a run, then kanca deliver finishing it. The history
// and resend tests run again on a PostgreSQL database of their own (--db postgresql://…;
// KANCA_TEST_PG_URL, see support/PostgresTestDatabase.h): the same output, the same exit codes.
#include "HistoryDamage.h"
#include "HistoryGenerator.h"
#include "engine/DeliveryId.h"
#include "history/HistoryDatabase.h"
#include "http/HttpServer.h"
#include "support/ExplainedExit.h"
#include "support/PostgresTestDatabase.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Kanca;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(Kanca::HistoryDamage::Shape)

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

// A rule set of `rules` rules, all firing on chat.opened, each posting to `url` with the
// delivery's id in a header.
QByteArray ruleSet(const QString &url, int rules,
                   const QJsonObject &auth = QJsonObject{{u"type"_s, u"none"_s}})
{
    QJsonArray list;
    for (int i = 0; i < rules; ++i) {
        const QJsonObject action{
            {u"type"_s, u"webhook"_s},
            {u"method"_s, u"POST"_s},
            {u"url"_s, QString(url + u"/hook/"_s + QString::number(i))},
            {u"headers"_s, QJsonArray{QJsonObject{{u"name"_s, u"X-Delivery"_s},
                                                  {u"value"_s, u"{{delivery.id}}"_s}}}},
            {u"auth"_s, auth},
            {u"body"_s, QJsonObject{{u"format"_s, u"json"_s},
                                    {u"template"_s, u"{\"name\": \"{{contact.fullname}}\"}"_s}}},
            {u"retry"_s,
             QJsonObject{{u"maxAttempts"_s, 3}, {u"initialDelayMs"_s, 10}, {u"maxDelayMs"_s, 50}}},
        };
        list.append(QJsonObject{{u"id"_s, QString(u"rule-"_s + QString::number(i))},
                                {u"name"_s, QString(u"Rule "_s + QString::number(i))},
                                {u"when"_s, u"chat.opened"_s},
                                {u"then"_s, QJsonArray{action}}});
    }
    const QJsonObject root{{u"format"_s, u"kanca.ruleset"_s},
                           {u"version"_s, 1},
                           {u"name"_s, u"CLI test"_s},
                           {u"locale"_s, u"en"_s},
                           {u"rules"_s, list}};
    return QJsonDocument(root).toJson();
}

const QJsonObject bearerAuth{{u"type"_s, u"bearer"_s},
                             {u"token"_s, QJsonObject{{u"secret"_s, u"CLI_TOKEN"_s}}}};

QList<QJsonObject> jsonLines(const QString &out)
{
    QList<QJsonObject> lines;
    for (const QString &line : out.split(u'\n', Qt::SkipEmptyParts))
        lines.append(QJsonDocument::fromJson(line.toUtf8()).object());
    return lines;
}

} // namespace

class TestDeliveryCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void sendDeliversAndPrintsALinePerDelivery();
    void sendFailureExitsWithThree();
    void sendWithMissingSecretSendsNothing();
    void historyTableAndJson_data();
    void historyTableAndJson();
    void damagedHistoryIsReportedNotListed_data();
    void damagedHistoryIsReportedNotListed();
    void damageMetWhileReadingIsReported();
    void resendMakesALinkedDelivery_data();
    void resendMakesALinkedDelivery();
    void databaseFromEnvironment();
    void postgresHistoryKeepsItsPassword();
    void usageErrors_data();
    void usageErrors();
    void killedSendIsFinishedByDeliver();
    void twoDeliverProcessesSendEachDeliveryOnce();
    void ruleThatCannotDecideIsAnErrorNotANo();
    void fullDiskStopsSendAndSaysWhatMayRepeat();

private:
    Run kanca(const QStringList &arguments,
              const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment(),
              const QString &program = QStringLiteral(KANCA_EXECUTABLE));
    QString writeRuleSet(const QByteArray &json);
    static void addBackends();

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<HttpServer> m_server;
    QList<HttpRequest> m_received;
    QString m_db;
};

void TestDeliveryCli::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_db = m_dir->filePath(u"history.sqlite"_s);
    m_server = std::make_unique<HttpServer>();
    QVERIFY(m_server->listen());
    m_received.clear();
    connect(m_server.get(), &HttpServer::requestReceived, this,
            [this](const HttpRequest &request) { m_received.append(request); });
}

// Runs kanca without blocking the event loop, so the server in this process keeps answering.
Run TestDeliveryCli::kanca(const QStringList &arguments, const QProcessEnvironment &env,
                           const QString &program)
{
    QProcess process;
    process.setProcessEnvironment(env);
    QSignalSpy finished(&process, &QProcess::finished);
    process.start(program, arguments);
    if (!finished.wait(60000))
        process.kill();
    Run run;
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    Kanca::Testing::requireExplainedExit(arguments, run.exitCode, run.err);
    return run;
}

QString TestDeliveryCli::writeRuleSet(const QByteArray &json)
{
    const QString path = m_dir->filePath(u"rules.kanca.json"_s);
    QFile file(path);
    if (file.open(QIODevice::WriteOnly))
        file.write(json);
    return path;
}

void TestDeliveryCli::sendDeliversAndPrintsALinePerDelivery()
{
    const QString rules = writeRuleSet(ruleSet(m_server->url(), 3));
    const Run run = kanca({u"send"_s, rules, u"--sample"_s, u"chat.opened"_s, u"--db"_s, m_db});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    const QList<QJsonObject> lines = jsonLines(run.out);
    QCOMPARE(lines.size(), 3);
    QSet<QString> ids;
    for (const QJsonObject &line : lines) {
        QCOMPARE(line.value(u"status"_s).toString(), u"succeeded"_s);
        QCOMPARE(line.value(u"attempts"_s).toInt(), 1);
        QCOMPARE(line.value(u"httpStatus"_s).toInt(), 200);
        QVERIFY(line.value(u"error"_s).isNull());
        QVERIFY(line.value(u"rule"_s).toString().startsWith(u"rule-"));
        QCOMPARE(line.value(u"action"_s).toInt(), 0);
        ids.insert(line.value(u"delivery"_s).toString());
    }
    QCOMPARE(m_received.size(), 3);
    for (const HttpRequest &request : std::as_const(m_received))
        QVERIFY(ids.contains(QString::fromLatin1(request.header("X-Delivery"))));
}

void TestDeliveryCli::sendFailureExitsWithThree()
{
    m_server->setHandler([](const HttpRequest &, HttpResponder r) { r.respond(500); });
    const QString rules = writeRuleSet(ruleSet(m_server->url(), 1));
    const Run run = kanca(
        {u"send"_s, rules, u"--sample"_s, u"chat.opened"_s, u"--db"_s, m_db, u"--no-retry"_s});
    QCOMPARE(run.exitCode, 3);
    const QList<QJsonObject> lines = jsonLines(run.out);
    QCOMPARE(lines.size(), 1);
    QCOMPARE(lines[0].value(u"status"_s).toString(), u"failed"_s);
    QCOMPARE(lines[0].value(u"attempts"_s).toInt(), 1);
    QCOMPARE(lines[0].value(u"httpStatus"_s).toInt(), 500);
    QVERIFY(lines[0].value(u"error"_s).toString().startsWith(u"HTTP 500"));
    QCOMPARE(m_received.size(), 1);
}

void TestDeliveryCli::sendWithMissingSecretSendsNothing()
{
    const QString rules = writeRuleSet(ruleSet(m_server->url(), 1, bearerAuth));
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(u"KANCA_SECRET_CLI_TOKEN"_s);
    Run run = kanca({u"send"_s, rules, u"--sample"_s, u"chat.opened"_s, u"--db"_s, m_db}, env);
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains(u"KANCA_SECRET_CLI_TOKEN"), qPrintable(run.err));
    QVERIFY(run.out.isEmpty());
    QCOMPARE(m_received.size(), 0);

    env.insert(u"KANCA_SECRET_CLI_TOKEN"_s, u"tok-123"_s);
    run = kanca({u"send"_s, rules, u"--sample"_s, u"chat.opened"_s, u"--db"_s, m_db}, env);
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(m_received.size(), 1);
    QCOMPARE(m_received[0].header("Authorization"), QByteArray("Bearer tok-123"));
}

void TestDeliveryCli::addBackends()
{
    QTest::addColumn<bool>("postgres");
    QTest::newRow("sqlite") << false;
    QTest::newRow("postgresql") << true;
}

// In a test with a "postgres" column: `variable` is the SQLite file of the test, or the URL of a
// new PostgreSQL database (skipped without one, failed when one is required).
#define KANCA_TEST_DATABASE(variable, name)                                                        \
    QFETCH(bool, postgres);                                                                        \
    QString variable = m_db;                                                                       \
    if (postgres) {                                                                                \
        KANCA_POSTGRES_DATABASE(pgUrl_, name);                                                     \
        variable = pgUrl_;                                                                         \
    }

void TestDeliveryCli::historyTableAndJson_data()
{
    addBackends();
}

void TestDeliveryCli::historyTableAndJson()
{
    KANCA_TEST_DATABASE(db, u"kanca_cli_history"_s);
    int calls = 0;
    m_server->setHandler([&calls](const HttpRequest &request, HttpResponder r) {
        ++calls;
        r.respond(request.path.endsWith(u"/1") ? 404 : 200, {}, "fine");
    });
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"KANCA_SECRET_CLI_TOKEN"_s, u"tok-123"_s);
    const QString rules = writeRuleSet(ruleSet(m_server->url(), 2, bearerAuth));
    QCOMPARE(
        kanca({u"send"_s, rules, u"--sample"_s, u"chat.opened"_s, u"--db"_s, db}, env).exitCode, 3);

    const Run table = kanca({u"history"_s, u"--db"_s, db});
    QCOMPARE(table.exitCode, 0);
    const QStringList lines = table.out.split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 3);
    QVERIFY(lines[0].startsWith(u"CREATED (UTC)"));
    QVERIFY(table.out.contains(u"succeeded"));
    QVERIFY(table.out.contains(u"failed"));
    QVERIFY(table.out.contains(u"HTTP 404"));
    // Each column starts where its heading does, two spaces after the widest cell before it.
    const qsizetype statusAt = lines[0].indexOf(u"STATUS"_s);
    const qsizetype urlAt = lines[0].indexOf(u"URL"_s);
    QVERIFY(statusAt > 0 && urlAt > statusAt);
    for (const QString &line : lines.mid(1)) {
        QVERIFY2(line.mid(statusAt).startsWith(u"succeeded "_s)
                     || line.mid(statusAt).startsWith(u"failed "_s),
                 qPrintable(table.out));
        QVERIFY2(line.mid(statusAt - 2, 2) == u"  "_s, qPrintable(table.out));
        QVERIFY2(line.mid(urlAt).startsWith(u"POST http://127.0.0.1:"_s), qPrintable(table.out));
    }

    const Run json = kanca({u"history"_s, u"--db"_s, db, u"--json"_s});
    QCOMPARE(json.exitCode, 0);
    const QJsonArray deliveries = QJsonDocument::fromJson(json.out.toUtf8()).array();
    QCOMPARE(deliveries.size(), 2);
    for (const QJsonValue &value : deliveries) {
        const QJsonObject delivery = value.toObject();
        const QJsonArray attempts = delivery.value(u"attempts"_s).toArray();
        QCOMPARE(attempts.size(), 1);
        const QJsonObject attempt = attempts[0].toObject();
        const QJsonObject request = attempt.value(u"request"_s).toObject();
        QCOMPARE(request.value(u"method"_s).toString(), u"POST"_s);
        bool masked = false;
        for (const QJsonValue &header : request.value(u"headers"_s).toArray()) {
            if (header[u"name"_s].toString() == u"Authorization")
                masked = header[u"value"_s].toString() == u"Bearer ********";
        }
        QVERIFY2(masked, "secrets are masked in the history");
        QCOMPARE(attempt.value(u"response"_s)[u"body"_s].toString(), u"fine"_s);
        QVERIFY(attempt.value(u"durationMs"_s).isDouble());
    }
    QVERIFY(!json.out.contains(u"tok-123"));

    const Run failed =
        kanca({u"history"_s, u"--db"_s, db, u"--json"_s, u"--status"_s, u"failed"_s});
    QCOMPARE(QJsonDocument::fromJson(failed.out.toUtf8()).array().size(), 1);
    const Run byRule = kanca({u"history"_s, u"--db"_s, db, u"--json"_s, u"--rule"_s, u"rule-0"_s});
    const QJsonArray rule0 = QJsonDocument::fromJson(byRule.out.toUtf8()).array();
    QCOMPARE(rule0.size(), 1);
    QCOMPARE(rule0[0][u"rule"_s].toString(), u"rule-0"_s);
    const Run limited = kanca({u"history"_s, u"--db"_s, db, u"--limit"_s, u"1"_s});
    QVERIFY2(limited.out.contains(u"(1 of 2 deliveries"), qPrintable(limited.out));
}

void TestDeliveryCli::damagedHistoryIsReportedNotListed_data()
{
    QTest::addColumn<HistoryDamage::Shape>("shape");
    QTest::addColumn<bool>("json");
    for (const HistoryDamage::Shape shape : HistoryDamage::shapes()) {
        const QString name = HistoryDamage::name(shape);
        QTest::addRow("%s, --json", qPrintable(name)) << shape << true;
        QTest::addRow("%s, table", qPrintable(name)) << shape << false;
    }
}

// A generated history of 500 deliveries, damaged: `kanca history` lists none of them, exits 1
// and says which file is damaged, in SQLite's words.
void TestDeliveryCli::damagedHistoryIsReportedNotListed()
{
    QFETCH(HistoryDamage::Shape, shape);
    QFETCH(bool, json);
    HistoryGenerator::Options options;
    options.deliveries = 500;
    options.attemptsPerDelivery = 2;
    QString error;
    QVERIFY2(HistoryGenerator::generate(m_db, options, &error), qPrintable(error));
    const QStringList arguments = {u"history"_s, u"--db"_s, m_db, u"--limit"_s, u"1000"_s};
    const Run whole = kanca(arguments + QStringList{u"--json"_s});
    QCOMPARE(whole.exitCode, 0);
    QCOMPARE(QJsonDocument::fromJson(whole.out.toUtf8()).array().size(), 500);

    QVERIFY2(HistoryDamage::damage(m_db, shape, &error), qPrintable(error));
    const Run run = kanca(json ? arguments + QStringList{u"--json"_s} : arguments);
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.out.isEmpty(), qPrintable(run.out.left(300)));
    QVERIFY2(run.err.contains(QDir::toNativeSeparators(m_db)), qPrintable(run.err));
    QVERIFY2(run.err.contains(u"the file is damaged (database disk image is malformed)"_s)
                 || run.err.contains(u"the file is damaged (Page "_s),
             qPrintable(run.err));
}

// A history too large to be checked whole (20,000 deliveries, 35 MiB) with its oldest
// deliveries' pages damaged: the newest deliveries still list, but a listing that reaches the
// damage stops there with the file and the damage named, and prints nothing.
void TestDeliveryCli::damageMetWhileReadingIsReported()
{
    HistoryGenerator::Options options;
    options.deliveries = 20'000;
    QString error;
    QVERIFY2(HistoryGenerator::generate(m_db, options, &error), qPrintable(error));
    QVERIFY(QFileInfo(m_db).size() > 32 * 1024 * 1024); // past the whole-file check
    // The first pages after the tables' and indexes' first pages (1 to 10).
    QVERIFY2(HistoryDamage::garbageAtPage(m_db, 11, &error), qPrintable(error));

    const Run newest = kanca({u"history"_s, u"--db"_s, m_db, u"--json"_s, u"--limit"_s, u"5"_s});
    QCOMPARE(newest.exitCode, 0);
    QCOMPARE(QJsonDocument::fromJson(newest.out.toUtf8()).array().size(), 5);
    for (const bool json : {true, false}) {
        QStringList arguments = {u"history"_s, u"--db"_s, m_db, u"--limit"_s, u"100000"_s};
        if (json)
            arguments.append(u"--json"_s);
        const Run all = kanca(arguments);
        QCOMPARE(all.exitCode, 1);
        QVERIFY2(all.out.isEmpty(), qPrintable(all.out.left(300)));
        QVERIFY2(all.err.contains(QDir::toNativeSeparators(m_db)), qPrintable(all.err));
        QVERIFY2(all.err.contains(u"the file is damaged (database disk image is malformed)"_s),
                 qPrintable(all.err));
    }
}

void TestDeliveryCli::resendMakesALinkedDelivery_data()
{
    addBackends();
}

void TestDeliveryCli::resendMakesALinkedDelivery()
{
    KANCA_TEST_DATABASE(db, u"kanca_cli_resend"_s);
    const QString rules = writeRuleSet(ruleSet(m_server->url(), 1));
    const Run sent = kanca({u"send"_s, rules, u"--sample"_s, u"chat.opened"_s, u"--db"_s, db});
    QCOMPARE(sent.exitCode, 0);
    const QString original = jsonLines(sent.out)[0].value(u"delivery"_s).toString();

    const Run again = kanca({u"resend"_s, original, u"--db"_s, db});
    QVERIFY2(again.exitCode == 0, qPrintable(again.err));
    const QString copy = jsonLines(again.out)[0].value(u"delivery"_s).toString();
    QVERIFY(copy != original);
    QCOMPARE(m_received.size(), 2);
    QCOMPARE(m_received[1].body, m_received[0].body);
    QCOMPARE(m_received[1].target, m_received[0].target);

    const Run json = kanca({u"history"_s, u"--db"_s, db, u"--json"_s});
    const QJsonArray deliveries = QJsonDocument::fromJson(json.out.toUtf8()).array();
    QCOMPARE(deliveries.size(), 2);
    QCOMPARE(deliveries[0][u"delivery"_s].toString(), copy);
    QCOMPARE(deliveries[0][u"resendOf"_s].toString(), original);

    const Run missing = kanca({u"resend"_s, u"msg_nope"_s, u"--db"_s, db});
    QCOMPARE(missing.exitCode, 1);
    QVERIFY(missing.err.contains(u"msg_nope"));

    // Every failed delivery, once: run twice, the second sends nothing.
    m_server->setHandler([](const HttpRequest &, HttpResponder r) { r.respond(500); });
    const Run failing =
        kanca({u"send"_s, rules, u"--sample"_s, u"chat.opened"_s, u"--db"_s, db, u"--no-retry"_s});
    QCOMPARE(failing.exitCode, 3);
    m_server->setHandler([](const HttpRequest &, HttpResponder r) { r.respond(200); });
    const Run dead = kanca({u"resend"_s, u"--failed"_s, u"--db"_s, db});
    QVERIFY2(dead.exitCode == 0, qPrintable(dead.err));
    QVERIFY2(dead.err.startsWith(u"1 failed deliver"_s), qPrintable(dead.err));
    QCOMPARE(jsonLines(dead.out).size(), 1);
    QCOMPARE(jsonLines(dead.out)[0].value(u"status"_s).toString(), u"succeeded"_s);
    const Run twice = kanca({u"resend"_s, u"--failed"_s, u"--db"_s, db});
    QCOMPARE(twice.exitCode, 0);
    QVERIFY2(twice.err.contains(u"1 already sent again, left out"_s), qPrintable(twice.err));
    QVERIFY(twice.out.isEmpty());
}

void TestDeliveryCli::databaseFromEnvironment()
{
    const QString rules = writeRuleSet(ruleSet(m_server->url(), 1));
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    const QString db = m_dir->filePath(u"from-env/h.sqlite"_s);
    env.insert(u"KANCA_DB"_s, db);
    QCOMPARE(kanca({u"send"_s, rules, u"--sample"_s, u"chat.opened"_s}, env).exitCode, 0);
    QVERIFY(QFile::exists(db));
    const Run json = kanca({u"history"_s, u"--json"_s}, env);
    QCOMPARE(QJsonDocument::fromJson(json.out.toUtf8()).array().size(), 1);
}

// A PostgreSQL history from KANCA_DB and with the password in the URL: listed, and the password
// printed nowhere; a server that cannot be reached or a wrong password: exit 1, nothing listed,
// and standard error says why, again without the password.
void TestDeliveryCli::postgresHistoryKeepsItsPassword()
{
    KANCA_POSTGRES_DATABASE(url, u"kanca_cli_password"_s);
    const QString password = qEnvironmentVariable("PGPASSWORD");
    QVERIFY2(!password.isEmpty(), "the test cluster has a password (PGPASSWORD)");
    QString withPassword = url;
    withPassword.replace(u"://kanca@"_s, u"://kanca:"_s + password + u'@');
    QVERIFY(withPassword != url);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(u"PGPASSWORD"_s);
    env.insert(u"PGPASSFILE"_s, m_dir->filePath(u"no-pgpass"_s));

    const QString rules = writeRuleSet(ruleSet(m_server->url(), 2));
    const Run sent =
        kanca({u"send"_s, rules, u"--sample"_s, u"chat.opened"_s, u"--db"_s, withPassword}, env);
    QVERIFY2(sent.exitCode == 0, qPrintable(sent.err));
    env.insert(u"KANCA_DB"_s, withPassword);
    const Run table = kanca({u"history"_s}, env);
    QVERIFY2(table.exitCode == 0, qPrintable(table.err));
    QCOMPARE(table.out.split(u'\n', Qt::SkipEmptyParts).size(), 3);
    const Run json = kanca({u"history"_s, u"--json"_s}, env);
    QCOMPARE(QJsonDocument::fromJson(json.out.toUtf8()).array().size(), 2);
    for (const Run &run : {sent, table, json}) {
        QVERIFY(!run.out.contains(password));
        QVERIFY(!run.err.contains(password));
    }

    QString wrong = withPassword;
    wrong.replace(password, u"not-the-password"_s);
    const Run refused = kanca({u"history"_s, u"--db"_s, wrong}, env);
    QCOMPARE(refused.exitCode, 1);
    QVERIFY(refused.out.isEmpty());
    QVERIFY2(refused.err.contains(u"password authentication failed"_s), qPrintable(refused.err));
    QVERIFY2(!refused.err.contains(u"not-the-password"_s), qPrintable(refused.err));
    const Run away =
        kanca({u"history"_s, u"--db"_s, u"postgresql://kanca@127.0.0.1:1/kanca"_s}, env);
    QCOMPARE(away.exitCode, 1);
    QVERIFY(away.out.isEmpty());
    QVERIFY2(away.err.contains(u"postgresql://kanca@127.0.0.1:1/kanca"_s), qPrintable(away.err));
    const Run resend = kanca({u"resend"_s, u"msg_nope"_s, u"--db"_s, withPassword}, env);
    QCOMPARE(resend.exitCode, 1);
    QVERIFY2(resend.err.contains(u"msg_nope"_s), qPrintable(resend.err));
    QVERIFY2(!resend.err.contains(password), qPrintable(resend.err));
}

void TestDeliveryCli::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    QTest::newRow("send without event")
        << QStringList{u"send"_s, u"x.json"_s} << u"kanca send: give either --event or --sample"_s;
    QTest::newRow("send with event and sample")
        << QStringList{u"send"_s, u"x.json"_s,   u"--event"_s,
                       u"-"_s,    u"--sample"_s, u"chat.opened"_s}
        << u"kanca send: give either --event or --sample"_s;
    QTest::newRow("send bad language")
        << QStringList{u"send"_s,        u"x.json"_s, u"--sample"_s,
                       u"chat.opened"_s, u"--lang"_s, u"fr"_s}
        << u"kanca send: --lang takes \"en\" or \"tr\", not \"fr\""_s;
    QTest::newRow("send bad per-host")
        << QStringList{u"send"_s,        u"x.json"_s,     u"--sample"_s,
                       u"chat.opened"_s, u"--per-host"_s, u"0"_s}
        << u"kanca send: --per-host takes a number from 1 to 1000, not \"0\""_s;
    QTest::newRow("history bad status")
        << QStringList{u"history"_s, u"--status"_s, u"done"_s}
        << u"kanca history: --status takes succeeded, failed or pending, not \"done\""_s;
    QTest::newRow("history bad limit")
        << QStringList{u"history"_s, u"--limit"_s, u"x"_s}
        << u"kanca history: --limit takes a positive number, not \"x\""_s;
    QTest::newRow("resend without id")
        << QStringList{u"resend"_s}
        << u"kanca resend: name exactly one delivery id, or give --failed"_s;
    QTest::newRow("deliver with a file")
        << QStringList{u"deliver"_s, u"x.json"_s} << u"kanca deliver: takes no file or id"_s;
}

void TestDeliveryCli::usageErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    const Run run = kanca(arguments + QStringList{u"--db"_s, m_db});
    QCOMPARE(run.exitCode, 2);
    QCOMPARE(run.err.section(u'\n', 0, 0), message);
    QVERIFY2(run.err.contains(u"Usage: kanca"), qPrintable(run.err));
}

void TestDeliveryCli::killedSendIsFinishedByDeliver()
{
    constexpr int rules = 300;
    constexpr int perHost = 4;
    m_server->setHandler([this](const HttpRequest &, HttpResponder r) {
        r.respondAfter(20, 200);
        Q_UNUSED(this);
    });
    const QString file = writeRuleSet(ruleSet(m_server->url(), rules));

    // kanca send, killed with SIGKILL once a tenth of the deliveries have arrived.
    QProcess send;
    QSignalSpy finished(&send, &QProcess::finished);
    send.start(QStringLiteral(KANCA_EXECUTABLE),
               {u"send"_s, file, u"--sample"_s, u"chat.opened"_s, u"--db"_s, m_db, u"--per-host"_s,
                QString::number(perHost)});
    QVERIFY(send.waitForStarted());
    QTRY_VERIFY_WITH_TIMEOUT(m_received.size() >= rules / 10, 30000);
    send.kill();
    QVERIFY(finished.wait(10000));
    QCOMPARE(send.exitStatus(), QProcess::CrashExit);
    const qsizetype beforeDeliver = m_received.size();
    QVERIFY2(beforeDeliver < rules, "the run was killed in the middle");

    const Run deliver = kanca({u"deliver"_s, u"--db"_s, m_db, u"--per-host"_s, u"8"_s});
    QVERIFY2(deliver.exitCode == 0, qPrintable(deliver.err));

    // Every delivery arrived; only an attempt in flight at the kill (started, its result not
    // yet recorded) arrived twice, and the history lists every attempt that arrived.
    QHash<QString, int> arrivals;
    for (const HttpRequest &request : std::as_const(m_received))
        ++arrivals[QString::fromLatin1(request.header("X-Delivery"))];
    QCOMPARE(arrivals.size(), rules);
    int repeated = 0;
    for (const int n : std::as_const(arrivals))
        repeated += n - 1;

    const Run history = kanca(
        {u"history"_s, u"--db"_s, m_db, u"--json"_s, u"--limit"_s, QString::number(rules + 10)});
    const QJsonArray deliveries = QJsonDocument::fromJson(history.out.toUtf8()).array();
    QCOMPARE(deliveries.size(), rules);
    int interrupted = 0;
    for (const QJsonValue &d : deliveries) {
        QCOMPARE(d[u"status"_s].toString(), u"succeeded"_s);
        const QJsonArray attempts = d[u"attempts"_s].toArray();
        const QString id = d[u"delivery"_s].toString();
        QVERIFY2(attempts.size() >= arrivals.value(id),
                 qPrintable(id + u": "_s + QString::number(arrivals.value(id))
                            + u" arrivals, attempts recorded: "_s
                            + QString::number(attempts.size())));
        for (const QJsonValue &a : attempts) {
            if (a[u"error"_s].toString().startsWith(u"Interrupted"))
                ++interrupted;
        }
    }
    qInfo("killed after %lld arrivals: %d arrived twice, %d attempts recorded as interrupted",
          qint64(beforeDeliver), repeated, interrupted);
    // Each repeat follows an attempt recorded as interrupted, and no more attempts were started
    // than the per-host limit allows on the wire and started ahead (as many again, or what the
    // destination answers in 25 ms: 4 connections answered every 20 ms, 5), plus those whose
    // results were waiting for the next batched write (at most the limit again).
    const int startedAhead = std::max(perHost, perHost * 25 / 20);
    QVERIFY2(repeated <= interrupted, qPrintable(QString::number(interrupted)));
    QVERIFY2(interrupted <= perHost + startedAhead + perHost,
             qPrintable(QString::number(interrupted)));
    const Run again = kanca({u"deliver"_s, u"--db"_s, m_db});
    QCOMPARE(again.exitCode, 0);
    QVERIFY(again.out.isEmpty());
}

void TestDeliveryCli::twoDeliverProcessesSendEachDeliveryOnce()
{
    // 300 deliveries waiting in the outbox (committed, held by nobody), and two `kanca deliver`
    // started at once on the same history.
    constexpr int count = 300;
    m_server->setHandler([](const HttpRequest &, HttpResponder r) { r.respondAfter(5, 200); });
    {
        HistoryDatabase history;
        QString error;
        QVERIFY2(history.open(m_db, &error), qPrintable(error));
        QList<Delivery> pending;
        const QDateTime now = QDateTime::currentDateTimeUtc();
        for (int i = 0; i < count; ++i) {
            Delivery d;
            d.id = newDeliveryId(now);
            d.createdAt = now;
            d.ruleSetName = u"CLI test"_s;
            d.ruleId = u"rule-0"_s;
            d.ruleName = u"Rule 0"_s;
            d.eventId = u"evt"_s;
            d.eventType = u"chat.opened"_s;
            d.request.method = u"POST"_s;
            d.request.url = m_server->url() + u"/hook/"_s + QString::number(i);
            d.request.headers = {{u"X-Delivery"_s, d.id, false}};
            d.request.body = "{}";
            d.nextAttemptAt = now;
            pending.append(d);
        }
        QVERIFY2(history.insertDeliveries(pending, nullptr, &error), qPrintable(error));
    }
    QProcess first;
    QProcess second;
    QSignalSpy firstDone(&first, &QProcess::finished);
    QSignalSpy secondDone(&second, &QProcess::finished);
    for (QProcess *p : {&first, &second})
        p->start(QStringLiteral(KANCA_EXECUTABLE), {u"deliver"_s, u"--db"_s, m_db});
    QVERIFY(firstDone.wait(60000) || firstDone.size() == 1);
    QVERIFY(secondDone.size() == 1 || secondDone.wait(60000));
    QCOMPARE(first.exitCode(), 0);
    QCOMPARE(second.exitCode(), 0);

    QHash<QByteArray, int> arrivals;
    for (const HttpRequest &request : std::as_const(m_received))
        ++arrivals[request.header("X-Delivery")];
    QCOMPARE(arrivals.size(), count);
    QCOMPARE(m_received.size(), count); // none twice
    const qsizetype byFirst = jsonLines(QString::fromUtf8(first.readAllStandardOutput())).size();
    const qsizetype bySecond = jsonLines(QString::fromUtf8(second.readAllStandardOutput())).size();
    QCOMPARE(byFirst + bySecond, count);
    qInfo("two kanca deliver on one history: %lld and %lld deliveries", qint64(byFirst),
          qint64(bySecond));
}

void TestDeliveryCli::fullDiskStopsSendAndSaysWhatMayRepeat()
{
    // The history may not grow past 1200 KiB (ulimit -f, with SIGXFSZ ignored, so that writes
    // fail as on a full disk): kanca send must stop, say so, exit 4, and never print a
    // delivery as finished without its record.
    constexpr int rules = 300;
    m_server->setHandler([](const HttpRequest &, HttpResponder r) { r.respond(200); });
    const QString file = writeRuleSet(ruleSet(m_server->url(), rules));
    QCOMPARE(kanca({u"history"_s, u"--db"_s, m_db}).exitCode, 0); // creates the history
    const QString command = u"trap '' XFSZ; ulimit -f 1200; exec \"$0\" \"$@\""_s;
    const Run send = kanca({u"-c"_s, command, QStringLiteral(KANCA_EXECUTABLE), u"send"_s, file,
                            u"--sample"_s, u"chat.opened"_s, u"--db"_s, m_db},
                           QProcessEnvironment::systemEnvironment(), u"/bin/sh"_s);
    QVERIFY2(send.exitCode == 4, qPrintable(send.err));
    QVERIFY2(send.err.startsWith(u"history: "_s), qPrintable(send.err));
    QVERIFY2(send.err.contains(u"Stopped: nothing more was sent"_s), qPrintable(send.err));
    const QList<QJsonObject> reported = jsonLines(send.out);
    QVERIFY2(reported.size() < rules, "it stopped part-way");
    const qsizetype arrivedBefore = m_received.size();
    QVERIFY(arrivedBefore < rules);
    const QRegularExpression listed(u"msg_[0-9A-Z]{26}"_s);
    QSet<QString> mayRepeat;
    const qsizetype listStart = send.err.indexOf(u"may be sent again"_s);
    if (listStart >= 0) {
        for (const QRegularExpressionMatch &m : listed.globalMatch(send.err.mid(listStart)))
            mayRepeat.insert(m.captured());
    }

    // Every delivery printed as finished is recorded so.
    const Run history = kanca(
        {u"history"_s, u"--db"_s, m_db, u"--json"_s, u"--limit"_s, QString::number(rules + 10)});
    QCOMPARE(history.exitCode, 0);
    QHash<QString, QString> status;
    for (const QJsonValue &d : QJsonDocument::fromJson(history.out.toUtf8()).array())
        status.insert(d[u"delivery"_s].toString(), d[u"status"_s].toString());
    QCOMPARE(status.size(), rules);
    for (const QJsonObject &line : reported)
        QCOMPARE(status.value(line[u"delivery"_s].toString()), u"succeeded"_s);

    // Once the history can be written, kanca deliver finishes the rest at once (the claims of
    // the stopped process are taken over), and only the deliveries said to be at risk repeat.
    const Run deliver = kanca({u"deliver"_s, u"--db"_s, m_db});
    QVERIFY2(deliver.exitCode == 0, qPrintable(deliver.err));
    QHash<QString, int> arrivals;
    for (const HttpRequest &request : std::as_const(m_received))
        ++arrivals[QString::fromLatin1(request.header("X-Delivery"))];
    QCOMPARE(arrivals.size(), rules);
    for (auto it = arrivals.cbegin(); it != arrivals.cend(); ++it) {
        if (it.value() > 1)
            QVERIFY2(mayRepeat.contains(it.key()), qPrintable(it.key()));
        QVERIFY2(it.value() <= 2, qPrintable(it.key()));
    }
    qInfo("full disk: %lld printed as finished, %lld arrived before the stop, %lld said to be "
          "at risk of a repeat",
          qint64(reported.size()), qint64(arrivedBefore), qint64(mayRepeat.size()));
}

void TestDeliveryCli::ruleThatCannotDecideIsAnErrorNotANo()
{
    QJsonObject root = QJsonDocument::fromJson(ruleSet(m_server->url(), 1)).object();
    QJsonArray rules = root.value(u"rules"_s).toArray();
    QJsonObject rule = rules.first().toObject();
    rule.insert(u"if"_s, QJsonObject{{u"not"_s, QJsonObject{{u"field"_s, u"contact.fullname"_s},
                                                            {u"op"_s, u"matches"_s},
                                                            {u"value"_s, u"^(a+)+$|X$"_s}}}});
    rules[0] = rule;
    root.insert(u"rules"_s, rules);
    const QString file = writeRuleSet(QJsonDocument(root).toJson());
    const QString eventFile = m_dir->filePath(u"event.json"_s);
    {
        QFile f(eventFile);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(R"({"type": "chat.opened", "id": "e1", "contact": {"fullname": ")"
                + QByteArray(24, 'a') + R"(X"}})");
    }
    const Run validate = kanca({u"validate"_s, file});
    QCOMPARE(validate.exitCode, 0);
    QVERIFY2(validate.err.contains(u"warning: /rules/0/if/not/value"_s), qPrintable(validate.err));

    const Run send = kanca({u"send"_s, file, u"--event"_s, eventFile, u"--db"_s, m_db});
    QCOMPARE(send.exitCode, 1);
    QVERIFY2(send.err.contains(u"/rules/0/if/not: rule \"Rule 0\" cannot decide"_s),
             qPrintable(send.err));
    QVERIFY(send.err.contains(u"gave up (match limit)"_s));
    QCOMPARE(m_received.size(), 0);

    const Run explain = kanca({u"render"_s, file, u"--event"_s, eventFile, u"--explain"_s});
    QCOMPARE(explain.exitCode, 1);
    const QJsonArray plan = QJsonDocument::fromJson(explain.out.toUtf8()).array();
    QCOMPARE(plan.size(), 1);
    QCOMPARE(plan.first()[u"matched"_s].toBool(true), false);
    QVERIFY2(plan.first()[u"reason"_s].toString().startsWith(u"undecided"_s),
             qPrintable(explain.out));
    QVERIFY(plan.first()[u"trace"_s][u"result"_s].isNull());
}

QTEST_GUILESS_MAIN(TestDeliveryCli)
#include "tst_deliverycli.moc"
