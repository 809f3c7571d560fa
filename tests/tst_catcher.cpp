// The local catcher on a real socket: hundreds of requests at once, chunked and oversized bodies,
// malformed requests, keep-alive, the configured answer, signature checks for both schemes, and
// the bounded list.
#include "endpoints/Catcher.h"
#include "engine/SignatureVerifier.h"
#include "engine/Signatures.h"
#include "support/RawHttp.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>
#include <QTimeZone>
#include <QTimer>

#include <memory>
#include <optional>
#include <vector>

Q_DECLARE_METATYPE(Kanca::HttpHeader)

using namespace Kanca;
using namespace Qt::StringLiterals;

namespace {

constexpr int WaitMs = 10000;

using Testing::RawResponse;
using Testing::takeResponse;

template<typename Predicate>
bool waitUntil(Predicate done, int timeoutMs = WaitMs)
{
    return Testing::waitUntil(std::move(done), timeoutMs);
}

// A client that writes exactly the bytes it is given.
class RawClient
{
public:
    explicit RawClient(quint16 port)
    {
        QObject::connect(&m_socket, &QTcpSocket::readyRead, &m_socket, [this] {
            m_received += m_socket.readAll();
            while (std::optional<RawResponse> response = takeResponse(m_received))
                m_responses.push_back(*response);
        });
        m_socket.connectToHost(QHostAddress::LocalHost, port);
    }
    void send(const QByteArray &bytes)
    {
        m_socket.write(bytes); // queued until connected
    }
    std::optional<RawResponse> response(int timeoutMs = WaitMs)
    {
        if (!waitUntil([this] { return !m_responses.empty(); }, timeoutMs))
            return std::nullopt;
        RawResponse first = m_responses.front();
        m_responses.erase(m_responses.begin());
        return first;
    }
    bool hasResponse() const { return !m_responses.empty(); }
    bool waitDisconnected()
    {
        return waitUntil([this] { return m_socket.state() == QAbstractSocket::UnconnectedState; });
    }

private:
    QTcpSocket m_socket;
    QByteArray m_received;
    std::vector<RawResponse> m_responses;
};

QByteArray post(const QByteArray &target, const HttpHeaders &headers, const QByteArray &body)
{
    QByteArray request = "POST " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n";
    for (const HttpHeader &field : headers)
        request += field.name + ": " + field.value + "\r\n";
    request += "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
    return request;
}

const QByteArray WhsecSecret = "whsec_" + QByteArray("standard-webhooks-key!").toBase64();
const QByteArray HmacSecret = "hmac-secret";

HttpHeaders standardWebhooksHeaders(const QByteArray &secret, const QByteArray &body,
                                    qint64 timestamp, const QByteArray &id = "msg_1")
{
    const QByteArray key = *Signatures::standardWebhooksKey(secret);
    return {{"webhook-id", id},
            {"webhook-timestamp", QByteArray::number(timestamp)},
            {"webhook-signature",
             Signatures::standardWebhooksSignature(key, QString::fromLatin1(id), timestamp, body)
                 .toLatin1()}};
}

HttpHeaders hmacHeaders(const QByteArray &secret, const QByteArray &body, bool base64,
                        const QByteArray &header = "X-Hub-Signature-256")
{
    return {{header, Signatures::hmacSha256(secret, body, base64, u"sha256="_s).toLatin1()}};
}

} // namespace

class TestCatcher : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void listensOnLoopbackOnAFreePort();
    void portInUseSaysSo();
    void hundredsOfRequestsAtOnce();
    void chunkedBody();
    void oversizedBodyIsCappedAndReported();
    void malformedRequestsDoNotStopIt();
    void keepAlive();
    void configuredAnswerIsHonoured();
    void outOfRangeAnswerIsClamped();
    void signatures_data();
    void signatures();
    void standardWebhooksTimestampTolerance();
    void sameInConstantTime_data();
    void sameInConstantTime();
    void boundedList();
    void jsonOfACaughtRequest();

private:
    std::unique_ptr<Catcher> m_catcher;
};

void TestCatcher::init()
{
    m_catcher = std::make_unique<Catcher>();
    QVERIFY(m_catcher->listen());
}

