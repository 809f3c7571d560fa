#include "server/DeliveryThread.h"

#include "outbox/OpenStorage.h"
#include "outbox/OutboxStorage.h"

namespace Kanca {

DeliveryThread::DeliveryThread(const SecretProvider &secrets, QObject *parent)
    : QObject(parent)
    , m_secrets(secrets)
{
    m_thread.setObjectName(QStringLiteral("delivery"));
    connect(this, &DeliveryThread::circuitChanged, this,
            [this](const QString &destination, CircuitBreaker::State state) {
                if (state == CircuitBreaker::State::Closed)
                    m_circuits.remove(destination);
                else
                    m_circuits.insert(destination, state);
            });
}

DeliveryThread::~DeliveryThread()
{
    stopEngine();
}

bool DeliveryThread::start(const QString &database, const DeliveryEngine::Settings &settings,
                           QString *error)
{
    Q_ASSERT(!m_context);
    m_thread.start();
    m_context = new QObject;
    m_context->moveToThread(&m_thread);
    bool started = false;
    QString why;
    QMetaObject::invokeMethod(
        m_context,
        [&] {
            m_storage = OpenStorage::open(database, {}, &why);
            if (!m_storage)
                return;
            m_engine = std::make_unique<DeliveryEngine>(*m_storage, m_secrets);
            m_engine->setSettings(settings);
            // Re-emitted here, in the thread that made this object (queued connections).
            connect(m_engine.get(), &DeliveryEngine::attemptRecorded, this,
                    &DeliveryThread::attemptRecorded);
            connect(m_engine.get(), &DeliveryEngine::deliveryFinished, this,
                    &DeliveryThread::deliveryFinished);
            connect(m_engine.get(), &DeliveryEngine::storageFailed, this,
                    &DeliveryThread::storageFailed);
            connect(m_engine.get(), &DeliveryEngine::storageUnavailable, this,
                    &DeliveryThread::storageUnavailable);
            connect(m_engine.get(), &DeliveryEngine::claimsLost, this, &DeliveryThread::claimsLost);
            connect(m_engine.get(), &DeliveryEngine::circuitChanged, this,
                    &DeliveryThread::circuitChanged);
            connect(m_engine.get(), &DeliveryEngine::drained, this, &DeliveryThread::drained);
            m_claim = m_engine->claim();
            started = m_engine->sendFromOutbox(&why);
        },
        Qt::BlockingQueuedConnection);
    if (!started) {
        if (error)
            *error = why;
        stopEngine();
    }
    return started;
}

void DeliveryThread::stopEngine()
{
    if (!m_thread.isRunning())
        return;
    QMetaObject::invokeMethod(
        m_context,
        [this] {
            m_engine.reset();
            m_storage.reset();
            m_context->deleteLater(); // when the thread finishes
        },
        Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
    m_context = nullptr;
}

const Outbox::Claim *DeliveryThread::claimForNew() const
{
    return m_engine && m_engine->claimForNew() ? &m_claim : nullptr;
}

void DeliveryThread::adopt(const QList<Delivery> &deliveries)
{
    if (!m_engine || deliveries.isEmpty())
        return;
    QMetaObject::invokeMethod(
        m_context, [this, deliveries] { m_engine->adopt(deliveries); }, Qt::QueuedConnection);
}

void DeliveryThread::lookAtOutbox()
{
    if (!m_engine)
        return;
    QMetaObject::invokeMethod(
        m_context, [this] { m_engine->sendFromOutbox(nullptr); }, Qt::QueuedConnection);
}

void DeliveryThread::drain()
{
    if (!m_engine)
        return;
    QMetaObject::invokeMethod(
        m_context, [this] { m_engine->drain(); }, Qt::QueuedConnection);
}

qsizetype DeliveryThread::activeCount() const
{
    return m_engine ? m_engine->activeCount() : 0;
}

qsizetype DeliveryThread::inFlightCount() const
{
    return m_engine ? m_engine->inFlightCount() : 0;
}

} // namespace Kanca
