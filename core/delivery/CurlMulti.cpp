#include "delivery/CurlMulti.h"

#include <QSocketNotifier>
#include <QSslCertificate>
#include <QSslConfiguration>

#include <algorithm>
#include <curl/curl.h>
#include <mutex>
#include <unistd.h>

namespace Kanca {

namespace {

// Easy handles kept for reuse per thread; more than this many idle are freed.
constexpr std::size_t SpareHandles = 64;
// Connections kept open per thread (curl's default is four per transfer added).
constexpr long MaxConnections = 1024;

CURLM *multiOf(void *multi)
{
    return static_cast<CURLM *>(multi);
}

} // namespace

// The notifiers of one socket curl asked to watch.
struct CurlMulti::Watch
{
    int fd = -1;
    QSocketNotifier *read = nullptr;
    QSocketNotifier *write = nullptr;
    bool wantRead = false; // curl asked for it (the read notifier may be on without)
};

CurlMulti::CurlMulti(QObject *parent)
    : QObject(parent)
{
    // curl_global_init() is not thread-safe in curl 7.88: once, whichever thread comes first.
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });

    m_multi = curl_multi_init();
    curl_multi_setopt(multiOf(m_multi), CURLMOPT_SOCKETFUNCTION, &CurlMulti::onSocket);
    curl_multi_setopt(multiOf(m_multi), CURLMOPT_SOCKETDATA, this);
    curl_multi_setopt(multiOf(m_multi), CURLMOPT_TIMERFUNCTION, &CurlMulti::onTimer);
    curl_multi_setopt(multiOf(m_multi), CURLMOPT_TIMERDATA, this);
    curl_multi_setopt(multiOf(m_multi), CURLMOPT_MAXCONNECTS, MaxConnections);

    for (const QSslCertificate &certificate :
         QSslConfiguration::defaultConfiguration().caCertificates()) {
        m_authorities += certificate.toPem();
    }

    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        int running = 0;
        curl_multi_socket_action(multiOf(m_multi), CURL_SOCKET_TIMEOUT, 0, &running);
        finishDone();
    });
}

CurlMulti::~CurlMulti()
{
    // curl_multi_cleanup() closes the connections (through onClose, which forgets their watches).
    curl_multi_cleanup(multiOf(m_multi));
    for (Watch *watch : std::as_const(m_watches))
        delete watch; // the notifiers are children of this object
    m_watches.clear();
    for (void *easy : m_spare)
        curl_easy_cleanup(static_cast<CURL *>(easy));
}

void *CurlMulti::acquireHandle()
{
    if (m_spare.empty())
        return curl_easy_init();
    void *easy = m_spare.back();
    m_spare.pop_back();
    return easy;
}

void CurlMulti::releaseHandle(void *easy)
{
    if (!easy)
        return;
    if (m_spare.size() >= SpareHandles) {
        curl_easy_cleanup(static_cast<CURL *>(easy));
        return;
    }
    curl_easy_reset(static_cast<CURL *>(easy));
    m_spare.push_back(easy);
}

bool CurlMulti::add(void *easy, CurlTransfer *transfer)
{
    curl_easy_setopt(static_cast<CURL *>(easy), CURLOPT_PRIVATE, transfer);
    // Connections made for this transfer are closed through onClose, which forgets their watch.
    curl_easy_setopt(static_cast<CURL *>(easy), CURLOPT_CLOSESOCKETFUNCTION, &CurlMulti::onClose);
    curl_easy_setopt(static_cast<CURL *>(easy), CURLOPT_CLOSESOCKETDATA, this);
    // The transfer starts when curl's timer (armed at once through onTimer) fires.
    return curl_multi_add_handle(multiOf(m_multi), static_cast<CURL *>(easy)) == CURLM_OK;
}

void CurlMulti::cancel(void *easy)
{
    curl_multi_remove_handle(multiOf(m_multi), static_cast<CURL *>(easy));
}

