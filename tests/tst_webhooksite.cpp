// The webhook.site client, the same code the designer uses, against a local stand-in.
//
// The real webhook.site cannot be reached from the test machines (they have no network), so
// FakeWebhookSite (tests/support) answers the documented endpoints with the documented JSON
// shapes on 127.0.0.1, and can answer 410, 429, garbage, or nothing at all.
// What arrived there is compared with what was sent (tst_requestcomparison tests the comparison
// itself).
#include "delivery/HttpAttempt.h"
#include "endpoints/RequestComparison.h"
#include "endpoints/WebhookSiteClient.h"
#include "engine/Credentials.h"
#include "engine/SecretProvider.h"
#include "http/HttpServer.h"
#include "support/FakeWebhookSite.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QSignalSpy>
#include <QTest>
#include <QTimeZone>
#include <QUrlQuery>
#include <QUuid>

#include <memory>

using namespace Kanca;
using Kanca::Testing::FakeWebhookSite;
using namespace Qt::StringLiterals;

namespace {

constexpr int WaitMs = 10000;

class FixedSecrets final : public SecretProvider
{
public:
    std::optional<QByteArray> secret(const QString &name) const override
    {
        if (name == u"SIGNING")
            return QByteArray("whsec_") + QByteArray("the signing key").toBase64();
        return std::nullopt;
    }
};

// Waits for the reply's finished() and says whether it came.
bool waitFor(WebhookSiteReply *reply)
{
    if (reply->isFinished())
        return true;
    QSignalSpy finished(reply, &WebhookSiteReply::finished);
    return finished.wait(WaitMs) && reply->isFinished();
}

RenderedRequest renderedRequest(const QString &url)
{
    RenderedRequest request;
    request.method = u"POST"_s;
    request.url = url;
    request.headers = {{u"Content-Type"_s, u"application/json"_s, false},
                       {u"X-Kanca-Rule"_s, u"vip: çağrı"_s, false},
                       {u"Authorization"_s, u"Bearer tok-123"_s, true}};
    request.body = "{\"contact\": \"Ayşe\", \"note\": \"a \\\"quoted\\\" line\\n\"}";
    return request;
}

} // namespace

class TestWebhookSite : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void createTokenSendsTheDocumentedBody();
    void apiKeyIsSentWhenSet();
    void selfHostedBaseWithAPath();
    void tokenOfAnActionUrl();
    void latestRequestsNewestFirst();
    void sentRequestFetchedByItsRequestIdMatches();
    void errors_data();
    void errors();
    void slowAnswerTimesOut();
    void connectionRefused();
    void idsThatAreNotIdsAreRefused();
    void abortFinishesAtOnce();

private:
    std::unique_ptr<FakeWebhookSite> m_site;
    std::unique_ptr<WebhookSiteClient> m_client;
};

void TestWebhookSite::init()
{
    m_site = std::make_unique<FakeWebhookSite>();
    m_client = std::make_unique<WebhookSiteClient>();
    m_client->network()->setProxy(QNetworkProxy::NoProxy);
    m_client->setBaseUrl(QUrl(m_site->base()));
}

void TestWebhookSite::createTokenSendsTheDocumentedBody()
{
    QCOMPARE(WebhookSiteClient::defaultBaseUrl(), QUrl(u"https://webhook.site"_s));
    WebhookSiteTokenOptions options;
    options.defaultStatus = 202;
    options.defaultContent = u"thanks"_s;
    options.defaultContentType = u"text/plain"_s;
    options.timeoutSeconds = 3;
    WebhookSiteReply *reply = m_client->createToken(options);
    QVERIFY(!reply->isFinished()); // never from within the call
    QVERIFY(waitFor(reply));
    QCOMPARE(reply->error(), WebhookSiteReply::Error::None);
    QCOMPARE(reply->token().uuid, m_site->tokenUuid);
    QCOMPARE(reply->token().url, QUrl(m_site->base() + u'/' + m_site->tokenUuid));
    QCOMPARE(reply->token().defaultStatus, 202);
    QCOMPARE(reply->token().createdAt,
             QDateTime(QDate(2019, 9, 22), QTime(10, 52, 20), QTimeZone::utc()));
    QCOMPARE(*reply->httpStatus(), 201);

    QCOMPARE(m_site->apiCalls.size(), 1);
    const HttpRequest &call = m_site->apiCalls.first();
    QCOMPARE(call.method, QByteArray("POST"));
    QCOMPARE(call.target, QByteArray("/token"));
    QCOMPARE(call.header("Content-Type"), QByteArray("application/json"));
    QVERIFY(!call.hasHeader("Api-Key"));
    const QJsonObject body = QJsonDocument::fromJson(call.body).object();
    QCOMPARE(body.value(u"default_status"_s).toInt(), 202);
    QCOMPARE(body.value(u"default_content"_s).toString(), u"thanks"_s);
    QCOMPARE(body.value(u"default_content_type"_s).toString(), u"text/plain"_s);
    QCOMPARE(body.value(u"timeout"_s).toInt(), 3);
    delete reply;
}

