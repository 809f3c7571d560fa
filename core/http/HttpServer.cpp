#include "http/HttpServer.h"

#include <QLocale>
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

constexpr qint64 ReadChunkSize = 64 * 1024;
constexpr qint64 SocketReadBufferSize = 256 * 1024; // beyond it the kernel holds the client back
constexpr qsizetype WriteChunkSize = 256 * 1024;
constexpr qint64 WriteHighWater = 1024 * 1024;  // more body is queued when less is pending
constexpr qsizetype InlineBodySize = 64 * 1024; // smaller bodies leave in one write with the head
constexpr int ListenBacklog = 1024;

struct ReasonPhrase
{
    int status;
    const char *phrase;
};

constexpr ReasonPhrase ReasonPhrases[] = {
    {200, "OK"},
    {201, "Created"},
    {202, "Accepted"},
    {204, "No Content"},
    {301, "Moved Permanently"},
    {302, "Found"},
    {303, "See Other"},
    {304, "Not Modified"},
    {307, "Temporary Redirect"},
    {308, "Permanent Redirect"},
    {400, "Bad Request"},
    {401, "Unauthorized"},
    {403, "Forbidden"},
    {404, "Not Found"},
    {405, "Method Not Allowed"},
    {408, "Request Timeout"},
    {409, "Conflict"},
    {410, "Gone"},
    {413, "Content Too Large"},
    {415, "Unsupported Media Type"},
    {422, "Unprocessable Content"},
    {429, "Too Many Requests"},
    {431, "Request Header Fields Too Large"},
    {500, "Internal Server Error"},
    {501, "Not Implemented"},
    {502, "Bad Gateway"},
    {503, "Service Unavailable"},
    {504, "Gateway Timeout"},
    {505, "HTTP Version Not Supported"},
};

// Empty for a status without a well-known phrase: the status line then ends with "NNN ".
QByteArray reasonPhrase(int status)
{
    for (const ReasonPhrase &entry : ReasonPhrases) {
        if (entry.status == status)
            return QByteArray(entry.phrase);
    }
    return {};
}

// IMF-fixdate (RFC 9110 section 5.6.7): "Sun, 06 Nov 1994 08:49:37 GMT".
QByteArray httpDate()
{
    return QLocale::c()
        .toString(QDateTime::currentDateTimeUtc(), u"ddd, dd MMM yyyy hh:mm:ss 'GMT'"_s)
        .toLatin1();
}

bool isSafeFieldValue(QByteArrayView value)
{
    return !value.contains('\r') && !value.contains('\n') && !value.contains('\0');
}

bool sameName(QByteArrayView a, QByteArrayView b)
{
    return a.compare(b, Qt::CaseInsensitive) == 0;
}

struct ConnectionSetup
{
    quint64 id = 0;
    qint64 maxBodySize = HttpRequestParser::DefaultMaxBodySize;
    int idleTimeoutMs = 0;
    int headTimeoutMs = 0;
    std::function<void(HttpRequest &request, const HttpResponder &responder)> onRequest;
    std::function<void(const QString &reason, const QHostAddress &peer)> onBadRequest;
};

// One accepted socket: parses requests one at a time and answers them in order. While a request
// is with the handler or its response is being written, no further bytes are read (pipelined
// requests wait, and the socket's bounded read buffer holds the client back).
class Connection final : public QObject
{
public:
    Connection(QTcpSocket *socket, ConnectionSetup setup, QObject *parent);
    ~Connection() override;

    void respond(quint64 exchange, int status, const HttpHeaders &headers, const QByteArray &body);
    void writeRaw(quint64 exchange, const QByteArray &bytes);
    void closeConnection(quint64 exchange);
    bool isConnected() const;
    void shutDown(); // drops the connection at once
    // Waiting for a request with nothing of it yet: since when (ms since the epoch), else -1.
    qint64 waitingSince() const;

private:
    enum class State {
        Reading,  // parsing, or waiting for bytes
        Handling, // a request is with the handler
        Raw,      // the handler writes raw bytes
        Writing,  // a response is being written
        Closing,  // closing once written; input is discarded
    };

