#include "delivery/NetworkPool.h"

#include <QNetworkAccessManager>
#include <QNetworkProxy>

namespace Kanca {

NetworkPool::NetworkPool(QObject *parent)
    : QObject(parent)
{
    m_current = create();
}

NetworkPool::~NetworkPool() = default; // the managers are children

QNetworkAccessManager *NetworkPool::create()
{
    auto *network = new QNetworkAccessManager(this);
    network->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
    // Kanca has no proxy setting and connects to receivers directly. Left at its default, the
    // manager looks up the process's proxy settings before every request, and a proxy set for
    // the whole process (or the system's configuration, once something turns that on) would
    // carry the deliveries.
    network->setProxy(QNetworkProxy::NoProxy);
    // No cache is set, and no HSTS: nothing a receiver answers changes where the next request
    // goes. (Cookies: each request neither reads nor fills the manager's cookie jar, which is
    // then never created; see HttpAttempt.)
    network->setStrictTransportSecurityEnabled(false);
    ++m_created;
    return network;
}

QNetworkAccessManager *NetworkPool::acquire()
{
    ++m_inUse[m_current];
    return m_current;
}

void NetworkPool::release(QNetworkAccessManager *network, bool spoiled)
{
    const auto it = m_inUse.find(network);
    if (it == m_inUse.end())
        return;
    --*it;
    if (spoiled && network == m_current)
        m_current = create();
    if (network != m_current && *it <= 0) {
        m_inUse.erase(it);
        network->deleteLater(); // closes its connections, the spoiled one with them
    }
}

} // namespace Kanca