void TestWebhookSite::apiKeyIsSentWhenSet()
{
    m_client->setApiKey(u"  key-0123\n"_s);
    QCOMPARE(m_client->apiKey(), u"key-0123"_s);
    std::unique_ptr<WebhookSiteReply> created(m_client->createToken());
    QVERIFY(waitFor(created.get()));
    std::unique_ptr<WebhookSiteReply> listed(m_client->latestRequests(m_site->tokenUuid, 5));
    QVERIFY(waitFor(listed.get()));
    QCOMPARE(m_site->apiCalls.size(), 2);
    for (const HttpRequest &call : std::as_const(m_site->apiCalls))
        QCOMPARE(call.header("Api-Key"), QByteArray("key-0123"));
}

void TestWebhookSite::selfHostedBaseWithAPath()
{
    m_site->setPrefix(u"/hooks"_s);
    m_client->setBaseUrl(QUrl(m_site->base() + u'/'));
    std::unique_ptr<WebhookSiteReply> reply(m_client->createToken());
    QVERIFY(waitFor(reply.get()));
    QCOMPARE(reply->error(), WebhookSiteReply::Error::None);
    QCOMPARE(m_site->apiCalls.first().target, QByteArray("/hooks/token"));
    QCOMPARE(reply->token().url.toString(), m_site->base() + u'/' + m_site->tokenUuid);
}

void TestWebhookSite::tokenOfAnActionUrl()
{
    const QString uuid = m_site->tokenUuid;
    QCOMPARE(m_client->tokenOf(m_client->urlForToken(uuid)), uuid);
    QCOMPARE(m_client->tokenOf(QUrl(m_site->base() + u'/' + uuid + u"/crm/hook?x=1"_s)), uuid);
    QCOMPARE(m_client->tokenOf(QUrl(u"https://example.com/"_s + uuid)), std::nullopt);
    QCOMPARE(m_client->tokenOf(QUrl(m_site->base() + u"/token/x"_s)), std::nullopt);
    QCOMPARE(m_client->tokenOf(QUrl(m_site->base())), std::nullopt);
}

void TestWebhookSite::latestRequestsNewestFirst()
{
    QNetworkAccessManager network;
    network.setProxy(QNetworkProxy::NoProxy);
    for (int i = 1; i <= 3; ++i) {
        QNetworkRequest request(QUrl(m_client->urlForToken(m_site->tokenUuid).toString()
                                     + u"/n?i="_s + QString::number(i)));
        request.setRawHeader("Content-Type", "text/plain");
        QNetworkReply *reply = network.post(request, "body " + QByteArray::number(i));
        QSignalSpy finished(reply, &QNetworkReply::finished);
        QVERIFY(finished.wait(WaitMs));
        reply->deleteLater();
    }
    std::unique_ptr<WebhookSiteReply> reply(m_client->latestRequests(m_site->tokenUuid, 2));
    QVERIFY(waitFor(reply.get()));
    QCOMPARE(reply->error(), WebhookSiteReply::Error::None);
    const HttpRequest &call = m_site->apiCalls.last();
    QCOMPARE(call.path, u"/token/"_s + m_site->tokenUuid + u"/requests"_s);
    QCOMPARE(call.query, QByteArray("sorting=newest&per_page=2"));

    QCOMPARE(reply->requests().size(), 2);
    const WebhookSiteRequest &newest = reply->requests().first();
    QCOMPARE(newest.method, u"POST"_s);
    QCOMPARE(newest.content, QByteArray("body 3"));
    QCOMPARE(newest.tokenId, m_site->tokenUuid);
    QCOMPARE(newest.url.query(), u"i=3"_s);
    QVERIFY(newest.createdAt.isValid());
    QCOMPARE(newest.createdAt.offsetFromUtc(), 0);
    const HttpRequest asReceived = newest.toHttpRequest();
    QCOMPARE(asReceived.target, QByteArray("/") + m_site->tokenUuid.toLatin1() + "/n?i=3");
    QCOMPARE(asReceived.header("content-type"), QByteArray("text/plain"));
    QCOMPARE(reply->requests().at(1).content, QByteArray("body 2"));

    // per_page stays within the API's 1 to 100.
    std::unique_ptr<WebhookSiteReply> many(m_client->latestRequests(m_site->tokenUuid, 5000));
    QVERIFY(waitFor(many.get()));
    QVERIFY(m_site->apiCalls.last().query.endsWith("per_page=100"));
}