    void processInput();
    void followHead();
    void headTimedOut();
    void dispatch(HttpRequest request);
    void sendError();
    void sendError(int status, const QString &reason);
    void startResponse(const QByteArray &head, const QByteArray &body, bool closeAfter);
    void pump();
    void finishResponse();
    void close();
    void restartIdleTimer();

    QTcpSocket *m_socket;
    ConnectionSetup m_setup;
    HttpRequestParser m_parser;
    QTimer m_idleTimer;
    QTimer m_headTimer; // the deadline of the request head being read
    State m_state = State::Reading;
    bool m_processing = false;

    // The current exchange.
    quint64 m_exchange = 0;
    bool m_keepAlive = true;
    bool m_http10 = false;
    bool m_headRequest = false;

    qint64 m_waitingSince = 0; // when the last request ended (or the connection came)

    // The body being written.
    QByteArray m_outBody;
    qsizetype m_outOffset = 0;
    bool m_closeAfter = false;
};

} // namespace

struct HttpResponder::Exchange
{
    QPointer<Connection> connection;
    quint64 id = 0;
    bool answered = false;
    bool raw = false;
};

namespace {

Connection::Connection(QTcpSocket *socket, ConnectionSetup setup, QObject *parent)
    : QObject(parent)
    , m_socket(socket)
    , m_setup(std::move(setup))
    , m_parser(m_setup.maxBodySize)
{
    m_socket->setParent(this);
    m_socket->setReadBufferSize(SocketReadBufferSize);
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);

    m_idleTimer.setSingleShot(true);
    connect(&m_idleTimer, &QTimer::timeout, this, [this] {
        if (m_state == State::Reading)
            close();
    });
    m_headTimer.setSingleShot(true);
    m_headTimer.setTimerType(Qt::PreciseTimer);
    connect(&m_headTimer, &QTimer::timeout, this, &Connection::headTimedOut);
    connect(m_socket, &QTcpSocket::readyRead, this, [this] {
        if (m_state == State::Reading)
            processInput();
        else if (m_state == State::Closing)
            m_socket->readAll();
    });
    connect(m_socket, &QTcpSocket::bytesWritten, this, [this] {
        if (m_state == State::Writing)
            pump();
    });
    connect(m_socket, &QTcpSocket::disconnected, this, [this] {
        m_state = State::Closing;
        deleteLater();
    });
    connect(m_socket, &QTcpSocket::errorOccurred, this, [this] {
        if (m_socket->state() == QAbstractSocket::UnconnectedState) {
            m_state = State::Closing;
            deleteLater();
        }
    });
    m_waitingSince = QDateTime::currentMSecsSinceEpoch();
    restartIdleTimer();
    if (m_socket->bytesAvailable() > 0)
        processInput();
}

Connection::~Connection()
{
    m_socket->disconnect(this);
}

qint64 Connection::waitingSince() const
{
    return m_state == State::Reading && m_parser.isBetweenRequests() ? m_waitingSince : -1;
}

bool Connection::isConnected() const
{
    return m_socket->state() == QAbstractSocket::ConnectedState && m_state != State::Closing;
}

void Connection::shutDown()
{
    m_state = State::Closing;
    m_idleTimer.stop();
    m_headTimer.stop();
    m_socket->abort();
    deleteLater();
}

