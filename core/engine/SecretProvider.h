#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace Kanca {

// Resolves a secret's name to its value: the designer from the system keychain, the command
// line from the environment.
class SecretProvider
{
public:
    virtual ~SecretProvider() = default;
    virtual std::optional<QByteArray> secret(const QString &name) const = 0;
};

// KANCA_SECRET_<NAME> from the process environment.
class EnvironmentSecrets final : public SecretProvider
{
public:
    static QString variableName(const QString &secretName);
    std::optional<QByteArray> secret(const QString &name) const override;
};

} // namespace Kanca
