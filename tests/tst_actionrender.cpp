#include "catalog/Catalog.h"
#include "engine/CompiledAction.h"
#include "engine/RenderedRequest.h"
#include "engine/SecretProvider.h"
#include "engine/Signatures.h"
#include "event/EventContext.h"
#include "model/Operator.h"

#include <QCryptographicHash>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageAuthenticationCode>
#include <QTest>

using namespace Kanca;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(Kanca::WebhookAction)
Q_DECLARE_METATYPE(Kanca::Auth)

namespace {

const QString Pointer = u"/rules/0/then/1"_s;

QJsonObject localized(const QString &text)
{
    return QJsonObject{{u"en"_s, text}, {u"tr"_s, text}};
}

// A small catalog of its own, so that these tests do not depend on the built-in one's contents.
const Catalog &testCatalog()
{
    static const Catalog catalog = [] {
        QJsonArray fields;
        for (const auto &[path, type] : std::initializer_list<std::pair<QString, QString>>{
                 {u"contact.id"_s, u"text"_s},
                 {u"contact.fullname"_s, u"text"_s},
                 {u"contact.email"_s, u"text"_s},
                 {u"contact.tags"_s, u"textList"_s},
                 {u"conversation.startedAt"_s, u"dateTime"_s},
                 {u"event.type"_s, u"text"_s},
                 {u"event.id"_s, u"text"_s},
                 {u"event.occurredAt"_s, u"dateTime"_s},
                 {u"rule.name"_s, u"text"_s},
                 {u"delivery.id"_s, u"text"_s},
             }) {
            fields.append(
                QJsonObject{{u"path"_s, path}, {u"label"_s, localized(path)}, {u"type"_s, type}});
        }
        QJsonArray operators;
        for (int i = 0; i < OperatorCount; ++i) {
            const QString id = operatorId(Operator(i));
            operators.append(QJsonObject{{u"id"_s, id},
                                         {u"label"_s, localized(id)},
                                         {u"appliesTo"_s, QJsonArray{u"text"_s}}});
        }
        const QJsonObject document{
            {u"events"_s, QJsonArray{QJsonObject{{u"id"_s, u"chat.opened"_s},
                                                 {u"group"_s, u"chat"_s},
                                                 {u"label"_s, localized(u"Chat Opened"_s)},
                                                 {u"firesWhen"_s, localized(u"opened"_s)}}}},
            {u"fields"_s, fields},
            {u"operators"_s, operators},
        };
        const QJsonObject samples{
            {u"base"_s, QJsonObject{}},
            {u"events"_s, QJsonObject{{u"chat.opened"_s,
                                       QJsonObject{{u"type"_s, u"chat.opened"_s},
                                                   {u"id"_s, u"evt_1"_s},
                                                   {u"occurredAt"_s, u"2026-11-21T10:30:00Z"_s}}}}},
        };
        const QByteArray samplesJson = QJsonDocument(samples).toJson();
        QString error;
        std::optional<Catalog> loaded =
            Catalog::load(QJsonDocument(document).toJson(), samplesJson, samplesJson, &error);
        if (!loaded)
            qFatal("test catalog: %s", qUtf8Printable(error));
        return std::move(*loaded);
    }();
    return catalog;
}

class FakeSecrets final : public SecretProvider
{
public:
    FakeSecrets() = default;
    FakeSecrets(std::initializer_list<std::pair<QString, QByteArray>> values)
    {
        for (const auto &[name, value] : values)
            m_values.insert(name, value);
    }
    std::optional<QByteArray> secret(const QString &name) const override
    {
        const auto it = m_values.constFind(name);
        if (it == m_values.constEnd())
            return std::nullopt;
        return *it;
    }

private:
    QHash<QString, QByteArray> m_values;
};

QJsonObject sampleEvent(const QString &fullname = u"Ayşe Yılmaz"_s, const QString &id = u"c_1"_s)
{
    return QJsonObject{
        {u"type"_s, u"chat.opened"_s},
        {u"id"_s, u"evt_01"_s},
        {u"occurredAt"_s, u"2026-11-21T10:30:00Z"_s},
        {u"contact"_s, QJsonObject{{u"id"_s, id},
                                   {u"fullname"_s, fullname},
                                   {u"email"_s, u"ayse@example.com"_s},
                                   {u"tags"_s, QJsonArray{u"VIP"_s, u"IĞDIR"_s}}}},
    };
}

WebhookAction baseAction()
{
    WebhookAction action;
    action.method = u"POST"_s;
    action.url = u"https://crm.example.com/hooks/{{contact.id}}?src=kanca"_s;
    action.headers = {{u"X-Source"_s, u"kanca"_s}, {u"X-Contact"_s, u"{{contact.fullname}}"_s}};
    action.body.format = Body::Format::Json;
    action.body.templateText =
        u"{\"name\": \"{{contact.fullname}}\", \"tags\": {{contact.tags}}}"_s;
    return action;
}

const QDateTime &fixedNow()
{
    static const QDateTime now = QDateTime::fromSecsSinceEpoch(1614265330, Qt::UTC);
    return now;
}

CompiledAction::Result renderAction(const WebhookAction &action, const SecretProvider &secrets,
                                    const QJsonObject &event = sampleEvent(),
                                    const QString &deliveryId = u"msg_1"_s,
                                    const Catalog &catalog = testCatalog())
{
    Problems problems;
    const CompiledAction compiled = CompiledAction::compile(action, catalog, Pointer, &problems);
    if (!problems.isEmpty())
        qWarning("compile problem: %s %s", qUtf8Printable(problems.first().pointer),
                 qUtf8Printable(problems.first().message));
    return compiled.render(EventContext(event), Language::English, secrets, deliveryId, fixedNow());
}

QStringList headerNames(const RenderedRequest &request)
{
    QStringList names;
    for (const RenderedRequest::Header &header : request.headers)
        names.append(header.name);
    return names;
}

// application/x-www-form-urlencoded back to pairs.
QList<std::pair<QString, QString>> decodeForm(const QByteArray &body)
{
    QList<std::pair<QString, QString>> pairs;
    for (const QByteArray &item : body.split('&')) {
        const qsizetype eq = item.indexOf('=');
        const auto decode = [](QByteArray part) {
            part.replace('+', ' ');
            return QString::fromUtf8(QByteArray::fromPercentEncoding(part));
        };
        pairs.append({decode(item.left(eq)), decode(item.mid(eq + 1))});
    }
    return pairs;
}

} // namespace

