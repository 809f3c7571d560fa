#include "engine/TestDestinations.h"

#include <QHostAddress>
#include <QUrl>

namespace Kanca {

namespace {

enum class Destination { Elsewhere, ThisComputer, WebhookSite };

Destination destinationOf(const QString &urlText)
{
    const QUrl url(urlText.trimmed());
    QString host = url.host().toLower();
    if (host.isEmpty())
        return Destination::Elsewhere;
    if (host == u"webhook.site" || host.endsWith(u".webhook.site"))
        return Destination::WebhookSite;
    if (host == u"localhost" || host.endsWith(u".localhost"))
        return Destination::ThisComputer;
    const QHostAddress address(host);
    if (!address.isNull()
        && (address.isLoopback() || address == QHostAddress(QHostAddress::AnyIPv4)
            || address == QHostAddress(QHostAddress::AnyIPv6)))
        return Destination::ThisComputer;
    return Destination::Elsewhere;
}

} // namespace

Problems TestDestinations::find(const RuleSet &ruleSet)
{
    Problems found;
    for (qsizetype r = 0; r < ruleSet.rules.size(); ++r) {
        const Rule &rule = ruleSet.rules.at(r);
        for (qsizetype a = 0; a < rule.actions.size(); ++a) {
            const auto *webhook = std::get_if<WebhookAction>(&rule.actions.at(a));
            if (!webhook)
                continue;
            const QString pointer =
                jsonPointerAppend(
                    jsonPointerAppend(jsonPointerAppend(QStringLiteral("/rules"), r), u"then"), a)
                + u"/url";
            QString message;
            switch (destinationOf(webhook->url)) {
            case Destination::ThisComputer:
                message = tr("%1 points at this computer (the local catcher?): a server that "
                             "runs the rule set cannot reach it")
                              .arg(webhook->url);
                break;
            case Destination::WebhookSite:
                message = tr("%1 is a webhook.site test URL: a server would send real events "
                             "there")
                              .arg(webhook->url);
                break;
            case Destination::Elsewhere:
                break;
            }
            if (!message.isEmpty())
                found.append({Problem::Severity::Warning, pointer, 0, 0, message});
        }
    }
    return found;
}

} // namespace Kanca
