// RequestComparison: what was sent beside what arrived, part by part. tst_webhooksite and
// tst_curlroundtrip use it on requests that really travelled; here each verdict is pinned down.
#include "endpoints/RequestComparison.h"

#include <QCryptographicHash>
#include <QMessageAuthenticationCode>
#include <QTest>

using namespace Kanca;
using namespace Qt::StringLiterals;

namespace {

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

class TestRequestComparison : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void matches();
    void mismatches();
    void proxiedRequest();
    void signatureIsCheckedWhenAVerifierIsGiven();
};

// A request exactly as the catcher receives it from the delivery engine.
void TestRequestComparison::matches()
{
    const RenderedRequest sent = renderedRequest(u"http://127.0.0.1:1/hook/a%20b?x=1&y=%C3%A7"_s);
    HttpRequest received;
    received.method = "POST";
    received.target = "/hook/a%20b?x=1&y=%C3%A7";
    received.headers = {{"Host", "127.0.0.1:1"},
                        {"Content-Type", "application/json"},
                        {"X-Kanca-Rule", "vip: çağrı"},
                        {"Authorization", "Bearer tok-123"},
                        {"Content-Length", QByteArray::number(sent.body.size())},
                        {"Connection", "Keep-Alive"},
                        {"Accept-Encoding", "gzip, deflate"},
                        {"User-Agent", "Kanca/0.1.0"}};
    received.body = sent.body;
    received.bodySize = sent.body.size();
    const RequestComparison comparison = RequestComparison::compare(sent, received);
    QVERIFY(comparison.matches());
    QVERIFY(comparison.differences().isEmpty());
    QCOMPARE(comparison.target.verdict, RequestComparison::Verdict::Same);
    QCOMPARE(comparison.signature.status, SignatureCheck::Status::NotChecked);
    QCOMPARE(comparison.ignoredHeaders(),
             QStringList({u"Host"_s, u"Content-Length"_s, u"Connection"_s, u"Accept-Encoding"_s,
                          u"User-Agent"_s}));
    QVERIFY(comparison.addedHeaders().isEmpty());
    QCOMPARE(comparison.headers.size(), 8);
    for (int i = 0; i < 3; ++i)
        QCOMPARE(comparison.headers.at(i).verdict, RequestComparison::Verdict::Same);
    QCOMPARE(comparison.body.firstDifference, -1);
}

void TestRequestComparison::mismatches()
{
    using Verdict = RequestComparison::Verdict;
    const RenderedRequest sent = renderedRequest(u"http://127.0.0.1:1/hook?x=1"_s);
    HttpRequest received;
    received.method = "PUT";
    received.target = "/hook?x=2";
    received.headers = {{"Content-Type", "text/plain"},
                        {"Authorization", "  Bearer tok-123 "},
                        {"X-Surprise", "1"}};
    received.body = sent.body;
    received.body[5] = 'X';
    received.bodySize = received.body.size();
    const RequestComparison comparison = RequestComparison::compare(sent, received);
    QVERIFY(!comparison.matches());
    QCOMPARE(comparison.method.verdict, Verdict::Different);
    QCOMPARE(comparison.target.verdict, Verdict::Different);
    QCOMPARE(comparison.headers.at(0).verdict, Verdict::Different);  // Content-Type
    QCOMPARE(comparison.headers.at(1).verdict, Verdict::Missing);    // X-Kanca-Rule
    QCOMPARE(comparison.headers.at(2).verdict, Verdict::Equivalent); // spaces around the value
    QCOMPARE(comparison.headers.at(3).verdict, Verdict::Added);
    QCOMPARE(comparison.addedHeaders(), QStringList{u"X-Surprise"_s});
    QCOMPARE(comparison.body.verdict, Verdict::Different);
    QCOMPARE(comparison.body.firstDifference, 5);
    const QStringList differences = comparison.differences();
    QCOMPARE(differences.size(), 5);
    QVERIFY(differences.at(0).contains(u"PUT"));
    QVERIFY(differences.at(3).contains(u"X-Kanca-Rule"));
    QVERIFY(differences.at(4).contains(u"byte 5"));

    // A body cut at the catcher's cap cannot be compared in full.
    HttpRequest capped;
    capped.method = "POST";
    capped.target = "/hook?x=1";
    for (const RenderedRequest::Header &header : sent.headers)
        capped.headers.append({header.name.toUtf8(), header.value.toUtf8()});
    capped.body = sent.body.left(10);
    capped.bodySize = sent.body.size();
    const RequestComparison cut = RequestComparison::compare(sent, capped);
    QCOMPARE(cut.body.verdict, Verdict::Unknown);
    QVERIFY(!cut.matches());
    QVERIFY(cut.body.note.contains(u"10"));
}