class TestActionRender : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void completeRequest();
    void auth_data();
    void auth();
    void standardWebhooksVector();
    void standardWebhooksKey_data();
    void standardWebhooksKey();
    void hmacVector_data();
    void hmacVector();
    void signatureCoversRenderedBody();
    void missingSecrets_data();
    void missingSecrets();
    void badStandardWebhooksSecret();
    void missingDeliveryId();
    void masking_data();
    void masking();
    void toJson();
    void headerOrder();
    void contentType_data();
    void contentType();
    void formEncoding();
    void formHostileRoundTrip_data();
    void formHostileRoundTrip();
    void urlAndHeaderValues();
    void deliveryIdPlaceholder();
    void compileProblems_data();
    void compileProblems();
    void validActionHasNoProblems();
    void renderRefusesAfterCompileErrors();
    void renderProblemHasPointerAndPosition();
    void builtInCatalogSample();
};

void TestActionRender::completeRequest()
{
    const CompiledAction::Result result = renderAction(baseAction(), FakeSecrets());
    QVERIFY(result.ok);
    QVERIFY(result.problems.isEmpty());
    const RenderedRequest &request = result.request;
    QCOMPARE(request.method, u"POST"_s);
    QCOMPARE(request.url, u"https://crm.example.com/hooks/c_1?src=kanca"_s);
    const QList<RenderedRequest::Header> expected{
        {u"X-Source"_s, u"kanca"_s, false},
        {u"X-Contact"_s, u"Ayşe Yılmaz"_s, false},
        {u"Content-Type"_s, u"application/json"_s, false},
    };
    QCOMPARE(request.headers, expected);
    QCOMPARE(request.body,
             u"{\"name\": \"Ayşe Yılmaz\", \"tags\": [\"VIP\",\"IĞDIR\"]}"_s.toUtf8());
    QCOMPARE(request.headerValue(u"content-type"), u"application/json"_s);
    QCOMPARE(request.headerValue(u"X-Absent"), QString());
}

void TestActionRender::auth_data()
{
    QTest::addColumn<Auth>("auth");
    QTest::addColumn<QString>("headerName");
    QTest::addColumn<QString>("headerValue");
    QTest::addColumn<QString>("maskedValue");

    Auth basic;
    basic.type = Auth::Type::Basic;
    basic.username = u"api"_s;
    basic.secret.name = u"CRM_PASSWORD"_s;
    QTest::newRow("basic") << basic << u"Authorization"_s << u"Basic YXBpOnBAc3M6d8O2cmQ="_s
                           << u"Basic ********"_s;

    Auth bearer;
    bearer.type = Auth::Type::Bearer;
    bearer.secret.name = u"CRM_TOKEN"_s;
    QTest::newRow("bearer") << bearer << u"Authorization"_s << u"Bearer tok_123"_s
                            << u"Bearer ********"_s;

    Auth header;
    header.type = Auth::Type::Header;
    header.headerName = u"X-Webhook-Secret"_s;
    header.secret.name = u"SUPPABOT_SECRET"_s;
    QTest::newRow("secret header (seed 004)")
        << header << u"X-Webhook-Secret"_s << u"s3cr3t value"_s << u"********"_s;
}

void TestActionRender::auth()
{
    QFETCH(Auth, auth);
    QFETCH(QString, headerName);
    QFETCH(QString, headerValue);
    QFETCH(QString, maskedValue);
    WebhookAction action = baseAction();
    action.auth = auth;
    const FakeSecrets secrets{{u"CRM_PASSWORD"_s, "p@ss:w\xc3\xb6rd"},
                              {u"CRM_TOKEN"_s, "tok_123"},
                              {u"SUPPABOT_SECRET"_s, "s3cr3t value"}};
    const CompiledAction::Result result = renderAction(action, secrets);
    QVERIFY(result.ok);
    const RenderedRequest::Header last = result.request.headers.last();
    QCOMPARE(last.name, headerName);
    QCOMPARE(last.value, headerValue);
    QVERIFY(last.secret);
    QCOMPARE(headerNames(result.request),
             (QStringList{u"X-Source"_s, u"X-Contact"_s, u"Content-Type"_s, headerName}));

    const QJsonArray masked = result.request.toJson(false).value(u"headers"_s).toArray();
    QCOMPARE(masked.last().toObject().value(u"value"_s).toString(), maskedValue);
    QCOMPARE(masked.first().toObject().value(u"value"_s).toString(), u"kanca"_s);
    const QJsonArray shown = result.request.toJson(true).value(u"headers"_s).toArray();
    QCOMPARE(shown.last().toObject().value(u"value"_s).toString(), headerValue);

    // Without auth there is no Authorization header at all.
    const CompiledAction::Result none = renderAction(baseAction(), secrets);
    QVERIFY(none.ok);
    QCOMPARE(none.request.headerValue(u"Authorization"), QString());
    QCOMPARE(none.request.headers.size(), 3);
}

