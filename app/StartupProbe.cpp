#include "StartupProbe.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QEvent>
#include <QFile>
#include <QTimer>
#include <QWidget>

#include <cstdio>

namespace Kanca {

namespace {

QByteArray residentKiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return "-1";
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').constFirst();
    }
    return "-1";
}

} // namespace

bool StartupProbe::isRequested()
{
    return qEnvironmentVariableIsSet("KANCA_STARTUP_PROBE");
}

StartupProbe::StartupProbe(QWidget *window)
    : QObject(window)
{
    window->installEventFilter(this);
}

bool StartupProbe::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::Paint && !m_shown) {
        m_shown = true;
        std::printf("shown_epoch_ms=%lld\n", QDateTime::currentMSecsSinceEpoch());
        std::fflush(stdout);
        QTimer::singleShot(1000, this, [] {
            std::printf("rss_kib=%s\n", residentKiB().constData());
            std::fflush(stdout);
            QCoreApplication::quit();
        });
    }
    return QObject::eventFilter(watched, event);
}

} // namespace Kanca
