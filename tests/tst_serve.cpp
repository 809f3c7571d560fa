// kanca serve, run as a process: events posted over real sockets on 127.0.0.1, webhooks received
// by the real local catcher in this process, the history read from the real SQLite file. Single
// and batch ingest, every error status, auth both ways, idempotency across a restart, reload good
// and bad (by SIGHUP and by a change of the file), the drain on SIGTERM, the circuit breaker,
// slow and idle clients, refusals to start, and the chaos test: 2,000 events posted concurrently,
// the server SIGKILLed part-way and restarted, every acknowledged delivery received. And the
// fleet tests on PostgreSQL: three servers on one database, one SIGKILLed and started again,
// another SIGTERMed, PostgreSQL itself restarted, every acknowledged delivery received (on a
// cluster of the test's own); `kanca fleet` listing the servers and their rule sets; and the
// per-host limit and the circuit breaker held across three servers (on the cluster
// KANCA_TEST_PG_URL names).
#include "endpoints/Catcher.h"
#include "history/HistoryDatabase.h"
#include "http/HttpServer.h"
#include "postgres/PostgresStore.h"
#include "support/ExplainedExit.h"
#include "support/PostgresTestDatabase.h"
#include "support/RawHttp.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageAuthenticationCode>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUrl>
#include <QUuid>

#include <csignal>
#include <functional>
#include <memory>
#include <sys/resource.h>

using namespace Kanca;
using namespace Kanca::Testing;
using namespace Qt::StringLiterals;

namespace {

constexpr int StartTimeoutMs = 20'000;

struct Reply
{
    int status = 0;
    QJsonObject json;
    QByteArray body;
};

// How many attempts a server killed mid-run can leave interrupted (started, their answers never
// recorded): those in flight (6 per host, one host here), those started ahead and waiting on
// their delivery thread for a connection (see DeliveryEngine, "Start ahead": with delivery
// threads of their own, what the destination answers in 25 ms, here 6 connections answered every
// 5 ms, 30), and those answered but waiting for their group commit (up to 10 ms of answers at 5 ms
// each on 6 connections, and one more round answered while that batch commits). Far fewer than
// the deliveries a server holds claimed (batches of up to 256): a server that resent everything
// it had claimed would fail this.
constexpr int MaxInterrupted = 6 + 6 * 25 / 5 + 6 * (10 / 5 + 1);

// One webhook action to `url` carrying the delivery id and the event id.
QJsonObject webhook(const QString &url, int maxAttempts = 3)
{
    return QJsonObject{
        {u"type"_s, u"webhook"_s},
        {u"method"_s, u"POST"_s},
        {u"url"_s, url},
        {u"headers"_s,
         QJsonArray{QJsonObject{{u"name"_s, u"X-Delivery"_s}, {u"value"_s, u"{{delivery.id}}"_s}}}},
        {u"auth"_s, QJsonObject{{u"type"_s, u"none"_s}}},
        {u"body"_s, QJsonObject{{u"format"_s, u"json"_s},
                                {u"template"_s, u"{\"event\": \"{{event.id}}\", \"name\": "
                                                u"\"{{contact.fullname}}\"}"_s}}},
        {u"retry"_s, QJsonObject{{u"maxAttempts"_s, maxAttempts},
                                 {u"initialDelayMs"_s, 20},
                                 {u"maxDelayMs"_s, 200}}},
        {u"timeoutMs"_s, 5000},
    };
}

// A rule set with one rule on chat.opened whose actions are `actions`.
QByteArray ruleSet(const QJsonArray &actions, const QJsonObject &condition = {})
{
    QJsonObject rule{{u"id"_s, u"opened"_s},
                     {u"name"_s, u"Chat opened"_s},
                     {u"when"_s, u"chat.opened"_s},
                     {u"then"_s, actions}};
    if (!condition.isEmpty())
        rule.insert(u"if"_s, condition);
    const QJsonObject root{{u"format"_s, u"kanca.ruleset"_s},
                           {u"version"_s, 1},
                           {u"name"_s, u"Serve test"_s},
                           {u"locale"_s, u"en"_s},
                           {u"rules"_s, QJsonArray{rule}}};
    return QJsonDocument(root).toJson();
}

QJsonObject incoming(const QString &id, const QString &type = u"chat.opened"_s)
{
    return QJsonObject{{u"type"_s, type},
                       {u"id"_s, id},
                       {u"contact"_s, QJsonObject{{u"fullname"_s, u"Ayşe Yılmaz"_s}}}};
}

QByteArray compact(const QJsonValue &value)
{
    return value.isArray() ? QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact)
                           : QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact);
}

QStringList deliveriesOf(const QJsonObject &answer)
{
    QStringList ids;
    for (const QJsonValue &e : answer.value(u"events"_s).toArray()) {
        for (const QJsonValue &d : e.toObject().value(u"deliveries"_s).toArray())
            ids.append(d.toString());
    }
    return ids;
}

// A free port on 127.0.0.1 that nothing listens on (for a receiver that is down).
quint16 closedPort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    const quint16 port = probe.serverPort();
    probe.close();
    return port;
}

// A slow receiver: every request is answered `delayMs` later, and the most requests it had
// open (received, not yet answered) at once is kept.
// Events posted to servers without waiting for the answers: the deliveries each 202 acknowledged.
class EventPoster
{
public:
    explicit EventPoster(QNetworkAccessManager &network)
        : m_network(network)
    {}
    void post(quint16 port, const QString &id)
    {
        QNetworkRequest request(QUrl(u"http://127.0.0.1:%1/v1/events"_s.arg(port)));
        request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
        QNetworkReply *reply = m_network.post(request, compact(incoming(id)));
        QObject::connect(reply, &QNetworkReply::finished, reply, [this, reply] {
            if (reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 202)
                m_acknowledged += deliveriesOf(QJsonDocument::fromJson(reply->readAll()).object());
            ++m_answered;
        });
        m_replies.emplace_back(reply);
    }
    const QStringList &acknowledged() const { return m_acknowledged; }
    int answered() const { return m_answered; }

private:
    QNetworkAccessManager &m_network;
    std::vector<std::unique_ptr<QNetworkReply>> m_replies;
    QStringList m_acknowledged;
    int m_answered = 0;
};

class SlowReceiver
{
public:
    explicit SlowReceiver(int delayMs)
    {
        m_server.setHandler([this, delayMs](const HttpRequest &request, HttpResponder responder) {
            ++m_received;
            m_deliveries.insert(QString::fromLatin1(request.header("X-Delivery")));
            m_mostOpen = std::max(m_mostOpen, ++m_open);
            QTimer::singleShot(delayMs, &m_server, [this, responder] {
                --m_open;
                responder.respond(200);
            });
        });
    }
    bool listen() { return m_server.listen(QHostAddress::LocalHost, 0); }
    QString url() const { return m_server.url(); }
    int mostOpen() const { return m_mostOpen; }
    int received() const { return m_received; }
    const QSet<QString> &deliveries() const { return m_deliveries; }
    bool receivedAll(const QStringList &ids) const
    {
        return std::all_of(ids.begin(), ids.end(),
                           [this](const QString &id) { return m_deliveries.contains(id); });
    }

private:
    HttpServer m_server;
    int m_open = 0;
    int m_mostOpen = 0;
    int m_received = 0;
    QSet<QString> m_deliveries;
};

// One `kanca serve` process: started, read (its first line says where it listens; its log is JSON
// lines on standard error), signalled and killed for real.
class Serve
{
public:
    explicit Serve(QStringList arguments, QProcessEnvironment env)
        : m_arguments(std::move(arguments))
        , m_env(std::move(env))
    {
        m_process.setProcessEnvironment(m_env);
        QObject::connect(&m_process, &QProcess::readyReadStandardError,
                         [this] { m_err += m_process.readAllStandardError(); });
        QObject::connect(&m_process, &QProcess::readyReadStandardOutput,
                         [this] { m_out += m_process.readAllStandardOutput(); });
    }
    ~Serve()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(5000);
        }
    }

    // Starts the server and waits for its "listening" line; false if it exited or never said.
    bool start()
    {
        m_out.clear();
        m_process.start(QStringLiteral(KANCA_EXECUTABLE), QStringList{u"serve"_s} + m_arguments);
        const bool said = waitUntil(
            [this] { return m_out.contains('\n') || m_process.state() == QProcess::NotRunning; },
            StartTimeoutMs);
        if (!said || !m_out.contains('\n'))
            return false;
        const QJsonObject line = QJsonDocument::fromJson(m_out.left(m_out.indexOf('\n'))).object();
        m_port = quint16(line.value(u"port"_s).toInt());
        m_url = line.value(u"listening"_s).toString();
        return m_port != 0;
    }
    void signal(int number) const { ::kill(pid_t(m_process.processId()), number); }
    void kill() // SIGKILL, and wait for it
    {
        m_process.kill();
        waitUntil([this] { return m_process.state() == QProcess::NotRunning; }, 10'000);
    }
    // Waits for the process to end; its exit code, or -2 if it crashed or did not end in time.
    // Anything but 0 prints what the process wrote that is not a log line (a sanitizer's report,
    // a message before the log started), so a failure says why.
    int waitForExit(int timeoutMs)
    {
        int code = -2;
        if (waitUntil([this] { return m_process.state() == QProcess::NotRunning; }, timeoutMs)) {
            m_err += m_process.readAllStandardError();
            if (m_process.exitStatus() == QProcess::NormalExit)
                code = m_process.exitCode();
        }
        if (code != 0) {
            QByteArray notLog;
            QByteArray errorLines;
            for (const QByteArray &line : m_err.split('\n')) {
                if (!line.startsWith('{'))
                    notLog += line + '\n';
                else if (line.contains(R"("level":"error")"))
                    errorLines += line + '\n';
            }
            qWarning("kanca serve ended with %d; its errors:\n%s\nbesides its log it wrote:\n%s",
                     code, errorLines.right(8000).constData(), notLog.right(8000).constData());
        }
        return code;
    }
    bool running() const { return m_process.state() == QProcess::Running; }
    qint64 pid() const { return m_process.processId(); }

    quint16 port() const { return m_port; }
    QString url() const { return m_url; }
    QString errors() const { return QString::fromUtf8(m_err); }
    QString output() const { return QString::fromUtf8(m_out); }

    // The log lines whose "msg" is `message`.
    QList<QJsonObject> log(const QString &message) const
    {
        QList<QJsonObject> lines;
        for (const QByteArray &line : m_err.split('\n')) {
            const QJsonObject o = QJsonDocument::fromJson(line).object();
            if (o.value(u"msg"_s).toString() == message)
                lines.append(o);
        }
        return lines;
    }

private:
    QStringList m_arguments;
    QProcessEnvironment m_env;
    QProcess m_process;
    QByteArray m_out;
    QByteArray m_err;
    quint16 m_port = 0;
    QString m_url;
};

