#pragma once

#include "engine/RenderedRequest.h"
#include "engine/SignatureVerifier.h"
#include "http/HttpRequest.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

namespace Kanca {

// What was sent beside what arrived (at the local catcher, or at webhook.site through
// WebhookSiteRequest::toHttpRequest), part by part, for the side-by-side view: the method, the
// path and query, every header, the body byte for byte, and the signature checked with the
// rule's secret.
//
// Headers are matched by name, ignoring case; several fields of one name are compared as a list.
// A header that arrived without being sent is listed, and set apart (Ignored, with the reason)
// when it is hop-by-hop (Connection, Keep-Alive, Transfer-Encoding…), one that proxies add
// (Via, X-Forwarded-For, Forwarded, CF-…) or one the HTTP client adds on its own (Host,
// Content-Length, User-Agent, Accept-Encoding…).
struct RequestComparison
{
    Q_DECLARE_TR_FUNCTIONS(RequestComparison)

public:
    enum class Verdict {
        Same,       // byte for byte
        Equivalent, // the same for HTTP, written differently; the note says how
        Different,
        Missing, // sent, did not arrive
        Added,   // arrived, was not sent, and no known hop adds it
        Ignored, // hop-by-hop, or added by a proxy or by the HTTP client: listed, not compared
        Unknown, // cannot be compared: the body arrived cut at the size cap
    };

    struct Item
    {
        QString name;    // "Method", "Path and query", or the header's name as sent
        QByteArray sent; // several fields of one name: one per line
        QByteArray received;
        Verdict verdict = Verdict::Same;
        QString note; // why Equivalent, Ignored or Unknown
    };

    struct Body
    {
        QByteArray sent;
        QByteArray received;         // as kept: at most the cap
        qint64 receivedSize = 0;     // the real size
        qint64 firstDifference = -1; // offset of the first differing byte; -1 when the same
        Verdict verdict = Verdict::Same;
        QString note;
    };

    Item method;
    Item target;
    QList<Item> headers; // the sent ones in the order sent, then those only received
    Body body;
    SignatureCheck signature; // NotChecked without a verifier

    // `verifier` checks the received request's signature at the time it arrived.
    static RequestComparison compare(const RenderedRequest &sent, const HttpRequest &received,
                                     const SignatureVerifier *verifier = nullptr);

    // Everything that was sent arrived unchanged: the method, the path and query (Same or
    // Equivalent), no header Different or Missing, the body Same. Added and Ignored headers and
    // the signature do not count.
    bool matches() const;
    QStringList ignoredHeaders() const; // their names, as received
    QStringList addedHeaders() const;   // arrived, not sent, of no known origin
    QStringList differences() const;    // one sentence for each thing that does not match

    static bool isHopByHopHeader(QByteArrayView name);
    static bool isProxyHeader(QByteArrayView name);
    static bool isClientHeader(QByteArrayView name);
};

} // namespace Kanca
