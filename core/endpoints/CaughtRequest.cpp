#include "endpoints/CaughtRequest.h"

#include <QJsonArray>

namespace Kanca {

QString CaughtRequest::fieldText(const QByteArray &bytes)
{
    return bytes.isValidUtf8() ? QString::fromUtf8(bytes) : QString::fromLatin1(bytes);
}

QJsonObject CaughtRequest::toJson() const
{
    QJsonArray headers;
    for (const HttpHeader &field : request.headers) {
        headers.append(QJsonObject{{QStringLiteral("name"), fieldText(field.name)},
                                   {QStringLiteral("value"), fieldText(field.value)}});
    }
    QJsonObject json{
        {QStringLiteral("sequence"), qint64(request.sequence)},
        {QStringLiteral("receivedAt"), request.receivedAt.toString(Qt::ISODateWithMs)},
        {QStringLiteral("method"), fieldText(request.method)},
        {QStringLiteral("target"), fieldText(request.target)},
        {QStringLiteral("path"), request.path},
        {QStringLiteral("query"), fieldText(request.query)},
        {QStringLiteral("headers"), headers},
        {QStringLiteral("bodySize"), request.bodySize},
        {QStringLiteral("bodyTruncated"), request.bodyTruncated()},
        {QStringLiteral("status"), responseStatus},
    };
    if (request.body.isValidUtf8()) {
        json.insert(QStringLiteral("body"), QString::fromUtf8(request.body));
    } else {
        json.insert(QStringLiteral("body"), QString::fromLatin1(request.body.toBase64()));
        json.insert(QStringLiteral("bodyEncoding"), QStringLiteral("base64"));
    }
    switch (signature.status) {
    case SignatureCheck::Status::NotChecked:
        break;
    case SignatureCheck::Status::Absent:
        json.insert(QStringLiteral("signatureValid"), QJsonValue::Null);
        json.insert(QStringLiteral("signatureError"), signature.reason);
        break;
    case SignatureCheck::Status::Valid:
        json.insert(QStringLiteral("signatureValid"), true);
        break;
    case SignatureCheck::Status::Invalid:
        json.insert(QStringLiteral("signatureValid"), false);
        json.insert(QStringLiteral("signatureError"), signature.reason);
        break;
    }
    return json;
}

} // namespace Kanca
