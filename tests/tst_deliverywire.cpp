// What one delivery puts on the wire, read by a real HTTP server on 127.0.0.1 that records every
// header line as it arrived: the rendered request, Kanca's User-Agent, the two header lines
// HTTP/1.1 needs (Host, Content-Length) and nothing else; no cookies; no proxy, whatever proxy
// the environment names.
#include "KancaVersion.h"
#include "delivery/DeliveryEngine.h"
#include "engine/DeliveryId.h"
#include "engine/SecretProvider.h"
#include "history/HistoryDatabase.h"
#include "http/HttpServer.h"

#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Kanca;
using namespace Qt::StringLiterals;

namespace {

class NoSecrets final : public SecretProvider
{
public:
    std::optional<QByteArray> secret(const QString &) const override { return std::nullopt; }
};

Delivery makeDelivery(const QString &url, const QList<RenderedRequest::Header> &headers)
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
    d.request.headers = headers;
    d.request.body = "{\"a\": 1}";
    d.timeoutMs = 5000;
    d.retry = {1, 20, 200};
    d.nextAttemptAt = d.createdAt;
    return d;
}

// The names of the header lines as received, lower-cased, in order (duplicates kept).
QByteArrayList names(const HttpRequest &request)
{
    QByteArrayList out;
    for (const HttpHeader &header : request.headers)
        out.append(header.name.toLower());
    return out;
}

// Every line of that name (case-insensitive), as received.
QByteArrayList values(const HttpRequest &request, QByteArrayView name)
{
    QByteArrayList out;
    for (const HttpHeader &header : request.headers) {
        if (name.compare(header.name, Qt::CaseInsensitive) == 0)
            out.append(header.value);
    }
    return out;
}

} // namespace

class TestDeliveryWire : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void onlyWhatHttpNeedsIsAdded();
    void aBodylessPostAndOtherMethods();
    void headersTheRequestSetsAreSentAsSet();
    void cookiesAreNeitherKeptNorSent();
    void noProxyWhateverTheEnvironmentSays();
    void aHeaderWithALineBreakIsNeverSent();

private:
    // Submits the deliveries one after the other, each once the one before has finished.
    void deliverInTurn(const QList<Delivery> &deliveries);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<HistoryDatabase> m_history;
    std::unique_ptr<HttpServer> m_server;
    NoSecrets m_secrets;
    QList<HttpRequest> m_received;
};

void TestDeliveryWire::init()
{
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
}

void TestDeliveryWire::cleanup()
{
    m_server.reset();
    m_history.reset();
    m_dir.reset();
}