// As webhook.site stores a request that came through proxies: lower-case names, one field for
// a repeated header, the proxies' own headers.
void TestRequestComparison::proxiedRequest()
{
    using Verdict = RequestComparison::Verdict;
    RenderedRequest sent = renderedRequest(u"http://127.0.0.1:1/h"_s);
    sent.headers.append({u"X-Tag"_s, u"a"_s, false});
    sent.headers.append({u"X-Tag"_s, u"b"_s, false});
    HttpRequest received;
    received.method = "POST";
    received.target = "/h";
    received.headers = {{"content-type", "application/json"},
                        {"x-kanca-rule", "vip: çağrı"},
                        {"authorization", "Bearer tok-123"},
                        {"x-tag", "a, b"},
                        {"x-forwarded-for", "10.0.0.1"},
                        {"x-forwarded-proto", "https"},
                        {"cf-ray", "abc"},
                        {"forwarded", "for=10.0.0.1"}};
    received.body = sent.body;
    received.bodySize = sent.body.size();
    const RequestComparison comparison = RequestComparison::compare(sent, received);
    QVERIFY2(comparison.matches(), qPrintable(comparison.differences().join(u'\n')));
    QCOMPARE(comparison.headers.at(3).name, u"X-Tag"_s);
    QCOMPARE(comparison.headers.at(3).sent, QByteArray("a\nb"));
    QCOMPARE(comparison.headers.at(3).verdict, Verdict::Equivalent);
    QCOMPARE(comparison.ignoredHeaders(), QStringList({u"x-forwarded-for"_s, u"x-forwarded-proto"_s,
                                                       u"cf-ray"_s, u"forwarded"_s}));
}

void TestRequestComparison::signatureIsCheckedWhenAVerifierIsGiven()
{
    RenderedRequest sent = renderedRequest(u"http://127.0.0.1:1/h"_s);
    const QByteArray secret = "hmac-secret";
    HttpRequest received;
    received.method = "POST";
    received.target = "/h";
    for (const RenderedRequest::Header &header : sent.headers)
        received.headers.append({header.name.toUtf8(), header.value.toUtf8()});
    received.body = sent.body;
    received.bodySize = sent.body.size();

    const SignatureVerifier verifier(SignatureVerifier::Scheme::HmacSha256, secret);
    QCOMPARE(RequestComparison::compare(sent, received, &verifier).signature.status,
             SignatureCheck::Status::Absent);
    received.headers.append(
        {"X-Hub-Signature-256",
         "sha256="
             + QMessageAuthenticationCode::hash(received.body, secret, QCryptographicHash::Sha256)
                   .toHex()});
    const RequestComparison comparison = RequestComparison::compare(sent, received, &verifier);
    QCOMPARE(comparison.signature.status, SignatureCheck::Status::Valid);
    QCOMPARE(comparison.signature.scheme, u"hmac-sha256"_s);
    QCOMPARE(comparison.addedHeaders(), QStringList{u"X-Hub-Signature-256"_s});
    QVERIFY(comparison.matches());
}

QTEST_GUILESS_MAIN(TestRequestComparison)
#include "tst_requestcomparison.moc"
