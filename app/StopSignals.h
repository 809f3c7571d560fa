#pragma once

#include <QObject>

class QSocketNotifier;

namespace Kanca {

// SIGINT and SIGTERM as a Qt signal, for commands that run until stopped. The POSIX handler only
// writes the signal's number to a pipe (all it may safely do); a QSocketNotifier on the other end
// emits stopRequested() from the event loop. The previous handlers come back on destruction. One
// instance at a time.
class StopSignals final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StopSignals)

public:
    explicit StopSignals(QObject *parent = nullptr);
    ~StopSignals() override;

Q_SIGNALS:
    void stopRequested(int signalNumber);

private:
    QSocketNotifier *m_notifier = nullptr;
};

} // namespace Kanca
