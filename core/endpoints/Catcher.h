#pragma once

#include "endpoints/CaughtRequest.h"
#include "engine/SignatureVerifier.h"
#include "http/HttpRequest.h"

#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QString>

#include <optional>

namespace Kanca {

class HttpResponder;
class HttpServer;

// The local catcher: an HTTP listener (127.0.0.1 unless told otherwise) that keeps the requests
// it receives, checks their signatures with the rule's secret, and answers every one with the
// status, headers, body and delay it is set to, so that retries, timeouts and 429 with
// Retry-After can be rehearsed with no network. Built on HttpServer: keep-alive, chunked bodies,
// a body cap (the real size is still reported) and malformed requests (answered 400 and counted;
// the catcher carries on) come from there.
//
// The list is bounded: past capacity() the oldest requests are dropped, one by one, with
// oldestAboutToBeDropped / oldestDropped around it, so a model can follow the list exactly.
class Catcher final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Catcher)

public:
    static constexpr int DefaultCapacity = 1000;
    static constexpr qint64 DefaultMaxBodySize = 1024 * 1024;
    static constexpr int MaxDelayMs = 10 * 60 * 1000;

    // How the catcher answers. Status 200 to 599; delay 0 to MaxDelayMs.
    struct Response
    {
        int status = 200;
        int delayMs = 0;
        HttpHeaders headers; // such as Retry-After or Content-Type
        QByteArray body;
        friend bool operator==(const Response &, const Response &) = default;
    };

    explicit Catcher(QObject *parent = nullptr);
    ~Catcher() override;

    // Port 0 picks a free port. On failure (the port is in use) returns false and says why.
    bool listen(const QHostAddress &address = QHostAddress::LocalHost, quint16 port = 0,
                QString *error = nullptr);
    void close(); // stops listening and drops every connection; the list stays
    bool isListening() const;
    QString url() const; // "http://127.0.0.1:PORT"
    QHostAddress address() const;
    quint16 port() const;

    // Applies to requests that arrive from now on. A status or delay out of range is clamped.
    void setResponse(const Response &response);
    const Response &response() const { return m_response; }

    // With a verifier every request's signature is checked; without one none is.
    void setVerifier(const std::optional<SignatureVerifier> &verifier);
    const std::optional<SignatureVerifier> &verifier() const { return m_verifier; }

    // How many requests are kept (0: none, only the signal). Lowering it drops the oldest.
    void setCapacity(int capacity);
    int capacity() const { return m_capacity; }
    // Bodies are kept up to this size; requestCaught reports the real size.
    void setMaxBodySize(qint64 bytes);
    qint64 maxBodySize() const;

    // The kept requests, oldest first.
    const QList<CaughtRequest> &requests() const { return m_requests; }
    quint64 caughtCount() const { return m_caught; }       // every request ever caught
    quint64 droppedCount() const { return m_dropped; }     // fell off the bounded list
    quint64 malformedCount() const { return m_malformed; } // answered 400 (or 431, 501, 505)
    void clear();

Q_SIGNALS:
    void listeningChanged(bool listening);
    // The request has been appended to requests() (unless the capacity is 0).
    void requestCaught(const Kanca::CaughtRequest &request);
    void oldestAboutToBeDropped(int count);
    void oldestDropped(int count);
    void aboutToBeCleared();
    void cleared();
    void malformedRequestReceived(const QString &reason);

private:
    void handle(const HttpRequest &request, const HttpResponder &responder);
    void dropOldest(int count);

    HttpServer *m_server;
    Response m_response;
    std::optional<SignatureVerifier> m_verifier;
    int m_capacity = DefaultCapacity;
    QList<CaughtRequest> m_requests;
    quint64 m_caught = 0;
    quint64 m_dropped = 0;
    quint64 m_malformed = 0;
};

} // namespace Kanca
