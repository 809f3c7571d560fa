#include "engine/RenderedRequest.h"

#include <QJsonArray>

namespace Kanca {

namespace {

constexpr QLatin1StringView Mask("********");

} // namespace

QString RenderedRequest::headerValue(QStringView name) const
{
    for (const Header &header : headers) {
        if (QStringView(header.name).compare(name, Qt::CaseInsensitive) == 0)
            return header.value;
    }
    return {};
}

QJsonObject RenderedRequest::toJson(bool showSecrets) const
{
    QJsonArray headerArray;
    for (const Header &header : headers) {
        headerArray.append(QJsonObject{
            {QStringLiteral("name"), header.name},
            {QStringLiteral("value"),
             header.secret && !showSecrets ? masked(header.value) : header.value},
        });
    }
    return QJsonObject{
        {QStringLiteral("method"), method},
        {QStringLiteral("url"), url},
        {QStringLiteral("headers"), headerArray},
        {QStringLiteral("body"), QString::fromUtf8(body)},
    };
}

// Keeps the scheme of an Authorization value ("Bearer ********"): it says which kind of
// credential was sent without showing it. Any other value is masked whole, so that no part of a
// secret that merely holds a space is shown.
QString RenderedRequest::masked(const QString &value)
{
    const qsizetype space = value.indexOf(u' ');
    if (space > 0) {
        const QStringView scheme = QStringView(value).left(space);
        for (const QLatin1StringView known :
             {QLatin1StringView("Basic"), QLatin1StringView("Bearer")}) {
            if (scheme.compare(known, Qt::CaseInsensitive) == 0)
                return scheme.toString() + u' ' + Mask;
        }
    }
    return QString(Mask);
}

} // namespace Kanca