void TestCatcher::listensOnLoopbackOnAFreePort()
{
    QVERIFY(m_catcher->isListening());
    QVERIFY(m_catcher->port() != 0);
    QCOMPARE(m_catcher->address(), QHostAddress(QHostAddress::LocalHost));
    QCOMPARE(m_catcher->url(), u"http://127.0.0.1:"_s + QString::number(m_catcher->port()));

    QSignalSpy listening(m_catcher.get(), &Catcher::listeningChanged);
    m_catcher->close();
    QVERIFY(!m_catcher->isListening());
    QCOMPARE(listening.size(), 1);
    QCOMPARE(listening.at(0).at(0).toBool(), false);
}

void TestCatcher::portInUseSaysSo()
{
    Catcher second;
    QString error;
    QVERIFY(!second.listen(QHostAddress::LocalHost, m_catcher->port(), &error));
    QVERIFY2(error.contains(QString::number(m_catcher->port())), qPrintable(error));
    QVERIFY(!second.isListening());
}

void TestCatcher::hundredsOfRequestsAtOnce()
{
    constexpr int Clients = 300;
    m_catcher->setResponse({201, 0, {}, "ok"});
    QSignalSpy caught(m_catcher.get(), &Catcher::requestCaught);
    std::vector<std::unique_ptr<RawClient>> clients;
    for (int i = 0; i < Clients; ++i) {
        clients.push_back(std::make_unique<RawClient>(m_catcher->port()));
        clients.back()->send(post("/hook/" + QByteArray::number(i), {{"X-Client", "c"}},
                                  "body-" + QByteArray::number(i)));
    }
    QVERIFY(waitUntil([&] {
        return std::all_of(clients.begin(), clients.end(),
                           [](const auto &client) { return client->hasResponse(); });
    }));
    for (auto &client : clients) {
        const std::optional<RawResponse> response = client->response();
        QCOMPARE(response->status, 201);
        QCOMPARE(response->body, QByteArray("ok"));
    }
    QCOMPARE(caught.size(), Clients);
    QCOMPARE(m_catcher->requests().size(), Clients);
    QCOMPARE(m_catcher->caughtCount(), quint64(Clients));
    QSet<QByteArray> bodies;
    for (const CaughtRequest &request : m_catcher->requests()) {
        QCOMPARE(request.responseStatus, 201);
        QCOMPARE(request.request.path,
                 u"/hook/"_s + QString::fromLatin1(request.request.body.mid(5)));
        bodies.insert(request.request.body);
    }
    QCOMPARE(bodies.size(), Clients);
}

void TestCatcher::chunkedBody()
{
    RawClient client(m_catcher->port());
    client.send("POST /chunked?x=1 HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n"
                "Content-Type: application/json\r\n\r\n"
                "5\r\n{\"a\":\r\n"
                "3;ext=1\r\n 1}\r\n"
                "0\r\nX-Trailer: t\r\n\r\n");
    QCOMPARE(client.response()->status, 200);
    QCOMPARE(m_catcher->requests().size(), 1);
    const HttpRequest &request = m_catcher->requests().first().request;
    QVERIFY(request.chunked);
    QCOMPARE(request.body, QByteArray("{\"a\": 1}"));
    QCOMPARE(request.bodySize, 8);
    QCOMPARE(request.query, QByteArray("x=1"));
    QCOMPARE(request.trailers.size(), 1);
}

void TestCatcher::oversizedBodyIsCappedAndReported()
{
    m_catcher->setMaxBodySize(1000);
    m_catcher->setVerifier(SignatureVerifier(SignatureVerifier::Scheme::HmacSha256, HmacSecret));
    const QByteArray body(5000, 'x');
    RawClient client(m_catcher->port());
    client.send(post("/big", hmacHeaders(HmacSecret, body, false), body));
    QCOMPARE(client.response()->status, 200);
    const CaughtRequest &caught = m_catcher->requests().first();
    QCOMPARE(caught.request.body.size(), 1000);
    QCOMPARE(caught.request.bodySize, 5000);
    QVERIFY(caught.request.bodyTruncated());
    QCOMPARE(caught.signature.status, SignatureCheck::Status::Invalid);
    QVERIFY2(caught.signature.reason.contains(u"cap"), qPrintable(caught.signature.reason));
    const QJsonObject json = caught.toJson();
    QCOMPARE(json.value(u"bodySize"_s).toInteger(), 5000);
    QCOMPARE(json.value(u"bodyTruncated"_s).toBool(), true);
    QCOMPARE(json.value(u"body"_s).toString().size(), 1000);

    // A chunked body beyond the cap too.
    RawClient chunked(m_catcher->port());
    chunked.send("POST /big HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n"
                 "800\r\n"
                 + QByteArray(0x800, 'y') + "\r\n0\r\n\r\n");
    QCOMPARE(chunked.response()->status, 200);
    QCOMPARE(m_catcher->requests().last().request.bodySize, 0x800);
    QVERIFY(m_catcher->requests().last().request.bodyTruncated());
}

