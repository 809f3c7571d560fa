// kanca catch, run as a process exactly as a script runs it: the listening line first, one JSON
// line per request, signatures checked with a secret from the environment, the configured
// answer, a clean exit 0 on SIGTERM and SIGINT, and the exit codes of its errors.
#include "engine/Signatures.h"
#include "http/HttpServer.h"
#include "support/ExplainedExit.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QProcess>
#include <QSignalSpy>
#include <QTest>

#include <csignal>
#include <memory>

using namespace Kanca;
using namespace Qt::StringLiterals;

namespace {

constexpr int WaitMs = 20000;

const QByteArray Secret = "whsec_" + QByteArray("catch command key").toBase64();

// A running `kanca catch`, read line by line as it prints.
class CatchProcess
{
public:
    explicit CatchProcess(const QStringList &arguments,
                          const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment())
    {
        m_process.setProcessEnvironment(env);
        QObject::connect(&m_process, &QProcess::readyReadStandardOutput, &m_process, [this] {
            m_buffer += m_process.readAllStandardOutput();
            qsizetype newline;
            while ((newline = m_buffer.indexOf('\n')) >= 0) {
                m_lines.append(m_buffer.left(newline));
                m_buffer.remove(0, newline + 1);
            }
        });
        m_process.start(QStringLiteral(KANCA_EXECUTABLE), QStringList{u"catch"_s} + arguments);
    }
    ~CatchProcess()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished();
        }
    }

    // The next line as JSON; an empty object if none came in time.
    QJsonObject nextLine()
    {
        if (!QTest::qWaitFor([this] { return m_next < m_lines.size(); }, WaitMs))
            return {};
        return QJsonDocument::fromJson(m_lines.at(m_next++)).object();
    }
    // Stops it with the signal and returns its exit code (-2 if it crashed or hung).
    int stop(int signalNumber)
    {
        ::kill(pid_t(m_process.processId()), signalNumber);
        if (!QTest::qWaitFor([this] { return m_process.state() == QProcess::NotRunning; }, WaitMs))
            return -2;
        return m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -2;
    }
    QString errors() { return QString::fromUtf8(m_process.readAllStandardError()); }
    int lineCount() const { return int(m_lines.size()); }

private:
    QProcess m_process;
    QByteArray m_buffer;
    QList<QByteArray> m_lines;
    qsizetype m_next = 0;
};

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

// For commands that end on their own: an error before listening.
Run kanca(const QStringList &arguments,
          const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment())
{
    QProcess process;
    process.setProcessEnvironment(env);
    QSignalSpy finished(&process, &QProcess::finished);
    process.start(QStringLiteral(KANCA_EXECUTABLE), QStringList{u"catch"_s} + arguments);
    if (!finished.wait(WaitMs)) {
        process.kill();
        process.waitForFinished();
    }
    Run run;
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    Kanca::Testing::requireExplainedExit(QStringList{u"catch"_s} + arguments, run.exitCode,
                                         run.err);
    return run;
}

QString headerValue(const QJsonObject &line, const QString &name)
{
    for (const QJsonValue &header : line.value(u"headers"_s).toArray()) {
        if (header[u"name"_s].toString().compare(name, Qt::CaseInsensitive) == 0)
            return header[u"value"_s].toString();
    }
    return {};
}

} // namespace

class TestCatchCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void listeningLineThenALinePerRequest();
    void sigintStopsCleanly();
    void configuredAnswer();
    void signaturesWithASecretFromTheEnvironment();
    void bodyCapAndBinaryBody();
    void usageErrors_data();
    void usageErrors();
    void portInUseExitsWithOne();
    void missingSecretExitsWithOne();

private:
    // Sends a request and waits for the answer, in the event loop.
    QNetworkReply *send(const QString &url, const QByteArray &body,
                        const QList<QPair<QByteArray, QByteArray>> &headers = {});
    quint16 listeningPort(CatchProcess &process);

    QNetworkAccessManager m_network;
};

void TestCatchCli::initTestCase()
{
    m_network.setProxy(QNetworkProxy::NoProxy);
}

QNetworkReply *TestCatchCli::send(const QString &url, const QByteArray &body,
                                  const QList<QPair<QByteArray, QByteArray>> &headers)
{
    QNetworkRequest request{QUrl(url)};
    request.setRawHeader("Content-Type", "application/json");
    for (const auto &[name, value] : headers)
        request.setRawHeader(name, value);
    QNetworkReply *reply = m_network.post(request, body);
    reply->setParent(this);
    QSignalSpy finished(reply, &QNetworkReply::finished);
    if (!reply->isFinished())
        (void)finished.wait(WaitMs);
    return reply;
}