void TestActionRender::standardWebhooksVector()
{
    // The published test vector of the Standard Webhooks specification.
    const QByteArray secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    const QString id = u"msg_p5jXN8AQM9LWM0D4loKWxJek"_s;
    const QByteArray body = "{\"test\": 2432232314}";
    const QString expected = u"v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="_s;

    const std::optional<QByteArray> key = Signatures::standardWebhooksKey(secret);
    QVERIFY(key);
    QCOMPARE(Signatures::standardWebhooksSignature(*key, id, 1614265330, body), expected);

    // The same through a whole action.
    WebhookAction action;
    action.url = u"https://receiver.example.com/hook"_s;
    action.body.format = Body::Format::Json;
    action.body.templateText = QString::fromUtf8(body);
    action.signing.type = Signing::Type::StandardWebhooks;
    action.signing.secret.name = u"SW_SECRET"_s;
    const CompiledAction::Result result =
        renderAction(action, FakeSecrets{{u"SW_SECRET"_s, secret}}, sampleEvent(), id);
    QVERIFY(result.ok);
    QCOMPARE(result.request.body, body);
    QCOMPARE(result.request.headerValue(u"webhook-id"), id);
    QCOMPARE(result.request.headerValue(u"webhook-timestamp"), u"1614265330"_s);
    QCOMPARE(result.request.headerValue(u"webhook-signature"), expected);
    QCOMPARE(headerNames(result.request),
             (QStringList{u"Content-Type"_s, u"webhook-id"_s, u"webhook-timestamp"_s,
                          u"webhook-signature"_s}));
    for (const RenderedRequest::Header &header : result.request.headers)
        QVERIFY(!header.secret);
}

void TestActionRender::standardWebhooksKey_data()
{
    QTest::addColumn<QByteArray>("secret");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QByteArray>("key");

    QTest::newRow("whsec_ and base64")
        << QByteArray("whsec_aGVsbG8=") << true << QByteArray("hello");
    QTest::newRow("raw secret without prefix")
        << QByteArray("plain-secret") << true << QByteArray("plain-secret");
    QTest::newRow("whsec_ and not base64")
        << QByteArray("whsec_not base64!") << false << QByteArray();
    QTest::newRow("whsec_ alone") << QByteArray("whsec_") << false << QByteArray();
    QTest::newRow("empty") << QByteArray() << false << QByteArray();
}

void TestActionRender::standardWebhooksKey()
{
    QFETCH(QByteArray, secret);
    QFETCH(bool, valid);
    QFETCH(QByteArray, key);
    const std::optional<QByteArray> decoded = Signatures::standardWebhooksKey(secret);
    QCOMPARE(bool(decoded), valid);
    if (valid)
        QCOMPARE(*decoded, key);
}

void TestActionRender::hmacVector_data()
{
    QTest::addColumn<Signing::Encoding>("encoding");
    QTest::addColumn<QString>("header");
    QTest::addColumn<QString>("prefix");
    QTest::addColumn<QString>("expected");

    // GitHub's published example: secret "It's a Secret to Everybody", body "Hello, World!".
    QTest::newRow("GitHub hex") << Signing::Encoding::Hex << u"X-Hub-Signature-256"_s
                                << u"sha256="_s
                                << u"sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f43"
                                   u"79c8b043e17"_s;
    QTest::newRow("base64, no prefix") << Signing::Encoding::Base64 << u"X-Signature"_s << QString()
                                       << u"dXEH6g6yUJ/CESIczphLijdXC211hsIsRvQ3nIsEPhc="_s;
}

void TestActionRender::hmacVector()
{
    QFETCH(Signing::Encoding, encoding);
    QFETCH(QString, header);
    QFETCH(QString, prefix);
    QFETCH(QString, expected);

    const QByteArray secret = "It's a Secret to Everybody";
    const QByteArray body = "Hello, World!";
    QCOMPARE(Signatures::hmacSha256(secret, body, encoding == Signing::Encoding::Base64, prefix),
             expected);

    WebhookAction action;
    action.url = u"https://receiver.example.com/hook"_s;
    action.body.format = Body::Format::Text;
    action.body.templateText = QString::fromUtf8(body);
    action.signing.type = Signing::Type::HmacSha256;
    action.signing.header = header;
    action.signing.prefix = prefix;
    action.signing.encoding = encoding;
    action.signing.secret.name = u"GITHUB_SECRET"_s;
    const CompiledAction::Result result =
        renderAction(action, FakeSecrets{{u"GITHUB_SECRET"_s, secret}});
    QVERIFY(result.ok);
    QCOMPARE(result.request.body, body);
    QCOMPARE(result.request.headers.last().name, header);
    QCOMPARE(result.request.headers.last().value, expected);
    QVERIFY(!result.request.headers.last().secret);
}

void TestActionRender::signatureCoversRenderedBody()
{
    WebhookAction action = baseAction();
    action.signing.type = Signing::Type::StandardWebhooks;
    action.signing.secret.name = u"SW_SECRET"_s;
    const QByteArray key = "0123456789abcdef0123456789abcdef";
    const FakeSecrets secrets{{u"SW_SECRET"_s, "whsec_" + key.toBase64()}};
    const CompiledAction::Result result =
        renderAction(action, secrets, sampleEvent(u"Ali \"Can\" Öz\n"_s), u"dlv_42"_s);
    QVERIFY(result.ok);
    const QByteArray signedContent = "dlv_42.1614265330." + result.request.body;
    const QByteArray mac =
        QMessageAuthenticationCode::hash(signedContent, key, QCryptographicHash::Sha256);
    QCOMPARE(result.request.headerValue(u"webhook-signature"),
             u"v1,"_s + QString::fromLatin1(mac.toBase64()));
    QCOMPARE(QJsonDocument::fromJson(result.request.body).object().value(u"name"_s).toString(),
             u"Ali \"Can\" Öz\n"_s);
}

