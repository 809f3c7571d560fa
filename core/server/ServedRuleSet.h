#pragma once

#include "engine/CompiledRuleSet.h"
#include "format/Problem.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QString>

#include <memory>
#include <optional>

namespace Kanca {

class Catalog;
class SecretProvider;

// The rule set a server runs: the file as it was read (its bytes place problems at their lines),
// compiled, and its SHA-256, which every delivery it makes records and /metrics shows. Loading is
// as strict as an export for a server (`kanca validate --strict`), and every secret the rule set
// names must have a value, so that no event is accepted that cannot be sent.
class ServedRuleSet final
{
    Q_DECLARE_TR_FUNCTIONS(ServedRuleSet)

public:
    struct Load
    {
        std::shared_ptr<const ServedRuleSet> ruleSet; // when there are no errors
        QByteArray bytes;                             // what was read, to place the problems
        Problems problems;                            // warnings too
        QString error;                                // the file cannot be read at all
    };

    static Load load(const QString &fileName, const Catalog &catalog,
                     const SecretProvider &secrets);

    const CompiledRuleSet &compiled() const { return *m_compiled; }
    const QString &fileName() const { return m_fileName; }
    const QString &hash() const { return m_hash; }        // SHA-256, lower-case hex
    QString shortHash() const { return m_hash.left(12); } // for logs
    const QDateTime &loadedAt() const { return m_loadedAt; }

private:
    ServedRuleSet() = default;

    std::optional<CompiledRuleSet> m_compiled;
    QString m_fileName;
    QString m_hash;
    QDateTime m_loadedAt;
};

} // namespace Kanca
