#include "ProcessSignals.h"

#include <QSocketNotifier>

#include <cerrno>
#include <csignal>
#include <fcntl.h>
#include <unistd.h>

namespace Kanca {

namespace {

int pipeFds[2] = {-1, -1};
struct sigaction previousInt;
struct sigaction previousTerm;
struct sigaction previousHup;
bool hupHandled = false;

extern "C" void onStopSignal(int signalNumber)
{
    const int savedErrno = errno;
    const unsigned char byte = static_cast<unsigned char>(signalNumber);
    [[maybe_unused]] const ssize_t written = ::write(pipeFds[1], &byte, 1);
    errno = savedErrno;
}

} // namespace

ProcessSignals::ProcessSignals(Reload reload, QObject *parent)
    : QObject(parent)
{
    if (pipeFds[0] != -1 || ::pipe2(pipeFds, O_CLOEXEC | O_NONBLOCK) != 0) {
        qWarning("Kanca::ProcessSignals: cannot create the signal pipe");
        return;
    }
    struct sigaction action = {};
    action.sa_handler = &onStopSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    ::sigaction(SIGINT, &action, &previousInt);
    ::sigaction(SIGTERM, &action, &previousTerm);
    hupHandled = reload == Reload::Handle;
    if (hupHandled)
        ::sigaction(SIGHUP, &action, &previousHup);

    m_notifier = new QSocketNotifier(pipeFds[0], QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, [this] {
        unsigned char byte = 0;
        int stop = 0;
        bool reload = false;
        while (::read(pipeFds[0], &byte, 1) == 1) {
            if (byte == SIGHUP)
                reload = true;
            else if (byte != 0)
                stop = byte;
        }
        if (reload)
            Q_EMIT reloadRequested();
        if (stop != 0)
            Q_EMIT stopRequested(stop);
    });
}

ProcessSignals::~ProcessSignals()
{
    if (!m_notifier)
        return;
    ::sigaction(SIGINT, &previousInt, nullptr);
    ::sigaction(SIGTERM, &previousTerm, nullptr);
    if (hupHandled)
        ::sigaction(SIGHUP, &previousHup, nullptr);
    delete m_notifier;
    m_notifier = nullptr;
    ::close(pipeFds[0]);
    ::close(pipeFds[1]);
    pipeFds[0] = pipeFds[1] = -1;
}

} // namespace Kanca
