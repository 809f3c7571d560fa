#include "services/DeliveryService.h"

#include "postgres/PostgresStore.h"
#include "postgres/PostgresUrl.h"

using namespace Qt::StringLiterals;

namespace Kanca {

DeliveryService::DeliveryService(QObject *parent)
    : QObject(parent)
    , m_history(std::make_unique<HistoryDatabase>())
    , m_secrets(new SecretStore(this))
{
    makeEngine();
}

DeliveryService::~DeliveryService()
{
    m_engine.reset(); // flushes its last results before the history closes
}

void DeliveryService::makeEngine()
{
    m_engine = std::make_unique<DeliveryEngine>(*m_history, *m_secrets);
    connect(m_engine.get(), &DeliveryEngine::attemptRecorded, this,
            &DeliveryService::attemptRecorded);
    connect(m_engine.get(), &DeliveryEngine::deliveryFinished, this,
            &DeliveryService::deliveryFinished);
    connect(m_engine.get(), &DeliveryEngine::attemptRecorded, this,
            &DeliveryService::historyChanged);
    connect(m_engine.get(), &DeliveryEngine::deliveryFinished, this,
            &DeliveryService::historyChanged);
    connect(m_engine.get(), &DeliveryEngine::storageFailed, this,
            &DeliveryService::onStorageFailed);
}

bool DeliveryService::open(const QString &databasePath, QString *error)
{
    QString why;
    m_path = databasePath;
    const bool ok = m_history->open(databasePath, &why) && m_engine->sendFromOutbox(&why);
    m_openError = ok ? QString() : why;
    if (error)
        *error = why;
    if (ok)
        setFailure(std::nullopt);
    else
        setFailure(StorageFailure{StorageFailure::Stage::Opening, databasePath, why, {}});
    Q_EMIT historyChanged(); // views follow the file, or say why there is none
    return ok;
}

bool DeliveryService::resume(QString *error)
{
    if (m_engine->hasFailed())
        m_stoppedClaims.append(m_engine->claim());
    // The stopped engine goes first: it uses the history, and nothing more of it may be sent.
    m_engine->disconnect(this);
    m_engine.reset();
    makeEngine();
    QString why;
    bool ok = m_history->open(m_path, &why);
    // What stopped engines held is taken over at once rather than when their leases run out.
    for (qsizetype i = 0; ok && i < m_stoppedClaims.size(); ++i)
        ok = m_history->endClaims(m_stoppedClaims.at(i), &why);
    if (ok)
        m_stoppedClaims.clear();
    ok = ok && m_engine->sendFromOutbox(&why);
    m_openError = m_history->isOpen() ? QString() : why;
    if (error)
        *error = why;
    if (ok) {
        setFailure(std::nullopt);
    } else {
        StorageFailure failure{m_history->isOpen() ? StorageFailure::Stage::Writing
                                                   : StorageFailure::Stage::Opening,
                               m_path,
                               why,
                               {}};
        // Those sent without their result recorded are still at risk of being sent again.
        if (m_failure)
            failure.unrecorded = m_failure->unrecorded;
        setFailure(failure);
    }
    Q_EMIT historyChanged();
    return ok;
}

bool DeliveryService::isOpen() const
{
    return m_history->isOpen();
}

QString DeliveryService::databasePath() const
{
    return m_history->path();
}

void DeliveryService::onStorageFailed(const QString &error, const QStringList &unrecorded)
{
    // The engine may say so again, as its attempts in flight end: the first reason stays, the
    // deliveries at risk add up.
    StorageFailure failure =
        m_failure && m_failure->stage == StorageFailure::Stage::Writing
            ? *m_failure
            : StorageFailure{StorageFailure::Stage::Writing, m_history->path(), error, {}};
    for (const QString &id : unrecorded) {
        if (!failure.unrecorded.contains(id))
            failure.unrecorded.append(id);
    }
    setFailure(failure);
}

void DeliveryService::setFailure(std::optional<StorageFailure> failure)
{
    if (!failure && !m_failure)
        return;
    m_failure = std::move(failure);
    Q_EMIT storageFailureChanged();
}

QString DeliveryService::serverPasswordName(const QString &url)
{
    const std::optional<PostgresUrl> parsed = PostgresUrl::parse(url, nullptr);
    return u"server-history "_s + (parsed ? parsed->shown() : PostgresUrl::withoutPassword(url));
}

QString DeliveryService::serverPassword(const QString &url, const QString &typed) const
{
    if (!typed.isEmpty())
        return typed;
    const std::optional<PostgresUrl> parsed = PostgresUrl::parse(url, nullptr);
    if (parsed && !parsed->password.isEmpty())
        return parsed->password;
    const QString kept = PostgresUrl::withoutPassword(url);
    if (m_server && kept == m_serverUrl && !m_serverPassword.isEmpty())
        return m_serverPassword;
    if (const std::optional<QByteArray> stored = m_secrets->secret(serverPasswordName(kept)))
        return QString::fromUtf8(*stored);
    return QString();
}

void DeliveryService::keepServerPassword(const QString &url, const QString &password)
{
    const QString name = serverPasswordName(PostgresUrl::withoutPassword(url));
    if (!password.isEmpty() && m_secrets->secret(name) != password.toUtf8())
        m_secrets->store(name, password.toUtf8());
}

bool DeliveryService::openServerHistory(const QString &url, const QString &password, QString *error)
{
    std::optional<PostgresUrl> parsed = PostgresUrl::parse(url, error);
    if (!parsed)
        return false;
    // A password typed (or written in the URL) is the one to use and keep; else the keychain's.
    const QString secret = serverPassword(url, password);
    parsed->password = secret;
    auto store = std::make_unique<PostgresStore>();
    if (!store->open(*parsed, error, PostgresStore::OpenMode::ReadExisting))
        return false;
    keepServerPassword(url, secret);
    m_server = std::move(store);
    m_serverUrl = PostgresUrl::withoutPassword(url);
    m_serverPassword = secret;
    Q_EMIT historyChanged();
    return true;
}

void DeliveryService::showLocalHistory()
{
    if (!m_server)
        return;
    m_server.reset();
    m_serverUrl.clear();
    m_serverPassword.clear();
    Q_EMIT historyChanged();
}

HistoryStore &DeliveryService::shownHistory()
{
    if (m_server)
        return *m_server;
    return *m_history;
}

QString DeliveryService::shownLocation() const
{
    if (m_server)
        return m_serverUrl;
    return m_history->isOpen() ? m_history->path() : QString();
}

QString DeliveryService::shownPassword() const
{
    return m_server ? m_serverPassword : QString();
}

bool DeliveryService::resend(const Delivery &again, QString *error)
{
    if (m_server)
        return m_server->insertDeliveries({again}, nullptr, error);
    return m_engine->submit({again}, error);
}

} // namespace Kanca
