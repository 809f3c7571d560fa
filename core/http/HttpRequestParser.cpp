#include "http/HttpRequestParser.h"

#include <QList>

namespace Kanca {

namespace {

constexpr int MaxEmptyLinesBeforeRequest = 8;
constexpr quint64 MaxChunkSize = quint64(1) << 56;
constexpr qsizetype MaxContentLengthDigits = 18; // fits in qint64

bool isTokenChar(char c)
{
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
        return true;
    return QByteArrayView("!#$%&'*+-.^_`|~").contains(c);
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

// A control character other than horizontal tab: never allowed in a field value or extension.
bool isForbiddenControl(char c)
{
    const auto byte = static_cast<unsigned char>(c);
    return (byte < 0x20 && byte != '\t') || byte == 0x7f;
}

bool isOptionalWhitespace(char c)
{
    return c == ' ' || c == '\t';
}

QByteArrayView trimmedOws(QByteArrayView text)
{
    while (!text.isEmpty() && isOptionalWhitespace(text.front()))
        text = text.sliced(1);
    while (!text.isEmpty() && isOptionalWhitespace(text.back()))
        text.chop(1);
    return text;
}

// The comma-separated, non-empty items of every field line with that name, in order.
QList<QByteArrayView> listItems(const HttpHeaders &fields, QByteArrayView name)
{
    QList<QByteArrayView> items;
    for (const HttpHeader &field : fields) {
        if (name.compare(field.name, Qt::CaseInsensitive) != 0)
            continue;
        const QByteArrayView value(field.value);
        qsizetype start = 0;
        while (start <= value.size()) {
            qsizetype end = value.indexOf(',', start);
            if (end < 0)
                end = value.size();
            const QByteArrayView item = trimmedOws(value.sliced(start, end - start));
            if (!item.isEmpty())
                items.append(item);
            start = end + 1;
        }
    }
    return items;
}

int fieldCount(const HttpHeaders &fields, QByteArrayView name)
{
    int count = 0;
    for (const HttpHeader &field : fields) {
        if (name.compare(field.name, Qt::CaseInsensitive) == 0)
            ++count;
    }
    return count;
}

} // namespace

bool HttpRequestParser::isToken(QByteArrayView text)
{
    if (text.isEmpty())
        return false;
    for (const char c : text) {
        if (!isTokenChar(c))
            return false;
    }
    return true;
}

HttpRequestParser::HttpRequestParser(qint64 maxBodySize)
    : m_maxBodySize(qMax<qint64>(0, maxBodySize))
{}

void HttpRequestParser::feed(QByteArrayView data)
{
    if (m_state == State::Failed || data.isEmpty())
        return;
    if (m_pos > 0) {
        m_buffer.remove(0, m_pos);
        m_pos = 0;
    }
    m_buffer.append(data);
}

HttpRequestParser::Event HttpRequestParser::next()
{
    for (;;) {
        switch (m_state) {
        case State::RequestLine: {
            QByteArrayView line;
            const qsizetype start = m_pos;
            switch (takeLine(MaxHeaderSectionSize, &line)) {
            case Line::Incomplete:
                return Event::NeedMoreData;
            case Line::TooLong:
                fail(431, tr("The request header section is larger than %1 KiB.")
                              .arg(MaxHeaderSectionSize / 1024));
                return Event::Error;
            case Line::Complete:
                break;
            }
            if (line.isEmpty()) {
                if (++m_emptyLines > MaxEmptyLinesBeforeRequest) {
                    fail(400, tr("Too many empty lines before the request line."));
                    return Event::Error;
                }
                continue;
            }
            m_sectionSize = m_pos - start;
            if (!parseRequestLine(line))
                return Event::Error;
            m_state = State::Headers;
            continue;
        }
        case State::Headers:
        case State::Trailers: {
            const bool trailers = m_state == State::Trailers;
            QByteArrayView line;
            const qsizetype start = m_pos;
            switch (takeLine(MaxHeaderSectionSize - m_sectionSize, &line)) {
            case Line::Incomplete:
                return Event::NeedMoreData;
            case Line::TooLong:
                fail(431, trailers ? tr("The trailer section is larger than %1 KiB.")
                                         .arg(MaxHeaderSectionSize / 1024)
                                   : tr("The request header section is larger than %1 KiB.")
                                         .arg(MaxHeaderSectionSize / 1024));
                return Event::Error;
            case Line::Complete:
                break;
            }
            m_sectionSize += m_pos - start;
            if (line.isEmpty()) {
                if (trailers) {
                    m_state = State::Ready;
                    continue;
                }
                const Event event = finishHead();
                if (event != Event::NeedMoreData)
                    return event;
                continue;
            }
            if (!parseField(line, trailers ? &m_request.trailers : &m_request.headers))
                return Event::Error;
            continue;
        }
        case State::Body:
            takeBody();
            if (m_remaining > 0)
                return Event::NeedMoreData;
            m_state = State::Ready;
            continue;
        case State::ChunkSize: {
            QByteArrayView line;
            switch (takeLine(MaxChunkLineSize, &line)) {
            case Line::Incomplete:
                return Event::NeedMoreData;
            case Line::TooLong:
                fail(400, tr("A chunk size line is longer than %1 bytes.").arg(MaxChunkLineSize));
                return Event::Error;
            case Line::Complete:
                break;
            }
            if (!parseChunkSize(line))
                return Event::Error;
            if (m_remaining == 0) {
                m_sectionSize = 0;
                m_state = State::Trailers;
            } else {
                m_state = State::ChunkData;
            }
            continue;
        }
        case State::ChunkData:
            takeBody();
            if (m_remaining > 0)
                return Event::NeedMoreData;
            m_state = State::ChunkDataEnd;
            continue;
        case State::ChunkDataEnd: {
            QByteArrayView line;
            const Line result = takeLine(2, &line);
            if (result == Line::Incomplete)
                return Event::NeedMoreData;
            if (result == Line::TooLong || !line.isEmpty()) {
                fail(400, tr("Chunk data is not followed by a line end."));
                return Event::Error;
            }
            m_state = State::ChunkSize;
            continue;
        }
        case State::Ready:
            return Event::RequestReady;
        case State::Failed:
            return Event::Error;
        }
    }
}

HttpRequest HttpRequestParser::takeRequest()
{
    if (m_state != State::Ready)
        return {};
    HttpRequest request = std::move(m_request);
    m_request = {};
    m_state = State::RequestLine;
    m_sectionSize = 0;
    m_emptyLines = 0;
    m_remaining = 0;
    return request;
}

// A line ends with LF, optionally preceded by CR; maxLength counts the line end too.
HttpRequestParser::Line HttpRequestParser::takeLine(qsizetype maxLength, QByteArrayView *line)
{
    const qsizetype available = m_buffer.size() - m_pos;
    const qsizetype lineFeed = m_buffer.indexOf('\n', m_pos + m_scanned);
    if (lineFeed < 0) {
        m_scanned = available;
        return available >= maxLength ? Line::TooLong : Line::Incomplete;
    }
    if (lineFeed + 1 - m_pos > maxLength)
        return Line::TooLong;
    QByteArrayView view(m_buffer.constData() + m_pos, lineFeed - m_pos);
    if (view.endsWith('\r'))
        view.chop(1);
    *line = view;
    m_pos = lineFeed + 1;
    m_scanned = 0;
    return Line::Complete;
}

bool HttpRequestParser::parseRequestLine(QByteArrayView line)
{
    const qsizetype firstSpace = line.indexOf(' ');
    const qsizetype secondSpace = firstSpace < 0 ? -1 : line.indexOf(' ', firstSpace + 1);
    if (firstSpace <= 0 || secondSpace <= firstSpace + 1 || line.indexOf(' ', secondSpace + 1) >= 0)
        return fail(400, tr("Malformed request line."));

    const QByteArrayView method = line.first(firstSpace);
    const QByteArrayView target = line.sliced(firstSpace + 1, secondSpace - firstSpace - 1);
    const QByteArrayView version = line.sliced(secondSpace + 1);
    if (!isToken(method))
        return fail(400, tr("Malformed request method."));
    for (const char c : target) {
        if (c <= ' ' || c > '~')
            return fail(400, tr("Invalid character in the request target."));
    }
    if (version.size() != 8 || !version.startsWith("HTTP/") || !isDigit(version[5])
        || version[6] != '.' || !isDigit(version[7])) {
        return fail(400, tr("Malformed HTTP version."));
    }
    if (version[5] != '1') {
        return fail(
            505, tr("HTTP version %1 is not supported.").arg(QLatin1StringView(version.sliced(5))));
    }
    m_minorVersion = version[7] - '0';

    m_request.method = method.toByteArray();
    m_request.target = target.toByteArray();
    m_request.httpVersion = version.toByteArray();
    m_request.receivedAt = QDateTime::currentDateTimeUtc();

    // Origin form "/path?query"; absolute form "http://host/path?query" (the path starts after
    // the authority); asterisk form "*" and authority form "host:port" keep the target as path.
    QByteArrayView pathAndQuery = target;
    const qsizetype schemeEnd = target.indexOf("://");
    if (!target.startsWith('/') && schemeEnd > 0) {
        const qsizetype pathStart = target.indexOf('/', schemeEnd + 3);
        const qsizetype queryStart = target.indexOf('?', schemeEnd + 3);
        if (pathStart >= 0 && (queryStart < 0 || pathStart < queryStart))
            pathAndQuery = target.sliced(pathStart);
        else if (queryStart >= 0)
            pathAndQuery = target.sliced(queryStart);
        else
            pathAndQuery = {};
    }
    QByteArrayView rawPath = pathAndQuery;
    const qsizetype question = pathAndQuery.indexOf('?');
    if (question >= 0) {
        rawPath = pathAndQuery.first(question);
        m_request.query = pathAndQuery.sliced(question + 1).toByteArray();
    }
    m_request.path =
        rawPath.isEmpty()
            ? QStringLiteral("/")
            : QString::fromUtf8(QByteArray::fromPercentEncoding(rawPath.toByteArray()));
    return true;
}

bool HttpRequestParser::parseField(QByteArrayView line, HttpHeaders *fields)
{
    if (isOptionalWhitespace(line.front()))
        return fail(400, tr("Obsolete line folding in the header section."));
    const qsizetype colon = line.indexOf(':');
    if (colon < 0)
        return fail(400, tr("Malformed header line (no colon)."));
    const QByteArrayView name = line.first(colon);
    if (!isToken(name))
        return fail(400, tr("Malformed header name."));
    const QByteArrayView value = trimmedOws(line.sliced(colon + 1));
    for (const char c : value) {
        if (isForbiddenControl(c)) {
            return fail(
                400,
                tr("Control character in the value of header %1.").arg(QLatin1StringView(name)));
        }
    }
    fields->append(HttpHeader{name.toByteArray(), value.toByteArray()});
    return true;
}

HttpRequestParser::Event HttpRequestParser::finishHead()
{
    const HttpHeaders &headers = m_request.headers;
    const int hosts = fieldCount(headers, "Host");
    if (hosts > 1 || (hosts == 0 && m_minorVersion >= 1)) {
        fail(400, hosts > 1 ? tr("More than one Host header.")
                            : tr("An HTTP/1.1 request needs a Host header."));
        return Event::Error;
    }

    const bool hasTransferEncoding = fieldCount(headers, "Transfer-Encoding") > 0;
    const bool hasContentLength = fieldCount(headers, "Content-Length") > 0;
    if (hasTransferEncoding && hasContentLength) {
        fail(400, tr("Both Content-Length and Transfer-Encoding are present."));
        return Event::Error;
    }
    if (hasTransferEncoding) {
        const QList<QByteArrayView> codings = listItems(headers, "Transfer-Encoding");
        if (codings.isEmpty() || codings.back().compare("chunked", Qt::CaseInsensitive) != 0) {
            fail(400, tr("Transfer-Encoding does not end with chunked."));
            return Event::Error;
        }
        for (qsizetype i = 0; i + 1 < codings.size(); ++i) {
            if (codings.at(i).compare("chunked", Qt::CaseInsensitive) == 0) {
                fail(400, tr("Transfer-Encoding lists chunked more than once."));
                return Event::Error;
            }
        }
        if (codings.size() > 1) {
            fail(
                501,
                tr("Transfer coding %1 is not supported.").arg(QLatin1StringView(codings.front())));
            return Event::Error;
        }
        m_request.chunked = true;
        m_remaining = 0;
        m_state = State::ChunkSize;
    } else {
        m_remaining = 0;
        if (hasContentLength && !parseContentLength(&m_remaining))
            return Event::Error;
        m_state = State::Body;
    }

    const bool bodyFollows = m_request.chunked || m_remaining > 0;
    if (bodyFollows && m_minorVersion >= 1 && m_request.hasHeaderToken("Expect", "100-continue"))
        return Event::ContinueExpected;
    return Event::NeedMoreData;
}

// Several Content-Length lines or a list are accepted when every value is the same (RFC 9110
// section 8.6); anything else is an error, never a guess.
bool HttpRequestParser::parseContentLength(qint64 *length)
{
    const QList<QByteArrayView> values = listItems(m_request.headers, "Content-Length");
    qint64 result = -1;
    for (const QByteArrayView value : values) {
        if (value.size() > MaxContentLengthDigits)
            return fail(400, tr("Invalid Content-Length."));
        qint64 number = 0;
        for (const char c : value) {
            if (!isDigit(c))
                return fail(400, tr("Invalid Content-Length."));
            number = number * 10 + (c - '0');
        }
        if (result >= 0 && number != result)
            return fail(400, tr("Conflicting Content-Length values."));
        result = number;
    }
    if (result < 0)
        return fail(400, tr("Invalid Content-Length."));
    *length = result;
    return true;
}

// chunk-size [ chunk-ext ]: hexadecimal digits, then optionally ";name=value" extensions, which
// are accepted and ignored.
bool HttpRequestParser::parseChunkSize(QByteArrayView line)
{
    quint64 size = 0;
    qsizetype digits = 0;
    while (digits < line.size() && hexValue(line[digits]) >= 0) {
        size = size * 16 + quint64(hexValue(line[digits]));
        if (size > MaxChunkSize)
            return fail(400, tr("Chunk size too large."));
        ++digits;
    }
    if (digits == 0)
        return fail(400, tr("Invalid chunk size."));
    QByteArrayView rest = line.sliced(digits);
    while (!rest.isEmpty() && isOptionalWhitespace(rest.front()))
        rest = rest.sliced(1);
    if (!rest.isEmpty() && rest.front() != ';')
        return fail(400, tr("Invalid chunk size."));
    for (const char c : rest) {
        if (isForbiddenControl(c))
            return fail(400, tr("Invalid chunk extension."));
    }
    m_remaining = qint64(size);
    return true;
}

// Moves up to m_remaining buffered bytes into the body; bytes beyond the cap are only counted.
void HttpRequestParser::takeBody()
{
    const qsizetype count = qsizetype(qMin<qint64>(m_buffer.size() - m_pos, m_remaining));
    if (count <= 0)
        return;
    const qint64 room = qMax<qint64>(0, m_maxBodySize - m_request.body.size());
    m_request.body.append(m_buffer.constData() + m_pos, qsizetype(qMin<qint64>(count, room)));
    m_request.bodySize += count;
    m_remaining -= count;
    m_pos += count;
    m_scanned = 0;
}

bool HttpRequestParser::fail(int status, const QString &reason)
{
    m_state = State::Failed;
    m_errorStatus = status;
    m_errorString = reason;
    m_buffer = {};
    m_pos = 0;
    m_scanned = 0;
    m_request = {};
    return false;
}

} // namespace Kanca
