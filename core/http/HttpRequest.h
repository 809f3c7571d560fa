#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QDateTime>
#include <QHostAddress>
#include <QList>
#include <QMetaType>
#include <QString>

namespace Kanca {

// One header field line, as it was sent: the name keeps its original case.
struct HttpHeader
{
    QByteArray name;
    QByteArray value;
    friend bool operator==(const HttpHeader &, const HttpHeader &) = default;
};

using HttpHeaders = QList<HttpHeader>;

// Whether a comma-separated field value ("keep-alive, Upgrade") holds the token, ignoring case.
bool httpListHasToken(QByteArrayView value, QByteArrayView token);

// A request as the HTTP server received it: every byte that matters to someone checking what a
// client sent, plus where and when it came from. Filled by HttpRequestParser and HttpServer.
struct HttpRequest
{
    QByteArray method;      // "POST"
    QByteArray target;      // the request-target exactly as sent: "/hooks/a%20b?x=1"
    QString path;           // percent-decoded (UTF-8) path of the target: "/hooks/a b"
    QByteArray query;       // raw query without the "?": "x=1"; empty when none
    QByteArray httpVersion; // "HTTP/1.1"
    HttpHeaders headers;    // in the order received
    HttpHeaders trailers;   // chunked trailer fields, in the order received
    QByteArray body;        // decoded (de-chunked) body, at most the server's body cap
    qint64 bodySize = 0;    // the real size of the decoded body, even beyond the cap
    bool chunked = false;   // the body came with Transfer-Encoding: chunked
    QHostAddress peerAddress;
    quint16 peerPort = 0;
    QDateTime receivedAt;     // UTC, when the request line arrived
    quint64 sequence = 0;     // 1, 2, 3… in the order the server received requests
    quint64 connectionId = 0; // 1, 2, 3… per accepted connection: equal ids mean a reused one

    // The first value of the header (case-insensitive name); empty if absent.
    QByteArray header(QByteArrayView name) const;
    bool hasHeader(QByteArrayView name) const;
    // Whether any field line of that name holds the comma-separated token (case-insensitive):
    // hasHeaderToken("Connection", "close").
    bool hasHeaderToken(QByteArrayView name, QByteArrayView token) const;
    bool bodyTruncated() const { return bodySize > body.size(); }
};

} // namespace Kanca

Q_DECLARE_METATYPE(Kanca::HttpRequest)
