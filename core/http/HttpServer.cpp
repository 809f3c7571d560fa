#include "http/HttpServer.h"

#include "http/HttpConnection.h"

#include <QPointer>
#include <QSslConfiguration>
#include <QSslServer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace Kanca {

namespace {

constexpr int ListenBacklog = 1024;

} // namespace

// HttpResponder

HttpResponder::HttpResponder(std::shared_ptr<Exchange> exchange)
    : m_exchange(std::move(exchange))
{}

void HttpResponder::respond(int status, const HttpHeaders &headers, const QByteArray &body) const
{
    if (!m_exchange || m_exchange->answered)
        return;
    m_exchange->answered = true;
    if (HttpConnection *connection = m_exchange->connection)
        connection->respond(m_exchange->id, status, headers, body);
}

void HttpResponder::respondAfter(int delayMs, int status, const HttpHeaders &headers,
                                 const QByteArray &body) const
{
    if (!m_exchange || m_exchange->answered)
        return;
    m_exchange->answered = true;
    HttpConnection *connection = m_exchange->connection;
    if (!connection)
        return;
    QTimer::singleShot(qMax(0, delayMs), Qt::PreciseTimer, connection,
                       [connection, id = m_exchange->id, status, headers, body] {
                           connection->respond(id, status, headers, body);
                       });
}

void HttpResponder::writeRaw(const QByteArray &bytes) const
{
    if (!m_exchange || (m_exchange->answered && !m_exchange->raw))
        return;
    m_exchange->answered = true;
    m_exchange->raw = true;
    if (HttpConnection *connection = m_exchange->connection)
        connection->writeRaw(m_exchange->id, bytes);
}

void HttpResponder::closeConnection() const
{
    if (!m_exchange)
        return;
    m_exchange->answered = true;
    if (HttpConnection *connection = m_exchange->connection)
        connection->closeConnection(m_exchange->id);
}

bool HttpResponder::isAnswered() const
{
    return m_exchange && m_exchange->answered;
}

bool HttpResponder::isConnected() const
{
    return m_exchange && m_exchange->connection && m_exchange->connection->isConnected();
}

// HttpServer

HttpServer::HttpServer(QObject *parent)
    : QObject(parent)
    , m_tcpServer(new QTcpServer(this))
{
    m_tcpServer->setListenBacklogSize(ListenBacklog);
    m_tcpServer->setMaxPendingConnections(ListenBacklog);
    connect(m_tcpServer, &QTcpServer::newConnection, this, &HttpServer::acceptConnections);
}

HttpServer::~HttpServer()
{
    close();
}

bool HttpServer::listen(const QHostAddress &address, quint16 port, QString *error)
{
    if (m_tcpServer->isListening())
        m_tcpServer->close();
    if (m_tls && !qobject_cast<QSslServer *>(m_tcpServer)) {
        delete m_tcpServer;
        auto *server = new QSslServer(this);
        server->setSslConfiguration(*m_tls);
        connect(server, &QSslServer::errorOccurred, this,
                [this](QSslSocket *socket, QAbstractSocket::SocketError) {
                    Q_EMIT badRequest(tr("TLS: %1").arg(socket->errorString()),
                                      socket->peerAddress());
                });
        connect(server, &QSslServer::peerVerifyError, this,
                [this](QSslSocket *socket, const QSslError &sslError) {
                    Q_EMIT badRequest(tr("TLS: %1").arg(sslError.errorString()),
                                      socket->peerAddress());
                });
        m_tcpServer = server;
        m_tcpServer->setListenBacklogSize(ListenBacklog);
        m_tcpServer->setMaxPendingConnections(ListenBacklog);
        connect(m_tcpServer, &QTcpServer::newConnection, this, &HttpServer::acceptConnections);
    }
    if (m_tcpServer->listen(address, port))
        return true;
    if (error) {
        const QString host = address.protocol() == QAbstractSocket::IPv6Protocol
                                 ? u'[' + address.toString() + u']'
                                 : address.toString();
        const QString where = host + u':' + QString::number(port);
        *error = tr("Cannot listen on %1: %2").arg(where, m_tcpServer->errorString());
    }
    return false;
}

