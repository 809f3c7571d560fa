// Delivery over TLS: certificates are verified, a failure says why in words, and a server the
// engine cannot trust never receives a request. The servers are QSslServers on 127.0.0.1 with the
// certificates of tests/data/tls (made once by generate.sh there; nothing is generated at run
// time). Trust is only ever added through the test process's default QSslConfiguration: the engine
// has no switch that relaxes verification.
#include "delivery/DeliveryEngine.h"
#include "engine/DeliveryId.h"
#include "engine/SecretProvider.h"
#include "history/HistoryDatabase.h"
#include "http/HttpRequestParser.h"

#include <QFile>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslServer>
#include <QSslSocket>
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

QByteArray tlsFile(const QString &name)
{
    QFile file(QStringLiteral(KANCA_SOURCE_DIR "/tests/data/tls/") + name);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

// A small HTTPS server: answers every complete request with 200 and keeps the connection open.
// It records the requests, the handshakes it completed and the application protocol (ALPN) each
// connection agreed on. A connection that agrees on "h2" is closed at once: this server only
// speaks HTTP/1.1, and seeing the offer is all a test needs.
class TlsServer final : public QObject
{
public:
    QList<HttpRequest> requests;
    QByteArrayList negotiatedProtocols; // one per completed handshake

    bool listen(const QString &certificateName, const QByteArrayList &protocols = {})
    {
        const QSslCertificate certificate(tlsFile(certificateName + u".pem"_s), QSsl::Pem);
        const QSslKey key(tlsFile(certificateName + u".key"_s), QSsl::Ec, QSsl::Pem);
        if (certificate.isNull() || key.isNull())
            return false;
        QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
        configuration.setLocalCertificate(certificate);
        configuration.setPrivateKey(key);
        configuration.setPeerVerifyMode(QSslSocket::VerifyNone); // clients show no certificate
        configuration.setAllowedNextProtocols(protocols);
        m_server.setSslConfiguration(configuration);
        connect(&m_server, &QTcpServer::pendingConnectionAvailable, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection())
                serve(qobject_cast<QSslSocket *>(socket));
        });
        return m_server.listen(QHostAddress::LocalHost);
    }

    QString url(const QString &host = u"127.0.0.1"_s) const
    {
        return u"https://%1:%2/hooks/tls"_s.arg(host).arg(m_server.serverPort());
    }

private:
    void serve(QSslSocket *socket)
    {
        const QByteArray protocol = socket->sslConfiguration().nextNegotiatedProtocol();
        negotiatedProtocols.append(protocol);
        connect(socket, &QAbstractSocket::disconnected, socket, &QObject::deleteLater);
        if (protocol == QSslConfiguration::ALPNProtocolHTTP2) {
            socket->disconnectFromHost();
            return;
        }
        auto parser = std::make_shared<HttpRequestParser>();
        const auto read = [this, socket, parser] {
            parser->feed(socket->readAll());
            for (;;) {
                switch (parser->next()) {
                case HttpRequestParser::Event::NeedMoreData:
                    return;
                case HttpRequestParser::Event::ContinueExpected:
                    socket->write("HTTP/1.1 100 Continue\r\n\r\n");
                    break;
                case HttpRequestParser::Event::RequestReady:
                    requests.append(parser->takeRequest());
                    socket->write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
                    break;
                case HttpRequestParser::Event::Error:
                    socket->disconnectFromHost();
                    return;
                }
            }
        };
        connect(socket, &QIODevice::readyRead, this, read);
        read(); // bytes that came with the handshake
    }

    QSslServer m_server;
};

} // namespace

class TestDeliveryTls : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void untrustedCertificatesAreRefused_data();
    void untrustedCertificatesAreRefused();
    void trustedServerIsDeliveredTo();
    void http2IsOfferedOnlyWhenAllowed_data();
    void http2IsOfferedOnlyWhenAllowed();

private:
    static void trustTestCa();
    Delivery makeDelivery(const QString &url) const;
    bool deliver(const Delivery &delivery, const DeliveryEngine::Settings &settings = {});

    QSslConfiguration m_originalDefault;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<HistoryDatabase> m_history;
    NoSecrets m_secrets;
};