void TestDeliveryWire::deliverInTurn(const QList<Delivery> &deliveries)
{
    DeliveryEngine engine(*m_history, m_secrets);
    QSignalSpy finished(&engine, &DeliveryEngine::deliveryFinished);
    for (const Delivery &delivery : deliveries) {
        const qsizetype before = finished.size();
        QString error;
        QVERIFY2(engine.submit({delivery}, &error), qPrintable(error));
        QVERIFY(QTest::qWaitFor([&] { return finished.size() > before; }, 10'000));
    }
    QVERIFY(QTest::qWaitFor([&] { return engine.isIdle(); }, 10'000));
}

// The rendered header lines go out as rendered, with Kanca's User-Agent, and Host and
// Content-Length, which HTTP/1.1 needs. Nothing else: no Accept, Accept-Encoding,
// Accept-Language, Connection or Expect of the HTTP client's own.
void TestDeliveryWire::onlyWhatHttpNeedsIsAdded()
{
    deliverInTurn({makeDelivery(
        m_server->url() + u"/hook"_s,
        {{u"Content-Type"_s, u"application/json"_s, false}, {u"X-Source"_s, u"kanca"_s, false}})});
    QCOMPARE(m_received.size(), 1);
    const HttpRequest &got = m_received.constFirst();

    QCOMPARE(got.method, QByteArray("POST"));
    QCOMPARE(got.target, QByteArray("/hook"));
    QByteArrayList received = names(got);
    std::sort(received.begin(), received.end());
    QByteArrayList expected{"content-type", "x-source", "user-agent", "host", "content-length"};
    std::sort(expected.begin(), expected.end());
    QCOMPARE(received, expected);

    QCOMPARE(got.header("Content-Type"), QByteArray("application/json"));
    QCOMPARE(got.header("X-Source"), QByteArray("kanca"));
    QCOMPARE(got.header("User-Agent"), QByteArray("Kanca/" KANCA_VERSION_STRING));
    QCOMPARE(got.header("Host"), ("127.0.0.1:" + QByteArray::number(m_server->serverPort())));
    QCOMPARE(got.header("Content-Length"), QByteArray("8"));
    QCOMPARE(got.body, QByteArray("{\"a\": 1}"));
}

// A POST without a body says so (Content-Length: 0) and gets no form Content-Type; a body over
// 1 KiB goes at once, without waiting for a 100 Continue; other methods go as named, with their
// body when they have one; an empty header value is sent empty.
void TestDeliveryWire::aBodylessPostAndOtherMethods()
{
    Delivery empty =
        makeDelivery(m_server->url() + u"/empty"_s, {{u"X-Empty"_s, QString(), false}});
    empty.request.body.clear();
    Delivery large =
        makeDelivery(m_server->url() + u"/large"_s, {{u"Content-Type"_s, u"text/plain"_s, false}});
    large.request.body = QByteArray(200'000, 'x');
    Delivery put = makeDelivery(m_server->url() + u"/put"_s, {});
    put.request.method = u"PUT"_s;
    Delivery get = makeDelivery(m_server->url() + u"/get?a=1"_s, {});
    get.request.method = u"GET"_s;
    get.request.body.clear();
    Delivery del = makeDelivery(m_server->url() + u"/delete"_s, {});
    del.request.method = u"DELETE"_s;
    deliverInTurn({empty, large, put, get, del});
    QCOMPARE(m_received.size(), 5);

    const HttpRequest &gotEmpty = m_received.at(0);
    QCOMPARE(gotEmpty.method, QByteArray("POST"));
    QCOMPARE(values(gotEmpty, "Content-Length"), QByteArrayList{"0"});
    QCOMPARE(values(gotEmpty, "X-Empty"), QByteArrayList{""});
    QVERIFY(!gotEmpty.hasHeader("Content-Type"));
    QVERIFY(gotEmpty.body.isEmpty());

    const HttpRequest &gotLarge = m_received.at(1);
    QVERIFY(!gotLarge.hasHeader("Expect"));
    QCOMPARE(gotLarge.body, large.request.body);

    QCOMPARE(m_received.at(2).method, QByteArray("PUT"));
    QCOMPARE(m_received.at(2).body, put.request.body);
    QCOMPARE(m_received.at(3).method, QByteArray("GET"));
    QCOMPARE(m_received.at(3).target, QByteArray("/get?a=1"));
    QVERIFY(!m_received.at(3).hasHeader("Content-Length"));
    QVERIFY(m_received.at(3).body.isEmpty());
    QCOMPARE(m_received.at(4).method, QByteArray("DELETE"));
    QCOMPARE(m_received.at(4).body, del.request.body);
    for (const Delivery &d : {empty, large, put, get, del})
        QCOMPARE(m_history->delivery(d.id)->status, DeliveryStatus::Succeeded);
}

// A request that sets its own Accept-Encoding, Accept-Language, Connection or User-Agent sends
// exactly those values, once each.
void TestDeliveryWire::headersTheRequestSetsAreSentAsSet()
{
    deliverInTurn({makeDelivery(m_server->url(), {{u"accept-encoding"_s, u"identity"_s, false},
                                                  {u"Accept-Language"_s, u"tr-TR"_s, false},
                                                  {u"Connection"_s, u"keep-alive"_s, false},
                                                  {u"User-Agent"_s, u"crm-sync/2"_s, false},
                                                  {u"Content-Type"_s, u"text/plain"_s, false}})});
    QCOMPARE(m_received.size(), 1);
    const HttpRequest &got = m_received.constFirst();
    QCOMPARE(values(got, "Accept-Encoding"), QByteArrayList{"identity"});
    QCOMPARE(values(got, "Accept-Language"), QByteArrayList{"tr-TR"});
    QCOMPARE(values(got, "Connection"), QByteArrayList{"keep-alive"});
    QCOMPARE(values(got, "User-Agent"), QByteArrayList{"crm-sync/2"});
    QCOMPARE(values(got, "Content-Type"), QByteArrayList{"text/plain"});
    QByteArrayList received = names(got);
    std::sort(received.begin(), received.end());
    QByteArrayList expected{"accept-encoding", "accept-language", "connection",
                            "user-agent",      "content-type",    "host",
                            "content-length"};
    std::sort(expected.begin(), expected.end());
    QCOMPARE(received, expected);
}

// A receiver's Set-Cookie is not kept: the next request to it carries no Cookie.
void TestDeliveryWire::cookiesAreNeitherKeptNorSent()
{
    m_server->setHandler([](const HttpRequest &, HttpResponder r) {
        r.respond(200, {{"Set-Cookie", "session=abc123; Path=/"}}, "ok");
    });
    const QList<RenderedRequest::Header> headers{{u"Content-Type"_s, u"application/json"_s, false}};
    deliverInTurn({makeDelivery(m_server->url() + u"/a"_s, headers),
                   makeDelivery(m_server->url() + u"/b"_s, headers)});
    QCOMPARE(m_received.size(), 2);
    for (const HttpRequest &got : std::as_const(m_received))
        QVERIFY2(!got.hasHeader("Cookie"), got.header("Cookie").constData());
}

// Kanca has no proxy setting and connects directly, whatever proxy the environment names (which
// curl would otherwise follow): a "proxy" listening here receives nothing.
void TestDeliveryWire::noProxyWhateverTheEnvironmentSays()
{
    HttpServer proxy;
    QString error;
    QVERIFY2(proxy.listen(QHostAddress::LocalHost, 0, &error), qPrintable(error));
    QList<HttpRequest> proxied;
    connect(&proxy, &HttpServer::requestReceived, this,
            [&proxied](const HttpRequest &request) { proxied.append(request); });
    const QByteArray proxyUrl = proxy.url().toUtf8();
    const QByteArrayList names{"http_proxy", "HTTP_PROXY", "https_proxy", "all_proxy", "ALL_PROXY"};
    for (const QByteArray &name : names)
        qputenv(name.constData(), proxyUrl);
    struct Restore
    {
        QByteArrayList names;
        ~Restore()
        {
            for (const QByteArray &name : names)
                qunsetenv(name.constData());
        }
    } restore{names};

    deliverInTurn({makeDelivery(m_server->url() + u"/direct"_s, {})});
    QCOMPARE(m_received.size(), 1);
    QCOMPARE(m_received.constFirst().target, QByteArray("/direct"));
    QCOMPARE(proxied.size(), 0);
}

// A header whose value (or name) holds a line break would end early on the wire and start a
// header line of its own: such a request is never sent, and the attempt fails for good naming
// the header.
void TestDeliveryWire::aHeaderWithALineBreakIsNeverSent()
{
    const Delivery split = makeDelivery(
        m_server->url() + u"/split"_s,
        {{u"X-Note"_s, u"one\r\nX-Injected: two"_s, false}, {u"X-Fine"_s, u"yes"_s, false}});
    const Delivery fine = makeDelivery(m_server->url() + u"/fine"_s, {});
    deliverInTurn({split, fine});
    QCOMPARE(m_received.size(), 1);
    QCOMPARE(m_received.constFirst().target, QByteArray("/fine"));
    const std::optional<Delivery> stored = m_history->delivery(split.id);
    QVERIFY(stored);
    QCOMPARE(stored->status, DeliveryStatus::Failed);
    QCOMPARE(stored->attemptCount, 1);
    QVERIFY2(stored->lastError.startsWith(u"The header \"X-Note\" cannot be sent"_s),
             qPrintable(stored->lastError));
}

QTEST_GUILESS_MAIN(TestDeliveryWire)
#include "tst_deliverywire.moc"
