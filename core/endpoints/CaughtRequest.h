#pragma once

#include "engine/SignatureVerifier.h"
#include "http/HttpRequest.h"

#include <QJsonObject>
#include <QMetaType>
#include <QString>

namespace Kanca {

// One request the local catcher received: the request as it arrived (body capped), what its
// signature check found, and the status the catcher answered with.
struct CaughtRequest
{
    HttpRequest request;
    SignatureCheck signature; // NotChecked when the catcher has no secret
    int responseStatus = 0;

    // The request as one JSON object, the line `kanca catch` prints:
    //   {"sequence": N, "receivedAt": "2024-05-01T12:00:00.000Z", "method": "POST",
    //    "target": "/hook?x=1", "path": "/hook", "query": "x=1",
    //    "headers": [{"name": ..., "value": ...}], "body": "...", ["bodyEncoding": "base64",]
    //    "bodySize": N, "bodyTruncated": false, "status": 200
    //    [, "signatureValid": true|false|null, "signatureError": "..."]}
    // "path" is percent-decoded, "target" and "query" are as sent. Header values are UTF-8 text
    // (Latin-1 when they are not UTF-8). The body is UTF-8 text, or base64 with
    // "bodyEncoding": "base64" when it is not valid UTF-8; "bodySize" is its real size even when
    // only the first bytes were kept ("bodyTruncated": true). The signature fields are there only
    // when the catcher checks signatures: null means the request carried no signature, and
    // "signatureError" says why it is not valid.
    QJsonObject toJson() const;

    // Bytes of a header as text: UTF-8 when they are, else Latin-1 (every byte a character).
    static QString fieldText(const QByteArray &bytes);
};

} // namespace Kanca

Q_DECLARE_METATYPE(Kanca::CaughtRequest)