void TestCatcher::malformedRequestsDoNotStopIt()
{
    QSignalSpy malformed(m_catcher.get(), &Catcher::malformedRequestReceived);
    const QList<QByteArray> garbage = {
        "HELLO\r\n\r\n",
        "GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n",
        "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\nabcd",
        "GET / HTTP/9.9\r\nHost: a\r\n\r\n",
        "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
        QByteArray("GET /\0 HTTP/1.1\r\n\r\n", 20),
    };
    for (const QByteArray &bytes : garbage) {
        RawClient client(m_catcher->port());
        client.send(bytes);
        const std::optional<RawResponse> response = client.response();
        QVERIFY2(response, bytes.constData());
        QVERIFY2(response->status >= 400, bytes.constData());
        QVERIFY(client.waitDisconnected());
    }
    QCOMPARE(malformed.size(), garbage.size());
    QCOMPARE(m_catcher->malformedCount(), quint64(garbage.size()));
    QCOMPARE(m_catcher->requests().size(), 0);

    // A client that goes away halfway through a body, then a good request: all is well.
    {
        RawClient gone(m_catcher->port());
        gone.send("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 100\r\n\r\nhalf");
        QTest::qWait(50);
    }
    RawClient good(m_catcher->port());
    good.send(post("/fine", {}, "ok"));
    QCOMPARE(good.response()->status, 200);
    QCOMPARE(m_catcher->requests().size(), 1);
    QCOMPARE(m_catcher->requests().first().request.path, u"/fine"_s);
}

void TestCatcher::keepAlive()
{
    RawClient client(m_catcher->port());
    client.send(post("/one", {}, "1"));
    QCOMPARE(client.response()->status, 200);
    client.send(post("/two", {}, "2"));
    QCOMPARE(client.response()->status, 200);
    // Pipelined: two requests in one write, answered in order.
    client.send(post("/three", {}, "3") + post("/four", {}, "4"));
    QVERIFY(client.response());
    QVERIFY(client.response());
    QCOMPARE(m_catcher->requests().size(), 4);
    const quint64 connection = m_catcher->requests().first().request.connectionId;
    for (const CaughtRequest &caught : m_catcher->requests())
        QCOMPARE(caught.request.connectionId, connection);
    QCOMPARE(m_catcher->requests().last().request.path, u"/four"_s);
}

void TestCatcher::configuredAnswerIsHonoured()
{
    const Catcher::Response response{429, 300, {{"Retry-After", "7"}}, "slow down"};
    m_catcher->setResponse(response);
    QCOMPARE(m_catcher->response(), response);
    RawClient client(m_catcher->port());
    QElapsedTimer clock;
    clock.start();
    client.send(post("/", {}, "x"));
    // The request is caught at once; the answer waits.
    QVERIFY(waitUntil([this] { return m_catcher->requests().size() == 1; }));
    QVERIFY(!client.hasResponse());
    const std::optional<RawResponse> answer = client.response();
    QVERIFY(answer);
    QVERIFY2(clock.elapsed() >= 290, qPrintable(QString::number(clock.elapsed())));
    QCOMPARE(answer->status, 429);
    QCOMPARE(answer->header("Retry-After"), QByteArray("7"));
    QCOMPARE(answer->body, QByteArray("slow down"));
    QCOMPARE(m_catcher->requests().first().responseStatus, 429);

    // A new answer applies to the next request.
    m_catcher->setResponse({204, 0, {}, {}});
    client.send(post("/", {}, "y"));
    QCOMPARE(client.response()->status, 204);
}

void TestCatcher::outOfRangeAnswerIsClamped()
{
    m_catcher->setResponse({99, -5, {}, {}});
    QCOMPARE(m_catcher->response().status, 200);
    QCOMPARE(m_catcher->response().delayMs, 0);
    m_catcher->setResponse({1000, Catcher::MaxDelayMs + 1, {}, {}});
    QCOMPARE(m_catcher->response().status, 599);
    QCOMPARE(m_catcher->response().delayMs, Catcher::MaxDelayMs);
}

