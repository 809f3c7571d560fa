#pragma once

#include "delivery/HttpAttempt.h"
#include "engine/RenderedRequest.h"

#include <QList>
#include <QObject>
#include <QSet>

namespace Kanca {

class CurlMulti;

// The HTTP side of the delivery engine on one thread: sends the attempts it is given through its
// own libcurl multi (a CurlMulti made on that thread), and says how each ended. It
// touches no storage and decides nothing: the engine (see DeliveryThreads) tells it what to send,
// with the credentials already applied, and hears the results by queued signals.
class DeliverySender final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DeliverySender)

public:
    struct Outgoing
    {
        QString id; // the delivery's
        QString destination;
        RenderedRequest request; // with credentials
        int timeoutMs = 0;
        bool allowHttp2 = true;
    };

    explicit DeliverySender(QObject *parent = nullptr);
    // Cuts off the attempts still on the wire (nothing is emitted for them).
    ~DeliverySender() override;

    // On this object's thread.
    void send(const QList<Outgoing> &batch);

Q_SIGNALS:
    // On this object's thread, as each request is handed to Qt.
    void sending(const QString &id);
    void finished(const QString &id, const QString &destination,
                  const Kanca::HttpAttempt::Result &result);

private:
    CurlMulti *m_curl = nullptr; // made on first use, on this object's thread
    QSet<HttpAttempt *> m_attempts;
};

} // namespace Kanca
