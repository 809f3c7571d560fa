#pragma once

#include <QByteArray>
#include <QByteArrayView>
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

// Whether two secrets or MACs are equal, comparing every byte whatever the first difference, so
// the time taken says nothing about where they differ (only whether their lengths do).
bool sameInConstantTime(QByteArrayView a, QByteArrayView b);

} // namespace Kanca::Signatures
