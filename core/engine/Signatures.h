#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace Kanca::Signatures {

// Standard Webhooks: the key is the base64 after "whsec_" (a secret without the prefix is taken
// as raw bytes); the signature "v1,<base64 HMAC-SHA256 of id.timestamp.body>".
std::optional<QByteArray> standardWebhooksKey(const QByteArray &secret);
QString standardWebhooksSignature(const QByteArray &key, const QString &id, qint64 timestamp,
                                  const QByteArray &body);

// HMAC-SHA256 of the body, hex or base64, with a prefix ("sha256=").
QString hmacSha256(const QByteArray &secret, const QByteArray &body, bool base64,
                   const QString &prefix);

} // namespace Kanca::Signatures