void TestDeliveryTls::initTestCase()
{
    if (!QSslSocket::supportsSsl())
        QSKIP("No TLS backend in this Qt");
    m_originalDefault = QSslConfiguration::defaultConfiguration();
}

void TestDeliveryTls::init()
{
    QTest::failOnWarning(QRegularExpression(u"."_s)); // whatever the engine warns reaches users
    m_dir = std::make_unique<QTemporaryDir>();
    m_history = std::make_unique<HistoryDatabase>();
    QString error;
    QVERIFY2(m_history->open(m_dir->filePath(u"history.sqlite"_s), &error), qPrintable(error));
}

void TestDeliveryTls::cleanup()
{
    QSslConfiguration::setDefaultConfiguration(m_originalDefault);
    m_history.reset();
    m_dir.reset();
}

// Trusts tests/data/tls/self-signed.pem, which also issued expired.pem and other-host.pem, for
// this test process only (cleanup() restores the default).
void TestDeliveryTls::trustTestCa()
{
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.addCaCertificates(QSslCertificate::fromData(tlsFile(u"self-signed.pem"_s)));
    QSslConfiguration::setDefaultConfiguration(configuration);
}

Delivery TestDeliveryTls::makeDelivery(const QString &url) const
{
    Delivery d;
    d.id = newDeliveryId();
    d.createdAt = QDateTime::currentDateTimeUtc();
    d.ruleSetName = u"Test"_s;
    d.ruleId = u"rule-1"_s;
    d.eventType = u"chat.opened"_s;
    d.request.method = u"POST"_s;
    d.request.url = url;
    d.request.headers = {{u"Content-Type"_s, u"application/json"_s, false}};
    d.request.body = "{\"a\": 1}";
    d.timeoutMs = 5000;
    d.retry = {2, 10, 10};
    d.nextAttemptAt = d.createdAt;
    return d;
}

bool TestDeliveryTls::deliver(const Delivery &delivery, const DeliveryEngine::Settings &settings)
{
    DeliveryEngine engine(*m_history, m_secrets);
    engine.setSettings(settings);
    QSignalSpy idle(&engine, &DeliveryEngine::idle);
    QString error;
    if (!engine.submit({delivery}, &error)) {
        qWarning("submit: %s", qPrintable(error));
        return false;
    }
    return idle.wait(20000);
}

void TestDeliveryTls::untrustedCertificatesAreRefused_data()
{
    QTest::addColumn<QString>("certificate");
    QTest::addColumn<bool>("trustTestCa");
    QTest::addColumn<QString>("host");
    QTest::addColumn<QString>("expectedReason"); // part of the message; empty: the whole one below
    QTest::addColumn<QString>("expectedMessage");

    QTest::newRow("self-signed") << u"self-signed"_s << false << u"127.0.0.1"_s
                                 << u"The certificate is self-signed, and untrusted"_s << QString();
    QTest::newRow("expired, trusted issuer")
        << u"expired"_s << true << u"127.0.0.1"_s << QString()
        << u"TLS: The certificate has expired (host 127.0.0.1)"_s;
    QTest::newRow("expired, unknown issuer")
        << u"expired"_s << false << u"127.0.0.1"_s
        << u"The issuer certificate of a locally looked up certificate could not be found"_s
        << QString();
    QTest::newRow("for another host")
        << u"other-host"_s << true << u"127.0.0.1"_s << QString()
        << u"TLS: The host name did not match any of the valid hosts for this certificate "
           u"(host 127.0.0.1)"_s;
}

