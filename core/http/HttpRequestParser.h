#pragma once

#include "http/HttpRequest.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QCoreApplication>
#include <QString>

namespace Kanca {

// An incremental HTTP/1.1 request parser (RFC 9112). Bytes go in with feed() as they arrive, split
// anywhere; next() parses as far as it can and says what happened. It stops after each complete
// request (RequestReady) until takeRequest() is called, so pipelined requests wait in the buffer
// while the previous one is being answered. Memory stays bounded: the header section is limited,
// body bytes beyond the body cap are counted and dropped, and nothing is kept after an error.
//
// Strict where leniency would hide a broken client: single spaces in the request line, no space
// before a header's colon, no obsolete line folding, exactly one Host in HTTP/1.1, conflicting
// Content-Length values or Content-Length together with Transfer-Encoding are errors. Bare LF line
// ends are accepted, and so are empty lines before a request line.
class HttpRequestParser final
{
    Q_DECLARE_TR_FUNCTIONS(HttpRequestParser)

public:
    static constexpr qsizetype MaxHeaderSectionSize = 64 * 1024; // request line + headers; trailers
    static constexpr qsizetype MaxChunkLineSize = 4 * 1024;      // chunk size with its extensions
    static constexpr qint64 DefaultMaxBodySize = 10 * 1024 * 1024;

    enum class Event {
        NeedMoreData,     // feed more bytes
        ContinueExpected, // a head with "Expect: 100-continue" and a body: send 100 Continue now
        RequestReady,     // a complete request: takeRequest()
        Error,            // malformed input: answer errorStatus() with errorString() and close
    };

    explicit HttpRequestParser(qint64 maxBodySize = DefaultMaxBodySize);

    void feed(QByteArrayView data); // ignored after an error
    Event next();
    HttpRequest takeRequest(); // the complete request; parsing then resumes with the next one

    int errorStatus() const { return m_errorStatus; } // 400, 431, 501 or 505
    QString errorString() const { return m_errorString; }
    qint64 maxBodySize() const { return m_maxBodySize; }
    qsizetype bufferedSize() const { return m_buffer.size() - m_pos; } // fed, not yet parsed
    // A request has begun (a byte of it was fed, empty lines before it included) and its head,
    // the request line and the headers, is not complete yet.
    bool isInHead() const
    {
        return m_state == State::Headers || (m_state == State::RequestLine && bufferedSize() > 0);
    }

    // Between requests: nothing of the next one has come yet.
    bool isBetweenRequests() const { return m_state == State::RequestLine && bufferedSize() == 0; }

    static bool isToken(QByteArrayView text); // RFC 9110 token: a method or a field name

private:
    enum class State {
        RequestLine,
        Headers,
        Body,
        ChunkSize,
        ChunkData,
        ChunkDataEnd,
        Trailers,
        Ready,
        Failed,
    };
    enum class Line { Complete, Incomplete, TooLong };

    Line takeLine(qsizetype maxLength, QByteArrayView *line);
    bool parseRequestLine(QByteArrayView line);
    bool parseField(QByteArrayView line, HttpHeaders *fields);
    Event finishHead(); // NeedMoreData means: carry on parsing
    bool parseContentLength(qint64 *length);
    bool parseChunkSize(QByteArrayView line);
    void takeBody();
    bool fail(int status, const QString &reason); // always false

    QByteArray m_buffer;
    qsizetype m_pos = 0;     // parsed up to here
    qsizetype m_scanned = 0; // bytes after m_pos known to hold no line feed
    State m_state = State::RequestLine;
    HttpRequest m_request;
    qint64 m_maxBodySize;
    qsizetype m_sectionSize = 0; // bytes of the header (or trailer) section taken so far
    int m_emptyLines = 0;
    int m_minorVersion = 1;
    qint64 m_remaining = 0; // body or chunk bytes still to come
    int m_errorStatus = 0;
    QString m_errorString;
};

} // namespace Kanca
