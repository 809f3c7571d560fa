#include "outbox/Outbox.h"

#include <QUrl>

namespace Kanca {

QString deliveryDestination(const QString &url)
{
    // A delivery's URL is read here when it is committed and again when an engine takes it, and
    // the deliveries of one action mostly share their URL: the last one read (in this thread)
    // is remembered rather than parsed again.
    thread_local QString lastUrl;
    thread_local QString lastDestination;
    if (!lastUrl.isNull() && url == lastUrl)
        return lastDestination;
    const QUrl u = QUrl::fromEncoded(url.toUtf8(), QUrl::TolerantMode);
    const bool https = u.scheme() == u"https";
    lastDestination =
        u.scheme() + u"://" + u.host() + u':' + QString::number(u.port(https ? 443 : 80));
    lastUrl = url;
    return lastDestination;
}

} // namespace Kanca