quint16 TestCatchCli::listeningPort(CatchProcess &process)
{
    const QJsonObject first = process.nextLine();
    const int port = first.value(u"port"_s).toInt();
    if (first.value(u"listening"_s).toString() != u"http://127.0.0.1:"_s + QString::number(port))
        return 0;
    return quint16(port);
}

void TestCatchCli::listeningLineThenALinePerRequest()
{
    CatchProcess process({u"--listen"_s, u"127.0.0.1:0"_s, u"--status"_s, u"201"_s});
    const quint16 port = listeningPort(process);
    QVERIFY(port != 0);

    const QString url = u"http://127.0.0.1:"_s + QString::number(port);
    QNetworkReply *reply =
        send(url + u"/hooks/caf%C3%A9?x=1&y=%20"_s, "{\"name\": \"Ayşe\"}", {{"X-Test", "çay: 1"}});
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 201);

    const QJsonObject line = process.nextLine();
    QCOMPARE(line.value(u"method"_s).toString(), u"POST"_s);
    QCOMPARE(line.value(u"path"_s).toString(), u"/hooks/café"_s);
    QCOMPARE(line.value(u"target"_s).toString(), u"/hooks/caf%C3%A9?x=1&y=%20"_s);
    QCOMPARE(line.value(u"query"_s).toString(), u"x=1&y=%20"_s);
    QCOMPARE(line.value(u"body"_s).toString(), u"{\"name\": \"Ayşe\"}"_s);
    QCOMPARE(line.value(u"bodySize"_s).toInt(), QByteArray("{\"name\": \"Ayşe\"}").size());
    QCOMPARE(line.value(u"bodyTruncated"_s).toBool(), false);
    QCOMPARE(line.value(u"status"_s).toInt(), 201);
    QCOMPARE(line.value(u"sequence"_s).toInt(), 1);
    QCOMPARE(headerValue(line, u"X-Test"_s), u"çay: 1"_s);
    QCOMPARE(headerValue(line, u"Content-Type"_s), u"application/json"_s);
    QVERIFY(!line.contains(u"signatureValid"_s));
    QVERIFY(!line.contains(u"bodyEncoding"_s));

    send(url + u"/second"_s, "2");
    QCOMPARE(process.nextLine().value(u"sequence"_s).toInt(), 2);

    QCOMPARE(process.stop(SIGTERM), 0);
    QCOMPARE(process.lineCount(), 3);
    const QString errors = process.errors();
    QVERIFY2(errors.contains(u"stopped after 2 request"), qPrintable(errors));
}

void TestCatchCli::sigintStopsCleanly()
{
    CatchProcess process({});
    QVERIFY(listeningPort(process) != 0);
    QCOMPARE(process.stop(SIGINT), 0);
}

void TestCatchCli::configuredAnswer()
{
    CatchProcess process({u"--status"_s, u"429"_s, u"--delay"_s, u"200"_s, u"--body"_s,
                          u"slow down"_s, u"--header"_s, u"Retry-After: 7"_s});
    const quint16 port = listeningPort(process);
    QVERIFY(port != 0);
    QElapsedTimer clock;
    clock.start();
    QNetworkReply *reply = send(u"http://127.0.0.1:"_s + QString::number(port), "x");
    QVERIFY(clock.elapsed() >= 190);
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 429);
    QCOMPARE(reply->rawHeader("Retry-After"), QByteArray("7"));
    QCOMPARE(reply->rawHeader("Content-Type"), QByteArray("text/plain; charset=utf-8"));
    QCOMPARE(reply->readAll(), QByteArray("slow down"));
    QCOMPARE(process.nextLine().value(u"status"_s).toInt(), 429);
    QCOMPARE(process.stop(SIGTERM), 0);
}

void TestCatchCli::signaturesWithASecretFromTheEnvironment()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"KANCA_SECRET_HOOK_KEY"_s, QString::fromLatin1(Secret));
    CatchProcess process({u"--secret"_s, u"HOOK_KEY"_s, u"--signing"_s, u"standard-webhooks"_s},
                         env);
    const quint16 port = listeningPort(process);
    QVERIFY(port != 0);
    const QString url = u"http://127.0.0.1:"_s + QString::number(port);

    const QByteArray body = "{\"event\": \"chat.opened\"}";
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    const QByteArray signature =
        Signatures::standardWebhooksSignature(*Signatures::standardWebhooksKey(Secret), u"msg_7"_s,
                                              now, body)
            .toLatin1();
    const QList<QPair<QByteArray, QByteArray>> signedHeaders = {
        {"webhook-id", "msg_7"},
        {"webhook-timestamp", QByteArray::number(now)},
        {"webhook-signature", signature}};

    send(url, body, signedHeaders);
    QJsonObject line = process.nextLine();
    QCOMPARE(line.value(u"signatureValid"_s), QJsonValue(true));
    QVERIFY(!line.contains(u"signatureError"_s));

    send(url, body + ' ', signedHeaders);
    line = process.nextLine();
    QCOMPARE(line.value(u"signatureValid"_s), QJsonValue(false));
    QVERIFY(line.value(u"signatureError"_s).toString().contains(u"does not match"));

    send(url, body);
    line = process.nextLine();
    QVERIFY(line.contains(u"signatureValid"_s));
    QVERIFY(line.value(u"signatureValid"_s).isNull());
    QCOMPARE(process.stop(SIGTERM), 0);
}

