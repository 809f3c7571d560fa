#include "engine/Credentials.h"

#include "engine/HttpSyntax.h"
#include "engine/SecretProvider.h"
#include "engine/Signatures.h"

#include <QCoreApplication>

#include <optional>

namespace Kanca::Credentials {

namespace {

Problem error(const QString &pointer, const QString &message)
{
    Problem p;
    p.pointer = pointer;
    p.message = message;
    return p;
}

} // namespace

QString secretKey(Auth::Type type)
{
    switch (type) {
    case Auth::Type::Basic:
        return QStringLiteral("password");
    case Auth::Type::Bearer:
        return QStringLiteral("token");
    case Auth::Type::Header:
        return QStringLiteral("value");
    case Auth::Type::None:
        break;
    }
    return {};
}

bool apply(RenderedRequest *request, const Auth &auth, const Signing &signing,
           const SecretProvider &secrets, const QString &deliveryId, const QDateTime &now,
           const QString &actionPointer, Problems *problems)
{
    const qsizetype problemsBefore = problems->size();
    // Where a problem is: "part" ("auth" or "signing") of the action, or its member `key`. Made
    // only for a problem, not for every request.
    const auto at = [&actionPointer](QStringView part, QStringView key = {}) {
        const QString partPointer = jsonPointerAppend(actionPointer, part);
        return key.isNull() ? partPointer : jsonPointerAppend(partPointer, key);
    };
    // Secrets: every missing one is named.
    const auto resolve = [&](const SecretRef &ref, QStringView part,
                             QStringView key) -> std::optional<QByteArray> {
        std::optional<QByteArray> value = secrets.secret(ref.name);
        if (!value) {
            problems->append(error(at(part, key),
                                   QCoreApplication::translate("Kanca::Credentials",
                                                               "secret \"%1\" is not set (set %2)")
                                       .arg(ref.name, EnvironmentSecrets::variableName(ref.name))));
        }
        return value;
    };

    // Auth.
    if (auth.type != Auth::Type::None) {
        const std::optional<QByteArray> secret =
            resolve(auth.secret, u"auth", secretKey(auth.type));
        if (secret) {
            RenderedRequest::Header header;
            header.secret = true;
            switch (auth.type) {
            case Auth::Type::Basic:
                header.name = QStringLiteral("Authorization");
                header.value = QStringLiteral("Basic ")
                               + QString::fromLatin1(
                                   QByteArray(auth.username.toUtf8() + ':' + *secret).toBase64());
                break;
            case Auth::Type::Bearer:
                header.name = QStringLiteral("Authorization");
                header.value = QStringLiteral("Bearer ") + QString::fromUtf8(*secret);
                break;
            case Auth::Type::Header:
                header.name = auth.headerName;
                header.value = QString::fromUtf8(*secret);
                break;
            case Auth::Type::None:
                break;
            }
            if (HttpSyntax::hasControlCharacter(header.value)) {
                problems->append(
                    error(at(u"auth", secretKey(auth.type)),
                          QCoreApplication::translate("Kanca::Credentials",
                                                      "secret \"%1\" holds a line break or another "
                                                      "control character and cannot go in a header")
                              .arg(auth.secret.name)));
            } else {
                request->headers.append(std::move(header));
            }
        }
    }

    // Signing, over the final body.
    if (signing.type != Signing::Type::None) {
        const std::optional<QByteArray> secret = resolve(signing.secret, u"signing", u"secret");
        if (secret && signing.type == Signing::Type::StandardWebhooks) {
            const std::optional<QByteArray> key = Signatures::standardWebhooksKey(*secret);
            if (!key) {
                problems->append(error(
                    at(u"signing", u"secret"),
                    QCoreApplication::translate("Kanca::Credentials",
                                                "secret \"%1\" is not a Standard Webhooks secret: "
                                                "\"whsec_\" followed by base64")
                        .arg(signing.secret.name)));
            } else if (deliveryId.isEmpty()) {
                problems->append(error(
                    at(u"signing"),
                    QCoreApplication::translate("Kanca::Credentials",
                                                "Standard Webhooks signing needs a delivery id")));
            } else {
                const qint64 timestamp =
                    (now.isValid() ? now : QDateTime::currentDateTimeUtc()).toSecsSinceEpoch();
                request->headers.append({QStringLiteral("webhook-id"), deliveryId, false});
                request->headers.append(
                    {QStringLiteral("webhook-timestamp"), QString::number(timestamp), false});
                request->headers.append({QStringLiteral("webhook-signature"),
                                         Signatures::standardWebhooksSignature(
                                             *key, deliveryId, timestamp, request->body),
                                         false});
            }
        } else if (secret && signing.type == Signing::Type::HmacSha256) {
            request->headers.append(
                {signing.header,
                 Signatures::hmacSha256(*secret, request->body,
                                        signing.encoding == Signing::Encoding::Base64,
                                        signing.prefix),
                 false});
        }
    }

    return problems->size() == problemsBefore;
}

} // namespace Kanca::Credentials