void TestActionRender::missingSecrets_data()
{
    QTest::addColumn<WebhookAction>("action");
    QTest::addColumn<QStringList>("pointers");
    QTest::addColumn<QStringList>("messages");

    WebhookAction bearer = baseAction();
    bearer.auth.type = Auth::Type::Bearer;
    bearer.auth.secret.name = u"CRM_TOKEN"_s;
    QTest::newRow("bearer token") << bearer << QStringList{Pointer + u"/auth/token"_s}
                                  << QStringList{u"secret \"CRM_TOKEN\" is not set (set "
                                                 u"KANCA_SECRET_CRM_TOKEN)"_s};

    WebhookAction basic = baseAction();
    basic.auth.type = Auth::Type::Basic;
    basic.auth.username = u"api"_s;
    basic.auth.secret.name = u"CRM_PASSWORD"_s;
    QTest::newRow("basic password") << basic << QStringList{Pointer + u"/auth/password"_s}
                                    << QStringList{u"secret \"CRM_PASSWORD\" is not set (set "
                                                   u"KANCA_SECRET_CRM_PASSWORD)"_s};

    WebhookAction header = baseAction();
    header.auth.type = Auth::Type::Header;
    header.auth.headerName = u"X-Webhook-Secret"_s;
    header.auth.secret.name = u"HOOK_SECRET"_s;
    QTest::newRow("header value") << header << QStringList{Pointer + u"/auth/value"_s}
                                  << QStringList{u"secret \"HOOK_SECRET\" is not set (set "
                                                 u"KANCA_SECRET_HOOK_SECRET)"_s};

    WebhookAction both = bearer;
    both.signing.type = Signing::Type::StandardWebhooks;
    both.signing.secret.name = u"SIGNING_KEY"_s;
    QTest::newRow("auth and signing")
        << both << QStringList{Pointer + u"/auth/token"_s, Pointer + u"/signing/secret"_s}
        << QStringList{u"secret \"CRM_TOKEN\" is not set (set KANCA_SECRET_CRM_TOKEN)"_s,
                       u"secret \"SIGNING_KEY\" is not set (set KANCA_SECRET_SIGNING_KEY)"_s};

    WebhookAction hmac = baseAction();
    hmac.signing.type = Signing::Type::HmacSha256;
    hmac.signing.secret.name = u"HMAC_KEY"_s;
    QTest::newRow("hmac secret") << hmac << QStringList{Pointer + u"/signing/secret"_s}
                                 << QStringList{u"secret \"HMAC_KEY\" is not set (set "
                                                u"KANCA_SECRET_HMAC_KEY)"_s};
}

void TestActionRender::missingSecrets()
{
    QFETCH(WebhookAction, action);
    QFETCH(QStringList, pointers);
    QFETCH(QStringList, messages);
    const CompiledAction::Result result = renderAction(action, FakeSecrets());
    QVERIFY(!result.ok);
    QCOMPARE(result.problems.size(), pointers.size());
    for (qsizetype i = 0; i < pointers.size(); ++i) {
        QCOMPARE(result.problems.at(i).pointer, pointers.at(i));
        QCOMPARE(result.problems.at(i).message, messages.at(i));
        QVERIFY(result.problems.at(i).isError());
    }
}

void TestActionRender::badStandardWebhooksSecret()
{
    WebhookAction action = baseAction();
    action.signing.type = Signing::Type::StandardWebhooks;
    action.signing.secret.name = u"SW_SECRET"_s;
    const CompiledAction::Result result =
        renderAction(action, FakeSecrets{{u"SW_SECRET"_s, "whsec_###"}});
    QVERIFY(!result.ok);
    QCOMPARE(result.problems.size(), 1);
    QCOMPARE(result.problems.first().pointer, Pointer + u"/signing/secret"_s);
    QCOMPARE(result.problems.first().message,
             u"secret \"SW_SECRET\" is not a Standard Webhooks secret: \"whsec_\" followed by "
             u"base64"_s);
}

void TestActionRender::missingDeliveryId()
{
    WebhookAction action = baseAction();
    action.signing.type = Signing::Type::StandardWebhooks;
    action.signing.secret.name = u"SW_SECRET"_s;
    const CompiledAction::Result result =
        renderAction(action, FakeSecrets{{u"SW_SECRET"_s, "whsec_aGVsbG8="}}, sampleEvent(), {});
    QVERIFY(!result.ok);
    QCOMPARE(result.problems.size(), 1);
    QCOMPARE(result.problems.first().pointer, Pointer + u"/signing"_s);
}

void TestActionRender::masking_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("masked");

    QTest::newRow("bearer") << u"Bearer tok_123"_s << u"Bearer ********"_s;
    QTest::newRow("basic") << u"Basic YXBpOnBhc3M="_s << u"Basic ********"_s;
    QTest::newRow("scheme case kept") << u"bearer tok"_s << u"bearer ********"_s;
    QTest::newRow("plain secret") << u"s3cr3t"_s << u"********"_s;
    QTest::newRow("secret holding a space") << u"my secret value"_s << u"********"_s;
    QTest::newRow("scheme-like word with space first") << u" Bearer x"_s << u"********"_s;
    QTest::newRow("empty") << QString() << u"********"_s;
}

void TestActionRender::masking()
{
    QFETCH(QString, value);
    QFETCH(QString, masked);
    QCOMPARE(RenderedRequest::masked(value), masked);
}

void TestActionRender::toJson()
{
    RenderedRequest request;
    request.method = u"POST"_s;
    request.url = u"https://x.example.com/a"_s;
    request.headers = {{u"X-A"_s, u"1"_s, false}, {u"Authorization"_s, u"Bearer t"_s, true}};
    request.body = "{\"a\": \"ü\"}";
    const QJsonObject masked{
        {u"method"_s, u"POST"_s},
        {u"url"_s, u"https://x.example.com/a"_s},
        {u"headers"_s, QJsonArray{QJsonObject{{u"name"_s, u"X-A"_s}, {u"value"_s, u"1"_s}},
                                  QJsonObject{{u"name"_s, u"Authorization"_s},
                                              {u"value"_s, u"Bearer ********"_s}}}},
        {u"body"_s, u"{\"a\": \"ü\"}"_s},
    };
    QCOMPARE(request.toJson(false), masked);
    QJsonObject shown = masked;
    shown.insert(u"headers"_s, QJsonArray{QJsonObject{{u"name"_s, u"X-A"_s}, {u"value"_s, u"1"_s}},
                                          QJsonObject{{u"name"_s, u"Authorization"_s},
                                                      {u"value"_s, u"Bearer t"_s}}});
    QCOMPARE(request.toJson(true), shown);
}

