#pragma once

#include "delivery/Delivery.h"
#include "endpoints/RequestComparison.h"
#include "engine/RenderedRequest.h"
#include "http/HttpRequest.h"
#include "sendtest/TestOutcome.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QString>

namespace Kanca {

class SecretProvider;
class TestEndpoints;
class WebhookSiteReply;

// After a test send to webhook.site or to the local catcher, finds what arrived there and
// compares it with what was sent. webhook.site is asked asynchronously for the request named by
// the X-Request-Id header of its answer (else its latest requests, the one carrying this
// delivery's webhook-id or body); the catcher's own list is searched at once. What was sent is
// the last attempt's request with the masked secret headers filled in again from the secrets,
// since those are what went over the wire; the signature is checked with the delivery's
// signing settings and secret.
class ReceivedCheck final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReceivedCheck)

public:
    struct Result
    {
        QString where; // "webhook.site", "the local catcher"
        RenderedRequest sent;
        QSet<QString> secretHeaders; // lower-case names whose values are shown masked
        HttpRequest received;
        RequestComparison comparison;
        // How the receiver answered the delivery: what arrived may be unchanged and still be
        // refused ("received, but answered HTTP 503").
        TestOutcome outcome;
    };

    ReceivedCheck(TestEndpoints *endpoints, const SecretProvider *secrets,
                  QObject *parent = nullptr);
    ~ReceivedCheck() override;

    // Whether a delivery to this URL can be checked (webhook.site, or the catcher listening).
    bool canCheck(const QString &url) const;
    // Starts checking delivery `index` of a test; emits checking(), then compared() or failed().
    // Nothing is emitted for a URL that canCheck() refuses.
    void check(int index, const Delivery &delivery, const Attempt &lastAttempt);
    // Forgets the checks under way (a new test started).
    void cancel();

    // The request as it went over the wire: the attempt's, with secrets filled in again.
    static RenderedRequest sentRequest(const Delivery &delivery, const Attempt &attempt,
                                       const SecretProvider &secrets);

Q_SIGNALS:
    void checking(int index, const QString &where);
    void compared(int index, const Kanca::ReceivedCheck::Result &result);
    void failed(int index, const QString &where, const QString &message);

private:
    struct Pending
    {
        Delivery delivery;
        Attempt attempt;
    };

    void checkCatcher(int index, const Pending &pending);
    void checkWebhookSite(int index, const Pending &pending, const QString &token);
    void webhookSiteAnswered(int index, WebhookSiteReply *reply);
    void finish(int index, const QString &where, RenderedRequest sent, const Pending &pending,
                const HttpRequest &received);

    TestEndpoints *m_endpoints;
    const SecretProvider *m_secrets;
    QHash<int, Pending> m_pending;
    QHash<int, QPointer<WebhookSiteReply>> m_replies;
};

} // namespace Kanca

Q_DECLARE_METATYPE(Kanca::ReceivedCheck::Result)