void Connection::processInput()
{
    if (m_processing)
        return; // the loop below carries on
    m_processing = true;
    QPointer<Connection> self(this);
    while (m_state == State::Reading) {
        switch (m_parser.next()) {
        case HttpRequestParser::Event::NeedMoreData: {
            followHead();
            const QByteArray data = m_socket->read(ReadChunkSize);
            if (data.isEmpty()) {
                m_processing = false;
                return;
            }
            m_parser.feed(data);
            restartIdleTimer();
            break;
        }
        case HttpRequestParser::Event::ContinueExpected:
            m_socket->write(QByteArrayLiteral("HTTP/1.1 100 Continue\r\n\r\n"));
            break;
        case HttpRequestParser::Event::Error:
            sendError();
            if (!self)
                return;
            break;
        case HttpRequestParser::Event::RequestReady:
            dispatch(m_parser.takeRequest());
            if (!self)
                return;
            break;
        }
    }
    m_processing = false;
}

// The head deadline runs from a request's first byte until its head is complete, and is not
// moved by the bytes that come meanwhile.
void Connection::followHead()
{
    if (m_setup.headTimeoutMs <= 0)
        return;
    if (!m_parser.isInHead())
        m_headTimer.stop();
    else if (!m_headTimer.isActive())
        m_headTimer.start(m_setup.headTimeoutMs);
}

void Connection::headTimedOut()
{
    if (m_state != State::Reading || !m_parser.isInHead())
        return;
    sendError(408, HttpServer::tr("No complete request head within %1 s.")
                       .arg(QLocale::c().toString(m_setup.headTimeoutMs / 1000.0, 'g', 3)));
}

void Connection::dispatch(HttpRequest request)
{
    m_idleTimer.stop();
    m_headTimer.stop();
    m_state = State::Handling;
    ++m_exchange;
    m_http10 = request.httpVersion == "HTTP/1.0";
    m_keepAlive = m_http10 ? request.hasHeaderToken("Connection", "keep-alive")
                           : !request.hasHeaderToken("Connection", "close");
    m_headRequest = request.method == "HEAD";

    request.peerAddress = m_socket->peerAddress();
    request.peerPort = m_socket->peerPort();
    request.connectionId = m_setup.id;

    auto exchange = std::make_shared<HttpResponder::Exchange>();
    exchange->connection = this;
    exchange->id = m_exchange;
    m_setup.onRequest(request, HttpResponder(std::move(exchange)));
}

void Connection::sendError()
{
    sendError(m_parser.errorStatus(), m_parser.errorString());
}

void Connection::sendError(int status, const QString &reason)
{
    m_state = State::Writing; // nothing more is read
    m_idleTimer.stop();
    m_headTimer.stop();
    QPointer<Connection> self(this);
    m_setup.onBadRequest(reason, m_socket->peerAddress());
    if (!self)
        return;

    const QByteArray body = reason.toUtf8() + '\n';
    const QByteArray head = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status)
                            + "\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: "
                            + QByteArray::number(body.size()) + "\r\nDate: " + httpDate()
                            + "\r\nServer: Kanca-catcher\r\nConnection: close\r\n\r\n";
    startResponse(head, body, true);
}

void Connection::respond(quint64 exchange, int status, const HttpHeaders &headers,
                         const QByteArray &body)
{
    if (exchange != m_exchange || m_state != State::Handling)
        return;
    QByteArray content = body;
    if (status < 200 || status > 999) {
        qWarning("Kanca::HttpServer: the handler answered with status %d; answering 500", status);
        content = "Invalid response status " + QByteArray::number(status) + '\n';
        status = 500;
    }

    bool closeAfter = !m_keepAlive;
    bool hasDate = false;
    bool hasServer = false;
    QByteArray head =
        "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) + "\r\n";
    for (const HttpHeader &field : headers) {
        if (!HttpRequestParser::isToken(field.name) || !isSafeFieldValue(field.value)) {
            qWarning("Kanca::HttpServer: response header \"%s\" is not valid HTTP; left out",
                     field.name.constData());
            continue;
        }
        if (sameName(field.name, "Content-Length") || sameName(field.name, "Transfer-Encoding"))
            continue;
        if (sameName(field.name, "Connection")) {
            closeAfter = closeAfter || httpListHasToken(field.value, "close");
            continue;
        }
        hasDate = hasDate || sameName(field.name, "Date");
        hasServer = hasServer || sameName(field.name, "Server");
        head += field.name + ": " + field.value + "\r\n";
    }
    if (!hasDate)
        head += "Date: " + httpDate() + "\r\n";
    if (!hasServer)
        head += "Server: Kanca-catcher\r\n";
    const bool bodyAllowed = status != 204 && status != 304;
    if (bodyAllowed)
        head += "Content-Length: " + QByteArray::number(content.size()) + "\r\n";
    if (closeAfter)
        head += "Connection: close\r\n";
    else if (m_http10)
        head += "Connection: keep-alive\r\n";
    head += "\r\n";
    startResponse(head, bodyAllowed && !m_headRequest ? content : QByteArray(), closeAfter);
}

