#include "outbox/Outbox.h"

#include <QUrl>

namespace Kanca {

QString deliveryDestination(const QString &url)
{
    const QUrl u = QUrl::fromEncoded(url.toUtf8(), QUrl::TolerantMode);
    const bool https = u.scheme() == u"https";
    return u.scheme() + u"://" + u.host() + u':' + QString::number(u.port(https ? 443 : 80));
}

} // namespace Kanca
