#pragma once

#include "engine/RenderedRequest.h"
#include "format/Problem.h"
#include "model/WebhookAction.h"

#include <QDateTime>
#include <QString>

namespace Kanca {

class SecretProvider;

// The headers of a request that carry secrets or depend on the moment of sending: the auth
// header (Basic, Bearer, a secret header) and the signature headers (Standard Webhooks,
// HMAC-SHA256 of the body). They are added to a request whose URL, headers and body are final:
// when a rule is rendered, and again at every attempt of a delivery, so that a retry carries a
// fresh webhook-timestamp under the same webhook-id and no secret is ever stored.
namespace Credentials {

enum Mode { Apply, Leave };

// Adds the headers. Every problem (a missing secret, a secret that cannot go in a header, a
// malformed whsec_ secret) is appended with its pointer below `actionPointer`; returns false
// when there was one.
bool apply(RenderedRequest *request, const Auth &auth, const Signing &signing,
           const SecretProvider &secrets, const QString &deliveryId, const QDateTime &now,
           const QString &actionPointer, Problems *problems);

// The key of an auth's secret reference below ".../auth": password, token or value.
QString secretKey(Auth::Type type);

} // namespace Credentials
} // namespace Kanca