void Connection::writeRaw(quint64 exchange, const QByteArray &bytes)
{
    if (exchange != m_exchange || (m_state != State::Handling && m_state != State::Raw))
        return;
    m_state = State::Raw;
    m_socket->write(bytes);
}

void Connection::closeConnection(quint64 exchange)
{
    if (exchange != m_exchange)
        return;
    if (m_state == State::Writing)
        m_closeAfter = true;
    else
        close();
}

void Connection::startResponse(const QByteArray &head, const QByteArray &body, bool closeAfter)
{
    m_state = State::Writing;
    m_closeAfter = closeAfter;
    m_outOffset = 0;
    if (body.size() <= InlineBodySize) {
        m_socket->write(head + body);
        m_outBody = {};
    } else {
        m_socket->write(head);
        m_outBody = body; // shared, not copied
    }
    pump();
}

// Hands the body to the socket a chunk at a time, as the socket drains: a 50 MB body is neither
// copied whole nor written in one event-loop-blocking call.
void Connection::pump()
{
    while (m_outOffset < m_outBody.size() && m_socket->bytesToWrite() < WriteHighWater) {
        const qsizetype size = qMin(WriteChunkSize, m_outBody.size() - m_outOffset);
        if (m_socket->write(m_outBody.constData() + m_outOffset, size) != size) {
            close();
            return;
        }
        m_outOffset += size;
    }
    if (m_outOffset >= m_outBody.size())
        finishResponse();
}

void Connection::finishResponse()
{
    m_outBody = {};
    m_outOffset = 0;
    if (m_closeAfter) {
        close();
        return;
    }
    m_state = State::Reading;
    m_waitingSince = QDateTime::currentMSecsSinceEpoch();
    restartIdleTimer();
    processInput();
}

void Connection::close()
{
    m_state = State::Closing;
    m_idleTimer.stop();
    m_headTimer.stop();
    m_outBody = {};
    m_socket->disconnectFromHost(); // after what is already written has been sent
}

void Connection::restartIdleTimer()
{
    if (m_state == State::Reading && m_setup.idleTimeoutMs > 0)
        m_idleTimer.start(m_setup.idleTimeoutMs);
}

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
    if (Connection *connection = m_exchange->connection)
        connection->respond(m_exchange->id, status, headers, body);
}

void HttpResponder::respondAfter(int delayMs, int status, const HttpHeaders &headers,
                                 const QByteArray &body) const
{
    if (!m_exchange || m_exchange->answered)
        return;
    m_exchange->answered = true;
    Connection *connection = m_exchange->connection;
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
    if (Connection *connection = m_exchange->connection)
        connection->writeRaw(m_exchange->id, bytes);
}

void HttpResponder::closeConnection() const
{
    if (!m_exchange)
        return;
    m_exchange->answered = true;
    if (Connection *connection = m_exchange->connection)
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
        static_cast<Connection *>(connection)->shutDown();
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
    Connection *oldest = nullptr;
    qint64 oldestSince = 0;
    for (QObject *object : std::as_const(m_connections)) {
        auto *connection = static_cast<Connection *>(object);
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
        ConnectionSetup setup;
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
        auto *connection = new Connection(socket, std::move(setup), this);
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