void TestActionRender::headerOrder()
{
    WebhookAction action = baseAction();
    action.headers.prepend({u"X-First"_s, u"1"_s});
    action.auth.type = Auth::Type::Bearer;
    action.auth.secret.name = u"CRM_TOKEN"_s;
    action.signing.type = Signing::Type::StandardWebhooks;
    action.signing.secret.name = u"SW_SECRET"_s;
    const FakeSecrets secrets{{u"CRM_TOKEN"_s, "t"}, {u"SW_SECRET"_s, "whsec_aGVsbG8="}};
    const CompiledAction::Result result = renderAction(action, secrets);
    QVERIFY(result.ok);
    QCOMPARE(headerNames(result.request),
             (QStringList{u"X-First"_s, u"X-Source"_s, u"X-Contact"_s, u"Content-Type"_s,
                          u"Authorization"_s, u"webhook-id"_s, u"webhook-timestamp"_s,
                          u"webhook-signature"_s}));
}

void TestActionRender::contentType_data()
{
    QTest::addColumn<WebhookAction>("action");
    QTest::addColumn<QStringList>("expected"); // every Content-Type header, in order

    QTest::newRow("json") << baseAction() << QStringList{u"application/json"_s};

    WebhookAction text = baseAction();
    text.body.format = Body::Format::Text;
    text.body.templateText = u"Hello {{contact.fullname}}"_s;
    QTest::newRow("text default") << text << QStringList{u"text/plain; charset=utf-8"_s};
    text.body.contentType = u"text/csv; charset=utf-8"_s;
    QTest::newRow("text with its own type") << text << QStringList{u"text/csv; charset=utf-8"_s};

    WebhookAction form = baseAction();
    form.body.format = Body::Format::Form;
    form.body.fields = {{u"name"_s, u"{{contact.fullname}}"_s}};
    QTest::newRow("form") << form << QStringList{u"application/x-www-form-urlencoded"_s};

    WebhookAction own = baseAction();
    own.headers.append({u"content-type"_s, u"application/vnd.crm+json"_s});
    QTest::newRow("set by the user") << own << QStringList{u"application/vnd.crm+json"_s};

    WebhookAction get = baseAction();
    get.method = u"GET"_s;
    get.body = Body();
    QTest::newRow("GET without body") << get << QStringList();

    WebhookAction emptyPost = baseAction();
    emptyPost.body = Body();
    QTest::newRow("POST without body") << emptyPost << QStringList();
}

void TestActionRender::contentType()
{
    QFETCH(WebhookAction, action);
    QFETCH(QStringList, expected);
    const CompiledAction::Result result = renderAction(action, FakeSecrets());
    QVERIFY(result.ok);
    QStringList found;
    for (const RenderedRequest::Header &header : result.request.headers) {
        if (header.name.compare(u"Content-Type"_s, Qt::CaseInsensitive) == 0)
            found.append(header.value);
    }
    QCOMPARE(found, expected);
}

void TestActionRender::formEncoding()
{
    WebhookAction action = baseAction();
    action.body.format = Body::Format::Form;
    action.body.fields = {
        {u"name"_s, u"{{contact.fullname}}"_s},
        {u"e-mail address"_s, u"{{contact.email}}"_s},
        {u"note"_s, u"a+b & c=d ü ~.-_"_s},
        {u"tags"_s, u"{{contact.tags}}"_s},
        {u"empty"_s, u""_s},
    };
    const CompiledAction::Result result = renderAction(action, FakeSecrets());
    QVERIFY(result.ok);
    QCOMPARE(result.request.body, QByteArray("name=Ay%C5%9Fe+Y%C4%B1lmaz"
                                             "&e-mail+address=ayse%40example.com"
                                             "&note=a%2Bb+%26+c%3Dd+%C3%BC+~.-_"
                                             "&tags=%5B%22VIP%22%2C%22I%C4%9EDIR%22%5D"
                                             "&empty="));
}

void TestActionRender::formHostileRoundTrip_data()
{
    QTest::addColumn<QString>("value");
    QTest::newRow("delimiters") << u"a&b=c+d%20e#f?g/h"_s;
    QTest::newRow("line breaks and NUL") << u"x\r\ny"_s + QChar(0) + u"z"_s;
    QTest::newRow("emoji and RTL") << u"👋🏽 مرحبا שלום"_s;
    QTest::newRow("quotes") << u"Ali \"Can\" Öz"_s;
}

void TestActionRender::formHostileRoundTrip()
{
    QFETCH(QString, value);
    WebhookAction action = baseAction();
    action.body.format = Body::Format::Form;
    action.body.fields = {{u"name & more"_s, u"{{contact.fullname}}"_s},
                          {u"id"_s, u"{{contact.id}}"_s}};
    const CompiledAction::Result result = renderAction(action, FakeSecrets(), sampleEvent(value));
    QVERIFY(result.ok);
    for (const char c : result.request.body) {
        QVERIFY(QByteArrayView("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
                               "-._~%+&=")
                    .contains(c));
    }
    const QList<std::pair<QString, QString>> expected{{u"name & more"_s, value},
                                                      {u"id"_s, u"c_1"_s}};
    QCOMPARE(decodeForm(result.request.body), expected);
}

void TestActionRender::urlAndHeaderValues()
{
    const CompiledAction::Result result = renderAction(
        baseAction(), FakeSecrets(), sampleEvent(u"x\r\nX-Injected: 1"_s, u"a/b?c&d #é"_s));
    QVERIFY(result.ok);
    QCOMPARE(result.request.url,
             u"https://crm.example.com/hooks/a%2Fb%3Fc%26d%20%23%C3%A9?src=kanca"_s);
    QCOMPARE(result.request.headerValue(u"X-Contact"), u"x  X-Injected: 1"_s);
    QCOMPARE(result.request.headerValue(u"X-Injected"), QString());
}

void TestActionRender::deliveryIdPlaceholder()
{
    WebhookAction action = baseAction();
    action.body.templateText = u"{\"delivery\": \"{{delivery.id}}\", \"event\": {{event.id}}}"_s;
    const CompiledAction::Result result =
        renderAction(action, FakeSecrets(), sampleEvent(), u"dlv_7"_s);
    QVERIFY(result.ok);
    QCOMPARE(result.request.body, QByteArray("{\"delivery\": \"dlv_7\", \"event\": \"evt_01\"}"));
}

