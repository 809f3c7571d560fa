#pragma once

#include <QObject>

class QSocketNotifier;

namespace Kanca {

// SIGINT and SIGTERM (and, when asked, SIGHUP) as Qt signals, for commands that run until
// stopped. The POSIX handler only writes the signal's number to a pipe (all it may safely do); a
// QSocketNotifier on the other end emits stopRequested() or reloadRequested() from the event
// loop. The previous handlers come back on destruction. One instance at a time.
class ProcessSignals final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProcessSignals)

public:
    enum class Reload { Ignore, Handle }; // SIGHUP: left as it was, or reloadRequested()

    explicit ProcessSignals(Reload reload = Reload::Ignore, QObject *parent = nullptr);
    ~ProcessSignals() override;

Q_SIGNALS:
    void stopRequested(int signalNumber);
    void reloadRequested();

private:
    QSocketNotifier *m_notifier = nullptr;
};

} // namespace Kanca