void TestCatcher::signatures_data()
{
    QTest::addColumn<int>("scheme");
    QTest::addColumn<QByteArray>("secret");
    QTest::addColumn<HttpHeaders>("headers");
    QTest::addColumn<int>("expected");
    QTest::addColumn<QString>("reasonPart");

    using Scheme = SignatureVerifier::Scheme;
    using Status = SignatureCheck::Status;
    const QByteArray body = "{\"event\":\"chat.opened\"}";
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    const auto row = [](const char *name, Scheme scheme, const QByteArray &secret,
                        const HttpHeaders &headers, Status expected, const QString &reason) {
        QTest::newRow(name) << int(scheme) << secret << headers << int(expected) << reason;
    };

    const HttpHeaders standard = standardWebhooksHeaders(WhsecSecret, body, now);
    row("standard webhooks: valid", Scheme::StandardWebhooks, WhsecSecret, standard, Status::Valid,
        {});
    row("standard webhooks: another secret", Scheme::StandardWebhooks,
        "whsec_" + QByteArray("another key").toBase64(), standard, Status::Invalid,
        u"does not match"_s);
    row("standard webhooks: signed another body", Scheme::StandardWebhooks, WhsecSecret,
        standardWebhooksHeaders(WhsecSecret, "{}", now), Status::Invalid, u"does not match"_s);
    HttpHeaders rotated = standard;
    rotated[2].value = "v1,AAAA v1a,xyz " + rotated[2].value; // several; one matches
    row("standard webhooks: one of several signatures", Scheme::StandardWebhooks, WhsecSecret,
        rotated, Status::Valid, {});
    row("standard webhooks: ten minutes old", Scheme::StandardWebhooks, WhsecSecret,
        standardWebhooksHeaders(WhsecSecret, body, now - 600), Status::Invalid, u"old"_s);
    row("standard webhooks: ten minutes ahead", Scheme::StandardWebhooks, WhsecSecret,
        standardWebhooksHeaders(WhsecSecret, body, now + 600), Status::Invalid, u"future"_s);
    row("standard webhooks: no id", Scheme::StandardWebhooks, WhsecSecret,
        {standard[1], standard[2]}, Status::Invalid, u"webhook-id"_s);
    row("standard webhooks: timestamp not a number", Scheme::StandardWebhooks, WhsecSecret,
        {standard[0], {"webhook-timestamp", "soon"}, standard[2]}, Status::Invalid,
        u"not a number"_s);
    row("standard webhooks: absent", Scheme::StandardWebhooks, WhsecSecret, {}, Status::Absent,
        u"webhook-signature"_s);

    row("hmac: hex", Scheme::HmacSha256, HmacSecret, hmacHeaders(HmacSecret, body, false),
        Status::Valid, {});
    row("hmac: base64", Scheme::HmacSha256, HmacSecret, hmacHeaders(HmacSecret, body, true),
        Status::Valid, {});
    HttpHeaders upper = hmacHeaders(HmacSecret, body, false);
    upper[0].value = "sha256=" + upper[0].value.mid(7).toUpper();
    row("hmac: upper-case hex", Scheme::HmacSha256, HmacSecret, upper, Status::Valid, {});
    row("hmac: another secret", Scheme::HmacSha256, QByteArray("other"),
        hmacHeaders(HmacSecret, body, false), Status::Invalid, u"does not match"_s);
    HttpHeaders noPrefix = hmacHeaders(HmacSecret, body, false);
    noPrefix[0].value = noPrefix[0].value.mid(7);
    row("hmac: prefix missing", Scheme::HmacSha256, HmacSecret, noPrefix, Status::Invalid,
        u"sha256="_s);
    row("hmac: not a mac", Scheme::HmacSha256, HmacSecret,
        {{"X-Hub-Signature-256", "sha256=nonsense"}}, Status::Invalid, u"hex"_s);
    row("hmac: absent", Scheme::HmacSha256, HmacSecret, {}, Status::Absent,
        u"X-Hub-Signature-256"_s);

    row("auto: standard webhooks", Scheme::Auto, WhsecSecret, standard, Status::Valid, {});
    row("auto: hmac", Scheme::Auto, HmacSecret, hmacHeaders(HmacSecret, body, false), Status::Valid,
        {});
    row("auto: absent", Scheme::Auto, HmacSecret, {}, Status::Absent, u"neither"_s);
}