int CurlMulti::onSocket(void *, int fd, int what, void *self, void *)
{
    auto *multi = static_cast<CurlMulti *>(self);
    Watch *&watch = multi->m_watches[fd];
    if (!watch) {
        watch = new Watch;
        watch->fd = fd;
    }
    const auto want = [&](QSocketNotifier *&notifier, QSocketNotifier::Type type, bool on,
                          int flag) {
        if (!on) {
            if (notifier)
                notifier->setEnabled(false);
            return;
        }
        if (!notifier) {
            notifier = new QSocketNotifier(qintptr(fd), type, multi);
            QObject::connect(notifier, &QSocketNotifier::activated, multi,
                             [multi, fd, flag] { multi->socketReady(fd, flag); });
        }
        if (!notifier->isEnabled())
            notifier->setEnabled(true);
    };
    if (what == CURL_POLL_REMOVE) {
        // curl needs the socket no more for now: a transfer ended and its connection waits in
        // curl's pool for the next, or it is about to be closed (onClose follows). The write
        // notifier goes off (a socket can nearly always be written). The read notifier stays on:
        // GLib's event loop wakes itself up (a write to its descriptor) each time a notifier is
        // switched on or off, twice a request otherwise, and a kept-alive connection waiting is
        // seldom readable; if it is (its receiver closed it), socketReady switches it off then.
        want(watch->write, QSocketNotifier::Write, false, CURL_CSELECT_OUT);
        watch->wantRead = false;
        return 0;
    }
    watch->wantRead = what & CURL_POLL_IN;
    if (watch->wantRead)
        want(watch->read, QSocketNotifier::Read, true, CURL_CSELECT_IN);
    want(watch->write, QSocketNotifier::Write, what & CURL_POLL_OUT, CURL_CSELECT_OUT);
    return 0;
}

int CurlMulti::onClose(void *self, int fd)
{
    auto *multi = static_cast<CurlMulti *>(self);
    if (Watch *watch = multi->m_watches.take(fd)) {
        // Possibly from inside this socket's own notification: deleted later, and off now (the
        // event loop must not watch a closed descriptor, whose number a new socket may take).
        for (QSocketNotifier *notifier : {watch->read, watch->write}) {
            if (notifier) {
                notifier->setEnabled(false);
                notifier->deleteLater();
            }
        }
        delete watch;
    }
    return ::close(fd);
}

int CurlMulti::onTimer(void *, long timeoutMs, void *self)
{
    auto *multi = static_cast<CurlMulti *>(self);
    if (timeoutMs < 0)
        multi->m_timer.stop();
    else
        multi->m_timer.start(int(std::min<long>(timeoutMs, 24L * 60 * 60 * 1000)));
    return 0;
}

void CurlMulti::socketReady(int fd, int flags)
{
    if (flags == CURL_CSELECT_IN) {
        // Readable while curl does not ask (see onSocket): off until curl asks again.
        const auto it = m_watches.constFind(fd);
        if (it != m_watches.cend() && !(*it)->wantRead) {
            (*it)->read->setEnabled(false);
            return;
        }
    }
    int running = 0;
    curl_multi_socket_action(multiOf(m_multi), fd, flags, &running);
    finishDone();
}

// One finished transfer at a time: telling one may cancel or start others.
void CurlMulti::finishDone()
{
    int left = 0;
    while (CURLMsg *message = curl_multi_info_read(multiOf(m_multi), &left)) {
        if (message->msg != CURLMSG_DONE)
            continue;
        CURL *easy = message->easy_handle;
        const CURLcode code = message->data.result;
        CurlTransfer *transfer = nullptr;
        curl_easy_getinfo(easy, CURLINFO_PRIVATE, &transfer);
        curl_multi_remove_handle(multiOf(m_multi), easy);
        if (transfer)
            transfer->transferDone(int(code));
    }
}

} // namespace Kanca
