#include "engine/Signatures.h"

#include <QCryptographicHash>
#include <QMessageAuthenticationCode>

namespace Kanca::Signatures {

namespace {

QByteArray hmac(const QByteArray &key, const QByteArray &message)
{
    return QMessageAuthenticationCode::hash(message, key, QCryptographicHash::Sha256);
}

} // namespace

std::optional<QByteArray> standardWebhooksKey(const QByteArray &secret)
{
    static const QByteArray prefix = QByteArrayLiteral("whsec_");
    if (!secret.startsWith(prefix))
        return secret.isEmpty() ? std::nullopt : std::optional<QByteArray>(secret);
    const auto decoded = QByteArray::fromBase64Encoding(secret.mid(prefix.size()),
                                                        QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || decoded.decoded.isEmpty())
        return std::nullopt;
    return decoded.decoded;
}

QString standardWebhooksSignature(const QByteArray &key, const QString &id, qint64 timestamp,
                                  const QByteArray &body)
{
    const QByteArray content = id.toUtf8() + '.' + QByteArray::number(timestamp) + '.' + body;
    return QStringLiteral("v1,") + QString::fromLatin1(hmac(key, content).toBase64());
}

QString hmacSha256(const QByteArray &secret, const QByteArray &body, bool base64,
                   const QString &prefix)
{
    const QByteArray mac = hmac(secret, body);
    return prefix + QString::fromLatin1(base64 ? mac.toBase64() : mac.toHex());
}

bool sameInConstantTime(QByteArrayView a, QByteArrayView b)
{
    if (a.size() != b.size())
        return false;
    unsigned char difference = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        difference |= static_cast<unsigned char>(a[i] ^ b[i]);
    return difference == 0;
}

} // namespace Kanca::Signatures