// Signed requests sent over the wire, checked by the catcher as they arrive.
void TestCatcher::signatures()
{
    QFETCH(int, scheme);
    QFETCH(QByteArray, secret);
    QFETCH(HttpHeaders, headers);
    QFETCH(int, expected);
    QFETCH(QString, reasonPart);

    const SignatureVerifier verifier(SignatureVerifier::Scheme(scheme), secret);
    m_catcher->setVerifier(verifier);
    RawClient client(m_catcher->port());
    client.send(post("/signed", headers, "{\"event\":\"chat.opened\"}"));
    QCOMPARE(client.response()->status, 200);
    const SignatureCheck check = m_catcher->requests().first().signature;
    QCOMPARE(int(check.status), expected);
    QVERIFY2(check.reason.contains(reasonPart), qPrintable(check.reason));
    if (check.status == SignatureCheck::Status::Valid)
        QVERIFY(check.reason.isEmpty());

    const QJsonObject json = m_catcher->requests().first().toJson();
    QVERIFY(json.contains(u"signatureValid"_s));
    if (expected == int(SignatureCheck::Status::Valid))
        QCOMPARE(json.value(u"signatureValid"_s), QJsonValue(true));
    else if (expected == int(SignatureCheck::Status::Invalid))
        QCOMPARE(json.value(u"signatureValid"_s), QJsonValue(false));
    else
        QVERIFY(json.value(u"signatureValid"_s).isNull());
}

void TestCatcher::sameInConstantTime_data()
{
    QTest::addColumn<QByteArray>("a");
    QTest::addColumn<QByteArray>("b");
    QTest::addColumn<bool>("same");
    QTest::newRow("equal") << QByteArray("tok_123") << QByteArray("tok_123") << true;
    QTest::newRow("both empty") << QByteArray() << QByteArray() << true;
    QTest::newRow("last byte differs") << QByteArray("tok_123") << QByteArray("tok_124") << false;
    QTest::newRow("first byte differs") << QByteArray("tok_123") << QByteArray("Tok_123") << false;
    QTest::newRow("a prefix") << QByteArray("tok_12") << QByteArray("tok_123") << false;
    QTest::newRow("one empty") << QByteArray() << QByteArray("x") << false;
    QTest::newRow("high bytes") << QByteArray("\xff\x80") << QByteArray("\xff\x81") << false;
}

// The comparison the signature checks and `kanca serve`'s bearer token use.
void TestCatcher::sameInConstantTime()
{
    QFETCH(QByteArray, a);
    QFETCH(QByteArray, b);
    QFETCH(bool, same);
    QCOMPARE(Signatures::sameInConstantTime(a, b), same);
    QCOMPARE(Signatures::sameInConstantTime(b, a), same);
}