void TestCatchCli::bodyCapAndBinaryBody()
{
    CatchProcess process({u"--max-body"_s, u"8"_s});
    const quint16 port = listeningPort(process);
    QVERIFY(port != 0);
    const QString url = u"http://127.0.0.1:"_s + QString::number(port);
    send(url, "0123456789abcdef");
    QJsonObject line = process.nextLine();
    QCOMPARE(line.value(u"body"_s).toString(), u"01234567"_s);
    QCOMPARE(line.value(u"bodySize"_s).toInt(), 16);
    QCOMPARE(line.value(u"bodyTruncated"_s).toBool(), true);

    const QByteArray binary("\x00\xff\x80", 3);
    send(url, binary);
    line = process.nextLine();
    QCOMPARE(line.value(u"bodyEncoding"_s).toString(), u"base64"_s);
    QCOMPARE(QByteArray::fromBase64(line.value(u"body"_s).toString().toLatin1()), binary);
    QCOMPARE(process.stop(SIGTERM), 0);
}

void TestCatchCli::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    QTest::newRow("status too low") << QStringList{u"--status"_s, u"99"_s} << u"--status"_s;
    QTest::newRow("status not a number") << QStringList{u"--status"_s, u"ok"_s} << u"--status"_s;
    QTest::newRow("negative delay") << QStringList{u"--delay"_s, u"-1"_s} << u"--delay"_s;
    QTest::newRow("listen nonsense") << QStringList{u"--listen"_s, u"here"_s} << u"--listen"_s;
    QTest::newRow("port out of range")
        << QStringList{u"--listen"_s, u"127.0.0.1:70000"_s} << u"--listen"_s;
    QTest::newRow("all interfaces without --allow-remote")
        << QStringList{u"--listen"_s, u"0.0.0.0:0"_s} << u"--allow-remote"_s;
    QTest::newRow("a LAN address without --allow-remote")
        << QStringList{u"--listen"_s, u"192.168.1.10:8080"_s} << u"loopback"_s;
    QTest::newRow("header without a colon")
        << QStringList{u"--header"_s, u"Retry-After 5"_s} << u"--header"_s;
    QTest::newRow("signing without a secret")
        << QStringList{u"--signing"_s, u"hmac-sha256"_s} << u"--secret"_s;
    QTest::newRow("unknown signing scheme")
        << QStringList{u"--secret"_s, u"X"_s, u"--signing"_s, u"rsa"_s} << u"--signing"_s;
    QTest::newRow("unknown option") << QStringList{u"--port"_s, u"1"_s} << u"port"_s;
    QTest::newRow("a stray argument") << QStringList{u"now"_s} << u"now"_s;
}

void TestCatchCli::usageErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    const Run run = kanca(arguments);
    QCOMPARE(run.exitCode, 2);
    QVERIFY(run.out.isEmpty());
    QVERIFY2(run.err.contains(message), qPrintable(run.err));
    QVERIFY(run.err.contains(u"Usage: kanca catch"));
}

void TestCatchCli::portInUseExitsWithOne()
{
    HttpServer busy;
    QVERIFY(busy.listen());
    const QString where = u"127.0.0.1:"_s + QString::number(busy.serverPort());
    const Run run = kanca({u"--listen"_s, where});
    QCOMPARE(run.exitCode, 1);
    QVERIFY(run.out.isEmpty());
    QVERIFY2(run.err.contains(u"Cannot listen on "_s + where), qPrintable(run.err));
}

void TestCatchCli::missingSecretExitsWithOne()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(u"KANCA_SECRET_NOT_THERE"_s);
    Run run = kanca({u"--secret"_s, u"NOT_THERE"_s}, env);
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains(u"KANCA_SECRET_NOT_THERE"), qPrintable(run.err));

    env.insert(u"KANCA_SECRET_BROKEN"_s, u"whsec_***"_s);
    run = kanca({u"--secret"_s, u"BROKEN"_s, u"--signing"_s, u"standard-webhooks"_s}, env);
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains(u"whsec_"), qPrintable(run.err));
}

QTEST_GUILESS_MAIN(TestCatchCli)
#include "tst_catchcli.moc"
