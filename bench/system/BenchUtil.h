#pragma once

// Small helpers shared by the system benchmarks.

#include <QByteArray>
#include <QFile>
#include <QString>

namespace Kanca::Bench {

// The resident memory of this process in KiB (VmRSS of /proc/self/status), or -1.
inline qint64 residentKiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').constFirst().toLongLong();
    }
    return -1;
}

} // namespace Kanca::Bench