// What a `kanca` command printed and how it ended.
struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

Run runKanca(const QStringList &arguments, QProcessEnvironment env = {})
{
    if (env.isEmpty())
        env = QProcessEnvironment::systemEnvironment();
    env.insert(u"LC_ALL"_s, u"C.UTF-8"_s);
    env.remove(u"LANGUAGE"_s);
    QProcess process;
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(KANCA_EXECUTABLE), arguments);
    Run run;
    // The event loop runs meanwhile: the servers' catcher lives in this thread.
    waitUntil([&] { return process.state() == QProcess::NotRunning; }, 30'000);
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

QString sha256Of(const QString &file)
{
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QString::fromLatin1(
        QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256).toHex());
}

// A PostgreSQL cluster of the test's own (scripts/pg-test-cluster.sh, as scripts/dev.sh test
// starts the shared one), for a test that restarts it: restarting the cluster of
// KANCA_TEST_PG_URL would cut the connections of the other PostgreSQL tests CTest runs at the
// same time. Stopped and removed when it goes out of scope.
class OwnCluster
{
public:
    OwnCluster() = default;
    ~OwnCluster()
    {
        if (!m_dir.isEmpty())
            script({u"stop"_s, m_dir}, nullptr);
    }
    Q_DISABLE_COPY_MOVE(OwnCluster)

    // Starts a cluster in `parent`/cluster; false with why.
    bool start(const QString &parent, QString *error)
    {
        // Run as root, the cluster belongs to the user postgres, who must reach the folder.
        QFile::setPermissions(parent, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner
                                          | QFile::ReadGroup | QFile::ExeGroup | QFile::ReadOther
                                          | QFile::ExeOther);
        m_dir = parent + u"/cluster"_s;
        QString out;
        if (!script({u"start"_s, m_dir}, &out)) {
            *error = out;
            return false;
        }
        for (const QString &line : out.split(u'\n')) {
            if (line.startsWith(u"KANCA_TEST_PG_URL="_s))
                m_url = line.mid(line.indexOf(u'=') + 1);
            else if (line.startsWith(u"PGPASSWORD="_s))
                m_password = line.mid(line.indexOf(u'=') + 1);
        }
        if (m_url.isEmpty() || m_password.isEmpty()) {
            *error = u"pg-test-cluster.sh printed no URL or password: "_s + out;
            return false;
        }
        return true;
    }
    // pg_ctl restart, in the background (the event loop goes on meanwhile).
    void beginRestart()
    {
        m_restart = std::make_unique<QProcess>();
        m_restart->setProcessChannelMode(QProcess::MergedChannels);
        m_restart->start(u"bash"_s, {Script, u"restart"_s, m_dir});
    }
    bool restarting() const { return m_restart && m_restart->state() != QProcess::NotRunning; }
    // The restart's exit code (0: the cluster is up again), and what it printed.
    int restartExitCode() const
    {
        return m_restart && m_restart->exitStatus() == QProcess::NormalExit ? m_restart->exitCode()
                                                                            : -2;
    }
    QString restartOutput() const
    {
        return m_restart ? QString::fromUtf8(m_restart->readAll()) : QString();
    }

    QString url() const { return m_url; } // no password: PGPASSWORD
    QString password() const { return m_password; }
    QString urlWithPassword() const
    {
        QUrl url(m_url);
        url.setPassword(m_password);
        return url.toString();
    }

private:
    static inline const QString Script =
        QStringLiteral(KANCA_SOURCE_DIR "/scripts/pg-test-cluster.sh");

    static bool script(const QStringList &arguments, QString *out)
    {
        QProcess process;
        process.start(u"bash"_s, QStringList{Script} + arguments);
        const bool finished = process.waitForFinished(120'000);
        if (out)
            *out =
                QString::fromUtf8(process.readAllStandardOutput() + process.readAllStandardError());
        return finished && process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
    }

    QString m_dir;
    QString m_url;
    QString m_password;
    std::unique_ptr<QProcess> m_restart;
};

} // namespace

class TestServe : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void singleAndBatchIngest();
    void errorStatuses();
    void bearerAuth();
    void standardWebhooksAuth();
    void duplicateIsAcceptedOnceAcrossRestart();
    void reloadBySignalAndByFile();
    void badReloadKeepsTheOldRules();
    void drainFinishesInFlightAndAnswers503();
    void drainLeavesTheRestForTheNextStart();
    void breakerKeepsOtherHostsFlowing();
    void slowAndIdleClients();
    void smugglingShapesAreRefused();
    void refusesToStart_data();
    void refusesToStart();
    void chaosKillAndRestartLosesNothing();
    void fleetChaosLosesNothing();
    void fleetListsWorkersAndRuleSets();
    void fleetKeepsThePerHostLimit();
    void fleetStartsAheadWithinItsSlots();
    void fleetSharesTheBreaker();
    void postgresOutageLosesNothing();

private:
    std::unique_ptr<Serve> serve(const QStringList &extra = {},
                                 const QProcessEnvironment &env = {});
    QString writeRuleSet(const QByteArray &json, const QString &name = u"rules.kanca.json"_s);
    Reply post(const QByteArray &body, const QList<QPair<QByteArray, QByteArray>> &headers = {},
               const QString &path = u"/v1/events"_s,
               const QByteArray &contentType = "application/json");
    Reply get(const QString &path);
    QByteArray rawExchange(const QByteArray &bytes, int timeoutMs = 5000);
    bool caughtAll(const QStringList &deliveries, int timeoutMs);
    // `count` servers on m_db with `arguments`; what went wrong, or nothing.
    QString startFleet(std::vector<std::unique_ptr<Serve>> &fleet, int count,
                       const QStringList &arguments);
    QHash<QString, int> caughtByDelivery() const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Catcher> m_catcher;
    QNetworkAccessManager m_network;
    QString m_ruleSet;
    QString m_db;
    quint16 m_port = 0; // of the server under test
};

void TestServe::initTestCase()
{
    // 1,000 idle connections in this process and in the server: more than the usual soft limit.
    rlimit limit{};
    if (getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < limit.rlim_max) {
        limit.rlim_cur = limit.rlim_max;
        setrlimit(RLIMIT_NOFILE, &limit);
    }
}

void TestServe::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_db = m_dir->filePath(u"history.sqlite"_s);
    m_catcher = std::make_unique<Catcher>();
    m_catcher->setCapacity(100'000);
    QVERIFY(m_catcher->listen());
    m_ruleSet = writeRuleSet(ruleSet({webhook(m_catcher->url() + u"/hook"_s)}));
}

void TestServe::cleanup()
{
    m_catcher.reset();
    m_dir.reset();
}

QString TestServe::writeRuleSet(const QByteArray &json, const QString &name)
{
    const QString path = m_dir->filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        qFatal("cannot write %s", qPrintable(path));
    file.write(json);
    return path;
}

QString TestServe::startFleet(std::vector<std::unique_ptr<Serve>> &fleet, int count,
                              const QStringList &arguments)
{
    for (int i = 0; i < count; ++i) {
        fleet.push_back(serve(arguments));
        if (!fleet.back()->running())
            return fleet.back()->errors();
    }
    return {};
}

std::unique_ptr<Serve> TestServe::serve(const QStringList &extra, const QProcessEnvironment &env)
{
    QProcessEnvironment environment =
        env.isEmpty() ? QProcessEnvironment::systemEnvironment() : env;
    environment.insert(u"LC_ALL"_s, u"C.UTF-8"_s);
    auto server = std::make_unique<Serve>(
        QStringList{m_ruleSet, u"--listen"_s, u"127.0.0.1:0"_s, u"--db"_s, m_db} + extra,
        environment);
    if (server->start())
        m_port = server->port();
    return server;
}

Reply TestServe::post(const QByteArray &body, const QList<QPair<QByteArray, QByteArray>> &headers,
                      const QString &path, const QByteArray &contentType)
{
    QNetworkRequest request(QUrl(u"http://127.0.0.1:%1%2"_s.arg(m_port).arg(path)));
    if (!contentType.isEmpty())
        request.setRawHeader("Content-Type", contentType);
    for (const auto &[name, value] : headers)
        request.setRawHeader(name, value);
    std::unique_ptr<QNetworkReply> reply(m_network.post(request, body));
    waitUntil([&] { return reply->isFinished(); }, 30'000);
    Reply r;
    r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    r.body = reply->readAll();
    r.json = QJsonDocument::fromJson(r.body).object();
    return r;
}

Reply TestServe::get(const QString &path)
{
    std::unique_ptr<QNetworkReply> reply(
        m_network.get(QNetworkRequest(QUrl(u"http://127.0.0.1:%1%2"_s.arg(m_port).arg(path)))));
    waitUntil([&] { return reply->isFinished(); }, 30'000);
    Reply r;
    r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    r.body = reply->readAll();
    r.json = QJsonDocument::fromJson(r.body).object();
    return r;
}

// Writes bytes on a fresh connection and returns everything the server sends until it closes
// the connection (or the time is up).
QByteArray TestServe::rawExchange(const QByteArray &bytes, int timeoutMs)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, m_port);
    if (!waitUntil([&] { return socket.state() == QAbstractSocket::ConnectedState; }, 5000))
        return {};
    socket.write(bytes);
    QByteArray received;
    waitUntil(
        [&] {
            received += socket.readAll();
            return socket.state() == QAbstractSocket::UnconnectedState;
        },
        timeoutMs);
    return received + socket.readAll();
}

QHash<QString, int> TestServe::caughtByDelivery() const
{
    QHash<QString, int> caught;
    for (const CaughtRequest &c : m_catcher->requests())
        ++caught[QString::fromLatin1(c.request.header("X-Delivery"))];
    return caught;
}

bool TestServe::caughtAll(const QStringList &deliveries, int timeoutMs)
{
    return waitUntil(
        [&] {
            const QHash<QString, int> caught = caughtByDelivery();
            return std::all_of(deliveries.begin(), deliveries.end(),
                               [&](const QString &id) { return caught.contains(id); });
        },
        timeoutMs);
}

