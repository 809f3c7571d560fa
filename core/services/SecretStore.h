#pragma once

#include "engine/SecretProvider.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QStringList>

namespace Kanca {

// The designer's secrets: values live in the system keychain (QtKeychain: Secret Service,
// KWallet, macOS Keychain, Windows Credential Store), never in a rule set. Reading the keychain
// is asynchronous, so load() fetches the values a rule set names into a cache that secret()
// answers from. When the keychain has no value (or there is no keychain, as on a headless
// machine), the environment variable KANCA_SECRET_<NAME> is used, as on the command line.
class SecretStore final : public QObject, public SecretProvider
{
    Q_OBJECT

public:
    static constexpr const char *KeychainService = "Kanca";

    explicit SecretStore(QObject *parent = nullptr);

    std::optional<QByteArray> secret(const QString &name) const override;
    // Where a secret's value comes from, for the user to see.
    enum class Source { Keychain, Environment, Missing };
    Source source(const QString &name) const;

    // Fetches these names from the keychain (those not cached yet); emits changed().
    void load(const QStringList &names);
    // Stores a value in the keychain (and the cache at once); emits changed(), or
    // keychainError() if the keychain refused it (the value stays cached for this session).
    void store(const QString &name, const QByteArray &value);
    void remove(const QString &name);

    // What a failed keychain job means, said for people ("there is no keychain on this
    // system…"), and what Kanca does instead for the secret `name`. `error` is a
    // QKeychain::Error; `detail` the job's own words, left out when they say nothing.
    static QString keychainFailure(int error, const QString &detail, const QString &name);

Q_SIGNALS:
    void changed();
    // The keychain refused to store `name`: `message` says why and what Kanca does instead.
    void keychainError(const QString &name, const QString &message);

private:
    QHash<QString, QByteArray> m_cache;
    QSet<QString> m_requested;
};

} // namespace Kanca
