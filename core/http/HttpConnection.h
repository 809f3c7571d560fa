#pragma once

// Private to the HTTP server (HttpServer.cpp and HttpConnection.cpp): one accepted connection,
// and the state an HttpResponder shares with it.

#include "http/HttpRequestParser.h"
#include "http/HttpServer.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

#include <functional>

class QTcpSocket;

namespace Kanca {

struct HttpConnectionSetup
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
class HttpConnection final : public QObject
{
public:
    HttpConnection(QTcpSocket *socket, HttpConnectionSetup setup, QObject *parent);
    ~HttpConnection() override;

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
    HttpConnectionSetup m_setup;
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

struct HttpResponder::Exchange
{
    QPointer<HttpConnection> connection;
    quint64 id = 0;
    bool answered = false;
    bool raw = false;
};

} // namespace Kanca
