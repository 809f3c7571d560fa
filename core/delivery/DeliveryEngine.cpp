#include "delivery/DeliveryEngine.h"

#include "delivery/Backoff.h"
#include "engine/Credentials.h"
#include "outbox/ClaimToken.h"

#include <QSet>

#include <algorithm>

namespace Kanca {

DeliveryEngine::DeliveryEngine(Outbox &outbox, const SecretProvider &secrets, QObject *parent)
    : QObject(parent)
    , m_outbox(outbox)
    , m_secrets(secrets)
    , m_threads(new DeliveryThreads(this))
    , m_random(QRandomGenerator::securelySeeded())
    , m_fleet(outbox.destinationCoordination())
{
    m_claim.token = ClaimToken::create();
    m_claim.leaseMs = m_settings.leaseMs;
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &DeliveryEngine::runDue);
    m_startTimer.setSingleShot(true);
    connect(&m_startTimer, &QTimer::timeout, this, &DeliveryEngine::startPrepared);
    m_flushTimer.setSingleShot(true);
    connect(&m_flushTimer, &QTimer::timeout, this, &DeliveryEngine::flushHistory);
    m_pollTimer.setSingleShot(true);
    connect(&m_pollTimer, &QTimer::timeout, this, &DeliveryEngine::pollOutbox);
    connect(&m_renewTimer, &QTimer::timeout, this, &DeliveryEngine::renewClaims);
    m_slotTimer.setSingleShot(true);
    connect(&m_slotTimer, &QTimer::timeout, this, &DeliveryEngine::passSlots);
    connect(m_threads, &DeliveryThreads::finished, this, &DeliveryEngine::attemptsSent);
}

DeliveryEngine::~DeliveryEngine()
{
    if (m_fromOutbox)
        m_outbox.onNewWork({});
    shutDown();
}