// The whole path the designer takes: a token, a real send through the delivery engine's
// HttpAttempt (signed with Standard Webhooks), the request fetched by the X-Request-Id of the
// answer, compared with what was sent, its signature checked with the secret.
void TestWebhookSite::sentRequestFetchedByItsRequestIdMatches()
{
    std::unique_ptr<WebhookSiteReply> created(m_client->createToken());
    QVERIFY(waitFor(created.get()));
    const QUrl url = created->token().url;

    RenderedRequest sent = renderedRequest(url.toString() + u"/crm?b=2&a=1"_s);
    Signing signing;
    signing.type = Signing::Type::StandardWebhooks;
    signing.secret.name = u"SIGNING"_s;
    Problems problems;
    QVERIFY(Credentials::apply(&sent, {}, signing, FixedSecrets(), u"dlv_1"_s,
                               QDateTime::currentDateTimeUtc(), u"/rules/0/then/0"_s, &problems));

    CurlMulti curl;
    HttpAttempt attempt(curl, sent, 5000, false);
    std::optional<HttpAttempt::Result> result;
    connect(&attempt, &HttpAttempt::finished, this,
            [&result](const HttpAttempt::Result &finished) { result = finished; });
    attempt.start();
    QVERIFY(QTest::qWaitFor([&result] { return result.has_value(); }, WaitMs));
    QString requestId;
    for (const RenderedRequest::Header &header : result->responseHeaders) {
        if (header.name.compare(u"X-Request-Id", Qt::CaseInsensitive) == 0)
            requestId = header.value;
    }
    QVERIFY(!requestId.isEmpty());

    std::unique_ptr<WebhookSiteReply> fetched(m_client->request(created->token().uuid, requestId));
    QVERIFY(waitFor(fetched.get()));
    QCOMPARE(fetched->error(), WebhookSiteReply::Error::None);
    QCOMPARE(fetched->requests().size(), 1);
    QCOMPARE(fetched->requests().first().uuid, requestId);

    const std::optional<SignatureVerifier> verifier =
        SignatureVerifier::forSigning(signing, *FixedSecrets().secret(u"SIGNING"_s));
    const RequestComparison comparison =
        RequestComparison::compare(sent, fetched->requests().first().toHttpRequest(), &*verifier);
    QVERIFY2(comparison.matches(), qPrintable(comparison.differences().join(u'\n')));
    QCOMPARE(comparison.method.verdict, RequestComparison::Verdict::Same);
    // webhook.site rebuilds the query with sorted parameters: the same, written differently.
    QCOMPARE(comparison.target.verdict, RequestComparison::Verdict::Equivalent);
    QCOMPARE(comparison.body.verdict, RequestComparison::Verdict::Same);
    QCOMPARE(comparison.signature.status, SignatureCheck::Status::Valid);
    const QStringList ignored = comparison.ignoredHeaders();
    for (const char *name : {"host", "content-length", "user-agent", "x-forwarded-for", "via"})
        QVERIFY2(ignored.contains(QLatin1String(name)), qPrintable(ignored.join(u", ")));
    // Names come lower-cased from webhook.site: the same header, noted.
    QCOMPARE(comparison.headers.first().name, u"Content-Type"_s);
    QCOMPARE(comparison.headers.first().verdict, RequestComparison::Verdict::Equivalent);

    // With the wrong secret the signature is invalid, and the rest still matches.
    const SignatureVerifier wrong(SignatureVerifier::Scheme::StandardWebhooks,
                                  "whsec_" + QByteArray("wrong").toBase64());
    const RequestComparison withWrongSecret =
        RequestComparison::compare(sent, fetched->requests().first().toHttpRequest(), &wrong);
    QCOMPARE(withWrongSecret.signature.status, SignatureCheck::Status::Invalid);
    QVERIFY(withWrongSecret.matches());
}

void TestWebhookSite::errors_data()
{
    QTest::addColumn<int>("mode");
    QTest::addColumn<int>("error");
    QTest::addColumn<QString>("message");
    using Mode = FakeWebhookSite::Mode;
    using Error = WebhookSiteReply::Error;
    QTest::newRow("410: expired or over quota")
        << int(Mode::Gone) << int(Error::Expired)
        << u"says this URL has expired or its quota is used up"_s;
    QTest::newRow("429 with Retry-After")
        << int(Mode::RateLimited) << int(Error::RateLimited) << u"try again in 30 second"_s;
    QTest::newRow("malformed JSON")
        << int(Mode::Malformed) << int(Error::MalformedResponse) << u"not JSON"_s;
    QTest::newRow("JSON without a uuid")
        << int(Mode::NoUuid) << int(Error::MalformedResponse) << u"\"uuid\""_s;
    QTest::newRow("404") << int(Mode::NotFound) << int(Error::NotFound) << u"HTTP 404"_s;
    QTest::newRow("401") << int(Mode::Unauthorized) << int(Error::Unauthorized) << u"API key"_s;
    QTest::newRow("redirect to a login")
        << int(Mode::Redirect) << int(Error::Unauthorized) << u"API key"_s;
    QTest::newRow("500 with webhook.site's error object")
        << int(Mode::ServerError) << int(Error::HttpError) << u"HTTP 500: Something broke"_s;
}

