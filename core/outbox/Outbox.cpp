#include "outbox/Outbox.h"

#include <QHash>
#include <QUrl>

#include <algorithm>
#include <tuple>

namespace Kanca {

QString deliveryDestination(const QString &url)
{
    // A delivery's URL is read here when it is committed and again when an engine takes it, and
    // an engine's deliveries go to a few destinations, interleaved: the destinations of the URLs
    // read last in this thread are remembered rather than parsed again (a parse is about 5,500
    // instructions, a look-up here about a twentieth of that). Past MaxRemembered (URLs that
    // differ per event), they are forgotten all at once, so the memory stays bounded.
    constexpr qsizetype MaxRemembered = 64;
    thread_local QHash<QString, QString> remembered;
    if (const auto it = remembered.constFind(url); it != remembered.cend())
        return *it;
    const QUrl u = QUrl::fromEncoded(url.toUtf8(), QUrl::TolerantMode);
    const bool https = u.scheme() == u"https";
    QString destination =
        u.scheme() + u"://" + u.host() + u':' + QString::number(u.port(https ? 443 : 80));
    if (remembered.size() >= MaxRemembered)
        remembered.clear();
    remembered.insert(url, destination);
    return destination;
}

void Outbox::sortSoonestDueFirst(QList<Delivery> &deliveries)
{
    std::sort(deliveries.begin(), deliveries.end(), [](const Delivery &a, const Delivery &b) {
        return std::tie(a.nextAttemptAt, a.createdAt, a.id)
               < std::tie(b.nextAttemptAt, b.createdAt, b.id);
    });
}

} // namespace Kanca
