#include "model/RuleSet.h"

#include <algorithm>

namespace Kanca {

QString languageCode(Language language)
{
    return language == Language::Turkish ? QStringLiteral("tr") : QStringLiteral("en");
}

std::optional<Language> languageFromCode(QStringView code)
{
    if (code == u"en")
        return Language::English;
    if (code == u"tr")
        return Language::Turkish;
    return std::nullopt;
}

QStringList RuleSet::secretNames() const
{
    QStringList names;
    const auto add = [&names](const SecretRef &ref) {
        if (ref.isSet())
            names.append(ref.name);
    };
    for (const Rule &rule : rules) {
        for (const Action &action : rule.actions) {
            std::visit(
                [&](const WebhookAction &webhook) {
                    add(webhook.auth.secret);
                    add(webhook.signing.secret);
                },
                action);
        }
    }
    std::sort(names.begin(), names.end());
    names.erase(std::unique(names.begin(), names.end()), names.end());
    return names;
}

const Rule *RuleSet::rule(QStringView id) const
{
    for (const Rule &r : rules) {
        if (r.id == id)
            return &r;
    }
    return nullptr;
}

} // namespace Kanca