void TestCatcher::standardWebhooksTimestampTolerance()
{
    SignatureVerifier verifier(SignatureVerifier::Scheme::StandardWebhooks, WhsecSecret);
    const QDateTime arrived = QDateTime::fromSecsSinceEpoch(1'700'000'000, QTimeZone::utc());
    const QByteArray body = "b";
    const auto at = [&](qint64 signedAt) {
        return verifier.verify(standardWebhooksHeaders(WhsecSecret, body, signedAt), body, arrived)
            .status;
    };
    QCOMPARE(at(1'700'000'000 - 300), SignatureCheck::Status::Valid);
    QCOMPARE(at(1'700'000'000 - 301), SignatureCheck::Status::Invalid);
    QCOMPARE(at(1'700'000'000 + 300), SignatureCheck::Status::Valid);
    QCOMPARE(at(1'700'000'000 + 301), SignatureCheck::Status::Invalid);
    verifier.setToleranceSeconds(3600);
    QCOMPARE(at(1'700'000'000 - 301), SignatureCheck::Status::Valid);

    // A secret that says whsec_ but is not base64 is named as the problem.
    const SignatureVerifier broken(SignatureVerifier::Scheme::StandardWebhooks, "whsec_***");
    QVERIFY(!broken.secretProblem().isEmpty());
    QCOMPARE(broken.verify(standardWebhooksHeaders(WhsecSecret, body, 1'700'000'000), body, arrived)
                 .status,
             SignatureCheck::Status::Invalid);
}

void TestCatcher::boundedList()
{
    m_catcher->setCapacity(5);
    QSignalSpy aboutToDrop(m_catcher.get(), &Catcher::oldestAboutToBeDropped);
    QSignalSpy dropped(m_catcher.get(), &Catcher::oldestDropped);
    RawClient client(m_catcher->port());
    for (int i = 1; i <= 8; ++i) {
        client.send(post("/" + QByteArray::number(i), {}, {}));
        QVERIFY(client.response());
    }
    QCOMPARE(m_catcher->requests().size(), 5);
    QCOMPARE(m_catcher->requests().first().request.path, u"/4"_s);
    QCOMPARE(m_catcher->requests().last().request.path, u"/8"_s);
    QCOMPARE(m_catcher->caughtCount(), quint64(8));
    QCOMPARE(m_catcher->droppedCount(), quint64(3));
    QCOMPARE(aboutToDrop.size(), 3);
    QCOMPARE(dropped.size(), 3);

    m_catcher->setCapacity(2);
    QCOMPARE(m_catcher->requests().size(), 2);
    QCOMPARE(m_catcher->requests().first().request.path, u"/7"_s);
    QCOMPARE(dropped.last().at(0).toInt(), 3);
    QCOMPARE(m_catcher->droppedCount(), quint64(6));

    QSignalSpy cleared(m_catcher.get(), &Catcher::cleared);
    m_catcher->clear();
    QCOMPARE(cleared.size(), 1);
    QVERIFY(m_catcher->requests().isEmpty());

    // Capacity 0: nothing kept, every request still signalled.
    m_catcher->setCapacity(0);
    QSignalSpy caught(m_catcher.get(), &Catcher::requestCaught);
    client.send(post("/9", {}, "nine"));
    QVERIFY(client.response());
    QCOMPARE(caught.size(), 1);
    QCOMPARE(caught.first().at(0).value<CaughtRequest>().request.body, QByteArray("nine"));
    QVERIFY(m_catcher->requests().isEmpty());
}

void TestCatcher::jsonOfACaughtRequest()
{
    RawClient client(m_catcher->port());
    const QByteArray binary = "\xff\xfe\x00\x01 not UTF-8"_ba;
    client.send(post("/caf%C3%A9?q=a%20b&x", {{"X-Name", "Çağrı"}}, binary));
    QVERIFY(client.response());
    client.send(post("/text", {}, "héllo"));
    QVERIFY(client.response());

    const QJsonObject json = m_catcher->requests().at(0).toJson();
    QCOMPARE(json.value(u"method"_s).toString(), u"POST"_s);
    QCOMPARE(json.value(u"target"_s).toString(), u"/caf%C3%A9?q=a%20b&x"_s);
    QCOMPARE(json.value(u"path"_s).toString(), u"/café"_s);
    QCOMPARE(json.value(u"query"_s).toString(), u"q=a%20b&x"_s);
    QCOMPARE(json.value(u"bodyEncoding"_s).toString(), u"base64"_s);
    QCOMPARE(QByteArray::fromBase64(json.value(u"body"_s).toString().toLatin1()), binary);
    QCOMPARE(json.value(u"bodySize"_s).toInteger(), binary.size());
    QCOMPARE(json.value(u"status"_s).toInt(), 200);
    QVERIFY(!json.contains(u"signatureValid"_s));
    const QJsonArray headers = json.value(u"headers"_s).toArray();
    QCOMPARE(headers.at(0).toObject().value(u"name"_s).toString(), u"Host"_s);
    QCOMPARE(headers.at(1).toObject().value(u"name"_s).toString(), u"X-Name"_s);
    QCOMPARE(headers.at(1).toObject().value(u"value"_s).toString(), u"Çağrı"_s);
    QVERIFY(
        QDateTime::fromString(json.value(u"receivedAt"_s).toString(), Qt::ISODateWithMs).isValid());

    const QJsonObject text = m_catcher->requests().at(1).toJson();
    QCOMPARE(text.value(u"body"_s).toString(), u"héllo"_s);
    QVERIFY(!text.contains(u"bodyEncoding"_s));
    QCOMPARE(text.value(u"sequence"_s).toInt(), 2);
}

QTEST_GUILESS_MAIN(TestCatcher)
#include "tst_catcher.moc"
