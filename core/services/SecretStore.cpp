#include "services/SecretStore.h"

#include <qt6keychain/keychain.h>

namespace Kanca {

SecretStore::SecretStore(QObject *parent)
    : QObject(parent)
{}

std::optional<QByteArray> SecretStore::secret(const QString &name) const
{
    const auto it = m_cache.constFind(name);
    if (it != m_cache.constEnd())
        return *it;
    return EnvironmentSecrets().secret(name);
}

SecretStore::Source SecretStore::source(const QString &name) const
{
    if (m_cache.contains(name))
        return Source::Keychain;
    if (EnvironmentSecrets().secret(name))
        return Source::Environment;
    return Source::Missing;
}

void SecretStore::load(const QStringList &names)
{
    for (const QString &name : names) {
        if (m_requested.contains(name))
            continue;
        m_requested.insert(name);
        auto *job = new QKeychain::ReadPasswordJob(QString::fromLatin1(KeychainService));
        job->setAutoDelete(true);
        job->setKey(name);
        connect(job, &QKeychain::Job::finished, this, [this, job, name] {
            if (job->error() == QKeychain::NoError) {
                m_cache.insert(name, job->binaryData());
                Q_EMIT changed();
            } else if (job->error() != QKeychain::EntryNotFound) {
                // No keychain here (a headless machine): the environment still works.
                m_requested.remove(name);
            }
        });
        job->start();
    }
}

void SecretStore::store(const QString &name, const QByteArray &value)
{
    m_cache.insert(name, value);
    m_requested.insert(name);
    Q_EMIT changed();
    auto *job = new QKeychain::WritePasswordJob(QString::fromLatin1(KeychainService));
    job->setAutoDelete(true);
    job->setKey(name);
    job->setBinaryData(value);
    connect(job, &QKeychain::Job::finished, this, [this, job, name] {
        if (job->error() != QKeychain::NoError)
            Q_EMIT keychainError(name, keychainFailure(job->error(), job->errorString(), name));
    });
    job->start();
}

void SecretStore::remove(const QString &name)
{
    m_cache.remove(name);
    Q_EMIT changed();
    auto *job = new QKeychain::DeletePasswordJob(QString::fromLatin1(KeychainService));
    job->setAutoDelete(true);
    job->setKey(name);
    job->start();
}

QString SecretStore::keychainFailure(int error, const QString &detail, const QString &name)
{
    QString what;
    switch (error) {
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        what = tr("There is no system keychain here (no Secret Service, KWallet or other "
                  "keychain is running), so the value of %1 was not stored.")
                   .arg(name);
        break;
    case QKeychain::AccessDeniedByUser:
        what =
            tr("Access to the keychain was refused, so the value of %1 was not stored.").arg(name);
        break;
    case QKeychain::AccessDenied:
        what = tr("The keychain denied access, so the value of %1 was not stored.").arg(name);
        break;
    default:
        what = tr("The keychain did not store the value of %1.").arg(name);
        break;
    }
    // QtKeychain says "Unknown error" when it knows nothing more: that helps nobody.
    const QString trimmed = detail.trimmed();
    if (!trimmed.isEmpty() && trimmed.compare(u"Unknown error", Qt::CaseInsensitive) != 0)
        what += u' ' + tr("(The keychain said: %1.)").arg(trimmed);
    return what + u' '
           + tr("Kanca keeps it until it closes; to keep it for the next start, set the "
                "environment variable %1.")
                 .arg(EnvironmentSecrets::variableName(name));
}

} // namespace Kanca