void TestActionRender::compileProblems_data()
{
    QTest::addColumn<WebhookAction>("action");
    QTest::addColumn<QString>("pointer");
    QTest::addColumn<QString>("message");

    const WebhookAction base = baseAction();
    WebhookAction a;

    a = base;
    a.method = u"FETCH"_s;
    QTest::newRow("unknown method")
        << a << u"/method"_s << u"unknown method \"FETCH\": use GET, POST, PUT, PATCH or DELETE"_s;
    a.method = u"post"_s;
    QTest::newRow("lower-case method")
        << a << u"/method"_s
        << u"unknown method \"post\" (did you mean \"POST\"?): use GET, POST, PUT, PATCH or "
           u"DELETE"_s;

    const QString mustStart = u"the URL must start with http:// or https://"_s;
    a = base;
    a.url = u"ftp://files.example.com/x"_s;
    QTest::newRow("ftp URL") << a << u"/url"_s << mustStart;
    a.url = u"{{contact.id}}/hooks"_s;
    QTest::newRow("URL starting with a placeholder") << a << u"/url"_s << mustStart;
    // A new action's "https://" is not a wrong URL but one not written yet.
    const QString notYet = u"no URL yet: write the address to call"_s;
    a.url = u"https://"_s;
    QTest::newRow("scheme only") << a << u"/url"_s << notYet;
    a.url = u"HTTP://"_s;
    QTest::newRow("http scheme only") << a << u"/url"_s << notYet;
    a.url = QString();
    QTest::newRow("empty URL") << a << u"/url"_s << notYet;
    a.url = u"https:/"_s;
    QTest::newRow("half a scheme") << a << u"/url"_s << mustStart;
    a.url = u"https://x.test/{{contact.fulname}}"_s;
    QTest::newRow("unknown field in the URL")
        << a << u"/url"_s
        << u"unknown field \"contact.fulname\" (did you mean \"contact.fullname\"?) at 1:18 of "
           u"the template"_s;
    a.url = u"https://x.test/a b"_s;
    QTest::newRow("space in the URL")
        << a << u"/url"_s
        << u"a URL cannot hold a space or a control character; write a space as %20 at 1:17 of "
           u"the template"_s;

    a = base;
    a.headers[0].name = u"X Source"_s;
    QTest::newRow("header name with a space")
        << a << u"/headers/0/name"_s
        << u"the header name \"X Source\" is not valid: use letters, digits and ! # $ % & ' * + "
           u"- . ^ _ ` | ~"_s;
    a.headers[0].name = QString();
    QTest::newRow("empty header name")
        << a << u"/headers/0/name"_s << u"the header name is empty"_s;
    a.headers[0].name = u"Content-Length"_s;
    QTest::newRow("Content-Length header")
        << a << u"/headers/0/name"_s
        << u"the header \"Content-Length\" is set when the request is sent; remove it"_s;

    a = base;
    a.auth.type = Auth::Type::Bearer;
    a.auth.secret.name = u"CRM_TOKEN"_s;
    a.headers.append({u"authorization"_s, u"Bearer x"_s});
    QTest::newRow("Authorization beside bearer auth")
        << a << u"/headers/2/name"_s
        << u"the header \"authorization\" is set by the action's authentication; remove it from "
           u"the headers"_s;

    a = base;
    a.auth.type = Auth::Type::Header;
    a.auth.headerName = u"X-Webhook-Secret"_s;
    a.auth.secret.name = u"HOOK_SECRET"_s;
    a.headers[1].name = u"x-webhook-secret"_s;
    QTest::newRow("auth header beside header auth")
        << a << u"/headers/1/name"_s
        << u"the header \"x-webhook-secret\" is set by the action's authentication; remove it "
           u"from the headers"_s;

    a = base;
    a.signing.type = Signing::Type::StandardWebhooks;
    a.signing.secret.name = u"SW_SECRET"_s;
    a.headers[0].name = u"Webhook-Signature"_s;
    QTest::newRow("signature header beside signing")
        << a << u"/headers/0/name"_s
        << u"the header \"Webhook-Signature\" is set by the action's signing; remove it from the "
           u"headers"_s;

    a = base;
    a.headers[1].value = u"{{contact.fulname}}"_s;
    QTest::newRow("unknown field in a header value")
        << a << u"/headers/1/value"_s
        << u"unknown field \"contact.fulname\" (did you mean \"contact.fullname\"?) at 1:3 of the "
           u"template"_s;
    a.headers[1].value = u"a\nb"_s;
    QTest::newRow("line break in a header value")
        << a << u"/headers/1/value"_s
        << u"a header value cannot hold a line break or another control character at 1:2 of the "
           u"template"_s;

    a = base;
    a.method = u"GET"_s;
    QTest::newRow("body on GET")
        << a << u"/body"_s
        << u"a GET request has no body: remove the body or use POST, PUT or PATCH"_s;
    a.method = u"DELETE"_s;
    QTest::newRow("body on DELETE")
        << a << u"/body"_s
        << u"a DELETE request has no body: remove the body or use POST, PUT or PATCH"_s;

    a = base;
    a.body.templateText = u"{\"name\": }"_s;
    QTest::newRow("body that is not JSON")
        << a << u"/body/template"_s
        << u"the body is not valid JSON: a value is missing after the colon at 1:10 of the "
           u"template"_s;
    a.body.templateText =
        u"{\n  \"id\": \"{{contact.id}}\",\n  \"name\": \"{{contact.fulname}}\"\n}"_s;
    QTest::newRow("unknown field in the body")
        << a << u"/body/template"_s
        << u"unknown field \"contact.fulname\" (did you mean \"contact.fullname\"?) at 3:14 of "
           u"the template"_s;
    a.body.templateText = u"{\"name\": \"{{contact.fullname\"}"_s;
    QTest::newRow("unclosed placeholder in the body")
        << a << u"/body/template"_s
        << u"unclosed \"{{\": a placeholder ends with \"}}\" at 1:11 of the template"_s;

    a = base;
    a.body.format = Body::Format::Text;
    a.body.templateText = u"Hi {{contact.fullname | uper}}"_s;
    QTest::newRow("unknown filter in a text body")
        << a << u"/body/template"_s
        << u"unknown filter \"uper\" (did you mean \"upper\"?) at 1:25 of the template"_s;
    a.body.templateText = u"Hi"_s;
    a.body.contentType = u"text/plain\r\nX-Evil: 1"_s;
    QTest::newRow("line break in the content type")
        << a << u"/body/contentType"_s
        << u"the content type cannot hold a line break or another control character"_s;

    a = base;
    a.body.format = Body::Format::Form;
    a.body.fields = {{u"name"_s, u"{{contact.emial}}"_s}};
    QTest::newRow("unknown field in a form value")
        << a << u"/body/fields/0/value"_s
        << u"unknown field \"contact.emial\" (did you mean \"contact.email\"?) at 1:3 of the "
           u"template"_s;
    a.body.fields = {{u"name"_s, u"x"_s}, {QString(), u"y"_s}};
    QTest::newRow("form field without a name")
        << a << u"/body/fields/1/name"_s << u"the form field name is empty"_s;

    a = base;
    a.timeoutMs = 0;
    QTest::newRow("no timeout")
        << a << u"/timeoutMs"_s
        << u"the timeout must be between 1 and 600000 ms (10 minutes), not 0"_s;
    a.timeoutMs = 600001;
    QTest::newRow("timeout too long")
        << a << u"/timeoutMs"_s
        << u"the timeout must be between 1 and 600000 ms (10 minutes), not 600001"_s;

    a = base;
    a.retry.maxAttempts = 0;
    QTest::newRow("no attempts") << a << u"/retry/maxAttempts"_s
                                 << u"the number of attempts must be between 1 and 100, not 0"_s;
    a.retry.maxAttempts = 101;
    QTest::newRow("too many attempts")
        << a << u"/retry/maxAttempts"_s
        << u"the number of attempts must be between 1 and 100, not 101"_s;
    a = base;
    a.retry.initialDelayMs = -1;
    QTest::newRow("negative first delay")
        << a << u"/retry/initialDelayMs"_s << u"the first retry delay cannot be negative (-1 ms)"_s;
    a = base;
    a.retry.initialDelayMs = 5000;
    a.retry.maxDelayMs = 1000;
    QTest::newRow("longest delay shorter than the first")
        << a << u"/retry/maxDelayMs"_s
        << u"the longest retry delay (1000 ms) cannot be shorter than the first (5000 ms)"_s;

    const QString badName = u"the secret name \"%1\" is not valid: use capital letters, digits "
                            u"and \"_\", at most 64 of them"_s;
    a = base;
    a.auth.type = Auth::Type::Bearer;
    a.auth.secret.name = u"crm-token"_s;
    QTest::newRow("secret name in lower case")
        << a << u"/auth/token/secret"_s << badName.arg(u"crm-token"_s);
    a.auth.secret.name = QString(65, u'A');
    QTest::newRow("secret name too long")
        << a << u"/auth/token/secret"_s << badName.arg(QString(65, u'A'));
    a.auth.secret.name = QString();
    QTest::newRow("secret missing")
        << a << u"/auth/token"_s << u"a secret is required here: {\"secret\": \"NAME\"}"_s;

    a = base;
    a.auth.type = Auth::Type::Basic;
    a.auth.username = u"api:user"_s;
    a.auth.secret.name = u"CRM_PASSWORD"_s;
    QTest::newRow("user name with a colon")
        << a << u"/auth/username"_s << u"the user name cannot hold \":\" or a control character"_s;

    a = base;
    a.auth.type = Auth::Type::Header;
    a.auth.headerName = u"X Secret"_s;
    a.auth.secret.name = u"HOOK_SECRET"_s;
    QTest::newRow("auth header name not a token")
        << a << u"/auth/name"_s
        << u"the header name \"X Secret\" is not valid: use letters, digits and ! # $ % & ' * + "
           u"- . ^ _ ` | ~"_s;

    a = base;
    a.signing.type = Signing::Type::HmacSha256;
    a.signing.secret.name = u"HMAC_KEY"_s;
    a.signing.header = u"X-Sig:"_s;
    QTest::newRow("signing header not a token")
        << a << u"/signing/header"_s
        << u"the header name \"X-Sig:\" is not valid: use letters, digits and ! # $ % & ' * + - "
           u". ^ _ ` | ~"_s;
    a.signing.header = u"X-Sig"_s;
    a.signing.prefix = u"sha256=\n"_s;
    QTest::newRow("signing prefix with a line break")
        << a << u"/signing/prefix"_s
        << u"the signature prefix cannot hold a line break or another control character"_s;
    a.signing.prefix = u"sha256="_s;
    a.signing.secret.name = u"hmac"_s;
    QTest::newRow("signing secret name")
        << a << u"/signing/secret/secret"_s << badName.arg(u"hmac"_s);
}

