#include "http/HttpConnection.h"

#include <QLocale>
#include <QTcpSocket>

using namespace Qt::StringLiterals;

namespace Kanca {

namespace {

constexpr qint64 ReadChunkSize = 64 * 1024;
constexpr qint64 SocketReadBufferSize = 256 * 1024; // beyond it the kernel holds the client back
constexpr qsizetype WriteChunkSize = 256 * 1024;
constexpr qint64 WriteHighWater = 1024 * 1024;  // more body is queued when less is pending
constexpr qsizetype InlineBodySize = 64 * 1024; // smaller bodies leave in one write with the head

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

} // namespace

HttpConnection::HttpConnection(QTcpSocket *socket, HttpConnectionSetup setup, QObject *parent)
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
    connect(&m_headTimer, &QTimer::timeout, this, &HttpConnection::headTimedOut);
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

HttpConnection::~HttpConnection()
{
    m_socket->disconnect(this);
}

qint64 HttpConnection::waitingSince() const
{
    return m_state == State::Reading && m_parser.isBetweenRequests() ? m_waitingSince : -1;
}

bool HttpConnection::isConnected() const
{
    return m_socket->state() == QAbstractSocket::ConnectedState && m_state != State::Closing;
}

void HttpConnection::shutDown()
{
    m_state = State::Closing;
    m_idleTimer.stop();
    m_headTimer.stop();
    m_socket->abort();
    deleteLater();
}

void HttpConnection::processInput()
{
    if (m_processing)
        return; // the loop below carries on
    m_processing = true;
    QPointer<HttpConnection> self(this);
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
void HttpConnection::followHead()
{
    if (m_setup.headTimeoutMs <= 0)
        return;
    if (!m_parser.isInHead())
        m_headTimer.stop();
    else if (!m_headTimer.isActive())
        m_headTimer.start(m_setup.headTimeoutMs);
}

void HttpConnection::headTimedOut()
{
    if (m_state != State::Reading || !m_parser.isInHead())
        return;
    sendError(408, HttpServer::tr("No complete request head within %1 s.")
                       .arg(QLocale::c().toString(m_setup.headTimeoutMs / 1000.0, 'g', 3)));
}

void HttpConnection::dispatch(HttpRequest request)
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

void HttpConnection::sendError()
{
    sendError(m_parser.errorStatus(), m_parser.errorString());
}

void HttpConnection::sendError(int status, const QString &reason)
{
    m_state = State::Writing; // nothing more is read
    m_idleTimer.stop();
    m_headTimer.stop();
    QPointer<HttpConnection> self(this);
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

void HttpConnection::respond(quint64 exchange, int status, const HttpHeaders &headers,
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

void HttpConnection::writeRaw(quint64 exchange, const QByteArray &bytes)
{
    if (exchange != m_exchange || (m_state != State::Handling && m_state != State::Raw))
        return;
    m_state = State::Raw;
    m_socket->write(bytes);
}

void HttpConnection::closeConnection(quint64 exchange)
{
    if (exchange != m_exchange)
        return;
    if (m_state == State::Writing)
        m_closeAfter = true;
    else
        close();
}

void HttpConnection::startResponse(const QByteArray &head, const QByteArray &body, bool closeAfter)
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
void HttpConnection::pump()
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

void HttpConnection::finishResponse()
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

void HttpConnection::close()
{
    m_state = State::Closing;
    m_idleTimer.stop();
    m_headTimer.stop();
    m_outBody = {};
    m_socket->disconnectFromHost(); // after what is already written has been sent
}

void HttpConnection::restartIdleTimer()
{
    if (m_state == State::Reading && m_setup.idleTimeoutMs > 0)
        m_idleTimer.start(m_setup.idleTimeoutMs);
}

} // namespace Kanca
