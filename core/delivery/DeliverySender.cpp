#include "delivery/DeliverySender.h"

#include "delivery/CurlMulti.h"

namespace Kanca {

DeliverySender::DeliverySender(QObject *parent)
    : QObject(parent)
{}

DeliverySender::~DeliverySender()
{
    // Before the multi: an attempt takes its transfer out of the multi.
    for (HttpAttempt *attempt : std::as_const(m_attempts)) {
        attempt->disconnect(this);
        delete attempt;
    }
    m_attempts.clear();
    delete m_curl;
}

void DeliverySender::send(const QList<Outgoing> &batch)
{
    if (!m_curl)
        m_curl = new CurlMulti(this);
    for (const Outgoing &outgoing : batch) {
        auto *attempt = new HttpAttempt(*m_curl, outgoing.request, outgoing.timeoutMs,
                                        outgoing.allowHttp2, this);
        m_attempts.insert(attempt);
        const QString id = outgoing.id;
        const QString destination = outgoing.destination;
        connect(attempt, &HttpAttempt::finished, this,
                [=, this](const HttpAttempt::Result &result) {
                    m_attempts.remove(attempt);
                    attempt->deleteLater();
                    Q_EMIT finished(id, destination, result);
                });
        Q_EMIT sending(id);
        attempt->start();
    }
}

} // namespace Kanca
