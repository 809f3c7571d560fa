// Fuzz target: the HTTP/1.1 request parser of the HTTP server (`kanca catch`, `kanca serve`).
// The input is the bytes a client sends on one connection. They are parsed twice: fed at once,
// and fed in pieces whose sizes come from the input itself (down to one byte at a time), as a
// socket may deliver them. Nothing may crash, leak or hit undefined behaviour; both ways must
// give the same requests and the same error, as the bytes are the same; a request's body never
// holds more than the body cap; an error has a status and a reason.

#include "http/HttpRequestParser.h"

#include <QByteArray>
#include <QList>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

using namespace Kanca;

namespace {

// A small body cap, so that the fuzzer reaches it.
constexpr qint64 MaxBodySize = 256;

struct Outcome
{
    QList<HttpRequest> requests;
    int continues = 0;
    int errorStatus = 0;
    QString errorString;
};

[[noreturn]] void fail(const char *what)
{
    std::fprintf(stderr, "%s\n", what);
    std::abort();
}

// Parses as far as the fed bytes go; false after an error.
bool drain(HttpRequestParser &parser, Outcome *outcome)
{
    for (;;) {
        switch (parser.next()) {
        case HttpRequestParser::Event::NeedMoreData:
            return true;
        case HttpRequestParser::Event::ContinueExpected:
            ++outcome->continues;
            break;
        case HttpRequestParser::Event::RequestReady: {
            HttpRequest request = parser.takeRequest();
            if (request.body.size() > MaxBodySize || request.bodySize < request.body.size())
                fail("a request's body is larger than the cap or than its own size");
            outcome->requests.append(std::move(request));
            break;
        }
        case HttpRequestParser::Event::Error:
            outcome->errorStatus = parser.errorStatus();
            outcome->errorString = parser.errorString();
            if (outcome->errorStatus < 400 || outcome->errorStatus > 599
                || outcome->errorString.isEmpty())
                fail("an error without a status or a reason");
            return false;
        }
    }
}

Outcome parse(QByteArrayView bytes, QByteArrayView pieceSizes)
{
    HttpRequestParser parser(MaxBodySize);
    Outcome outcome;
    qsizetype pos = 0;
    qsizetype piece = 0;
    while (pos < bytes.size()) {
        qsizetype size = bytes.size() - pos;
        if (!pieceSizes.isEmpty())
            size =
                std::min(size, qsizetype(1 + quint8(pieceSizes[piece++ % pieceSizes.size()]) % 64));
        parser.feed(bytes.sliced(pos, size));
        pos += size;
        if (!drain(parser, &outcome))
            break;
    }
    return outcome;
}

bool sameRequest(const HttpRequest &a, const HttpRequest &b)
{
    return a.method == b.method && a.target == b.target && a.path == b.path && a.query == b.query
           && a.httpVersion == b.httpVersion && a.headers == b.headers && a.trailers == b.trailers
           && a.body == b.body && a.bodySize == b.bodySize && a.chunked == b.chunked;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArrayView input(reinterpret_cast<const char *>(data), qsizetype(size));
    // The first four bytes give the piece sizes of the second parse.
    const QByteArrayView pieceSizes = input.first(std::min<qsizetype>(4, input.size()));
    const QByteArrayView bytes = input.sliced(pieceSizes.size());

    const Outcome whole = parse(bytes, {});
    const Outcome pieces = parse(bytes, pieceSizes);
    if (whole.requests.size() != pieces.requests.size())
        fail("fed whole and in pieces, the same bytes gave a different number of requests");
    for (qsizetype i = 0; i < whole.requests.size(); ++i) {
        if (!sameRequest(whole.requests.at(i), pieces.requests.at(i)))
            fail("fed whole and in pieces, the same bytes gave different requests");
    }
    if (whole.errorStatus != pieces.errorStatus || whole.errorString != pieces.errorString)
        fail("fed whole and in pieces, the same bytes gave different errors");
    return 0;
}
