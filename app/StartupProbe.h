#pragma once

#include <QObject>

class QWidget;

namespace Kanca {

// A measuring hook for bench/system/run.sh, active only when the environment variable
// KANCA_STARTUP_PROBE is set: when the main window is first painted, prints
// "shown_epoch_ms=T" (the wall clock, so that the caller can subtract its launch time), waits
// one second of rest, prints "rss_kib=M" (resident memory) and quits.
class StartupProbe final : public QObject
{
    Q_OBJECT

public:
    static bool isRequested();
    explicit StartupProbe(QWidget *window);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    bool m_shown = false;
};

} // namespace Kanca
