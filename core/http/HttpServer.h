#pragma once

#include "http/HttpRequest.h"
#include "http/HttpRequestParser.h"

#include <QByteArray>
#include <QHostAddress>
#include <QObject>
#include <QSet>
#include <QString>

#include <functional>
#include <memory>

class QSslConfiguration;
class QTcpServer;

namespace Kanca {

// How a handler answers one request, now or later. A small copyable handle: copies share one
// state, so a handler can keep it in a lambda, a timer or a list and answer when it likes. Only the
// first answer counts; an answer to a client that has gone is dropped. Dropping every copy without
// answering leaves the connection open with no reply: a server that never answers.
class HttpResponder
{
public:
    struct Exchange; // shared state, defined in HttpConnection.h

    HttpResponder() = default; // answers nothing
    explicit HttpResponder(std::shared_ptr<Exchange> exchange);

    // The response: status line, the headers given, then Content-Length, Date and Server unless
    // given, and Connection when the connection closes after it. A Content-Length or
    // Transfer-Encoding given here is replaced by the body's real length; "Connection: close"
    // closes the connection after the response. HEAD responses and 204 and 304 carry no body.
    // Status must be 200 to 999 (an interim 1xx would leave the client waiting: use writeRaw for
    // that).
    void respond(int status, const HttpHeaders &headers = {}, const QByteArray &body = {}) const;
    // The same, delayMs milliseconds from now, without blocking anything meanwhile.
    void respondAfter(int delayMs, int status, const HttpHeaders &headers = {},
                      const QByteArray &body = {}) const;

    // For rehearsing broken servers: bytes written as they are, in place of a response. After
    // writeRaw the server reads no further request on this connection; end it with
    // closeConnection() (for instance after headers that promise more body than was written).
    void writeRaw(const QByteArray &bytes) const;
    // Closes the connection once everything written so far (a response being written included)
    // has been sent. No effect once the connection has gone on to its next request: to close
    // after a normal response, give respond() a "Connection: close" header.
    void closeConnection() const;

    bool isAnswered() const;  // respond, respondAfter, writeRaw or closeConnection was called
    bool isConnected() const; // the client is still connected

private:
    std::shared_ptr<Exchange> m_exchange;
};

// A small HTTP/1.1 server on QTcpServer: the local catcher, and the real server that tests start
// on 127.0.0.1. Keep-alive (HTTP/1.1 by default, HTTP/1.0 on request), pipelining (answers in
// order), chunked request bodies, "Expect: 100-continue", a body cap, an idle timeout, and a
// deadline for each request head, so that clients sending a byte now and then cannot hold
// connections open.
// Malformed requests are answered with 400 (431, 501 or 505 where they fit) and a short text
// body, then the connection is closed. Thread-affine; nothing blocks.
class HttpServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpServer)

public:
    using Handler = std::function<void(const HttpRequest &request, HttpResponder responder)>;

    static constexpr int DefaultIdleTimeoutMs = 30'000;
    static constexpr int DefaultHeadTimeoutMs = 10'000;

    explicit HttpServer(QObject *parent = nullptr);
    ~HttpServer() override;

    // Port 0 picks a free port. On failure returns false and says why in *error.
    bool listen(const QHostAddress &address = QHostAddress::LocalHost, quint16 port = 0,
                QString *error = nullptr);
    // HTTPS from the next listen() on (QSslServer): the certificate, its key and its chain.
    // A connection whose TLS handshake fails is dropped and reported with badRequest.
    void setTlsConfiguration(const QSslConfiguration &configuration);
    bool isTls() const { return m_tls != nullptr; }
    void close(); // stops listening and closes every connection
    bool isListening() const;
    QHostAddress serverAddress() const;
    quint16 serverPort() const;
    QString url() const; // "http://127.0.0.1:PORT", no trailing slash

    // Called for every complete request. Without a handler every request gets 200 with no body.
    void setHandler(Handler handler);
    // Request bodies are kept up to this size; the rest is read, counted and dropped.
    void setMaxBodySize(qint64 bytes);
    qint64 maxBodySize() const { return m_maxBodySize; }
    // A connection waiting for a request is closed after this long without a byte; 0: never.
    void setIdleTimeout(int ms);
    int idleTimeout() const { return m_idleTimeoutMs; }
    // From its first byte, a request's head (request line and headers) must be complete within
    // this long, however steadily its bytes come; else the client is answered 408 and the
    // connection closed (reported with badRequest). 0: no deadline.
    void setHeadTimeout(int ms);
    int headTimeout() const { return m_headTimeoutMs; }
    // At most this many connections at once; 0: no limit. When a new one comes at the limit,
    // the connection that has waited longest for its next request is closed to make room; if
    // every connection is busy with a request, the new one is answered 503 and closed.
    void setMaxConnections(int count);
    int maxConnections() const { return m_maxConnections; }

    int connectionCount() const { return int(m_connections.size()); } // open now
    quint64 acceptedConnectionCount() const { return m_acceptedConnections; }
    quint64 requestCount() const { return m_requestCount; }

Q_SIGNALS:
    void requestReceived(const Kanca::HttpRequest &request); // before the handler is called
    void badRequest(const QString &reason, const QHostAddress &peer);

private:
    void acceptConnections();
    void handleRequest(HttpRequest &request, const HttpResponder &responder);

    bool makeRoomFor();

    QTcpServer *m_tcpServer;
    std::unique_ptr<QSslConfiguration> m_tls;
    Handler m_handler;
    int m_maxConnections = 0;
    qint64 m_maxBodySize = HttpRequestParser::DefaultMaxBodySize;
    int m_idleTimeoutMs = DefaultIdleTimeoutMs;
    int m_headTimeoutMs = DefaultHeadTimeoutMs;
    QSet<QObject *> m_connections;
    quint64 m_acceptedConnections = 0;
    quint64 m_requestCount = 0;
};

} // namespace Kanca
