#include "delivery/DeliveryEngine.h"

#include "delivery/Backoff.h"
#include "engine/Credentials.h"
#include "history/HistoryDatabase.h"

#include <QNetworkAccessManager>
#include <QUrl>

namespace Kanca {

struct DeliveryEngine::PendingWrite
{
    HistoryDatabase::AttemptResult result;
    std::optional<Delivery> finished; // reported once the write is committed
};

namespace {

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

QString hostKeyOf(const QString &url)
{
    const QUrl u = QUrl::fromEncoded(url.toUtf8(), QUrl::TolerantMode);
    return u.scheme() + u"://" + u.host() + u':'
           + QString::number(u.port(u.scheme() == u"https" ? 443 : 80));
}

} // namespace

DeliveryEngine::DeliveryEngine(HistoryDatabase &history, const SecretProvider &secrets,
                               QObject *parent)
    : QObject(parent)
    , m_history(history)
    , m_secrets(secrets)
    , m_networks(new NetworkPool(this))
    , m_random(QRandomGenerator::securelySeeded())
{
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &DeliveryEngine::runDue);
    m_flushTimer.setSingleShot(true);
    connect(&m_flushTimer, &QTimer::timeout, this, &DeliveryEngine::flushHistory);
}

DeliveryEngine::~DeliveryEngine()
{
    flushHistory();
}

void DeliveryEngine::setSettings(const Settings &settings)
{
    m_settings = settings;
    m_settings.maxPerHost = std::max(1, m_settings.maxPerHost);
    m_settings.maxInFlight = std::max(1, m_settings.maxInFlight);
}

bool DeliveryEngine::isIdle() const
{
    return m_active.isEmpty() && m_pendingWrites.empty();
}

bool DeliveryEngine::submit(const QList<Delivery> &deliveries, QString *error)
{
    if (!m_history.insertDeliveries(deliveries, error))
        return false;
    for (const Delivery &delivery : deliveries)
        activate(delivery);
    armTimer();
    checkIdle();
    return true;
}

bool DeliveryEngine::resumeUnfinished(QString *error)
{
    QString readError;
    const QList<Delivery> pending = m_history.unfinishedDeliveries(&readError);
    if (!readError.isEmpty()) {
        if (error)
            *error = readError;
        return false;
    }
    for (const Delivery &delivery : pending) {
        if (!m_active.contains(delivery.id))
            activate(delivery);
    }
    armTimer();
    checkIdle();
    return true;
}

void DeliveryEngine::activate(const Delivery &delivery)
{
    m_active.insert(delivery.id, {delivery, hostKeyOf(delivery.request.url), false});
    schedule(delivery.id, delivery.nextAttemptAt.isValid()
                              ? delivery.nextAttemptAt.toMSecsSinceEpoch()
                              : nowMs());
}

void DeliveryEngine::schedule(const QString &id, qint64 dueMs)
{
    m_schedule.emplace(dueMs, id);
}

void DeliveryEngine::armTimer()
{
    if (m_schedule.empty()) {
        m_timer.stop();
        return;
    }
    const qint64 wait = std::max<qint64>(0, m_schedule.begin()->first - nowMs());
    // QTimer takes an int; a wait longer than that is re-armed when it fires.
    m_timer.start(int(std::min<qint64>(wait, 24LL * 60 * 60 * 1000)));
}

void DeliveryEngine::runDue()
{
    const qint64 now = nowMs();
    while (!m_schedule.empty() && m_schedule.begin()->first <= now) {
        const QString id = m_schedule.begin()->second;
        m_schedule.erase(m_schedule.begin());
        dispatch(id);
    }
    armTimer();
}

void DeliveryEngine::dispatch(const QString &id)
{
    const auto it = m_active.find(id);
    if (it == m_active.end())
        return;
    Host &host = m_hosts[it->hostKey];
    if (host.inFlight >= m_settings.maxPerHost) {
        host.waiting.enqueue(id);
        return;
    }
    if (m_inFlight >= m_settings.maxInFlight) {
        m_waitingForSlot.enqueue(id);
        return;
    }
    ++host.inFlight;
    ++m_inFlight;
    startAttempt(*it);
}

void DeliveryEngine::startAttempt(Active &active)
{
    active.inFlight = true;
    Delivery &delivery = active.delivery;
    const int number = delivery.attemptCount + 1;
    const QDateTime startedAt = QDateTime::currentDateTimeUtc();

    RenderedRequest request = delivery.request;
    Problems problems;
    const bool credentialsOk =
        Credentials::apply(&request, delivery.auth, delivery.signing, m_secrets, delivery.id,
                           startedAt, QString(), &problems);

    // What the history keeps: the request as sent, secrets masked (the headers are shared with
    // `request`, and copied only when there is something to mask).
    RenderedRequest sent = request;
    for (qsizetype i = 0; i < sent.headers.size(); ++i) {
        if (sent.headers.at(i).secret)
            sent.headers[i].value = RenderedRequest::masked(sent.headers.at(i).value);
    }

    const QString id = delivery.id;
    if (!credentialsOk) {
        HttpAttempt::Result result;
        QStringList messages;
        for (const Problem &p : std::as_const(problems))
            messages.append(p.message);
        result.verdict = {AttemptVerdict::Kind::Final, messages.join(u"; ")};
        QMetaObject::invokeMethod(
            this, [=, this] { attemptFinished(id, number, startedAt, sent, result); },
            Qt::QueuedConnection);
        return;
    }

    QNetworkAccessManager *network = m_networks->acquire();
    auto *attempt =
        new HttpAttempt(*network, request, delivery.timeoutMs, m_settings.allowHttp2, this);
    connect(attempt, &HttpAttempt::finished, this, [=, this](const HttpAttempt::Result &result) {
        attempt->deleteLater();
        m_networks->release(network, result.connectionSpoiled);
        attemptFinished(id, number, startedAt, sent, result);
    });
    attempt->start();
}

