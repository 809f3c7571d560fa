#include "delivery/DeliverySender.h"

#include "delivery/NetworkPool.h"

#include <QNetworkAccessManager>

namespace Kanca {

DeliverySender::DeliverySender(QObject *parent)
    : QObject(parent)
{}

DeliverySender::~DeliverySender()
{
    // Before the managers: an attempt aborts its reply while the reply's manager exists.
    for (HttpAttempt *attempt : std::as_const(m_attempts)) {
        attempt->disconnect(this);
        delete attempt;
    }
    m_attempts.clear();
    delete m_networks;
}

void DeliverySender::send(const QList<Outgoing> &batch)
{
    if (!m_networks)
        m_networks = new NetworkPool(this);
    for (const Outgoing &outgoing : batch) {
        QNetworkAccessManager *network = m_networks->acquire();
        auto *attempt = new HttpAttempt(*network, outgoing.request, outgoing.timeoutMs,
                                        outgoing.allowHttp2, this);
        m_attempts.insert(attempt);
        const QString id = outgoing.id;
        const QString destination = outgoing.destination;
        connect(attempt, &HttpAttempt::finished, this,
                [=, this](const HttpAttempt::Result &result) {
                    m_attempts.remove(attempt);
                    attempt->deleteLater();
                    m_networks->release(network, result.connectionSpoiled);
                    Q_EMIT finished(id, destination, result);
                });
        Q_EMIT sending(id);
        attempt->start();
    }
}

} // namespace Kanca
