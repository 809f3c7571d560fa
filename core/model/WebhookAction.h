#pragma once

#include "model/SecretRef.h"

#include <QList>
#include <QString>

namespace Kanca {

// A name/value pair: an HTTP header or a form field. Values may hold {{placeholders}}.
struct NameValue
{
    QString name;
    QString value;
    friend bool operator==(const NameValue &, const NameValue &) = default;
};

struct Auth
{
    enum class Type { None, Basic, Bearer, Header };
    Type type = Type::None;
    QString username;   // Basic
    QString headerName; // Header, e.g. X-Webhook-Secret
    SecretRef secret;   // Basic: the password; Bearer: the token; Header: the value
    friend bool operator==(const Auth &, const Auth &) = default;
};

struct Signing
{
    enum class Type { None, StandardWebhooks, HmacSha256 };
    enum class Encoding { Hex, Base64 };
    Type type = Type::None;
    SecretRef secret;
    // HmacSha256 only.
    QString header = QStringLiteral("X-Hub-Signature-256");
    QString prefix = QStringLiteral("sha256=");
    Encoding encoding = Encoding::Hex;
    friend bool operator==(const Signing &, const Signing &) = default;
};

struct Body
{
    enum class Format { None, Json, Text, Form };
    Format format = Format::None;
    QString templateText;    // Json, Text
    QString contentType;     // Text (empty means text/plain; charset=utf-8)
    QList<NameValue> fields; // Form
    friend bool operator==(const Body &, const Body &) = default;
};

struct RetryPolicy
{
    int maxAttempts = 5;
    int initialDelayMs = 1000;
    int maxDelayMs = 600000;
    friend bool operator==(const RetryPolicy &, const RetryPolicy &) = default;
};

// "Call webhook": the only action kind of format version 1.
struct WebhookAction
{
    static constexpr int DefaultTimeoutMs = 10000;

    QString method = QStringLiteral("POST");
    QString url;
    QList<NameValue> headers;
    Auth auth;
    Signing signing;
    Body body;
    int timeoutMs = DefaultTimeoutMs;
    RetryPolicy retry;

    friend bool operator==(const WebhookAction &, const WebhookAction &) = default;
};

} // namespace Kanca