void DeliveryEngine::attemptFinished(const QString &id, int number, const QDateTime &startedAt,
                                     const RenderedRequest &sent, const HttpAttempt::Result &result)
{
    const auto it = m_active.find(id);
    if (it == m_active.end())
        return;
    Active &active = *it;
    active.inFlight = false;
    Delivery &delivery = active.delivery;
    const QString hostKey = active.hostKey;

    Attempt attempt;
    attempt.deliveryId = id;
    attempt.number = number;
    attempt.startedAt = startedAt;
    attempt.durationMs = result.durationMs;
    attempt.request = sent;
    attempt.requestBodySize = sent.body.size();
    attempt.request.body.truncate(Attempt::BodyCap);
    attempt.httpStatus = result.httpStatus;
    attempt.responseHeaders = result.responseHeaders;
    attempt.responseBody = result.responseBody;
    attempt.responseBodySize = result.responseBodySize;
    attempt.error = result.verdict.message;

    delivery.attemptCount = number;
    delivery.lastHttpStatus = result.httpStatus;
    delivery.lastError = result.verdict.message;

    bool finished = true;
    switch (result.verdict.kind) {
    case AttemptVerdict::Kind::Success:
        attempt.outcome = Attempt::Outcome::Succeeded;
        delivery.status = DeliveryStatus::Succeeded;
        break;
    case AttemptVerdict::Kind::Retryable:
        if (number < delivery.retry.maxAttempts) {
            const qint64 delay =
                result.retryAfterMs.value_or(Backoff::delayMs(delivery.retry, number, m_random));
            attempt.outcome = Attempt::Outcome::WillRetry;
            attempt.retryDelayMs = delay;
            delivery.nextAttemptAt = QDateTime::fromMSecsSinceEpoch(nowMs() + delay, Qt::UTC);
            finished = false;
        } else {
            attempt.outcome = Attempt::Outcome::Failed;
            delivery.status = DeliveryStatus::Failed;
        }
        break;
    case AttemptVerdict::Kind::Final:
        attempt.outcome = Attempt::Outcome::Failed;
        delivery.status = DeliveryStatus::Failed;
        break;
    }
    if (finished)
        delivery.finishedAt = QDateTime::currentDateTimeUtc();

    recordLater(attempt, delivery);
    Q_EMIT attemptRecorded(attempt);

    if (finished) {
        m_active.erase(it);
    } else {
        schedule(id, delivery.nextAttemptAt.toMSecsSinceEpoch());
        armTimer();
    }
    releaseHost(hostKey);
}

void DeliveryEngine::releaseHost(const QString &hostKey)
{
    --m_inFlight;
    {
        Host &host = m_hosts[hostKey];
        --host.inFlight;
        // The slot goes to the next attempt waiting for the same host...
        while (!host.waiting.isEmpty() && host.inFlight < m_settings.maxPerHost
               && m_inFlight < m_settings.maxInFlight) {
            dispatch(host.waiting.dequeue());
        }
        if (host.inFlight == 0 && host.waiting.isEmpty())
            m_hosts.remove(hostKey);
    }
    // ...else to one held back by the overall limit (dispatch may add hosts: no reference
    // into m_hosts is kept across it).
    while (!m_waitingForSlot.isEmpty() && m_inFlight < m_settings.maxInFlight)
        dispatch(m_waitingForSlot.dequeue());
}

void DeliveryEngine::recordLater(const Attempt &attempt, const Delivery &delivery)
{
    PendingWrite write;
    write.result.attempt = attempt;
    write.result.status = delivery.status;
    write.result.nextAttemptAt = delivery.nextAttemptAt;
    if (delivery.status != DeliveryStatus::Pending)
        write.finished = delivery;
    m_pendingWrites.push_back(std::move(write));
    if (m_pendingWrites.size() >= 500)
        flushHistory();
    else if (!m_flushTimer.isActive())
        m_flushTimer.start(m_settings.historyBatchMs);
}

void DeliveryEngine::flushHistory()
{
    m_flushTimer.stop();
    if (m_pendingWrites.empty())
        return;
    std::vector<PendingWrite> writes;
    writes.swap(m_pendingWrites);
    QList<HistoryDatabase::AttemptResult> results;
    results.reserve(qsizetype(writes.size()));
    for (const PendingWrite &write : writes)
        results.append(write.result);
    QString error;
    if (!m_history.recordAttempts(results, &error))
        Q_EMIT historyWriteFailed(error);
    for (const PendingWrite &write : writes) {
        if (write.finished)
            Q_EMIT deliveryFinished(*write.finished);
    }
    checkIdle();
}

void DeliveryEngine::checkIdle()
{
    if (isIdle())
        QMetaObject::invokeMethod(
            this,
            [this] {
                if (isIdle())
                    Q_EMIT idle();
            },
            Qt::QueuedConnection);
}

} // namespace Kanca
