#pragma once

// The names the system gives this process's threads (what `top -H` and `perf` show), for the
// tests that check a thread of Kanca's is named as docs/server.md says. Linux only: elsewhere
// the list is empty and threadNamesSupported() says so.

#include <QDir>
#include <QFile>
#include <QStringList>

namespace Kanca::Testing {

inline bool threadNamesSupported()
{
#ifdef __linux__
    return true;
#else
    return false;
#endif
}

// /proc/self/task/TID/comm of each thread, without the line feed.
inline QStringList threadNames()
{
    QStringList names;
    const QDir tasks(QStringLiteral("/proc/self/task"));
    for (const QString &tid : tasks.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        QFile comm(tasks.filePath(tid + QStringLiteral("/comm")));
        if (comm.open(QIODevice::ReadOnly))
            names.append(QString::fromUtf8(comm.readAll()).trimmed());
    }
    return names;
}

} // namespace Kanca::Testing