void HttpServer::close()
{
    m_tcpServer->close();
    const QSet<QObject *> connections = std::exchange(m_connections, {});
    for (QObject *connection : connections)
        static_cast<HttpConnection *>(connection)->shutDown();
}

bool HttpServer::isListening() const
{
    return m_tcpServer->isListening();
}

QHostAddress HttpServer::serverAddress() const
{
    return m_tcpServer->serverAddress();
}

quint16 HttpServer::serverPort() const
{
    return m_tcpServer->serverPort();
}

QString HttpServer::url() const
{
    QHostAddress address = serverAddress();
    if (address == QHostAddress::AnyIPv4 || address == QHostAddress::Any)
        address = QHostAddress::LocalHost;
    else if (address == QHostAddress::AnyIPv6)
        address = QHostAddress::LocalHostIPv6;
    QUrl url;
    url.setScheme(m_tls ? u"https"_s : u"http"_s);
    url.setHost(address.toString());
    url.setPort(serverPort());
    return url.toString();
}

void HttpServer::setHandler(Handler handler)
{
    m_handler = std::move(handler);
}

void HttpServer::setMaxBodySize(qint64 bytes)
{
    m_maxBodySize = qMax<qint64>(0, bytes);
}

void HttpServer::setIdleTimeout(int ms)
{
    m_idleTimeoutMs = qMax(0, ms);
}

void HttpServer::setHeadTimeout(int ms)
{
    m_headTimeoutMs = qMax(0, ms);
}

void HttpServer::setTlsConfiguration(const QSslConfiguration &configuration)
{
    m_tls = std::make_unique<QSslConfiguration>(configuration);
}

void HttpServer::setMaxConnections(int count)
{
    m_maxConnections = qMax(0, count);
}

// At the limit: the connection idle the longest goes, if there is one.
bool HttpServer::makeRoomFor()
{
    if (m_maxConnections <= 0 || int(m_connections.size()) < m_maxConnections)
        return true;
    HttpConnection *oldest = nullptr;
    qint64 oldestSince = 0;
    for (QObject *object : std::as_const(m_connections)) {
        auto *connection = static_cast<HttpConnection *>(object);
        const qint64 since = connection->waitingSince();
        if (since >= 0 && (!oldest || since < oldestSince)) {
            oldest = connection;
            oldestSince = since;
        }
    }
    if (!oldest)
        return false;
    m_connections.remove(oldest);
    oldest->shutDown();
    return true;
}

void HttpServer::acceptConnections()
{
    while (QTcpSocket *socket = m_tcpServer->nextPendingConnection()) {
        if (!makeRoomFor()) {
            socket->write("HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\n"
                          "Retry-After: 1\r\nConnection: close\r\n\r\n");
            socket->disconnectFromHost();
            connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            Q_EMIT badRequest(tr("Too many connections (%1): refused.").arg(m_maxConnections),
                              socket->peerAddress());
            continue;
        }
        HttpConnectionSetup setup;
        setup.id = ++m_acceptedConnections;
        setup.maxBodySize = m_maxBodySize;
        setup.idleTimeoutMs = m_idleTimeoutMs;
        setup.headTimeoutMs = m_headTimeoutMs;
        setup.onRequest = [this](HttpRequest &request, const HttpResponder &responder) {
            handleRequest(request, responder);
        };
        setup.onBadRequest = [this](const QString &reason, const QHostAddress &peer) {
            Q_EMIT badRequest(reason, peer);
        };
        auto *connection = new HttpConnection(socket, std::move(setup), this);
        m_connections.insert(connection);
        connect(connection, &QObject::destroyed, this,
                [this, connection] { m_connections.remove(connection); });
    }
}

void HttpServer::handleRequest(HttpRequest &request, const HttpResponder &responder)
{
    request.sequence = ++m_requestCount;
    QPointer<HttpServer> self(this);
    Q_EMIT requestReceived(request);
    if (!self)
        return;
    if (m_handler) {
        const Handler handler = m_handler; // the handler may replace itself
        handler(request, responder);
    } else {
        responder.respond(200);
    }
}

} // namespace Kanca
