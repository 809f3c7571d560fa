#pragma once

// Small helpers shared by the system benchmarks.

#include "delivery/Delivery.h"

#include <QByteArray>
#include <QDateTime>
#include <QFile>
#include <QList>
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
