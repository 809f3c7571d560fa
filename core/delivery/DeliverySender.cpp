#include "delivery/DeliverySender.h"

#include "delivery/CurlMulti.h"

namespace Kanca {

DeliverySender::DeliverySender(QObject *parent)
    : QObject(parent)
    , m_handOver(this) // a child: it moves to the sender's thread with it
{
    m_handOver.setSingleShot(true);
    m_handOver.setInterval(0);
    connect(&m_handOver, &QTimer::timeout, this, &DeliverySender::handOver);
}

DeliverySender::~DeliverySender()
{
    // Before the multi: an attempt takes its transfer out of the multi. Those that ended and
    // were not handed over yet are dropped, as results still on their way would be.
    for (HttpAttempt *attempt : std::as_const(m_attempts)) {
        attempt->disconnect(this);
        delete attempt;
    }
    m_attempts.clear();
    for (HttpAttempt *attempt : m_endedAttempts)
        delete attempt;
    m_endedAttempts.clear();
    delete m_curl;
}

void DeliverySender::send(const QList<Outgoing> &batch)
{
    if (!m_curl)
        m_curl = new CurlMulti(this);
    for (const Outgoing &outgoing : batch) {
        Destination &destination = m_destinations[outgoing.destination];
        // The limit is the newest's (a fleet's engine may hold more slots now than when those
        // waiting came); those waiting leave first, in order.
        const auto roomOnWire = [&] {
            return outgoing.maxOnWire <= 0 || destination.onWire < outgoing.maxOnWire;
        };
        while (!destination.waiting.isEmpty() && roomOnWire()) {
            ++destination.onWire;
            start(destination.waiting.dequeue());
        }
        if (destination.waiting.isEmpty() && roomOnWire()) {
            ++destination.onWire;
            start(outgoing);
        } else {
            destination.waiting.enqueue(outgoing);
        }
    }
}

QStringList DeliverySender::takeWaiting()
{
    QStringList ids;
    for (Destination &destination : m_destinations) {
        for (const Outgoing &outgoing : std::as_const(destination.waiting))
            ids.append(outgoing.id);
        destination.waiting.clear();
    }
    return ids;
}

void DeliverySender::start(const Outgoing &outgoing)
{
    auto *attempt =
        new HttpAttempt(*m_curl, outgoing.request, outgoing.timeoutMs, outgoing.allowHttp2, this);
    m_attempts.insert(attempt);
    const QString id = outgoing.id;
    const QString destination = outgoing.destination;
    connect(attempt, &HttpAttempt::finished, this,
            [this, attempt, id, destination](const HttpAttempt::Result &result) {
                attemptEnded(attempt, id, destination, result);
            });
    Q_EMIT sending(id);
    attempt->start();
}

void DeliverySender::attemptEnded(HttpAttempt *attempt, const QString &id,
                                  const QString &destination, const HttpAttempt::Result &result)
{
    m_attempts.remove(attempt);
    m_endedAttempts.push_back(attempt);
    m_ended.append({id, destination, result});
    if (!m_handOver.isActive())
        m_handOver.start();
    // The next one waiting for this destination takes the connection that came free.
    const auto it = m_destinations.find(destination);
    if (it != m_destinations.end()) {
        if (!it->waiting.isEmpty()) {
            start(it->waiting.dequeue());
        } else if (--it->onWire == 0) {
            m_destinations.erase(it);
        }
    }
}

void DeliverySender::handOver()
{
    for (HttpAttempt *attempt : m_endedAttempts)
        delete attempt;
    m_endedAttempts.clear();
    if (m_ended.isEmpty())
        return;
    QList<Ended> ended;
    ended.swap(m_ended);
    Q_EMIT finished(ended);
}

} // namespace Kanca