void TestActionRender::compileProblems()
{
    QFETCH(WebhookAction, action);
    QFETCH(QString, pointer);
    QFETCH(QString, message);
    Problems problems;
    CompiledAction::compile(action, testCatalog(), Pointer, &problems);
    QCOMPARE(problems.size(), 1);
    QCOMPARE(problems.first().pointer, Pointer + pointer);
    QCOMPARE(problems.first().message, message);
    QVERIFY(problems.first().isError());
}

void TestActionRender::validActionHasNoProblems()
{
    WebhookAction action = baseAction();
    action.method = u"PATCH"_s;
    action.url = u"HTTP://crm.example.com/{{contact.id}}"_s;
    action.auth.type = Auth::Type::Basic;
    action.auth.secret.name = u"CRM_PASSWORD_2"_s;
    action.signing.type = Signing::Type::HmacSha256;
    action.signing.secret.name = u"HMAC_KEY"_s;
    action.timeoutMs = 600000;
    action.retry = {1, 0, 0};
    Problems problems;
    const CompiledAction compiled =
        CompiledAction::compile(action, testCatalog(), Pointer, &problems);
    QVERIFY(problems.isEmpty());
    QCOMPARE(compiled.action(), action);
}

void TestActionRender::renderRefusesAfterCompileErrors()
{
    WebhookAction action = baseAction();
    action.url = u"ftp://x"_s;
    Problems problems;
    const CompiledAction compiled =
        CompiledAction::compile(action, testCatalog(), Pointer, &problems);
    QCOMPARE(problems.size(), 1);
    const CompiledAction::Result result = compiled.render(
        EventContext(sampleEvent()), Language::English, FakeSecrets(), u"d"_s, fixedNow());
    QVERIFY(!result.ok);
    QCOMPARE(result.problems, problems);
}

