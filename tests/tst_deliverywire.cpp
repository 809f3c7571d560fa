// What one delivery puts on the wire, read by a real HTTP server on 127.0.0.1 that records every
// header line as it arrived: the rendered request, Kanca's User-Agent, the few header lines
// Qt's HTTP client (Qt 6.4) adds by itself and nothing else; no cookies; no proxy, whatever
// proxy the process has.
#include "KancaVersion.h"
#include "delivery/DeliveryEngine.h"
#include "delivery/NetworkPool.h"
#include "engine/DeliveryId.h"
#include "engine/SecretProvider.h"
#include "history/HistoryDatabase.h"
#include "http/HttpServer.h"

#include <QNetworkAccessManager>
#include <QNetworkProxy>
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

    void onlyWhatQtInsistsOnIsAdded();
    void headersTheRequestSetsAreSentAsSet();
    void cookiesAreNeitherKeptNorSent();
    void managersUseNoProxyCacheOrHsts();

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

// The rendered header lines go out as rendered, with Kanca's User-Agent. Qt 6.4 adds Host,
// Content-Length and Connection, which HTTP/1.1 needs, and Accept-Encoding and Accept-Language
// to any request that does not set them: its API has no way to leave those two out (see the
// README). Nothing else is added.
void TestDeliveryWire::onlyWhatQtInsistsOnIsAdded()
{
    deliverInTurn({makeDelivery(
        m_server->url() + u"/hook"_s,
        {{u"Content-Type"_s, u"application/json"_s, false}, {u"X-Source"_s, u"kanca"_s, false}})});
    QCOMPARE(m_received.size(), 1);
    const HttpRequest &got = m_received.constFirst();

    QByteArrayList received = names(got);
    std::sort(received.begin(), received.end());
    QByteArrayList expected{"content-type",   "x-source",   "user-agent",      "host",
                            "content-length", "connection", "accept-encoding", "accept-language"};
    std::sort(expected.begin(), expected.end());
    QCOMPARE(received, expected);

    QCOMPARE(got.header("Content-Type"), QByteArray("application/json"));
    QCOMPARE(got.header("X-Source"), QByteArray("kanca"));
    QCOMPARE(got.header("User-Agent"), QByteArray("Kanca/" KANCA_VERSION_STRING));
    QCOMPARE(got.header("Host"), ("127.0.0.1:" + QByteArray::number(m_server->serverPort())));
    QCOMPARE(got.header("Content-Length"), QByteArray("8"));
    QCOMPARE(got.header("Connection"), QByteArray("Keep-Alive"));
    // What Qt 6.4 puts there: the encodings it can decode itself ("zstd, br, gzip, deflate" with
    // Debian's Qt), and the system's language.
    QVERIFY2(got.header("Accept-Encoding").contains("gzip, deflate"),
             got.header("Accept-Encoding").constData());
    QVERIFY(!got.header("Accept-Language").isEmpty());
    QCOMPARE(got.body, QByteArray("{\"a\": 1}"));
}

// A request that sets its own Accept-Encoding, Accept-Language, Connection or User-Agent sends
// exactly those values, once each: Qt adds its own only where the request has none.
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

// Kanca has no proxy setting and connects directly, whatever proxy the process was given (an
// application-wide one, or the system's configuration): the managers attempts go through use no
// proxy, so none is looked up before each request either; no cache and no HSTS. (This cannot be
// seen on the wire here: Qt never sends a request for a loopback address through a proxy, and the
// tests reach no other address.)
void TestDeliveryWire::managersUseNoProxyCacheOrHsts()
{
    struct RestoreProxies
    {
        ~RestoreProxies() { QNetworkProxy::setApplicationProxy(QNetworkProxy::DefaultProxy); }
    } restore;
    QNetworkProxy::setApplicationProxy(
        QNetworkProxy(QNetworkProxy::HttpProxy, u"127.0.0.1"_s, m_server->serverPort()));

    NetworkPool pool;
    QNetworkAccessManager *first = pool.acquire();
    // After an answer that spoils a connection, a fresh manager, set up the same way.
    pool.release(first, true);
    QNetworkAccessManager *second = pool.acquire();
    QVERIFY(second != first);
    for (QNetworkAccessManager *network : {first, second}) {
        QCOMPARE(network->proxy().type(), QNetworkProxy::NoProxy);
        QCOMPARE(network->proxyFactory(), nullptr);
        QCOMPARE(network->cache(), nullptr);
        QVERIFY(!network->isStrictTransportSecurityEnabled());
        QCOMPARE(network->redirectPolicy(), QNetworkRequest::ManualRedirectPolicy);
    }
    pool.release(second, false);
}

QTEST_GUILESS_MAIN(TestDeliveryWire)
#include "tst_deliverywire.moc"
