#include "services/DeliveryService.h"

#include "postgres/PostgresStore.h"
#include "postgres/PostgresUrl.h"

using namespace Qt::StringLiterals;

namespace Kanca {

DeliveryService::DeliveryService(QObject *parent)
    : QObject(parent)
    , m_history(std::make_unique<HistoryDatabase>())
    , m_secrets(new SecretStore(this))
    , m_engine(std::make_unique<DeliveryEngine>(*m_history, *m_secrets))
{
    connect(m_engine.get(), &DeliveryEngine::attemptRecorded, this,
            &DeliveryService::historyChanged);
    connect(m_engine.get(), &DeliveryEngine::deliveryFinished, this,
            &DeliveryService::historyChanged);
}

DeliveryService::~DeliveryService()
{
    m_engine.reset(); // flushes its last results before the history closes
}

bool DeliveryService::open(const QString &databasePath, QString *error)
{
    QString why;
    const bool ok = m_history->open(databasePath, &why) && m_engine->sendFromOutbox(&why);
    m_openError = ok ? QString() : why;
    if (error)
        *error = why;
    Q_EMIT historyChanged(); // views follow the file, or say why there is none
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

QString DeliveryService::serverPasswordName(const QString &url)
{
    const std::optional<PostgresUrl> parsed = PostgresUrl::parse(url, nullptr);
    return u"server-history "_s + (parsed ? parsed->shown() : PostgresUrl::withoutPassword(url));
}

bool DeliveryService::openServerHistory(const QString &url, const QString &password, QString *error)
{
    std::optional<PostgresUrl> parsed = PostgresUrl::parse(url, error);
    if (!parsed)
        return false;
    const QString kept = PostgresUrl::withoutPassword(url);
    const QString name = serverPasswordName(kept);
    // A password typed (or written in the URL) is the one to use and keep; else the keychain's.
    QString secret = password.isEmpty() ? parsed->password : password;
    if (secret.isEmpty()) {
        if (const std::optional<QByteArray> stored = m_secrets->secret(name))
            secret = QString::fromUtf8(*stored);
    }
    parsed->password = secret;
    auto store = std::make_unique<PostgresStore>();
    if (!store->open(*parsed, error, PostgresStore::OpenMode::ReadExisting))
        return false;
    if (!secret.isEmpty() && m_secrets->secret(name) != secret.toUtf8())
        m_secrets->store(name, secret.toUtf8());
    m_server = std::move(store);
    m_serverUrl = kept;
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
