#include "services/DeliveryService.h"

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

} // namespace Kanca
