#pragma once

#include <QByteArray>
#include <QHash>
#include <QObject>
#include <QTimer>

#include <vector>

namespace Kanca {

// Something a CurlMulti carries: told once, on the multi's thread, how its transfer ended.
class CurlTransfer
{
public:
    virtual ~CurlTransfer() = default;
    // `code` is the transfer's CURLcode; the easy handle is already out of the multi.
    virtual void transferDone(int code) = 0;
};

// libcurl's multi interface driven by this thread's Qt event loop: curl says which sockets to
// watch (a QSocketNotifier each) and when to look again (one QTimer), and this object tells curl
// when a socket is ready or the time has come. A socket's notifiers live as long as the socket
// (curl closes its sockets through this object), and its read notifier stays on while a
// kept-alive connection waits in curl's pool (see onSocket). Its connection pool and DNS cache
// serve every transfer added to it, so requests to the same receiver reuse kept-alive connections
// (and one HTTP/2 connection carries several requests at once).
//
// Easy handles are kept for reuse: take one with acquireHandle(), configure it, add() it, and
// give it back with releaseHandle() once it is done or cancelled. Everything on one thread, the
// one this object lives in.
class CurlMulti final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CurlMulti)

public:
    explicit CurlMulti(QObject *parent = nullptr);
    // Cancels the transfers still added (their transferDone() is not called).
    ~CurlMulti() override;

    void *acquireHandle();          // a CURL *, reset to curl's defaults
    void releaseHandle(void *easy); // after it was done or cancelled

    // Starts the transfer; `transfer` is told how it ended unless cancel() comes first.
    // False when curl refused it (out of memory): nothing was started.
    bool add(void *easy, CurlTransfer *transfer);
    void cancel(void *easy);

    // The certificate authorities added to Qt's default TLS configuration (by the program or a
    // test) on top of the system's, as PEM, read when this object was made: curl trusts them
    // too. Empty when none were added.
    const QByteArray &extraAuthorities() const { return m_authorities; }

private:
    struct Watch;
    static int onSocket(void *easy, int fd, int what, void *self, void *watch);
    static int onTimer(void *multi, long timeoutMs, void *self);
    static int onClose(void *self, int fd);
    void socketReady(int fd, int flags);
    void finishDone();

    void *m_multi = nullptr; // CURLM *
    QTimer m_timer;
    std::vector<void *> m_spare;   // easy handles kept for reuse
    QHash<int, Watch *> m_watches; // by socket, from curl's first word on it until it closes it
    QByteArray m_authorities;
};

} // namespace Kanca