void TestServe::singleAndBatchIngest()
{
    auto server = serve();
    QVERIFY2(server->running(), qPrintable(server->errors()));
    QVERIFY(server->url().startsWith(u"http://127.0.0.1:"_s));

    // One event: 202, its delivery id, and the webhook received with that id and the event's data.
    const Reply one = post(compact(incoming(u"evt-1"_s)));
    QCOMPARE(one.status, 202);
    const QJsonObject first = one.json.value(u"events"_s).toArray().at(0).toObject();
    QCOMPARE(first.value(u"id"_s).toString(), u"evt-1"_s);
    QCOMPARE(first.value(u"status"_s).toString(), u"accepted"_s);
    QCOMPARE(first.value(u"matched"_s).toArray(), QJsonArray{u"opened"_s});
    const QStringList ids = deliveriesOf(one.json);
    QCOMPARE(ids.size(), 1);
    QVERIFY(caughtAll(ids, 10'000));
    const CaughtRequest &caught = m_catcher->requests().constLast();
    QCOMPARE(caught.request.path, u"/hook"_s);
    const QJsonObject body = QJsonDocument::fromJson(caught.request.body).object();
    QCOMPARE(body.value(u"event"_s).toString(), u"evt-1"_s);
    QCOMPARE(body.value(u"name"_s).toString(), u"Ayşe Yılmaz"_s);

    // A batch: each event answered in order; one of a type no rule handles matches nothing.
    const Reply batch = post(compact(QJsonArray{incoming(u"evt-2"_s), incoming(u"evt-3"_s),
                                                incoming(u"evt-4"_s, u"contact.created"_s)}));
    QCOMPARE(batch.status, 202);
    const QJsonArray answers = batch.json.value(u"events"_s).toArray();
    QCOMPARE(answers.size(), 3);
    QCOMPARE(answers.at(1).toObject().value(u"id"_s).toString(), u"evt-3"_s);
    QCOMPARE(answers.at(2).toObject().value(u"matched"_s).toArray(), QJsonArray{});
    QCOMPARE(answers.at(2).toObject().value(u"deliveries"_s).toArray(), QJsonArray{});
    const QStringList batchIds = deliveriesOf(batch.json);
    QCOMPARE(batchIds.size(), 2);
    QVERIFY(caughtAll(batchIds, 10'000));

    // The operations endpoints and the metrics count what happened.
    QCOMPARE(get(u"/healthz"_s).status, 200);
    const Reply ready = get(u"/readyz"_s);
    QCOMPARE(ready.status, 200);
    QCOMPARE(ready.json.value(u"checks"_s).toObject().value(u"storage"_s).toString(), u"ok"_s);
    QVERIFY(waitUntil(
        [&] {
            return get(u"/metrics"_s)
                .body.contains("kanca_deliveries_total{outcome=\"succeeded\"} 3");
        },
        10'000));
    const QByteArray metrics = get(u"/metrics"_s).body;
    QVERIFY2(metrics.contains("kanca_events_accepted_total 4"), metrics.constData());
    QVERIFY(waitUntil([&] { return get(u"/metrics"_s).body.contains("kanca_outbox_pending 0"); },
                      5000)); // read from the outbox at most once a second
    QVERIFY(metrics.contains("kanca_rule_set_info{hash=\""));

    // One log line per accepted event and per finished delivery.
    QVERIFY(waitUntil([&] { return server->log(u"delivery.finished"_s).size() == 3; }, 5000));
    QCOMPARE(server->log(u"event.accepted"_s).size(), 4);

    server->signal(SIGTERM);
    QCOMPARE(server->waitForExit(15'000), 0);

    // The history knows every delivery, with the hash of the rule set that made it.
    QProcess history;
    history.start(QStringLiteral(KANCA_EXECUTABLE), {u"history"_s, u"--db"_s, m_db, u"--json"_s});
    QVERIFY(history.waitForFinished(20'000));
    const QJsonArray deliveries = QJsonDocument::fromJson(history.readAllStandardOutput()).array();
    QCOMPARE(deliveries.size(), 3);
    for (const QJsonValue &value : deliveries) {
        const QJsonObject d = value.toObject();
        QCOMPARE(d.value(u"status"_s).toString(), u"succeeded"_s);
        QCOMPARE(d.value(u"ruleSetHash"_s).toString().size(), 64);
    }

    // The events the server kept are what a backtest runs on.
    QProcess backtest;
    backtest.start(QStringLiteral(KANCA_EXECUTABLE),
                   {u"backtest"_s, m_ruleSet, u"--db"_s, m_db, u"--since"_s, u"1h"_s, u"--json"_s});
    QVERIFY(backtest.waitForFinished(20'000));
    QCOMPARE(backtest.exitCode(), 0);
    const QJsonObject report = QJsonDocument::fromJson(backtest.readAllStandardOutput()).object();
    QCOMPARE(report.value(u"events"_s).toInt(), 4);
    QCOMPARE(report.value(u"rules"_s).toArray().at(0).toObject().value(u"matched"_s).toInt(), 3);
}

void TestServe::errorStatuses()
{
    auto server = serve({u"--max-body"_s, u"2000"_s});
    QVERIFY2(server->running(), qPrintable(server->errors()));

    // 400: not JSON; an unknown type and a missing id, each with its pointer; nothing accepted.
    const Reply notJson = post("{\"type\": ");
    QCOMPARE(notJson.status, 400);
    QCOMPARE(notJson.json.value(u"error"_s).toString(), u"invalid"_s);
    QVERIFY(!notJson.json.value(u"problems"_s).toArray().isEmpty());

    QJsonObject noId = incoming(u"x"_s);
    noId.remove(u"id"_s);
    const Reply invalid =
        post(compact(QJsonArray{incoming(u"ok-1"_s), incoming(u"bad"_s, u"chat.nope"_s), noId}));
    QCOMPARE(invalid.status, 400);
    QStringList pointers;
    for (const QJsonValue &p : invalid.json.value(u"problems"_s).toArray())
        pointers.append(p.toObject().value(u"pointer"_s).toString());
    QVERIFY2(pointers.contains(u"/1/type"_s), qPrintable(pointers.join(u", "_s)));
    QVERIFY2(pointers.contains(u"/2"_s) || pointers.contains(u"/2/id"_s),
             qPrintable(pointers.join(u", "_s)));
    // The valid event of the rejected request was not accepted either: posting it now is new.
    QCOMPARE(post(compact(incoming(u"ok-1"_s))).status, 202);

    // 413: over --max-body; 415: not JSON by its content type; 404 and 405.
    QJsonObject big = incoming(u"big"_s);
    big.insert(u"contact"_s, QJsonObject{{u"fullname"_s, QString(3000, u'x')}});
    const Reply tooBig = post(compact(big));
    QCOMPARE(tooBig.status, 413);
    QCOMPARE(post(compact(incoming(u"text"_s)), {}, u"/v1/events"_s, "text/plain").status, 415);
    QCOMPARE(post(compact(incoming(u"where"_s)), {}, u"/v1/event"_s).status, 404);
    QCOMPARE(get(u"/v1/events"_s).status, 405);

    // The first of these requests was accepted, nothing else; rejections counted by reason.
    const QByteArray metrics = get(u"/metrics"_s).body;
    QVERIFY2(metrics.contains("kanca_events_accepted_total 1"), metrics.constData());
    QVERIFY(metrics.contains("kanca_requests_refused_total{reason=\"invalid\"} 2"));
    QVERIFY(metrics.contains("kanca_events_rejected_total{reason=\"invalid\"} 3"));
    QVERIFY(metrics.contains("kanca_requests_refused_total{reason=\"too_large\"} 1"));
    QVERIFY(metrics.contains("kanca_requests_refused_total{reason=\"unsupported_media_type\"} 1"));
    QVERIFY(server->running());
}

void TestServe::bearerAuth()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    const QString token =
        u"s3cr3t-ingest-token-%1"_s.arg(QUuid::createUuid().toString(QUuid::Id128));
    env.insert(u"KANCA_SECRET_INGEST"_s, token);
    auto server = serve({u"--token-secret"_s, u"INGEST"_s}, env);
    QVERIFY2(server->running(), qPrintable(server->errors()));

    QCOMPARE(post(compact(incoming(u"a-1"_s))).status, 401);
    QCOMPARE(
        post(compact(incoming(u"a-1"_s)), {{"Authorization", "Bearer guessed-token-1234"}}).status,
        401);
    QCOMPARE(post(compact(incoming(u"a-1"_s)), {{"Authorization", "Basic abc"}}).status, 401);
    QCOMPARE(
        post(compact(incoming(u"a-1"_s)), {{"Authorization", "Bearer " + token.toLatin1()}}).status,
        202);
    // The health endpoints stay open; the failures are counted and logged without the token.
    QCOMPARE(get(u"/healthz"_s).status, 200);
    QVERIFY(get(u"/metrics"_s)
                .body.contains("kanca_requests_refused_total{reason=\"unauthorized\"} 3"));
    QVERIFY(waitUntil([&] { return server->log(u"auth.refused"_s).size() == 3; }, 5000));
    QVERIFY(!server->errors().contains(token));
    QVERIFY(!server->errors().contains(u"guessed-token-1234"_s));
}

void TestServe::standardWebhooksAuth()
{
    const QByteArray key = "kanca-ingest-key-32-bytes-long!!";
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"KANCA_SECRET_PLATFORM"_s, u"whsec_"_s + QString::fromLatin1(key.toBase64()));
    auto server = serve({u"--verify-secret"_s, u"PLATFORM"_s}, env);
    QVERIFY2(server->running(), qPrintable(server->errors()));

    const auto signedHeaders = [&](const QByteArray &body, qint64 timestamp, const QByteArray &k) {
        const QByteArray id = "msg_" + QUuid::createUuid().toByteArray(QUuid::Id128);
        const QByteArray ts = QByteArray::number(timestamp);
        const QByteArray mac = QMessageAuthenticationCode::hash(id + '.' + ts + '.' + body, k,
                                                                QCryptographicHash::Sha256);
        return QList<QPair<QByteArray, QByteArray>>{{"webhook-id", id},
                                                    {"webhook-timestamp", ts},
                                                    {"webhook-signature", "v1," + mac.toBase64()}};
    };
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    const QByteArray body = compact(incoming(u"signed-1"_s));
    QCOMPARE(post(body).status, 401);                                          // unsigned
    QCOMPARE(post(body, signedHeaders(body, now, "another key")).status, 401); // wrong key
    QCOMPARE(post(body, signedHeaders(body, now - 6 * 60, key)).status, 401);  // stale
    QCOMPARE(post(body, signedHeaders(body, now + 6 * 60, key)).status, 401);  // from the future
    QCOMPARE(post(compact(incoming(u"other"_s)), signedHeaders(body, now, key)).status,
             401); // altered
    const Reply ok = post(body, signedHeaders(body, now, key));
    QCOMPARE(ok.status, 202);
    QVERIFY(caughtAll(deliveriesOf(ok.json), 10'000));
    QVERIFY(waitUntil([&] { return server->log(u"auth.refused"_s).size() == 5; }, 5000));
}

void TestServe::duplicateIsAcceptedOnceAcrossRestart()
{
    auto server = serve();
    QVERIFY2(server->running(), qPrintable(server->errors()));
    const Reply first = post(compact(incoming(u"once"_s)));
    QCOMPARE(first.status, 202);
    const QStringList ids = deliveriesOf(first.json);
    QVERIFY(caughtAll(ids, 10'000));

    const Reply again = post(compact(incoming(u"once"_s)));
    QCOMPARE(again.status, 200);
    QCOMPARE(deliveriesOf(again.json), ids);
    QCOMPARE(again.json.value(u"events"_s).toArray().at(0).toObject().value(u"status"_s).toString(),
             u"duplicate"_s);

    server->signal(SIGTERM);
    QCOMPARE(server->waitForExit(15'000), 0);
    server = serve();
    QVERIFY2(server->running(), qPrintable(server->errors()));

    // After the restart: still the original ids, in a batch with a new event (so 202).
    const Reply mixed = post(compact(QJsonArray{incoming(u"once"_s), incoming(u"fresh"_s)}));
    QCOMPARE(mixed.status, 202);
    const QJsonArray answers = mixed.json.value(u"events"_s).toArray();
    QCOMPARE(answers.at(0).toObject().value(u"status"_s).toString(), u"duplicate"_s);
    QCOMPARE(answers.at(0).toObject().value(u"deliveries"_s).toArray().at(0).toString(),
             ids.first());
    QVERIFY(caughtAll(deliveriesOf(mixed.json), 10'000));
    QTest::qWait(300);
    QCOMPARE(caughtByDelivery().value(ids.first()), 1); // sent once, whatever was posted
    QCOMPARE(m_catcher->requests().size(), 2);
}

void TestServe::reloadBySignalAndByFile()
{
    auto server = serve();
    QVERIFY2(server->running(), qPrintable(server->errors()));
    const QString firstHash =
        get(u"/readyz"_s).json.value(u"checks"_s).toObject().value(u"ruleSet"_s).toString();

    // SIGHUP: the new rules for events accepted from then on.
    writeRuleSet(ruleSet({webhook(m_catcher->url() + u"/second"_s)}));
    server->signal(SIGHUP);
    QVERIFY(waitUntil([&] { return !server->log(u"ruleset.reloaded"_s).isEmpty(); }, 10'000));
    const Reply second = post(compact(incoming(u"after-hup"_s)));
    QCOMPARE(second.status, 202);
    QVERIFY(caughtAll(deliveriesOf(second.json), 10'000));
    QCOMPARE(m_catcher->requests().constLast().request.path, u"/second"_s);
    const QString secondHash =
        get(u"/readyz"_s).json.value(u"checks"_s).toObject().value(u"ruleSet"_s).toString();
    QVERIFY(secondHash != firstHash);

    // A change of the file, no signal: reloaded too (the watcher may fire more than once).
    writeRuleSet(ruleSet({webhook(m_catcher->url() + u"/third"_s)}));
    QVERIFY(waitUntil([&] { return server->log(u"ruleset.reloaded"_s).size() >= 2; }, 10'000));
    const Reply third = post(compact(incoming(u"after-write"_s)));
    QVERIFY(caughtAll(deliveriesOf(third.json), 10'000));
    QCOMPARE(m_catcher->requests().constLast().request.path, u"/third"_s);
    const QByteArray metrics = get(u"/metrics"_s).body;
    QVERIFY(metrics.contains("kanca_reloads_total{result=\"success\"} "));
    QVERIFY(metrics.contains(secondHash.toLatin1()) || metrics.contains("kanca_rule_set_info"));
}

void TestServe::badReloadKeepsTheOldRules()
{
    // The receiver holds its answers a while, so the first delivery is still in the outbox when
    // the rule set changes: it keeps the request it was rendered with.
    m_catcher->setResponse({200, 800, {}, {}});
    auto server = serve();
    QVERIFY2(server->running(), qPrintable(server->errors()));
    const Reply before = post(compact(incoming(u"before"_s)));
    QCOMPARE(before.status, 202);

    // Invalid (an action without a URL) and then not JSON at all: both refused, old rules run.
    QJsonObject broken = webhook(m_catcher->url() + u"/broken"_s);
    broken.remove(u"url"_s);
    writeRuleSet(ruleSet({broken}));
    server->signal(SIGHUP);
    QVERIFY(waitUntil([&] { return !server->log(u"ruleset.reload_failed"_s).isEmpty(); }, 10'000));
    const QJsonObject failure = server->log(u"ruleset.reload_failed"_s).constFirst();
    QVERIFY2(QJsonDocument(failure).toJson().contains("/rules/0/then/0"),
             QJsonDocument(failure).toJson().constData());

    writeRuleSet("{ not json");
    server->signal(SIGHUP);
    QVERIFY(waitUntil([&] { return server->log(u"ruleset.reload_failed"_s).size() >= 2; }, 10'000));
    QVERIFY(server->running());
    QCOMPARE(get(u"/readyz"_s).status, 200);

    const Reply after = post(compact(incoming(u"after"_s)));
    QCOMPARE(after.status, 202);
    QVERIFY(caughtAll(deliveriesOf(before.json) + deliveriesOf(after.json), 15'000));
    for (const CaughtRequest &c : m_catcher->requests())
        QCOMPARE(c.request.path, u"/hook"_s);
    QVERIFY(get(u"/metrics"_s).body.contains("kanca_reloads_total{result=\"failure\"} "));
}

void TestServe::drainFinishesInFlightAndAnswers503()
{
    m_catcher->setResponse({200, 2000, {}, {}}); // each answer after 2 s
    auto server = serve({u"--grace-ms"_s, u"10000"_s});
    QVERIFY2(server->running(), qPrintable(server->errors()));
    const Reply accepted = post(compact(incoming(u"in-flight"_s)));
    QCOMPARE(accepted.status, 202);
    QVERIFY(waitUntil([&] { return m_catcher->caughtCount() == 1; }, 10'000));

    server->signal(SIGTERM);
    QVERIFY(waitUntil([&] { return !server->log(u"server.draining"_s).isEmpty(); }, 5000));
    const Reply ready = get(u"/readyz"_s);
    QCOMPARE(ready.status, 503);
    QCOMPARE(ready.json.value(u"checks"_s).toObject().value(u"draining"_s).toBool(), true);
    const Reply refused = post(compact(incoming(u"too-late"_s)));
    QCOMPARE(refused.status, 503);
    QCOMPARE(refused.json.value(u"error"_s).toString(), u"draining"_s);

    QCOMPARE(server->waitForExit(15'000), 0);
    HistoryDatabase history;
    QString error;
    QVERIFY2(history.open(m_db, &error), qPrintable(error));
    // The attempt in flight finished; the refused event was not stored.
    QCOMPARE(history.delivery(deliveriesOf(accepted.json).first())->status,
             DeliveryStatus::Succeeded);
    const auto stored = history.events({}, {}, 0, 0, &error);
    QVERIFY2(stored, qPrintable(error));
    QCOMPARE(stored->size(), 1);
    QCOMPARE(stored->constFirst().id, u"in-flight"_s);
}

void TestServe::drainLeavesTheRestForTheNextStart()
{
    m_catcher->setResponse({200, 4000, {}, {}});
    auto server = serve({u"--grace-ms"_s, u"300"_s});
    QVERIFY2(server->running(), qPrintable(server->errors()));
    const Reply accepted = post(compact(incoming(u"slow"_s)));
    QCOMPARE(accepted.status, 202);
    QVERIFY(waitUntil([&] { return m_catcher->caughtCount() == 1; }, 10'000));
    server->signal(SIGTERM);
    QCOMPARE(server->waitForExit(3000), 0); // the grace, not the receiver, bounds the stop
    QVERIFY(!server->log(u"server.grace_over"_s).isEmpty());

    // The next start sends it again (same delivery id), and then it succeeds.
    m_catcher->setResponse({});
    server = serve();
    QVERIFY2(server->running(), qPrintable(server->errors()));
    const QString id = deliveriesOf(accepted.json).first();
    QVERIFY(waitUntil([&] { return caughtByDelivery().value(id) == 2; }, 15'000));
    server->signal(SIGTERM);
    QCOMPARE(server->waitForExit(15'000), 0);
    HistoryDatabase history;
    QString error;
    QVERIFY2(history.open(m_db, &error), qPrintable(error));
    QCOMPARE(history.delivery(id)->status, DeliveryStatus::Succeeded);
}

void TestServe::breakerKeepsOtherHostsFlowing()
{
    // Every event goes to a receiver that is down (a closed port: another destination to the
    // breaker, which keys on scheme, host and port) and to the catcher.
    const QString down = u"http://127.0.0.1:%1/down"_s.arg(closedPort());
    m_ruleSet = writeRuleSet(ruleSet({webhook(down, 8), webhook(m_catcher->url() + u"/up"_s, 3)}));
    auto server = serve({u"--breaker"_s, u"3"_s});
    QVERIFY2(server->running(), qPrintable(server->errors()));

    QStringList upIds;
    for (int i = 0; i < 40; ++i) {
        QJsonArray batch;
        for (int j = 0; j < 5; ++j)
            batch.append(incoming(u"b-%1-%2"_s.arg(i).arg(j)));
        const Reply r = post(compact(batch));
        QCOMPARE(r.status, 202);
        for (const QJsonValue &e : r.json.value(u"events"_s).toArray())
            upIds.append(e.toObject().value(u"deliveries"_s).toArray().at(1).toString());
    }
    // All 200 healthy deliveries arrive while the other host's circuit is open.
    QVERIFY(caughtAll(upIds, 20'000));
    const QByteArray openSeries =
        "kanca_circuit_state{destination=\"" + down.left(down.lastIndexOf(u'/')).toUtf8() + "\"} 1";
    QVERIFY(waitUntil([&] { return get(u"/metrics"_s).body.contains(openSeries); }, 5000));
    const QByteArray metrics = get(u"/metrics"_s).body;
    QVERIFY(!server->log(u"circuit.open"_s).isEmpty());
    // The down host got a handful of attempts, not 200 × 8.
    QVERIFY(m_catcher->requests().size() == 200);
    const QRegularExpression attempts(uR"(kanca_attempts_total\{status_class="none"\} (\d+))"_s);
    const auto m = attempts.match(QString::fromLatin1(metrics));
    QVERIFY2(m.hasMatch(), metrics.constData());
    qInfo("attempts to the receiver that is down: %s", qPrintable(m.captured(1)));
    QVERIFY2(m.captured(1).toInt() <= 10, qPrintable(m.captured(0)));
}

void TestServe::slowAndIdleClients()
{
    auto server = serve();
    QVERIFY2(server->running(), qPrintable(server->errors()));

    // 1,000 idle connections do not keep a well-behaved client out.
    std::vector<std::unique_ptr<QTcpSocket>> idle;
    for (int i = 0; i < 1000; ++i) {
        idle.push_back(std::make_unique<QTcpSocket>());
        idle.back()->connectToHost(QHostAddress::LocalHost, m_port);
    }
    QVERIFY(waitUntil(
        [&] {
            return std::all_of(idle.begin(), idle.end(), [](const auto &s) {
                return s->state() == QAbstractSocket::ConnectedState;
            });
        },
        20'000));
    const Reply served = post(compact(incoming(u"among-idle"_s)));
    QCOMPARE(served.status, 202);
    idle.clear();

    // A client that sends its head one byte every second is answered 408 and dropped at the
    // head deadline (10 s), whatever it does.
    QTcpSocket drip;
    drip.connectToHost(QHostAddress::LocalHost, m_port);
    QVERIFY(waitUntil([&] { return drip.state() == QAbstractSocket::ConnectedState; }, 5000));
    const QByteArray head =
        "POST /v1/events HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n";
    QElapsedTimer clock;
    clock.start();
    int sent = 0;
    QByteArray answer;
    waitUntil(
        [&] {
            answer += drip.readAll();
            if (drip.state() == QAbstractSocket::UnconnectedState)
                return true;
            if (clock.elapsed() >= sent * 1000 && sent < head.size())
                drip.write(head.mid(sent++, 1));
            return false;
        },
        20'000);
    answer += drip.readAll();
    QVERIFY2(answer.startsWith("HTTP/1.1 408"), answer.constData());
    QVERIFY(clock.elapsed() < 15'000);
    QVERIFY(server->running());
    QCOMPARE(post(compact(incoming(u"after-drip"_s))).status, 202);
}

void TestServe::smugglingShapesAreRefused()
{
    auto server = serve();
    QVERIFY2(server->running(), qPrintable(server->errors()));
    const QByteArray body = compact(incoming(u"smuggled"_s));
    const QByteArray both =
        "POST /v1/events HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
        "Content-Length: "
        + QByteArray::number(body.size()) + "\r\nTransfer-Encoding: chunked\r\n\r\n" + body;
    QVERIFY(rawExchange(both).startsWith("HTTP/1.1 400"));
    const QByteArray twoLengths =
        "POST /v1/events HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
        "Content-Length: 5\r\nContent-Length: "
        + QByteArray::number(body.size()) + "\r\n\r\n" + body;
    QVERIFY(rawExchange(twoLengths).startsWith("HTTP/1.1 400"));
    const QByteArray hugeHeader =
        "GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: " + QByteArray(200'000, 'a') + "\r\n\r\n";
    const QByteArray refused = rawExchange(hugeHeader);
    QVERIFY2(refused.startsWith("HTTP/1.1 431") || refused.startsWith("HTTP/1.1 400"),
             refused.left(40).constData());
    QVERIFY(server->running());
    QVERIFY(!server->log(u"http.refused"_s).isEmpty());
    QCOMPARE(post(body).status, 202); // nothing of the smuggled requests was accepted
}

void TestServe::refusesToStart_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QByteArray>("ruleSetJson");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("message");

    QJsonObject noUrl = webhook(u"http://127.0.0.1:9/x"_s);
    noUrl.remove(u"url"_s);
    QJsonObject secretAuth = webhook(u"http://127.0.0.1:9/x"_s);
    secretAuth.insert(u"auth"_s,
                      QJsonObject{{u"type"_s, u"bearer"_s},
                                  {u"token"_s, QJsonObject{{u"secret"_s, u"NOT_SET_ANYWHERE"_s}}}});
    const QByteArray good = ruleSet({webhook(u"http://127.0.0.1:9/x"_s)});
    QTest::newRow("invalid rule set")
        << QStringList{} << ruleSet({noUrl}) << 1 << u"/rules/0/then/0"_s;
    QTest::newRow("not JSON") << QStringList{} << QByteArray("{\"format\": ") << 1
                              << u"rules.kanca.json:"_s;
    QTest::newRow("secret of an action not set")
        << QStringList{} << ruleSet({secretAuth}) << 1 << u"NOT_SET_ANYWHERE"_s;
    QTest::newRow("ingest secret not set") << QStringList{u"--token-secret"_s, u"MISSING_TOKEN"_s}
                                           << good << 1 << u"KANCA_SECRET_MISSING_TOKEN"_s;
    QTest::newRow("reachable without auth")
        << QStringList{u"--listen"_s, u"0.0.0.0:0"_s} << good << 1 << u"--token-secret"_s;
    QTest::newRow("bad listen") << QStringList{u"--listen"_s, u"nowhere:port"_s} << good << 2
                                << u"--listen"_s;
    QTest::newRow("bad number") << QStringList{u"--max-body"_s, u"lots"_s} << good << 2
                                << u"--max-body"_s;
    QTest::newRow("half TLS") << QStringList{u"--tls-cert"_s, u"cert.pem"_s} << good << 2
                              << u"--tls-key"_s;
}

void TestServe::refusesToStart()
{
    QFETCH(QStringList, arguments);
    QFETCH(QByteArray, ruleSetJson);
    QFETCH(int, exitCode);
    QFETCH(QString, message);
    const QString file = writeRuleSet(ruleSetJson);
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"LC_ALL"_s, u"C.UTF-8"_s);
    process.setProcessEnvironment(env);
    const QStringList all =
        QStringList{u"serve"_s, file, u"--db"_s, m_db, u"--listen"_s, u"127.0.0.1:0"_s} + arguments;
    process.start(QStringLiteral(KANCA_EXECUTABLE), all);
    QVERIFY(process.waitForFinished(20'000));
    const QString err = QString::fromUtf8(process.readAllStandardError());
    requireExplainedExit(all, process.exitCode(), err);
    QCOMPARE(process.exitCode(), exitCode);
    QVERIFY2(err.contains(message), qPrintable(err));
    QVERIFY(process.readAllStandardOutput().isEmpty()); // never said it listens
}

void TestServe::chaosKillAndRestartLosesNothing()
{
    // Two actions per event, the receiver a little slow, so that the kill finds deliveries in
    // every state: committed and not claimed, claimed and in flight, finished.
    m_catcher->setResponse({200, 5, {}, {}});
    m_ruleSet = writeRuleSet(ruleSet(
        {webhook(m_catcher->url() + u"/a"_s, 10), webhook(m_catcher->url() + u"/b"_s, 10)}));
    auto server = serve();
    QVERIFY2(server->running(), qPrintable(server->errors()));

    // 2,000 single-event requests in flight together (Qt opens 6 connections; the rest queue).
    constexpr int Events = 2000;
    QStringList acknowledged; // delivery ids of the events answered 202 or 200
    int answered = 0;
    int failed = 0;
    std::vector<QNetworkReply *> replies;
    const QUrl url(u"http://127.0.0.1:%1/v1/events"_s.arg(m_port));
    for (int i = 0; i < Events; ++i) {
        QNetworkRequest request(url);
        request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
        QNetworkReply *reply = m_network.post(request, compact(incoming(u"chaos-%1"_s.arg(i))));
        connect(reply, &QNetworkReply::finished, this, [&, reply] {
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            if (status == 202 || status == 200)
                acknowledged += deliveriesOf(QJsonDocument::fromJson(reply->readAll()).object());
            else
                ++failed;
            ++answered;
        });
        replies.push_back(reply);
    }
    // Kill it part-way: some events acknowledged, some deliveries received, many not yet.
    QVERIFY(waitUntil([&] { return answered >= Events / 3; }, 60'000));
    server->kill();
    QVERIFY(waitUntil([&] { return answered == Events; }, 30'000));
    const int acknowledgedAtKill = int(acknowledged.size());
    QVERIFY2(acknowledgedAtKill >= Events / 3 * 2, "about a third of the events acknowledged");
    QVERIFY2(failed > 0, "the kill came before every event was posted");
    const int receivedAtKill = int(m_catcher->caughtCount());
    qInfo("at the kill: %d deliveries acknowledged, %d requests received", acknowledgedAtKill,
          receivedAtKill);

    server = serve();
    QVERIFY2(server->running(), qPrintable(server->errors()));
    QVERIFY(caughtAll(acknowledged, 120'000));
    const QHash<QString, int> caught = caughtByDelivery();
    int repeats = 0;
    for (const QString &id : std::as_const(acknowledged))
        repeats += caught.value(id) - 1;
    qInfo("after the restart: every acknowledged delivery received; %d received twice", repeats);
    for (QNetworkReply *reply : replies)
        reply->deleteLater();
    server->signal(SIGTERM);
    QCOMPARE(server->waitForExit(15'000), 0);

    // Only attempts in flight at the kill repeat: each delivery received twice has an attempt
    // recorded as interrupted (started, its answer never recorded), and there are at most as
    // many of those as attempts could be in flight (6 per host) plus answered but not yet
    // recorded (results are committed in groups).
    HistoryDatabase history;
    QString error;
    QVERIFY2(history.open(m_db, &error), qPrintable(error));
    int interrupted = 0;
    for (const QString &id : std::as_const(acknowledged)) {
        const QList<Attempt> attempts = history.attempts(id, &error);
        const bool wasInterrupted =
            std::any_of(attempts.begin(), attempts.end(),
                        [](const Attempt &a) { return a.error.startsWith(u"Interrupted"_s); });
        interrupted += wasInterrupted ? 1 : 0;
        if (caught.value(id) > 1)
            QVERIFY2(wasInterrupted, qPrintable(id + u" was sent twice without an interruption"_s));
    }
    QVERIFY2(interrupted <= MaxInterrupted, qPrintable(QString::number(interrupted)));
}

// The fleet chaos test. Three servers share one PostgreSQL database; 3,000 events are posted to
// them in turn, at most 24 at a time, by a client that posts an event the server refused (or
// could not answer) again to the next server, as a load balancer would. Part-way, one server is
// SIGKILLed (and started again later, on a new port), PostgreSQL is restarted (pg_ctl restart -m
// fast: every connection cut, new ones refused for a moment), and another server is SIGTERMed
// and drains. Then:
//  - every event is acknowledged (by some server, perhaps after refusals by others);
//  - every acknowledged delivery arrives at least once, and the outbox empties: nothing stays
//    pending, the killed server's claims included (on this machine they are taken over as soon
//    as its process is gone; elsewhere when their leases, 60 s, run out);
//  - a delivery that arrives twice has an attempt recorded as interrupted, and there are no
//    more of those than the killed server could have had in flight (MaxInterrupted: the
//    restart of the database interrupts nothing, results wait in memory for the connection);
//  - what was acknowledged before the database restarted is there after it, and delivered;
//  - the servers that stopped cleanly removed their rows from the table of workers; the killed
//    one's stays (gone).
void TestServe::fleetChaosLosesNothing()
{
    QString why;
    if (!PostgresTestDatabase::baseUrl(&why)) {
        if (PostgresTestDatabase::required())
            QFAIL(qPrintable(u"PostgreSQL is required: "_s + why));
        QSKIP(qPrintable(why));
    }
    QElapsedTimer clock;
    clock.start();
    OwnCluster cluster;
    QVERIFY2(cluster.start(m_dir->path(), &why), qPrintable(why));
    const qint64 clusterMs = clock.elapsed();

    m_catcher->setResponse({200, 5, {}, {}});
    m_ruleSet = writeRuleSet(ruleSet({webhook(m_catcher->url() + u"/a"_s, 10)}));
    m_db = cluster.url();
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"PGPASSWORD"_s, cluster.password());
    std::vector<std::unique_ptr<Serve>> fleet;
    QList<quint16> ports;
    for (int i = 0; i < 3; ++i) {
        fleet.push_back(serve({}, env));
        QVERIFY2(fleet.back()->running(), qPrintable(fleet.back()->errors()));
        ports.append(fleet.back()->port());
    }
    const qint64 killedPid = fleet.at(1)->pid();

    constexpr int Events = 3000;
    constexpr int Window = 24;    // events being posted at once
    constexpr int RetryMs = 100;  // before a refused event is posted to the next server
    constexpr int MaxTries = 300; // 30 s of refusals at least: far longer than any outage here
    QList<QStringList> deliveries(Events); // of each acknowledged event
    QList<int> tries(Events, 0);
    int started = 0;
    int open = 0;
    int acknowledged = 0;
    int refusals = 0;
    int givenUp = 0;
    // The context of every reply and timer below: gone before the variables they use, should
    // the test end early.
    QObject scope;
    std::function<void()> pump;
    std::function<void(int, int)> post = [&](int i, int target) {
        ++tries[i];
        QNetworkRequest request(QUrl(u"http://127.0.0.1:%1/v1/events"_s.arg(ports.at(target))));
        request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
        QNetworkReply *reply = m_network.post(request, compact(incoming(u"fleet-%1"_s.arg(i))));
        connect(reply, &QNetworkReply::finished, &scope, [&, reply, i, target] {
            reply->deleteLater();
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            if (status == 202 || status == 200) {
                deliveries[i] = deliveriesOf(QJsonDocument::fromJson(reply->readAll()).object());
                ++acknowledged;
                --open;
                pump();
                return;
            }
            ++refusals;
            if (tries[i] >= MaxTries) {
                ++givenUp;
                --open;
                pump();
                return;
            }
            QTimer::singleShot(RetryMs, &scope, [&, i, target] { post(i, (target + 1) % 3); });
        });
    };
    pump = [&] {
        while (open < Window && started < Events) {
            ++open;
            const int i = started++;
            post(i, i % 3);
        }
    };
    const auto settled = [&] { return acknowledged + givenUp; };
    pump();

    // The kill: one server gone at once, whatever it was doing.
    QVERIFY(waitUntil([&] { return settled() >= Events / 5; }, 60'000));
    fleet.at(1)->kill();
    const int acknowledgedAtKill = acknowledged;
    const int receivedAtKill = int(m_catcher->caughtCount());

    // The database restarts under everyone.
    QVERIFY(waitUntil([&] { return settled() >= 2 * Events / 5; }, 60'000));
    QList<int> acknowledgedBeforeRestart;
    for (int i = 0; i < Events; ++i) {
        if (!deliveries.at(i).isEmpty())
            acknowledgedBeforeRestart.append(i);
    }
    cluster.beginRestart();
    QVERIFY(waitUntil([&] { return !cluster.restarting(); }, 90'000));
    QVERIFY2(cluster.restartExitCode() == 0, qPrintable(cluster.restartOutput()));
    const int acknowledgedAtRestart = int(acknowledgedBeforeRestart.size());

    // The killed server comes back (on a new port), and another one is stopped.
    QVERIFY(waitUntil([&] { return settled() >= 3 * Events / 5; }, 60'000));
    fleet.at(1) = serve({}, env);
    QVERIFY2(fleet.at(1)->running(), qPrintable(fleet.at(1)->errors()));
    ports[1] = fleet.at(1)->port();
    QVERIFY(waitUntil([&] { return settled() >= 4 * Events / 5; }, 60'000));
    fleet.at(2)->signal(SIGTERM);

    QVERIFY(waitUntil([&] { return settled() == Events; }, 120'000));
    QCOMPARE(givenUp, 0);
    QCOMPARE(fleet.at(2)->waitForExit(30'000), 0); // drained, nothing cut short
    // The database's restart cost no server its outbox: each waited for the connection.
    for (const std::unique_ptr<Serve> &server : fleet) {
        const QList<QJsonObject> failed = server->log(u"storage.failed"_s);
        QVERIFY2(failed.isEmpty(),
                 failed.isEmpty() ? "" : QJsonDocument(failed.first()).toJson().constData());
    }
    QStringList all;
    for (const QStringList &ids : std::as_const(deliveries))
        all += ids;
    QCOMPARE(all.size(), qsizetype(Events)); // one action each
    QVERIFY2(caughtAll(all, 90'000), "every acknowledged delivery arrives");
    const qint64 deliveredMs = clock.elapsed();

    // The killed server's claims: taken over once its process is gone; an attempt it had sent
    // is sent again (recorded as interrupted), so wait for the outbox to empty before counting.
    PostgresStore store;
    QString error;
    const std::optional<PostgresUrl> parsed = PostgresUrl::parse(cluster.urlWithPassword(), &error);
    QVERIFY2(parsed && store.open(*parsed, &error), qPrintable(error));
    QElapsedTimer sinceAsked;
    QVERIFY2(waitUntil(
                 [&] {
                     if (sinceAsked.isValid() && sinceAsked.elapsed() < 200)
                         return false; // ask the database five times a second, not a thousand
                     sinceAsked.start();
                     const std::optional<Outbox::Depth> depth = store.depth(&error);
                     return depth && depth->pending == 0;
                 },
                 90'000),
             "nothing stays pending");
    const qint64 emptyMs = clock.elapsed();
    for (int i : {0, 1}) {
        fleet.at(i)->signal(SIGTERM);
        QCOMPARE(fleet.at(i)->waitForExit(30'000), 0);
    }
    for (const auto &server : fleet)
        QVERIFY2(!server->errors().contains(u"storage.failed"_s), qPrintable(server->errors()));

    const QHash<QString, int> caught = caughtByDelivery();
    int repeats = 0;
    int interrupted = 0;
    for (const QString &id : std::as_const(all)) {
        repeats += caught.value(id) - 1;
        const QList<Attempt> attempts = store.attempts(id, &error);
        const bool wasInterrupted =
            std::any_of(attempts.begin(), attempts.end(),
                        [](const Attempt &a) { return a.error.startsWith(u"Interrupted"_s); });
        interrupted += wasInterrupted ? 1 : 0;
        if (caught.value(id) > 1)
            QVERIFY2(wasInterrupted, qPrintable(id + u" was sent twice without an interruption"_s));
        const std::optional<Delivery> delivery = store.delivery(id, &error);
        QVERIFY2(delivery && delivery->status == DeliveryStatus::Succeeded, qPrintable(id));
    }
    // Acknowledged before the restart: still there after it (checked above with every other
    // delivery), and their events too.
    const std::optional<QList<EventStore::StoredEvent>> stored = store.events({}, {}, 0, 0, &error);
    QVERIFY2(stored, qPrintable(error));
    QSet<QString> storedIds;
    for (const EventStore::StoredEvent &event : *stored)
        storedIds.insert(event.id);
    for (int i : std::as_const(acknowledgedBeforeRestart))
        QVERIFY2(storedIds.contains(u"fleet-%1"_s.arg(i)), qPrintable(QString::number(i)));
    QCOMPARE(storedIds.size(), qsizetype(Events));

    // The table of workers: the clean stops removed themselves; the killed server's row stays.
    const std::optional<QList<WorkerRegistry::Worker>> workers = store.workers(&error);
    QVERIFY2(workers, qPrintable(error));
    QCOMPARE(workers->size(), qsizetype(1));
    QCOMPARE(workers->first().pid, killedPid);

    qInfo("cluster started in %lld ms; %d events acknowledged (%d refusals posted again "
          "elsewhere); at the kill %d acknowledged and %d received; %d acknowledged before the "
          "database restart",
          clusterMs, acknowledged, refusals, acknowledgedAtKill, receivedAtKill,
          acknowledgedAtRestart);
    qInfo("every delivery received after %lld ms, the outbox empty after %lld ms; %d received "
          "twice, %d attempts recorded as interrupted (at most %d)",
          deliveredMs, emptyMs, repeats, interrupted, MaxInterrupted);
    QVERIFY2(interrupted <= MaxInterrupted, qPrintable(QString::number(interrupted)));
    QCOMPARE(store.depth(&error)->pending, qint64(0));
    store.close();
}

// `kanca fleet`: two servers with different rule sets are listed with their hashes and the
// roll-out warning; the warning goes when the second reloads the first's file; a killed server
// is shown gone, a server on another machine that stopped reporting stale, and a clean stop
// removes its row. A SQLite history is refused with why, without creating the file.
void TestServe::fleetListsWorkersAndRuleSets()
{
    KANCA_POSTGRES_DATABASE(url, u"kanca_tst_fleet_list"_s);
    m_db = url;
    const QString first =
        writeRuleSet(ruleSet({webhook(m_catcher->url() + u"/a"_s)}), u"first.kanca.json"_s);
    const QString second =
        writeRuleSet(ruleSet({webhook(m_catcher->url() + u"/b"_s)}), u"second.kanca.json"_s);
    const QString firstHash = sha256Of(first);
    const QString secondHash = sha256Of(second);
    QVERIFY(firstHash != secondHash);
    m_ruleSet = first;
    auto one = serve();
    QVERIFY2(one->running(), qPrintable(one->errors()));
    m_ruleSet = second;
    auto two = serve();
    QVERIFY2(two->running(), qPrintable(two->errors()));
    // /metrics shows the hash `kanca fleet` shows.
    m_port = one->port();
    QVERIFY(get(u"/metrics"_s)
                .body.contains(
                    QByteArray("kanca_rule_set_info{hash=\"" + firstHash.toLatin1() + "\"} 1\n")));

    Run run = runKanca({u"fleet"_s, u"--db"_s, url});
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.out.contains(one->url()) && run.out.contains(two->url()), qPrintable(run.out));
    QVERIFY2(run.out.contains(firstHash.left(12)) && run.out.contains(secondHash.left(12)),
             qPrintable(run.out));
    QVERIFY2(run.out.contains(u"2 rule sets in the fleet: a half-finished roll-out?"_s),
             qPrintable(run.out));
    QVERIFY2(run.out.contains(u"/%1 "_s.arg(one->pid())), qPrintable(run.out));
    QCOMPARE(run.out.count(u"running"_s), qsizetype(2));
    QVERIFY2(!run.out.contains(u"PGPASSWORD"_s), qPrintable(run.out));
    // The table's last column, the state, starts where its heading does on every worker's line.
    const QStringList lines = run.out.split(u'\n');
    const qsizetype stateAt = lines.first().indexOf(u"STATE"_s);
    QVERIFY2(lines.first().startsWith(u"WORKER"_s) && stateAt > 0, qPrintable(run.out));
    for (const QString &line : lines.mid(1, 2))
        QVERIFY2(line.mid(stateAt) == u"running"_s, qPrintable(run.out));

    const auto fleetJson = [&] {
        const Run json = runKanca({u"fleet"_s, u"--db"_s, url, u"--json"_s});
        if (json.exitCode != 0)
            qWarning("kanca fleet --json: %d %s", json.exitCode, qPrintable(json.err));
        return QJsonDocument::fromJson(json.out.toUtf8()).object();
    };
    QJsonObject listed = fleetJson();
    QJsonArray workers = listed.value(u"workers"_s).toArray();
    QCOMPARE(workers.size(), qsizetype(2));
    QCOMPARE(listed.value(u"ruleSets"_s).toArray().size(), qsizetype(2));
    for (const QJsonValue &value : std::as_const(workers)) {
        const QJsonObject worker = value.toObject();
        const bool isOne = worker.value(u"pid"_s).toInteger() == one->pid();
        QCOMPARE(worker.value(u"address"_s).toString(), isOne ? one->url() : two->url());
        QCOMPARE(worker.value(u"ruleSetHash"_s).toString(), isOne ? firstHash : secondHash);
        QCOMPARE(worker.value(u"state"_s).toString(), u"running"_s);
        QVERIFY(worker.value(u"heartbeatAgeMs"_s).toInteger() < 30'000);
        QVERIFY(worker.value(u"id"_s).toString().contains(
            u"/%1/"_s.arg(worker.value(u"pid"_s).toInteger())));
    }

    // The roll-out finishes: the second server's file becomes the first's; it reloads and
    // reports at once.
    QFile::remove(second);
    QVERIFY(QFile::copy(first, second));
    QVERIFY(
        waitUntil([&] { return fleetJson().value(u"ruleSets"_s).toArray().size() == 1; }, 15'000));
    run = runKanca({u"fleet"_s, u"--db"_s, url});
    QVERIFY2(run.out.contains(u"2 running workers, all on the rule set %1."_s.arg(firstHash)),
             qPrintable(run.out));
    QVERIFY2(!run.out.contains(u"roll-out"_s), qPrintable(run.out));

    // A worker of another machine that stopped reporting a minute ago: stale, left out of the
    // rule sets.
    QString error;
    QVERIFY2(
        PostgresTestDatabase::exec(
            url,
            {u"INSERT INTO workers (id, host, pid, address, rule_set_hash, version, "
             u"started_at, heartbeat_at) VALUES ('elsewhere.example/42/x', "
             u"'elsewhere.example', 42, 'http://10.0.0.9:8410', '%1', '0.0.1', "
             u"CAST(extract(epoch FROM now()) * 1000 AS bigint) - 120000, "
             u"CAST(extract(epoch FROM now()) * 1000 AS bigint) - 60000)"_s.arg(QString(64, u'c'))},
            &error),
        qPrintable(error));
    run = runKanca({u"fleet"_s, u"--db"_s, url});
    QVERIFY2(run.out.contains(u"elsewhere.example/42"_s) && run.out.contains(u"stale"_s),
             qPrintable(run.out));
    QVERIFY2(run.out.contains(u"1 worker stale"_s), qPrintable(run.out));
    QVERIFY2(!run.out.contains(u"roll-out"_s), qPrintable(run.out));

    // Killed: its row stays, gone (its process is known gone on this machine). Stopped: its
    // row is removed.
    const qint64 onePid = one->pid();
    const qint64 twoPid = two->pid();
    two->kill();
    one->signal(SIGTERM);
    QCOMPARE(one->waitForExit(15'000), 0);
    // KANCA_DB names the database as --db does.
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"KANCA_DB"_s, url);
    run = runKanca({u"fleet"_s}, env);
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.out.contains(u"/%1 "_s.arg(twoPid)) && run.out.contains(u"gone"_s),
             qPrintable(run.out));
    QVERIFY2(!run.out.contains(u"/%1 "_s.arg(onePid)), qPrintable(run.out));
    QVERIFY2(run.out.contains(u"1 worker gone"_s), qPrintable(run.out));
    QVERIFY2(run.out.contains(u"No worker is running."_s), qPrintable(run.out));
    listed = fleetJson();
    QCOMPARE(listed.value(u"workers"_s).toArray().size(), qsizetype(2));
    QCOMPARE(listed.value(u"ruleSets"_s).toArray().size(), qsizetype(0));

    // SQLite: no fleet, and no file made for asking.
    const QString file = m_dir->filePath(u"none.sqlite"_s);
    run = runKanca({u"fleet"_s, u"--db"_s, file});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains(u"PostgreSQL"_s) && run.err.contains(file), qPrintable(run.err));
    QVERIFY(!QFile::exists(file));
    run = runKanca({u"fleet"_s, u"extra"_s});
    QCOMPARE(run.exitCode, 2);
    run = runKanca({u"help"_s, u"fleet"_s});
    QCOMPARE(run.exitCode, 0);
    QVERIFY(run.out.startsWith(u"Usage: kanca fleet"_s));
    PostgresTestDatabase::drop(u"kanca_tst_fleet_list"_s);
}

// Three servers, --per-host 4, one slow receiver: the events are posted to the three in turn,
// so each holds deliveries to it; at no moment does the receiver have more than 4 requests open,
// and it does have 4 (the fleet uses the limit, it does not starve it).
void TestServe::fleetKeepsThePerHostLimit()
{
    KANCA_POSTGRES_DATABASE(url, u"kanca_tst_fleet_limit"_s);
    SlowReceiver receiver(150);
    QVERIFY(receiver.listen());
    m_ruleSet = writeRuleSet(ruleSet({webhook(receiver.url() + u"/slow"_s, 3)}));
    m_db = url;
    std::vector<std::unique_ptr<Serve>> fleet;
    const QString failed = startFleet(fleet, 3, {u"--per-host"_s, u"4"_s});
    QVERIFY2(failed.isEmpty(), qPrintable(failed));
    QList<quint16> ports;
    for (const auto &server : fleet)
        ports.append(server->port());
    constexpr int Events = 120;
    EventPoster poster(m_network);
    for (int i = 0; i < Events; ++i)
        poster.post(ports.at(i % 3), u"limit-%1"_s.arg(i));
    QVERIFY(waitUntil([&] { return poster.answered() == Events; }, 60'000));
    const QStringList acknowledged = poster.acknowledged();
    QCOMPARE(acknowledged.size(), qsizetype(Events));
    QElapsedTimer clock;
    clock.start();
    QVERIFY2(waitUntil([&] { return receiver.receivedAll(acknowledged); }, 120'000),
             "every delivery arrives");
    qInfo("%d requests to the slow receiver in %lld ms; at most %d open at once (the limit: 4, "
          "three servers)",
          receiver.received(), qint64(clock.elapsed()), receiver.mostOpen());
    QVERIFY2(receiver.mostOpen() <= 4, qPrintable(QString::number(receiver.mostOpen())));
    QCOMPARE(receiver.mostOpen(), 4);
    for (auto &server : fleet) {
        server->signal(SIGTERM);
        QCOMPARE(server->waitForExit(15'000), 0);
    }
    // Every slot went back with its server.
    QString error;
    QVERIFY2(PostgresTestDatabase::exec(url,
                                        {u"DO $$ BEGIN IF (SELECT count(*) FROM "
                                         u"destination_slots) > 0 THEN RAISE EXCEPTION "
                                         u"'slots left held'; END IF; END $$"_s},
                                        &error),
             qPrintable(error));
    PostgresTestDatabase::drop(u"kanca_tst_fleet_limit"_s);
}

// Two servers, --per-host 2, a slow receiver. The first, alone with work for it, holds both of
// its slots and starts attempts ahead (more than two started, never more than two on the wire);
// once the second has work for it too, slots go to the second as the first's attempts end; then,
// with work for both at once, each holding one slot starts an attempt ahead of it (both with two
// started at once). Never are more than two requests open at the receiver.
void TestServe::fleetStartsAheadWithinItsSlots()
{
    KANCA_POSTGRES_DATABASE(url, u"kanca_tst_fleet_ahead"_s);
    SlowReceiver receiver(100);
    QVERIFY(receiver.listen());
    m_ruleSet = writeRuleSet(ruleSet({webhook(receiver.url() + u"/slow"_s, 3)}));
    m_db = url;
    std::vector<std::unique_ptr<Serve>> fleet;
    const QString failed = startFleet(fleet, 2, {u"--per-host"_s, u"2"_s});
    QVERIFY2(failed.isEmpty(), qPrintable(failed));
    const auto metric = [&](int server, const QString &name) {
        m_port = fleet.at(server)->port();
        const QRegularExpression line(u"\n"_s + QRegularExpression::escape(name) + u" (\\d+)"_s);
        const auto m = line.match(QString::fromLatin1(get(u"/metrics"_s).body));
        return m.hasMatch() ? m.captured(1).toInt() : -1;
    };
    EventPoster poster(m_network);
    const auto post = [&](int server, int first, int count) {
        for (int i = first; i < first + count; ++i)
            poster.post(fleet.at(server)->port(), u"ahead-%1"_s.arg(i));
    };
    // One first, so that the receiver is known to answer; then a backlog, to the first alone.
    post(0, 0, 1);
    QVERIFY(waitUntil([&] { return receiver.received() == 1 && poster.answered() == 1; }, 30'000));
    QTest::qWait(300);
    post(0, 1, 30);
    int mostStarted = 0;
    QVERIFY(waitUntil(
        [&] {
            mostStarted = std::max(mostStarted, metric(0, u"kanca_attempts_in_flight"_s));
            return mostStarted > 2 || receiver.received() >= 31;
        },
        30'000));
    qInfo("alone: at most %d attempts started at once, at most %d open at the receiver",
          mostStarted, receiver.mostOpen());
    QVERIFY2(mostStarted > 2, "the server alone starts attempts ahead");
    // The second gets work for the same receiver while the first still has a backlog.
    post(1, 31, 30);
    QVERIFY(waitUntil([&] { return poster.answered() == 61; }, 60'000));
    const QStringList acknowledged = poster.acknowledged();
    QCOMPARE(acknowledged.size(), qsizetype(61));
    QVERIFY2(waitUntil([&] { return receiver.receivedAll(acknowledged); }, 120'000),
             "every delivery arrives");
    QVERIFY2(receiver.mostOpen() <= 2, qPrintable(QString::number(receiver.mostOpen())));
    // Work for both at once.
    for (int i = 61; i < 121; ++i)
        poster.post(fleet.at(i % 2)->port(), u"ahead-%1"_s.arg(i));
    // Both with two started at the same moment: with two slots between them, each holds one
    // and has started one ahead (one for one, they could not both have two).
    int mostTogether = 0;
    QVERIFY(waitUntil(
        [&] {
            const int together = std::min(metric(0, u"kanca_attempts_in_flight"_s),
                                          metric(1, u"kanca_attempts_in_flight"_s));
            mostTogether = std::max(mostTogether, together);
            return mostTogether >= 2 || receiver.received() >= 121;
        },
        60'000));
    QVERIFY(waitUntil([&] { return poster.answered() == 121; }, 60'000));
    const QStringList all = poster.acknowledged();
    QCOMPARE(all.size(), qsizetype(121));
    QVERIFY2(waitUntil([&] { return receiver.receivedAll(all); }, 120'000),
             "every delivery arrives");
    qInfo("together: at most %d attempts started by each at once; %d requests, at most %d open "
          "at once (the limit: 2, two servers)",
          mostTogether, receiver.received(), receiver.mostOpen());
    QVERIFY2(mostTogether >= 2, "servers sharing the slots start attempts ahead of theirs");
    QVERIFY2(receiver.mostOpen() <= 2, qPrintable(QString::number(receiver.mostOpen())));
    for (auto &server : fleet) {
        server->signal(SIGTERM);
        QCOMPARE(server->waitForExit(15'000), 0);
    }
    PostgresTestDatabase::drop(u"kanca_tst_fleet_ahead"_s);
}

// Three servers, --breaker 3, a receiver that is down: one server opens its breaker; the other
// two learn it from the database and send nothing to that receiver, though deliveries to it
// reach them; all three list the circuit as open.
void TestServe::fleetSharesTheBreaker()
{
    KANCA_POSTGRES_DATABASE(url, u"kanca_tst_fleet_breaker"_s);
    const QString down = u"http://127.0.0.1:%1/down"_s.arg(closedPort());
    m_ruleSet = writeRuleSet(ruleSet({webhook(down, 8), webhook(m_catcher->url() + u"/up"_s, 3)}));
    m_db = url;
    std::vector<std::unique_ptr<Serve>> fleet;
    const QString failed = startFleet(fleet, 3, {u"--breaker"_s, u"3"_s});
    QVERIFY2(failed.isEmpty(), qPrintable(failed));
    const auto attemptsToTheDown = [&](int server) {
        m_port = fleet.at(server)->port();
        const QByteArray metrics = get(u"/metrics"_s).body;
        const QRegularExpression attempts(
            uR"(kanca_attempts_total\{status_class="none"\} (\d+))"_s);
        const auto m = attempts.match(QString::fromLatin1(metrics));
        return m.hasMatch() ? m.captured(1).toInt() : 0;
    };
    const QByteArray openSeries =
        "kanca_circuit_state{destination=\"" + down.left(down.lastIndexOf(u'/')).toUtf8() + "\"} 1";
    const auto listsOpen = [&](int server) {
        m_port = fleet.at(server)->port();
        return get(u"/metrics"_s).body.contains(openSeries);
    };

    // The first server meets the receiver that is down and opens the breaker.
    m_port = fleet.at(0)->port();
    QStringList upIds;
    for (int i = 0; i < 4; ++i) {
        const Reply r = post(compact(incoming(u"first-%1"_s.arg(i))));
        QCOMPARE(r.status, 202);
        upIds.append(deliveriesOf(r.json).at(1));
    }
    QVERIFY(waitUntil([&] { return !fleet.at(0)->log(u"circuit.open"_s).isEmpty(); }, 20'000));
    // The others hear of it.
    QVERIFY2(waitUntil([&] { return listsOpen(1) && listsOpen(2); }, 10'000),
             "the other servers list the circuit as open");
    const int firstAttempts = attemptsToTheDown(0);

    // Deliveries to the receiver that is down, accepted by the other two: held, not sent.
    for (int i = 0; i < 40; ++i) {
        m_port = fleet.at(1 + i % 2)->port();
        const Reply r = post(compact(incoming(u"later-%1"_s.arg(i))));
        QCOMPARE(r.status, 202);
        upIds.append(deliveriesOf(r.json).at(1));
    }
    QVERIFY(caughtAll(upIds, 20'000));
    QTest::qWait(1000);
    const int others = attemptsToTheDown(1) + attemptsToTheDown(2);
    const int first = attemptsToTheDown(0);
    qInfo("attempts to the receiver that is down: %d by the server that opened the breaker (%d "
          "when it opened), %d by the other two",
          first, firstAttempts, others);
    QCOMPARE(others, 0);
    QVERIFY2(first <= 10, qPrintable(QString::number(first)));
    for (auto &server : fleet) {
        server->signal(SIGTERM);
        QCOMPARE(server->waitForExit(15'000), 0);
    }
    PostgresTestDatabase::drop(u"kanca_tst_fleet_breaker"_s);
}

// The database goes away for two seconds in the middle of a run (every connection of the server
// killed, new ones refused): the server stays up, /readyz says 503 meanwhile, it reconnects, and
// every acknowledged delivery arrives.
void TestServe::postgresOutageLosesNothing()
{
    KANCA_POSTGRES_DATABASE(url, u"kanca_tst_outage"_s);
    m_catcher->setResponse({200, 5, {}, {}});
    m_ruleSet = writeRuleSet(ruleSet({webhook(m_catcher->url() + u"/a"_s, 10)}));
    m_db = url;
    auto server = serve();
    QVERIFY2(server->running(), qPrintable(server->errors()));

    constexpr int Events = 300;
    QStringList acknowledged;
    int answered = 0;
    int refused = 0;
    std::vector<QNetworkReply *> replies;
    const auto postOne = [&](int i) {
        QNetworkRequest request(QUrl(u"http://127.0.0.1:%1/v1/events"_s.arg(m_port)));
        request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
        QNetworkReply *reply = m_network.post(request, compact(incoming(u"outage-%1"_s.arg(i))));
        connect(reply, &QNetworkReply::finished, this, [&, reply] {
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            if (status == 202 || status == 200)
                acknowledged += deliveriesOf(QJsonDocument::fromJson(reply->readAll()).object());
            else
                ++refused;
            ++answered;
        });
        replies.push_back(reply);
    };
    for (int i = 0; i < Events / 2; ++i)
        postOne(i);
    QVERIFY(waitUntil([&] { return answered >= Events / 4; }, 60'000));
    QString error;
    const QString database = u"kanca_tst_outage"_s;
    const QString base = *PostgresTestDatabase::baseUrl(&error); // another database
    QVERIFY2(PostgresTestDatabase::exec(
                 base,
                 {u"ALTER DATABASE %1 ALLOW_CONNECTIONS false"_s.arg(database),
                  u"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '%1' "
                  u"AND pid <> pg_backend_pid()"_s.arg(database)},
                 &error),
             qPrintable(error));
    for (int i = Events / 2; i < Events; ++i)
        postOne(i);
    // Asked beside the posts waiting for their connections.
    const auto readyz = [this] {
        QNetworkAccessManager own;
        std::unique_ptr<QNetworkReply> reply(
            own.get(QNetworkRequest(QUrl(u"http://127.0.0.1:%1/readyz"_s.arg(m_port)))));
        waitUntil([&] { return reply->isFinished(); }, 30'000);
        return reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    };
    QTest::qWait(500);
    const int down = readyz();
    QTest::qWait(1500);
    QVERIFY2(PostgresTestDatabase::exec(
                 base, {u"ALTER DATABASE %1 ALLOW_CONNECTIONS true"_s.arg(database)}, &error),
             qPrintable(error));
    QVERIFY(waitUntil([&] { return answered == Events; }, 60'000));
    QCOMPARE(down, 503);
    QVERIFY2(server->running(), qPrintable(server->errors()));
    QVERIFY2(caughtAll(acknowledged, 60'000), "every acknowledged delivery arrives");
    QVERIFY(waitUntil([&] { return readyz() == 200; }, 20'000));
    qInfo("%d deliveries acknowledged, %d requests refused during the outage; %d log lines "
          "storage.unavailable",
          int(acknowledged.size()), refused, int(server->log(u"storage.unavailable"_s).size()));
    QVERIFY(!server->errors().contains(u"storage.failed"_s));
    for (QNetworkReply *reply : replies)
        reply->deleteLater();
    server->signal(SIGTERM);
    QCOMPARE(server->waitForExit(15'000), 0);
    PostgresTestDatabase::drop(database);
}

QTEST_GUILESS_MAIN(TestServe)
#include "tst_serve.moc"