void TestDeliveryTls::untrustedCertificatesAreRefused()
{
    QFETCH(QString, certificate);
    QFETCH(bool, trustTestCa);
    QFETCH(QString, host);
    QFETCH(QString, expectedReason);
    QFETCH(QString, expectedMessage);

    if (trustTestCa)
        TestDeliveryTls::trustTestCa();
    TlsServer server;
    QVERIFY(server.listen(certificate));
    const Delivery d = makeDelivery(server.url(host));
    QVERIFY(deliver(d));

    // Nothing of the request reached the server, on any attempt.
    QCOMPARE(server.requests.size(), 0);

    const auto stored = m_history->delivery(d.id);
    QVERIFY(stored);
    QCOMPARE(stored->status, DeliveryStatus::Failed);
    QCOMPARE(stored->attemptCount, 2); // a certificate can be replaced: the failure is retried
    QVERIFY(!stored->lastHttpStatus);
    const QString &message = stored->lastError;
    if (!expectedMessage.isEmpty()) {
        QCOMPARE(message, expectedMessage);
    } else {
        QVERIFY2(message.startsWith(u"TLS: "), qPrintable(message));
        QVERIFY2(message.contains(expectedReason), qPrintable(message));
        QVERIFY2(message.endsWith(u"(host %1)"_s.arg(host)), qPrintable(message));
    }
    for (const Attempt &attempt : m_history->attempts(d.id)) {
        QCOMPARE(attempt.error, message);
        QVERIFY(!attempt.httpStatus);
    }
}

void TestDeliveryTls::trustedServerIsDeliveredTo()
{
    // The same self-signed server as above, now trusted through the default configuration, as a
    // company CA installed on the system would be.
    trustTestCa();
    TlsServer server;
    QVERIFY(server.listen(u"self-signed"_s));
    const Delivery d = makeDelivery(server.url());
    QVERIFY(deliver(d));

    QCOMPARE(server.requests.size(), 1);
    const HttpRequest &got = server.requests.first();
    QCOMPARE(got.method, QByteArray("POST"));
    QCOMPARE(got.target, QByteArray("/hooks/tls"));
    QCOMPARE(got.body, d.request.body);
    const auto stored = m_history->delivery(d.id);
    QCOMPARE(stored->status, DeliveryStatus::Succeeded);
    QCOMPARE(stored->attemptCount, 1);
    QCOMPARE(stored->lastHttpStatus, std::optional<int>(200));
    QVERIFY2(stored->lastError.isEmpty(), qPrintable(stored->lastError));
}

void TestDeliveryTls::http2IsOfferedOnlyWhenAllowed_data()
{
    QTest::addColumn<bool>("allowHttp2");
    QTest::newRow("allowed") << true;
    QTest::newRow("forced HTTP/1.1") << false;
}

// Settings::allowHttp2 reaches the wire: HttpAttempt asks libcurl for HTTP/2 over TLS or for
// HTTP/1.1 from it, and libcurl then offers "h2" in the TLS handshake (ALPN), or does not. The
// server here prefers h2, so the protocol it agrees on shows what the client offered. (On
// cleartext HTTP/2 is never asked for, so only TLS can show the difference.)
void TestDeliveryTls::http2IsOfferedOnlyWhenAllowed()
{
    QFETCH(bool, allowHttp2);

    trustTestCa();
    TlsServer server;
    QVERIFY(server.listen(u"self-signed"_s, {QSslConfiguration::ALPNProtocolHTTP2,
                                             QSslConfiguration::NextProtocolHttp1_1}));
    Delivery d = makeDelivery(server.url());
    d.retry = {1, 10, 10};
    DeliveryEngine::Settings settings;
    settings.allowHttp2 = allowHttp2;
    QVERIFY(deliver(d, settings));

    QCOMPARE(server.negotiatedProtocols.size(), 1);
    const QByteArray negotiated = server.negotiatedProtocols.first();
    if (allowHttp2) {
        QCOMPARE(negotiated, QByteArray(QSslConfiguration::ALPNProtocolHTTP2));
    } else {
        // Qt offers "http/1.1" or nothing at all; either way no "h2".
        QVERIFY2(negotiated != QSslConfiguration::ALPNProtocolHTTP2, negotiated.constData());
        QCOMPARE(server.requests.size(), 1);
        QCOMPARE(server.requests.first().httpVersion, QByteArray("HTTP/1.1"));
        QCOMPARE(m_history->delivery(d.id)->status, DeliveryStatus::Succeeded);
    }
}

QTEST_GUILESS_MAIN(TestDeliveryTls)
#include "tst_deliverytls.moc"
