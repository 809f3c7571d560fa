#pragma once

// Small helpers shared by the system benchmarks.

#include "delivery/Delivery.h"

#include <QByteArray>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QList>
#include <QMap>
#include <QString>

#include <sys/resource.h>
#include <unistd.h>

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

// Where the CPU went over a window of a benchmark: this process's threads and the whole machine
// (every process and the kernel, from /proc/stat), so that a rate can be set against what the
// machine could give at all. Linux only; the machine figures are 0 where /proc is missing.
class CpuUse
{
public:
    // The whole machine's busy time (user, nice, system, irq, softirq) and the time all its
    // cores had (busy, idle and waiting for I/O; not what the hypervisor stole), in microseconds.
    struct Machine
    {
        qint64 busy = 0;
        qint64 all = 0;
    };

    // The CPU used from here on.
    CpuUse()
        : m_processMicros(processMicrosNow())
        , m_machine(machine())
        , m_threads(threadTicks())
    {}

    // This process's CPU time, all threads, in microseconds.
    qint64 processMicros() const { return processMicrosNow() - m_processMicros; }
    // The whole machine's, from one reading of /proc/stat.
    Machine machineMicros() const
    {
        const Machine now = machine();
        return {now.busy - m_machine.busy, now.all - m_machine.all};
    }
    // Each of this process's threads, by name (spaces as '_') and thread id: its CPU time in
    // microseconds (clock ticks of /proc: 10 ms at 100 Hz).
    QMap<QString, qint64> threadMicros() const
    {
        QMap<QString, qint64> used;
        const QMap<QString, qint64> now = threadTicks();
        for (auto it = now.cbegin(); it != now.cend(); ++it)
            used.insert(it.key(), ticksToMicros(it.value() - m_threads.value(it.key())));
        return used;
    }

private:
    static qint64 ticksToMicros(qint64 ticks) { return ticks * 1'000'000 / sysconf(_SC_CLK_TCK); }
    static qint64 processMicrosNow()
    {
        rusage use{};
        getrusage(RUSAGE_SELF, &use);
        return (qint64(use.ru_utime.tv_sec) + use.ru_stime.tv_sec) * 1'000'000
               + use.ru_utime.tv_usec + use.ru_stime.tv_usec;
    }
    // The first line of /proc/stat: "cpu user nice system idle iowait irq softirq steal ...".
    static Machine machine()
    {
        QFile stat(QStringLiteral("/proc/stat"));
        if (!stat.open(QIODevice::ReadOnly))
            return {};
        const QList<QByteArray> f = stat.readLine().simplified().split(' ');
        if (f.size() < 9 || f.constFirst() != "cpu")
            return {};
        const auto at = [&](int i) { return f.at(i).toLongLong(); };
        return {ticksToMicros(at(1) + at(2) + at(3) + at(6) + at(7)),
                ticksToMicros(at(1) + at(2) + at(3) + at(4) + at(5) + at(6) + at(7))};
    }
    // /proc/self/task/TID/stat: "TID (NAME) STATE ..." with utime and stime the 12th and 13th
    // fields after the name's closing parenthesis (the name may hold spaces and parentheses).
    static QMap<QString, qint64> threadTicks()
    {
        QMap<QString, qint64> ticks;
        const QDir tasks(QStringLiteral("/proc/self/task"));
        for (const QString &tid : tasks.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
            QFile stat(tasks.filePath(tid + QStringLiteral("/stat")));
            if (!stat.open(QIODevice::ReadOnly))
                continue;
            const QByteArray line = stat.readAll();
            const qsizetype open = line.indexOf('(');
            const qsizetype close = line.lastIndexOf(')');
            if (open < 0 || close < open)
                continue;
            const QList<QByteArray> f = line.mid(close + 2).simplified().split(' ');
            if (f.size() < 13)
                continue;
            const QString name =
                QString::fromUtf8(line.mid(open + 1, close - open - 1)).replace(u' ', u'_');
            ticks.insert(name + u'/' + tid, f.at(11).toLongLong() + f.at(12).toLongLong());
        }
        return ticks;
    }

    qint64 m_processMicros = 0;
    Machine m_machine;
    QMap<QString, qint64> m_threads;
};

// `count` deliveries of one small JSON POST each, due now, to `receivers` receivers on
// 127.0.0.1 (ports 8080 and up), as a server's outbox holds them.
inline QList<Delivery> makeDeliveries(qsizetype count, int receivers = 1)
{
    using namespace Qt::StringLiterals;
    QList<Delivery> deliveries;
    deliveries.reserve(count);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (qsizetype i = 0; i < count; ++i) {
        Delivery d;
        d.id = u"msg_%1"_s.arg(i, 26, 10, QChar(u'0'));
        d.createdAt = now;
        d.ruleSetName = u"Bench"_s;
        d.ruleId = u"chat-to-endpoint"_s;
        d.ruleName = u"Every new chat"_s;
        d.eventId = u"evt_%1"_s.arg(i);
        d.eventType = u"chat.opened"_s;
        d.request.method = u"POST"_s;
        d.request.url = u"http://127.0.0.1:%1/hook"_s.arg(8080 + i % receivers);
        d.request.headers = {{u"Content-Type"_s, u"application/json"_s, false}};
        d.request.body = R"({"event":"chat.opened","name":"Ayşe Yılmaz","tags":["VIP"]})";
        d.nextAttemptAt = now;
        deliveries.append(std::move(d));
    }
    return deliveries;
}

} // namespace Kanca::Bench
