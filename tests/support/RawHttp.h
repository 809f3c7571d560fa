#pragma once

// For tests that talk HTTP/1.1 to a server of their own on raw sockets: run the event loop until
// something holds, and read responses off the wire byte for byte.

#include "http/HttpRequest.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QList>
#include <QTimer>

#include <optional>

namespace Kanca::Testing {

// Runs the event loop until done() holds or the time is up (the server lives in this thread).
// done() is called until it holds, and not after: it may consume something.
template<typename Predicate>
bool waitUntil(Predicate done, int timeoutMs)
{
    bool satisfied = done();
    if (satisfied)
        return true;
    QEventLoop loop;
    QElapsedTimer clock;
    clock.start();
    QTimer check;
    QObject::connect(&check, &QTimer::timeout, &loop, [&] {
        satisfied = done();
        if (satisfied || clock.elapsed() >= timeoutMs)
            loop.quit();
    });
    check.start(1);
    loop.exec();
    return satisfied;
}

// A response as a raw client reads it off the wire.
struct RawResponse
{
    int status = 0;
    HttpHeaders headers;
    QByteArray body;

    QByteArray header(QByteArrayView name) const
    {
        for (const HttpHeader &field : headers) {
            if (name.compare(field.name, Qt::CaseInsensitive) == 0)
                return field.value;
        }
        return {};
    }
    bool hasHeader(QByteArrayView name) const
    {
        for (const HttpHeader &field : headers) {
            if (name.compare(field.name, Qt::CaseInsensitive) == 0)
                return true;
        }
        return false;
    }
};

// Takes one complete response off the front of buffer; nothing while it is incomplete. A response
// to HEAD, a 1xx, 204 and 304 have no body; any other is framed by its Content-Length.
inline std::optional<RawResponse> takeResponse(QByteArray &buffer, bool headRequest = false)
{
    const qsizetype headEnd = buffer.indexOf("\r\n\r\n");
    if (headEnd < 0)
        return std::nullopt;
    const QList<QByteArray> lines = buffer.left(headEnd).split('\n');
    RawResponse response;
    response.status = lines.front().mid(9, 3).toInt();
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        const qsizetype colon = line.indexOf(':');
        response.headers.append({line.left(colon), line.mid(colon + 1).trimmed()});
    }
    qsizetype length = 0;
    if (!headRequest && response.status >= 200 && response.status != 204
        && response.status != 304) {
        length = response.header("Content-Length").toLongLong();
    }
    if (buffer.size() < headEnd + 4 + length)
        return std::nullopt;
    response.body = buffer.mid(headEnd + 4, length);
    buffer.remove(0, headEnd + 4 + length);
    return response;
}

} // namespace Kanca::Testing
