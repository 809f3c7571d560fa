#include "sendtest/ReceivedCheck.h"

#include "endpoints/CaughtRequest.h"
#include "endpoints/WebhookSiteReply.h"
#include "engine/Credentials.h"
#include "engine/SecretProvider.h"
#include "services/TestEndpoints.h"

#include <QUrl>

namespace Kanca {

namespace {

// Which of `count` received requests is the delivery's: the one carrying its webhook-id, else
// the newest with the same method and body, else the newest of all; -1 when there are none.
// `newest(n)` is the n-th newest as an HttpRequest.
qsizetype pick(qsizetype count, const RenderedRequest &sent, const QString &deliveryId, auto newest)
{
    if (count == 0)
        return -1;
    const QByteArray id = deliveryId.toUtf8();
    for (qsizetype n = 0; n < count; ++n) {
        if (newest(n).header("webhook-id") == id)
            return n;
    }
    const QByteArray method = sent.method.toLatin1();
    for (qsizetype n = 0; n < count; ++n) {
        const auto &request = newest(n);
        if (request.method == method && request.body == sent.body)
            return n;
    }
    return 0;
}

} // namespace

ReceivedCheck::ReceivedCheck(TestEndpoints *endpoints, const SecretProvider *secrets,
                             QObject *parent)
    : QObject(parent)
    , m_endpoints(endpoints)
    , m_secrets(secrets)
{
    qRegisterMetaType<Kanca::ReceivedCheck::Result>();
}

ReceivedCheck::~ReceivedCheck()
{
    cancel();
}

bool ReceivedCheck::canCheck(const QString &url) const
{
    const QUrl parsed(url);
    return m_endpoints->isCatcherUrl(parsed) || m_endpoints->webhookSite()->tokenOf(parsed);
}

void ReceivedCheck::cancel()
{
    for (const QPointer<WebhookSiteReply> &reply : std::as_const(m_replies)) {
        if (reply) {
            reply->disconnect(this);
            reply->abort();
            reply->deleteLater();
        }
    }
    m_replies.clear();
    m_pending.clear();
}

RenderedRequest ReceivedCheck::sentRequest(const Delivery &delivery, const Attempt &attempt,
                                           const SecretProvider &secrets)
{
    RenderedRequest sent = attempt.request;
    // The attempt's body may be capped for the history; the delivery has all of it.
    if (attempt.requestBodyTruncated())
        sent.body = delivery.request.body;
    RenderedRequest withSecrets = delivery.request;
    Problems problems;
    Credentials::apply(&withSecrets, delivery.auth, delivery.signing, secrets, delivery.id,
                       attempt.startedAt, QString(), &problems);
    for (RenderedRequest::Header &header : sent.headers) {
        if (!header.secret)
            continue;
        for (const RenderedRequest::Header &filled : std::as_const(withSecrets.headers)) {
            if (filled.name.compare(header.name, Qt::CaseInsensitive) == 0) {
                header.value = filled.value;
                break;
            }
        }
    }
    return sent;
}

void ReceivedCheck::check(int index, const Delivery &delivery, const Attempt &lastAttempt)
{
    const QUrl url(delivery.request.url);
    const Pending pending{delivery, lastAttempt};
    if (m_endpoints->isCatcherUrl(url)) {
        checkCatcher(index, pending);
    } else if (const std::optional<QString> token = m_endpoints->webhookSite()->tokenOf(url)) {
        checkWebhookSite(index, pending, *token);
    }
}

void ReceivedCheck::checkCatcher(int index, const Pending &pending)
{
    const QString where = tr("the local catcher");
    Q_EMIT checking(index, where);
    RenderedRequest sent = sentRequest(pending.delivery, pending.attempt, *m_secrets);
    const QList<CaughtRequest> &caught = m_endpoints->catcher()->requests();
    const qsizetype newest =
        pick(caught.size(), sent, pending.delivery.id, [&](qsizetype n) -> const HttpRequest & {
            return caught.at(caught.size() - 1 - n).request;
        });
    if (newest < 0) {
        Q_EMIT failed(index, where,
                      tr("Nothing has arrived at the catcher (it keeps the last %n request(s)).",
                         nullptr, m_endpoints->catcher()->capacity()));
        return;
    }
    finish(index, where, std::move(sent), pending, caught.at(caught.size() - 1 - newest).request);
}

void ReceivedCheck::checkWebhookSite(int index, const Pending &pending, const QString &token)
{
    WebhookSiteClient *client = m_endpoints->webhookSite();
    const QString where = client->baseUrl().host();
    if (!pending.attempt.httpStatus) {
        Q_EMIT failed(index, where,
                      tr("%1 did not answer, so nothing is fetched from it.").arg(where));
        return;
    }
    Q_EMIT checking(index, where);
    QByteArray requestId;
    for (const RenderedRequest::Header &header : pending.attempt.responseHeaders) {
        if (header.name.compare(u"X-Request-Id", Qt::CaseInsensitive) == 0)
            requestId = header.value.toUtf8();
    }
    WebhookSiteReply *reply = requestId.isEmpty()
                                  ? client->latestRequests(token, 10)
                                  : client->request(token, QString::fromUtf8(requestId));
    if (QPointer<WebhookSiteReply> old = m_replies.value(index)) {
        old->disconnect(this);
        old->abort();
        old->deleteLater();
    }
    m_pending.insert(index, pending);
    m_replies.insert(index, reply);
    connect(reply, &WebhookSiteReply::finished, this,
            [this, index, reply] { webhookSiteAnswered(index, reply); });
}

void ReceivedCheck::webhookSiteAnswered(int index, WebhookSiteReply *reply)
{
    reply->deleteLater();
    m_replies.remove(index);
    const Pending pending = m_pending.take(index);
    const QString where = m_endpoints->webhookSite()->baseUrl().host();
    if (reply->error() == WebhookSiteReply::Error::Aborted)
        return;
    if (reply->error() != WebhookSiteReply::Error::None) {
        Q_EMIT failed(
            index, where,
            tr("What %1 received cannot be fetched: %2").arg(where, reply->errorString()));
        return;
    }
    RenderedRequest sent = sentRequest(pending.delivery, pending.attempt, *m_secrets);
    const QList<WebhookSiteRequest> &received = reply->requests();
    const qsizetype newest = pick(received.size(), sent, pending.delivery.id,
                                  [&](qsizetype n) { return received.at(n).toHttpRequest(); });
    if (newest < 0) {
        Q_EMIT failed(index, where, tr("%1 has no request at this URL yet.").arg(where));
        return;
    }
    finish(index, where, std::move(sent), pending, received.at(newest).toHttpRequest());
}

void ReceivedCheck::finish(int index, const QString &where, RenderedRequest sent,
                           const Pending &pending, const HttpRequest &received)
{
    Result result;
    result.where = where;
    result.sent = std::move(sent);
    for (const RenderedRequest::Header &header : std::as_const(result.sent.headers)) {
        if (header.secret)
            result.secretHeaders.insert(header.name.toLower());
    }
    result.received = received;
    result.outcome = TestOutcome::of(pending.delivery, pending.attempt);
    std::optional<SignatureVerifier> verifier;
    if (pending.delivery.signing.type != Signing::Type::None) {
        if (const std::optional<QByteArray> secret =
                m_secrets->secret(pending.delivery.signing.secret.name))
            verifier = SignatureVerifier::forSigning(pending.delivery.signing, *secret);
    }
    result.comparison =
        RequestComparison::compare(result.sent, received, verifier ? &*verifier : nullptr);
    Q_EMIT compared(index, result);
}

} // namespace Kanca
