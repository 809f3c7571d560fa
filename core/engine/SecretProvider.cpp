#include "engine/SecretProvider.h"

#include <QtGlobal>

namespace Kanca {

QString EnvironmentSecrets::variableName(const QString &secretName)
{
    return QStringLiteral("KANCA_SECRET_") + secretName;
}

std::optional<QByteArray> EnvironmentSecrets::secret(const QString &name) const
{
    const QByteArray variable = variableName(name).toLocal8Bit();
    if (!qEnvironmentVariableIsSet(variable.constData()))
        return std::nullopt;
    return qgetenv(variable.constData());
}

} // namespace Kanca