void TestActionRender::renderProblemHasPointerAndPosition()
{
    // "date" on a text field is found when the action is compiled, with the pointer and the
    // position in the template: a rule set that compiles never fails to render for a type.
    WebhookAction action = baseAction();
    action.body.format = Body::Format::Text;
    action.body.templateText = u"when: {{contact.fullname | date:\"yyyy\"}}"_s;
    Problems problems;
    CompiledAction::compile(action, testCatalog(), Pointer, &problems);
    QCOMPARE(problems.size(), 1);
    QCOMPARE(problems.first().pointer, Pointer + u"/body/template"_s);
    QCOMPARE(problems.first().message,
             u"the filter \"date\" needs a date-time (ISO 8601), but \"contact.fullname\" is a "
             u"text at 1:28 of the template"_s);

    // A date-time field holding something else in the event fails when rendered, placed the same
    // way.
    action.body.templateText = u"when: {{conversation.startedAt | date:\"yyyy\"}}"_s;
    QJsonObject event = sampleEvent();
    event.insert(u"conversation"_s, QJsonObject{{u"startedAt"_s, u"soon"_s}});
    const CompiledAction::Result result = renderAction(action, FakeSecrets(), event);
    QVERIFY(!result.ok);
    QCOMPARE(result.problems.size(), 1);
    QCOMPARE(result.problems.first().pointer, Pointer + u"/body/template"_s);
    QCOMPARE(result.problems.first().message,
             u"the filter \"date\" needs a date-time (ISO 8601), but \"conversation.startedAt\" "
             u"is \"soon\" at 1:34 of the template"_s);

    // The same in the URL, the second header's value and the second form field's value: each at
    // its own pointer.
    const QString failing = u"{{conversation.startedAt | date:\"yyyy\"}}"_s;
    WebhookAction inUrl = baseAction();
    inUrl.url = u"https://crm.example.com/"_s + failing;
    WebhookAction inHeader = baseAction();
    inHeader.headers[1].value = failing;
    WebhookAction inForm = baseAction();
    inForm.body.format = Body::Format::Form;
    inForm.body.fields = {{u"name"_s, u"{{contact.fullname}}"_s}, {u"when"_s, failing}};
    const QList<std::pair<WebhookAction, QString>> placed{
        {inUrl, u"/url"_s}, {inHeader, u"/headers/1/value"_s}, {inForm, u"/body/fields/1/value"_s}};
    for (const auto &[placedAction, pointer] : placed) {
        const CompiledAction::Result placedResult =
            renderAction(placedAction, FakeSecrets(), event);
        QVERIFY(!placedResult.ok);
        QCOMPARE(placedResult.problems.size(), 1);
        QCOMPARE(placedResult.problems.first().pointer, Pointer + pointer);
    }
}

void TestActionRender::builtInCatalogSample()
{
    // Seed 000, use case 2, against the built-in Turkish sample of chat.opened.
    const Catalog &catalog = Catalog::builtIn();
    WebhookAction action;
    action.url = u"https://hooks.slack.com/services/T000/B000/XXXX"_s;
    action.headers = {{u"X-Source"_s, u"kanca"_s}};
    action.body.format = Body::Format::Json;
    action.body.templateText =
        u"{\"text\": \"VIP müşteri {{contact.fullname}} Supsis üzerinden yeni sohbet açtı.\", "
        u"\"tags\": {{contact.tags}}, \"at\": \"{{event.occurredAt | date:\\\"d MMMM yyyy\\\"}}\"}"_s;
    Problems problems;
    CompiledAction::compile(action, catalog, Pointer, &problems);
    // Inside a placeholder the text is placeholder syntax, not JSON: an argument's quotes are
    // written as they are, not JSON-escaped.
    QCOMPARE(problems.size(), 1);
    QCOMPARE(problems.first().pointer, Pointer + u"/body/template"_s);

    action.body.templateText =
        u"{\"text\": \"VIP müşteri {{contact.fullname}} Supsis üzerinden yeni sohbet açtı.\", "
        u"\"tags\": {{contact.tags}}, \"at\": {{event.occurredAt | date:\"d MMMM yyyy\"}}}"_s;
    const QJsonObject event = catalog.sampleEvent(u"chat.opened", Language::Turkish);
    QVERIFY(!event.isEmpty());
    problems.clear();
    const CompiledAction compiled = CompiledAction::compile(action, catalog, Pointer, &problems);
    QVERIFY(problems.isEmpty());
    const CompiledAction::Result result = compiled.render(EventContext(event), Language::Turkish,
                                                          FakeSecrets(), u"dlv_1"_s, fixedNow());
    QVERIFY(result.ok);
    const QJsonObject body = QJsonDocument::fromJson(result.request.body).object();
    const QJsonObject contact = event.value(u"contact"_s).toObject();
    QCOMPARE(body.value(u"text"_s).toString(), u"VIP müşteri "_s
                                                   + contact.value(u"fullname"_s).toString()
                                                   + u" Supsis üzerinden yeni sohbet açtı."_s);
    QCOMPARE(body.value(u"tags"_s), contact.value(u"tags"_s));
    const QDateTime occurred =
        QDateTime::fromString(event.value(u"occurredAt"_s).toString(), Qt::ISODate);
    QCOMPARE(body.value(u"at"_s).toString(),
             QLocale(QLocale::Turkish, QLocale::Turkey).toString(occurred, u"d MMMM yyyy"_s));
}

QTEST_GUILESS_MAIN(TestActionRender)
#include "tst_actionrender.moc"
