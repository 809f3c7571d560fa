#pragma once

#include "model/WebhookAction.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace Kanca {

// The complete HTTP request an action renders to: what the delivery engine sends byte for byte.
struct RenderedRequest
{
    struct Header
    {
        QString name;
        QString value;
        bool secret = false; // carries a secret (Authorization, the auth header): masked on show
        friend bool operator==(const Header &, const Header &) = default;
    };

    QString method;
    QString url; // fully encoded
    QList<Header> headers;
    QByteArray body;

    QString headerValue(QStringView name) const; // case-insensitive; empty if absent
    // {"method", "url", "headers": [{"name", "value"}], "body"}; secret header values masked
    // ("Bearer ********") unless showSecrets.
    QJsonObject toJson(bool showSecrets) const;
    static QString masked(const QString &value);

    friend bool operator==(const RenderedRequest &, const RenderedRequest &) = default;
};

} // namespace Kanca
