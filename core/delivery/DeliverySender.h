#pragma once

#include "delivery/HttpAttempt.h"
#include "engine/RenderedRequest.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QQueue>
#include <QSet>
#include <QStringList>
#include <QTimer>

#include <vector>

namespace Kanca {

class CurlMulti;

// The HTTP side of the delivery engine on one thread: sends the attempts it is given through its
// own libcurl multi (a CurlMulti made on that thread), and says how each ended. An attempt over
// its destination's limit of attempts on the wire waits here and leaves the moment one of them
// ends, without waiting for the engine's thread. It
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
        // At most this many of the destination's attempts on the wire at once (0: no limit);
        // the others wait here, in order, and each leaves as one before it ends.
        int maxOnWire = 0;
    };

    // An attempt that ended, and how.
    struct Ended
    {
        QString id; // the delivery's
        QString destination;
        HttpAttempt::Result result;
    };

    explicit DeliverySender(QObject *parent = nullptr);
    // Cuts off the attempts still on the wire (nothing is emitted for them).
    ~DeliverySender() override;

    // On this object's thread.
    void send(const QList<Outgoing> &batch);
    // Forgets the attempts waiting here for one of their destinations' connections (given, never
    // on the wire) and returns their delivery ids: as the thread ends.
    QStringList takeWaiting();

Q_SIGNALS:
    // On this object's thread, as each request is handed to libcurl.
    void sending(const QString &id);
    // On this object's thread: the attempts that ended since the last time, in the order they
    // ended, once per turn of its event loop (one hand-over to the engine's thread for all of
    // them, rather than one each).
    void finished(const QList<Kanca::DeliverySender::Ended> &ended);

private:
    struct Destination
    {
        int onWire = 0;
        QQueue<Outgoing> waiting;
    };

    void start(const Outgoing &outgoing);
    void attemptEnded(HttpAttempt *attempt, const QString &id, const QString &destination,
                      const HttpAttempt::Result &result);
    // Emits finished() for what ended, and deletes those attempts (outside their own signals).
    void handOver();

    CurlMulti *m_curl = nullptr; // made on first use, on this object's thread
    QSet<HttpAttempt *> m_attempts;
    QHash<QString, Destination> m_destinations; // those with attempts on the wire or waiting
    QList<Ended> m_ended;                       // until handOver()
    std::vector<HttpAttempt *> m_endedAttempts; // deleted in handOver()
    QTimer m_handOver; // zero, single-shot: armed by the first attempt to end in a turn
};

} // namespace Kanca
