#include "server/ServedRuleSet.h"

#include "engine/Credentials.h"
#include "engine/RuleSetLoader.h"
#include "engine/SecretProvider.h"
#include "format/BoundedReader.h"
#include "format/JsonLocator.h"

#include <QCryptographicHash>
#include <QSet>

namespace Kanca {

ServedRuleSet::Load ServedRuleSet::load(const QString &fileName, const Catalog &catalog,
                                        const SecretProvider &secrets)
{
    Load result;
    const std::optional<QByteArray> bytes = BoundedReader::readFile(fileName, &result.error);
    if (!bytes)
        return result;
    result.bytes = *bytes;
    RuleSetLoader::Result loaded =
        RuleSetLoader::load(result.bytes, catalog, RuleSetReader::UnknownKeys::Reject);
    result.problems = std::move(loaded.problems);
    if (!loaded.compiled || hasErrors(result.problems))
        return result;

    // Every secret named must have a value: a server that accepted an event it cannot sign
    // would only find out at the first attempt.
    Problems missing;
    QSet<QString> said;
    const RuleSet &ruleSet = loaded.compiled->ruleSet();
    for (qsizetype r = 0; r < ruleSet.rules.size(); ++r) {
        const Rule &rule = ruleSet.rules.at(r);
        for (qsizetype a = 0; a < rule.actions.size(); ++a) {
            const WebhookAction &action = std::get<WebhookAction>(rule.actions.at(a));
            const QString actionPointer = jsonPointerAppend(
                jsonPointerAppend(jsonPointerAppend(QStringLiteral("/rules"), r), u"then"), a);
            const auto check = [&](const SecretRef &secret, const QString &pointer) {
                if (!secret.isSet() || secrets.secret(secret.name) || said.contains(pointer))
                    return;
                said.insert(pointer);
                missing.append(
                    {Problem::Severity::Error, pointer, 0, 0,
                     tr("secret \"%1\" is not set (set %2)")
                         .arg(secret.name, EnvironmentSecrets::variableName(secret.name))});
            };
            if (action.auth.type != Auth::Type::None) {
                check(action.auth.secret,
                      jsonPointerAppend(jsonPointerAppend(actionPointer, u"auth"),
                                        Credentials::secretKey(action.auth.type)));
            }
            if (action.signing.type != Signing::Type::None) {
                check(action.signing.secret,
                      jsonPointerAppend(jsonPointerAppend(actionPointer, u"signing"), u"secret"));
            }
        }
    }
    if (!missing.isEmpty()) {
        JsonLocator(result.bytes).locate(&missing);
        result.problems += missing;
        return result;
    }

    auto served = std::shared_ptr<ServedRuleSet>(new ServedRuleSet);
    served->m_compiled.emplace(std::move(*loaded.compiled));
    served->m_fileName = fileName;
    served->m_hash = QString::fromLatin1(
        QCryptographicHash::hash(result.bytes, QCryptographicHash::Sha256).toHex());
    served->m_loadedAt = QDateTime::currentDateTimeUtc();
    result.ruleSet = std::move(served);
    return result;
}

} // namespace Kanca