void TestWebhookSite::errors()
{
    QFETCH(int, mode);
    QFETCH(int, error);
    QFETCH(QString, message);
    m_site->mode = FakeWebhookSite::Mode(mode);
    std::unique_ptr<WebhookSiteReply> reply(m_client->createToken());
    QVERIFY(waitFor(reply.get()));
    QCOMPARE(int(reply->error()), error);
    QVERIFY2(reply->errorString().contains(message), qPrintable(reply->errorString()));
    QVERIFY2(reply->errorString().startsWith(u"127.0.0.1:"_s + QString::number(m_site->port())),
             qPrintable(reply->errorString()));
    QVERIFY(reply->token().uuid.isEmpty());
    if (mode == int(FakeWebhookSite::Mode::RateLimited))
        QCOMPARE(reply->retryAfterSeconds(), 30);

    // The same for a list that is not a list.
    if (mode == int(FakeWebhookSite::Mode::NoUuid)) {
        std::unique_ptr<WebhookSiteReply> list(m_client->latestRequests(m_site->tokenUuid));
        QVERIFY(waitFor(list.get()));
        QCOMPARE(list->error(), WebhookSiteReply::Error::MalformedResponse);
        QVERIFY2(list->errorString().contains(u"\"data\""), qPrintable(list->errorString()));
    }
}

void TestWebhookSite::slowAnswerTimesOut()
{
    m_site->mode = FakeWebhookSite::Mode::Silent;
    m_client->setTimeout(300);
    QElapsedTimer clock;
    clock.start();
    std::unique_ptr<WebhookSiteReply> reply(m_client->latestRequests(m_site->tokenUuid));
    QVERIFY(waitFor(reply.get()));
    QVERIFY(clock.elapsed() < 5000);
    QCOMPARE(reply->error(), WebhookSiteReply::Error::Timeout);
    QVERIFY2(reply->errorString().contains(u"did not answer within 1 second"),
             qPrintable(reply->errorString()));
}

void TestWebhookSite::connectionRefused()
{
    quint16 closedPort = 0;
    {
        HttpServer server;
        QVERIFY(server.listen());
        closedPort = server.serverPort();
    }
    m_client->setBaseUrl(QUrl(u"http://127.0.0.1:"_s + QString::number(closedPort)));
    std::unique_ptr<WebhookSiteReply> reply(m_client->createToken());
    QVERIFY(waitFor(reply.get()));
    QCOMPARE(reply->error(), WebhookSiteReply::Error::ConnectionRefused);
    QCOMPARE(reply->errorString(), u"127.0.0.1:"_s + QString::number(closedPort)
                                       + u" refused the connection: nothing is listening there"_s);
}

void TestWebhookSite::idsThatAreNotIdsAreRefused()
{
    std::unique_ptr<WebhookSiteReply> list(m_client->latestRequests(u"../admin"_s));
    QVERIFY(!list->isFinished());
    QVERIFY(waitFor(list.get()));
    QCOMPARE(list->error(), WebhookSiteReply::Error::NotFound);
    std::unique_ptr<WebhookSiteReply> one(m_client->request(m_site->tokenUuid, u"a/b"_s));
    QVERIFY(waitFor(one.get()));
    QCOMPARE(one->error(), WebhookSiteReply::Error::NotFound);
    QVERIFY(m_site->apiCalls.isEmpty());
}

void TestWebhookSite::abortFinishesAtOnce()
{
    m_site->mode = FakeWebhookSite::Mode::Silent;
    std::unique_ptr<WebhookSiteReply> reply(m_client->createToken());
    QVERIFY(QTest::qWaitFor([this] { return !m_site->apiCalls.isEmpty(); }, WaitMs));
    QSignalSpy finished(reply.get(), &WebhookSiteReply::finished);
    reply->abort();
    QCOMPARE(finished.size(), 1);
    QCOMPARE(reply->error(), WebhookSiteReply::Error::Aborted);
    reply->abort();
    QCOMPARE(finished.size(), 1);
}

QTEST_GUILESS_MAIN(TestWebhookSite)
#include "tst_webhooksite.moc"
