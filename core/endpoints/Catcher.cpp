#include "endpoints/Catcher.h"

#include "http/HttpServer.h"

namespace Kanca {

Catcher::Catcher(QObject *parent)
    : QObject(parent)
    , m_server(new HttpServer(this))
{
    m_server->setMaxBodySize(DefaultMaxBodySize);
    m_server->setHandler([this](const HttpRequest &request, const HttpResponder &responder) {
        handle(request, responder);
    });
    connect(m_server, &HttpServer::badRequest, this, [this](const QString &reason) {
        ++m_malformed;
        Q_EMIT malformedRequestReceived(reason);
    });
}

Catcher::~Catcher() = default;

bool Catcher::listen(const QHostAddress &address, quint16 port, QString *error)
{
    const bool wasListening = m_server->isListening();
    const bool listening = m_server->listen(address, port, error);
    if (listening != wasListening || listening)
        Q_EMIT listeningChanged(listening);
    return listening;
}

void Catcher::close()
{
    const bool wasListening = m_server->isListening();
    m_server->close();
    if (wasListening)
        Q_EMIT listeningChanged(false);
}

bool Catcher::isListening() const
{
    return m_server->isListening();
}

QString Catcher::url() const
{
    return m_server->url();
}

QHostAddress Catcher::address() const
{
    return m_server->serverAddress();
}

quint16 Catcher::port() const
{
    return m_server->serverPort();
}

void Catcher::setResponse(const Response &response)
{
    m_response = response;
    m_response.status = qBound(200, response.status, 599);
    m_response.delayMs = qBound(0, response.delayMs, MaxDelayMs);
}

void Catcher::setVerifier(const std::optional<SignatureVerifier> &verifier)
{
    m_verifier = verifier;
}

void Catcher::setCapacity(int capacity)
{
    m_capacity = qMax(0, capacity);
    if (m_requests.size() > m_capacity)
        dropOldest(int(m_requests.size() - m_capacity));
}

void Catcher::setMaxBodySize(qint64 bytes)
{
    m_server->setMaxBodySize(bytes);
}

qint64 Catcher::maxBodySize() const
{
    return m_server->maxBodySize();
}

void Catcher::clear()
{
    Q_EMIT aboutToBeCleared();
    m_requests.clear();
    Q_EMIT cleared();
}

void Catcher::dropOldest(int count)
{
    count = qMin(count, int(m_requests.size()));
    if (count <= 0)
        return;
    Q_EMIT oldestAboutToBeDropped(count);
    m_requests.remove(0, count);
    m_dropped += quint64(count);
    Q_EMIT oldestDropped(count);
}

void Catcher::handle(const HttpRequest &request, const HttpResponder &responder)
{
    // Answer first: a slow listener of requestCaught must not hold the client back.
    const Response response = m_response;
    if (response.delayMs > 0)
        responder.respondAfter(response.delayMs, response.status, response.headers, response.body);
    else
        responder.respond(response.status, response.headers, response.body);

    CaughtRequest caught;
    caught.request = request;
    caught.responseStatus = response.status;
    if (m_verifier)
        caught.signature = m_verifier->verify(request);
    ++m_caught;
    if (m_capacity > 0) {
        if (m_requests.size() >= m_capacity)
            dropOldest(int(m_requests.size()) - m_capacity + 1);
        m_requests.append(caught);
    }
    Q_EMIT requestCaught(caught); // a copy: a receiver may clear the list
}

} // namespace Kanca