void DeliveryEngine::setSettings(const Settings &settings)
{
    m_settings = settings;
    m_settings.maxPerHost = std::max(1, m_settings.maxPerHost);
    m_settings.maxInFlight = std::max(1, m_settings.maxInFlight);
    m_settings.claimBatch = std::max(1, m_settings.claimBatch);
    m_settings.leaseMs = std::max<qint64>(1'000, m_settings.leaseMs);
    m_claim.leaseMs = m_settings.leaseMs;
    m_breaker.setSettings(m_settings.breaker);
}

bool DeliveryEngine::isIdle() const
{
    return m_active.isEmpty() && m_pendingWrites.empty() && !writing() && m_starts.empty()
           && (!m_fromOutbox || m_outboxEmpty || m_failed);
}

bool DeliveryEngine::submit(const QList<Delivery> &deliveries, QString *error)
{
    if (m_failed) {
        if (error)
            *error = tr("Nothing more is sent: the outbox %1 could not be written.")
                         .arg(m_outbox.location());
        return false;
    }
    const Outbox::Claim *claim = claimForNew();
    if (!m_outbox.insertDeliveries(deliveries, claim, error))
        return false;
    if (claim)
        adopt(deliveries);
    else
        armPoll(0);
    return true;
}

const Outbox::Claim *DeliveryEngine::claimForNew() const
{
    if (m_failed)
        return nullptr;
    // An engine that sends only what it is given keeps all of it; one that also takes from
    // the outbox keeps no more than it can soon send.
    if (m_fromOutbox && m_active.size() >= 2 * qsizetype(m_settings.maxInFlight))
        return nullptr;
    return &m_claim;
}

void DeliveryEngine::adopt(const QList<Delivery> &deliveries)
{
    for (const Delivery &delivery : deliveries)
        activate(delivery);
    armTimer();
    checkIdle();
}

bool DeliveryEngine::sendFromOutbox(QString *error)
{
    QString readError;
    m_outbox.nextDue(m_claim, &readError);
    if (!readError.isEmpty()) {
        if (error)
            *error = readError;
        return false;
    }
    if (!m_fromOutbox) {
        // Work committed by other programs wakes this engine at once where the storage can tell
        // (PostgreSQL's NOTIFY); the polling every pollMs is the backstop.
        m_outbox.onNewWork([this] { armPoll(0); });
    }
    m_fromOutbox = true;
    m_outboxEmpty = false;
    pollOutbox();
    return true;
}

void DeliveryEngine::activate(const Delivery &delivery)
{
    Active active;
    active.delivery = delivery;
    active.destination = deliveryDestination(delivery.request.url);
    m_active.insert(delivery.id, std::move(active));
    schedule(delivery.id, delivery.nextAttemptAt.isValid()
                              ? delivery.nextAttemptAt.toMSecsSinceEpoch()
                              : nowMs());
    if (!m_renewTimer.isActive())
        m_renewTimer.start(int(std::max<qint64>(100, m_settings.leaseMs / 3)));
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
    while (!m_failed && !m_schedule.empty() && m_schedule.begin()->first <= now) {
        const QString id = m_schedule.begin()->second;
        m_schedule.erase(m_schedule.begin());
        dispatch(id);
    }
    armTimer();
}

void DeliveryEngine::dispatch(const QString &id)
{
    const auto it = m_active.find(id);
    if (it == m_active.end() || m_failed || m_draining)
        return;
    const QString destination = it->destination;
    const CircuitBreaker::State before = m_breaker.state(destination);
    if (!m_breaker.allows(destination, nowMs())) {
        holdForBreaker(id);
        return;
    }
    if (before == CircuitBreaker::State::Open
        && m_breaker.state(destination) == CircuitBreaker::State::HalfOpen) {
        // The cool-down is over: this attempt probes, unless another engine sends the probe.
        if (sharesBreakers()) {
            QString error;
            const std::optional<DestinationCoordination::Probe> probe =
                m_fleet->takeProbe(destination, m_claim, nowMs(), &error);
            if (!probe) {
                m_breaker.holdOpen(destination, nowMs() + m_settings.pollMs);
                coordinationFailed(error);
                holdForBreaker(id);
                return;
            }
            if (*probe == DestinationCoordination::Probe::Held) {
                m_breaker.holdOpen(destination, nowMs() + m_settings.pollMs);
                holdForBreaker(id);
                return;
            }
            if (*probe == DestinationCoordination::Probe::Closed) {
                // A success elsewhere closed it meanwhile.
                m_breaker.recordSuccess(destination);
                Q_EMIT circuitChanged(destination, CircuitBreaker::State::Closed);
            } else {
                Q_EMIT circuitChanged(destination, CircuitBreaker::State::HalfOpen);
            }
        } else {
            Q_EMIT circuitChanged(destination, CircuitBreaker::State::HalfOpen);
        }
    }
    Host &host = m_hosts[destination];
    if (!host.hasAttempts())
        resumePace(destination);
    if (host.inFlight >= slotLimit(destination, host)) {
        it->state = State::Waiting;
        host.waiting.enqueue(id);
        // More slots at once; with all of them, a look every pass at who else waits.
        if (m_fleet)
            armSlots(host.held < m_settings.maxPerHost ? 0 : SlotPassMs);
        return;
    }
    if (m_inFlight >= m_settings.maxInFlight) {
        it->state = State::Waiting;
        m_waitingForSlot.enqueue(id);
        return;
    }
    ++host.inFlight;
    ++m_inFlight;
    prepareAttempt(*it);
}

// The slot is taken: the request gets its credentials now (a Standard Webhooks signature with
// this moment's timestamp), and waits for its start to be committed with the others prepared in
// the same turn of the event loop.
void DeliveryEngine::prepareAttempt(Active &active)
{
    active.state = State::Starting;
    Delivery &delivery = active.delivery;
    active.startedAt = QDateTime::currentDateTimeUtc();

    RenderedRequest request = delivery.request;
    Problems problems;
    const bool credentialsOk =
        Credentials::apply(&request, delivery.auth, delivery.signing, m_secrets, delivery.id,
                           active.startedAt, QString(), &problems);

    // What the history keeps: the request as sent, secrets masked (the headers are shared with
    // `request`, and copied only when there is something to mask).
    active.sent = request;
    for (qsizetype i = 0; i < active.sent.headers.size(); ++i) {
        if (active.sent.headers.at(i).secret)
            active.sent.headers[i].value = RenderedRequest::masked(active.sent.headers.at(i).value);
    }

    if (!credentialsOk) {
        // Nothing leaves: the attempt fails for good without a start.
        active.state = State::InFlight;
        HttpAttempt::Result result;
        QStringList messages;
        for (const Problem &p : std::as_const(problems))
            messages.append(p.message);
        result.verdict = {AttemptVerdict::Kind::Final, messages.join(u"; ")};
        const QString id = delivery.id;
        const int number = delivery.attemptCount + 1;
        const QDateTime startedAt = active.startedAt;
        const RenderedRequest sent = active.sent;
        QMetaObject::invokeMethod(
            this, [=, this] { attemptFinished(id, number, startedAt, sent, result); },
            Qt::QueuedConnection);
        return;
    }
    m_starts.push_back({delivery.id, std::move(request)});
    if (!m_startTimer.isActive())
        m_startTimer.start(0);
}

// Commits the start of every prepared attempt in one transaction, then sends them.
void DeliveryEngine::startPrepared()
{
    m_startTimer.stop();
    if (m_starts.empty())
        return;
    // An attempt starts after the previous attempt of its delivery is recorded.
    for (const Start &start : m_starts) {
        if (m_unwritten.contains(start.id)) {
            flushHistory();
            break;
        }
    }
    std::vector<Start> starts;
    starts.swap(m_starts);
    QList<Outbox::AttemptStart> marks;
    marks.reserve(qsizetype(starts.size()));
    for (const Start &start : starts) {
        if (const auto it = m_active.constFind(start.id); it != m_active.cend())
            marks.append({start.id, it->delivery.attemptCount + 1, it->startedAt});
    }
    QStringList lost;
    QString error;
    // A previous result still waits to be written (on the history thread, or the connection is
    // being opened again).
    const bool waitForWrites = std::any_of(starts.begin(), starts.end(), [this](const Start &s) {
        return m_unwritten.contains(s.id);
    });
    const bool ok =
        !m_failed && !waitForWrites && m_outbox.startAttempts(marks, m_claim, &lost, &error);
    // A previous result still being written, or a lost connection being opened again: nothing
    // was started; each tries again later.
    const bool later = !m_failed && (waitForWrites || (!ok && m_outbox.isReconnecting()));
    if (later) {
        if (!waitForWrites)
            Q_EMIT storageUnavailable(error);
    } else if (!ok && !m_failed) {
        stop(error, {});
    }
    for (Start &start : starts) {
        const auto it = m_active.find(start.id);
        if (it == m_active.end())
            continue;
        if (later) {
            it->state = State::Scheduled;
            const QString destination = it->destination;
            schedule(start.id, nowMs() + m_settings.pollMs);
            releaseSlot(destination);
            continue;
        }
        if (!ok || lost.contains(start.id)) {
            // Not sent: its slot goes to the next, and the delivery stays where it is.
            const QString destination = it->destination;
            m_active.erase(it);
            releaseSlot(destination);
            continue;
        }
        it->state = State::InFlight;
        m_sending.insert(start.id);
        if (!m_threads->isStarted())
            m_threads->start(m_settings.deliveryThreads);
        m_threads->send({start.id, it->destination, std::move(start.request),
                         it->delivery.timeoutMs, m_settings.allowHttp2,
                         onWireLimit(it->destination)});
    }
    m_threads->flush();
    if (later)
        armTimer();
    if (!lost.isEmpty())
        Q_EMIT claimsLost(lost);
    checkIdle();
}

void DeliveryEngine::attemptsSent(const QList<DeliverySender::Ended> &ended)
{
    // See Results in turn in DeliveryEngine.h.
    m_takingResults = true;
    for (const DeliverySender::Ended &attempt : ended)
        attemptSent(attempt.id, attempt.result);
    m_takingResults = false;
    startPrepared();
    if (m_pendingWrites.size() >= MaxBatch)
        flushHistory();
}

// An attempt's exchange ended on its delivery thread.
void DeliveryEngine::attemptSent(const QString &id, const HttpAttempt::Result &result)
{
    if (!m_sending.remove(id))
        return; // cut off as the engine went away
    const auto it = m_active.constFind(id);
    if (it == m_active.cend())
        return;
    // Copies: attemptFinished() may erase the entry.
    const QDateTime startedAt = it->startedAt;
    const RenderedRequest sent = it->sent;
    attemptFinished(id, it->delivery.attemptCount + 1, startedAt, sent, result);
}

void DeliveryEngine::attemptFinished(const QString &id, int number, const QDateTime &startedAt,
                                     const RenderedRequest &sent, const HttpAttempt::Result &result)
{
    const auto it = m_active.find(id);
    if (it == m_active.end())
        return;
    Active &active = *it;
    Delivery &delivery = active.delivery;
    const QString destination = active.destination;

    PendingWrite write;
    Attempt &attempt = write.result.attempt;
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

    // The breaker counts answers that show the receiver unwell: none, a timeout, 408, 429, 5xx.
    const bool unwell = !result.httpStatus || *result.httpStatus >= 500 || *result.httpStatus == 408
                        || *result.httpStatus == 429;
    const bool breakerChanged = unwell ? m_breaker.recordFailure(destination, nowMs())
                                       : m_breaker.recordSuccess(destination);
    if (result.verdict.kind != AttemptVerdict::Kind::Success) {
        m_answering.remove(destination);
    } else {
        if (m_answering.size() >= MaxAnswering && !m_answering.contains(destination))
            m_answering.clear();
        AnswerPace &pace = m_answering[destination];
        if (startsAheadAtPace())
            countAnswer(pace);
    }
    if (breakerChanged) {
        Q_EMIT circuitChanged(destination, m_breaker.state(destination));
        shareBreakerChange(destination);
    }

    write.result.status = delivery.status;
    write.result.nextAttemptAt = delivery.nextAttemptAt;
    // A retry far ahead waits in the outbox, where any engine may take it when it is due.
    write.result.release =
        !finished
        && (m_draining || (m_fromOutbox && *attempt.retryDelayMs > m_settings.keepRetriesWithinMs));
    if (finished)
        write.finished = delivery;
    Q_EMIT attemptRecorded(attempt);

    if (finished || write.result.release || m_failed) {
        m_active.erase(it);
    } else {
        active.state = State::Scheduled;
        schedule(id, delivery.nextAttemptAt.toMSecsSinceEpoch());
        armTimer();
    }
    recordLater(std::move(write));
    releaseSlot(destination);
    if (m_draining)
        flushHistory(); // nothing to batch with any more
}

void DeliveryEngine::releaseSlot(const QString &destination)
{
    --m_inFlight;
    {
        Host &host = m_hosts[destination];
        --host.inFlight;
        if (m_fleet && host.held > host.keep && host.inFlight < host.held) {
            // Another engine waits with none of this host's slots: this one goes to it, once
            // fewer attempts than the slots held are started (those started ahead leave first).
            --host.held;
            ++m_slotsToGive[destination];
            armSlots(0);
        }
        // The slot goes to the next attempt waiting for the same host...
        while (!host.waiting.isEmpty() && host.inFlight < slotLimit(destination, host)
               && m_inFlight < m_settings.maxInFlight) {
            dispatch(host.waiting.dequeue());
        }
        if (m_pollSkipped && host.waiting.size() <= skipWaitingAt() / 2)
            armPoll(0);
        if (!host.hasAttempts())
            pausePace(destination); // the pace outlives the host's entry
        if (!host.hasAttempts() && host.held == 0)
            m_hosts.remove(destination);
        else if (m_fleet && host.waiting.isEmpty() && host.held > host.inFlight)
            armSlots(SlotPassMs); // unused slots go back unless attempts come for them soon
    }
    // ...else to one held back by the overall limit (dispatch may add hosts: no reference
    // into m_hosts is kept across it).
    while (!m_waitingForSlot.isEmpty() && m_inFlight < m_settings.maxInFlight)
        dispatch(m_waitingForSlot.dequeue());
    // Room again for what the outbox holds.
    if (m_pollStarved && m_active.size() < m_settings.maxInFlight)
        armPoll(0);
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
