#include "server/WorkerHeartbeat.h"

#include "delivery/DeliveryEngine.h"
#include "server/ServerLog.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QSysInfo>

#include <utility>

using namespace Qt::StringLiterals;

namespace Kanca {

namespace {

constexpr qint64 ComplainEveryMs = 60'000;

} // namespace

WorkerHeartbeat::WorkerHeartbeat(WorkerRegistry &registry, const DeliveryEngine &engine,
                                 const ServerLog &log, QObject *parent)
    : QObject(parent)
    , m_registry(registry)
    , m_engine(engine)
    , m_log(log)
{
    m_timer.setInterval(WorkerRegistry::HeartbeatMs);
    connect(&m_timer, &QTimer::timeout, this, &WorkerHeartbeat::beat);
}

WorkerHeartbeat::~WorkerHeartbeat()
{
    stop();
}

void WorkerHeartbeat::start(const QString &address, const QString &ruleSetHash)
{
    m_worker.id = m_engine.claim().token;
    m_worker.host = QSysInfo::machineHostName();
    m_worker.pid = QCoreApplication::applicationPid();
    m_worker.address = address;
    m_worker.ruleSetHash = ruleSetHash;
    m_worker.version = QCoreApplication::applicationVersion();
    m_running = true;
    beat();
    m_timer.start();
}

void WorkerHeartbeat::setRuleSet(const QString &hash)
{
    m_worker.ruleSetHash = hash;
    if (m_running)
        beat();
}

void WorkerHeartbeat::setDraining()
{
    m_worker.draining = true;
    if (m_running)
        beat();
}

void WorkerHeartbeat::stop()
{
    if (!std::exchange(m_running, false))
        return;
    m_timer.stop();
    QString error;
    if (!m_registry.removeWorker(m_worker.id, &error))
        m_log.warning(u"worker.remove_failed"_s, {{u"error"_s, error}});
}

void WorkerHeartbeat::beat()
{
    m_worker.inFlight = m_engine.inFlightCount();
    m_worker.claimed = m_engine.activeCount();
    QString error;
    if (m_registry.beat(m_worker, &error))
        return;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (now - m_lastComplaintMs < ComplainEveryMs)
        return;
    m_lastComplaintMs = now;
    m_log.warning(u"worker.heartbeat_failed"_s, {{u"error"_s, error}});
}

} // namespace Kanca
