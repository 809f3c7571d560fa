#include "delivery/DeliveryEngine.h"

#include "delivery/Backoff.h"
#include "engine/Credentials.h"
#include "outbox/ClaimToken.h"

#include <QSet>

#include <algorithm>

namespace Kanca {

namespace {

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

// At most this many results wait to be written together.
constexpr std::size_t MaxBatch = 500;

// With a coordination: how often slots are asked for while attempts wait for them (and unused
// ones looked for), how long an engine that gave slots up for others takes none, and how often
// the breakers other engines opened are read.
constexpr int SlotPassMs = 100;
constexpr qint64 YieldMs = 5 * SlotPassMs;
constexpr qint64 BreakerReadMs = 200;

} // namespace

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
    connect(m_threads, &DeliveryThreads::finished, this, &DeliveryEngine::attemptSent);
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
    return m_active.isEmpty() && m_pendingWrites.empty() && m_starts.empty()
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
    if (host.inFlight >= slotLimit(host)) {
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
    // A previous result still waits to be written (the connection is being opened again).
    const bool waitForWrites = std::any_of(starts.begin(), starts.end(), [this](const Start &s) {
        return m_unwritten.contains(s.id);
    });
    const bool ok =
        !m_failed && !waitForWrites && m_outbox.startAttempts(marks, m_claim, &lost, &error);
    // A lost connection being opened again: nothing was started; each tries again later.
    const bool later = !m_failed && (waitForWrites || (!ok && m_outbox.isReconnecting()));
    if (later && !waitForWrites)
        Q_EMIT storageUnavailable(error);
    else if (!ok && !m_failed)
        stop(error, {});
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
                         it->delivery.timeoutMs, m_settings.allowHttp2});
    }
    m_threads->flush();
    if (later)
        armTimer();
    if (!lost.isEmpty())
        Q_EMIT claimsLost(lost);
    checkIdle();
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
        if (m_fleet && host.held > host.keep) {
            // Another engine waits with none of this host's slots: this one goes to it.
            --host.held;
            ++m_slotsToGive[destination];
            armSlots(0);
        }
        // The slot goes to the next attempt waiting for the same host...
        while (!host.waiting.isEmpty() && host.inFlight < slotLimit(host)
               && m_inFlight < m_settings.maxInFlight) {
            dispatch(host.waiting.dequeue());
        }
        if (m_pollSkipped && host.waiting.size() <= skipWaitingAt() / 2)
            armPoll(0);
        if (host.inFlight == 0 && host.waiting.isEmpty() && host.held == 0)
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

void DeliveryEngine::recordLater(PendingWrite write)
{
    m_unwritten.insert(write.result.attempt.deliveryId);
    m_pendingWrites.push_back(std::move(write));
    if (m_pendingWrites.size() >= MaxBatch)
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
    m_unwritten.clear();
    QList<Outbox::AttemptResult> results;
    results.reserve(qsizetype(writes.size()));
    for (const PendingWrite &write : writes)
        results.append(write.result);
    QStringList lost;
    QString error;
    if (!m_outbox.recordAttempts(results, m_claim, &lost, &error) && m_outbox.isReconnecting()
        && !m_draining) {
        // A lost connection being opened again: the results wait here and are written later
        // (should this process die meanwhile, their deliveries are sent again once their leases
        // expire, with the same webhook-id).
        Q_EMIT storageUnavailable(error);
        for (const PendingWrite &write : writes)
            m_unwritten.insert(write.result.attempt.deliveryId);
        writes.insert(writes.end(), std::make_move_iterator(m_pendingWrites.begin()),
                      std::make_move_iterator(m_pendingWrites.end()));
        m_pendingWrites = std::move(writes);
        m_flushTimer.start(m_settings.pollMs);
        return;
    }
    if (!error.isEmpty()) {
        QStringList unrecorded;
        for (const PendingWrite &write : writes)
            unrecorded.append(write.result.attempt.deliveryId);
        stop(error, unrecorded);
        checkIdle();
        return;
    }
    for (const PendingWrite &write : writes) {
        if (write.finished && !lost.contains(write.finished->id))
            Q_EMIT deliveryFinished(*write.finished);
    }
    if (!lost.isEmpty()) {
        for (const QString &id : std::as_const(lost)) {
            // Another engine holds it now: nothing more of it is ours to do.
            if (const auto it = m_active.find(id);
                it != m_active.end() && it->state == State::Scheduled) {
                m_active.erase(it);
            }
        }
        Q_EMIT claimsLost(lost);
    }
    if (m_fromOutbox && !m_pollTimer.isActive())
        armPoll(0); // a retry given back may be due before the next look
    checkIdle();
    checkDrained();
}

// A destination with this many attempts waiting here is left out of claims, so that one slow
// destination cannot fill this engine's capacity while others wait in the outbox; once its queue
// is down to half, the outbox is looked at again. Large enough for claims to come in batches.
qsizetype DeliveryEngine::skipWaitingAt() const
{
    return std::max<qsizetype>(64, 8 * qsizetype(m_settings.maxPerHost));
}

void DeliveryEngine::armPoll(int delayMs)
{
    if (!m_fromOutbox || m_failed || m_draining)
        return;
    if (m_pollTimer.isActive() && m_pollTimer.remainingTime() <= delayMs)
        return;
    m_pollTimer.start(delayMs);
}

void DeliveryEngine::pollOutbox()
{
    if (!m_fromOutbox || m_failed || m_draining)
        return;
    readSharedBreakers(false);
    if (m_failed)
        return;
    const qsizetype room = 2 * qsizetype(m_settings.maxInFlight) - m_active.size();
    const int limit = int(std::min<qsizetype>(room, m_settings.claimBatch));
    int claimedCount = 0;
    QString error;
    if (limit > 0) {
        Outbox::ClaimRequest request;
        request.limit = limit;
        request.now = QDateTime::currentDateTimeUtc();
        // A destination with enough attempts waiting here is left to later (or to others), so
        // that deliveries to other hosts are not held up behind it.
        for (auto host = m_hosts.cbegin(); host != m_hosts.cend(); ++host) {
            if (host->waiting.size() >= skipWaitingAt())
                request.skipDestinations.append(host.key());
        }
        // Nor are deliveries to a destination whose breaker holds them back.
        const qint64 now = nowMs();
        const QHash<QString, CircuitBreaker::State> circuits = m_breaker.states();
        for (auto circuit = circuits.cbegin(); circuit != circuits.cend(); ++circuit) {
            if (circuit.value() == CircuitBreaker::State::HalfOpen
                || m_breaker.reopensAt(circuit.key()) > now) {
                request.skipDestinations.append(circuit.key());
            }
        }
        const std::optional<QList<Delivery>> claimed = m_outbox.claimDue(request, m_claim, &error);
        if (!claimed && m_outbox.isReconnecting()) {
            Q_EMIT storageUnavailable(error);
            armPoll(m_settings.pollMs);
            return;
        }
        if (!claimed) {
            stop(error, {});
            checkIdle();
            return;
        }
        claimedCount = int(claimed->size());
        for (const Delivery &delivery : *claimed) {
            if (!m_active.contains(delivery.id))
                activate(delivery);
        }
        armTimer();
        m_pollSkipped = !request.skipDestinations.isEmpty();
    }
    m_pollStarved = limit <= 0 || claimedCount == limit;
    if (m_pollStarved) {
        m_outboxEmpty = false;
        if (limit > 0)
            armPoll(0); // there may be more due already
        checkIdle();
        return;
    }
    const std::optional<QDateTime> due = m_outbox.nextDue(m_claim, &error);
    if (!error.isEmpty() && m_outbox.isReconnecting()) {
        Q_EMIT storageUnavailable(error);
        armPoll(m_settings.pollMs);
        return;
    }
    if (!error.isEmpty()) {
        stop(error, {});
        checkIdle();
        return;
    }
    m_outboxEmpty = !due.has_value() && !m_pollSkipped;
    qint64 wait =
        due ? std::max<qint64>(0, due->toMSecsSinceEpoch() - nowMs()) : qint64(m_settings.pollMs);
    // What is due now may be only the left-out destinations' (nextDue does not leave them out):
    // a slot of theirs coming free looks again (releaseSlot); this is the backstop.
    if (m_pollSkipped && wait == 0)
        wait = m_settings.pollMs;
    // Due now but nothing claimable: with a coordination, deliveries to a destination whose
    // breaker another engine opened (the claim leaves them out) until it is read here.
    if (m_fleet && claimedCount == 0 && wait == 0)
        wait = BreakerReadMs;
    armPoll(int(std::min<qint64>(wait, m_settings.pollMs)));
    checkIdle();
}

void DeliveryEngine::renewClaims()
{
    if (m_active.isEmpty()) {
        m_renewTimer.stop();
        return;
    }
    QString error;
    if (!m_outbox.renewClaims(m_claim, QDateTime::currentDateTimeUtc(), &error)) {
        if (m_outbox.isReconnecting()) {
            // The next renewal tries again; the leases outlast several of them.
            Q_EMIT storageUnavailable(error);
            return;
        }
        stop(error, {});
        checkIdle();
        return;
    }
    if (!m_fleet)
        return;
    // The slots' leases too; a slot another engine took over (this one's lease had run out) is
    // no longer this engine's to use.
    const std::optional<QHash<QString, int>> held = m_fleet->renewSlots(m_claim, nowMs(), &error);
    if (!held) {
        coordinationFailed(error);
        return;
    }
    for (auto it = m_hosts.begin(); it != m_hosts.end(); ++it)
        it->held = std::min(it->held, held->value(it.key()));
}

void DeliveryEngine::holdForBreaker(const QString &id)
{
    const auto it = m_active.find(id);
    if (it == m_active.end())
        return;
    if (m_fromOutbox) {
        // Back to the outbox; claims skip the destination until its breaker lets a probe by.
        const qint64 wait = m_breaker.reopensAt(it->destination) - nowMs();
        giveBack({id});
        armPoll(int(std::clamp<qint64>(wait, 0, m_settings.pollMs)));
        return;
    }
    it->state = State::Scheduled;
    schedule(id, std::max(m_breaker.reopensAt(it->destination), nowMs() + 1000));
    armTimer();
}

void DeliveryEngine::giveBack(const QStringList &ids)
{
    if (ids.isEmpty())
        return;
    // A claim whose last attempt is still waiting to be recorded is marked as sending, and the
    // outbox keeps such claims; the attempt is written first, or the delivery would stay claimed
    // (and its lease renewed) by an engine that no longer has it.
    const auto unwritten = [this](const QString &id) { return m_unwritten.contains(id); };
    if (std::any_of(ids.cbegin(), ids.cend(), unwritten)) {
        flushHistory();
        if (m_failed)
            return;
    }
    // Still unwritten (the storage is being reconnected): kept here, and given back later.
    QStringList release;
    for (const QString &id : ids) {
        if (!unwritten(id)) {
            release.append(id);
        } else if (const auto it = m_active.find(id); it != m_active.end()) {
            it->state = State::Scheduled;
            schedule(id, nowMs() + m_settings.pollMs);
            armTimer();
        }
    }
    QString error;
    if (!m_outbox.releaseClaims(release, m_claim, &error)) {
        stop(error, {});
        return;
    }
    for (const QString &id : std::as_const(release))
        m_active.remove(id);
    checkIdle();
}

void DeliveryEngine::drain()
{
    if (m_draining)
        return;
    m_draining = true;
    m_pollTimer.stop();
    m_timer.stop();
    m_schedule.clear();
    m_waitingForSlot.clear();
    for (Host &host : m_hosts)
        host.waiting.clear();
    // Prepared but not started: their slots are given up with them.
    for (const Start &start : m_starts) {
        if (const auto it = m_active.constFind(start.id); it != m_active.cend()) {
            --m_inFlight;
            --m_hosts[it->destination].inFlight;
        }
    }
    m_starts.clear();
    m_startTimer.stop();
    QStringList waiting;
    for (auto it = m_active.cbegin(); it != m_active.cend(); ++it) {
        if (it->state != State::InFlight)
            waiting.append(it.key());
    }
    if (!m_failed)
        giveBack(waiting);
    flushHistory();
    if (m_fleet)
        armSlots(0); // slots nothing waits for any more go back
    checkDrained();
}

void DeliveryEngine::checkDrained()
{
    if (m_draining && m_active.isEmpty() && m_pendingWrites.empty())
        QMetaObject::invokeMethod(this, &DeliveryEngine::drained, Qt::QueuedConnection);
}

void DeliveryEngine::stop(const QString &error, const QStringList &unrecorded)
{
    if (!m_failed) {
        m_failed = true;
        m_pollTimer.stop();
        m_renewTimer.stop();
        m_timer.stop();
        m_schedule.clear();
        // Everything not in flight stays in the outbox as it is, for whoever continues it.
        for (auto it = m_active.begin(); it != m_active.end();) {
            if (it->state == State::InFlight)
                ++it;
            else
                it = m_active.erase(it);
        }
        for (Host &host : m_hosts)
            host.waiting.clear();
        m_waitingForSlot.clear();
    }
    Q_EMIT storageFailed(error, unrecorded);
}

Attempt DeliveryEngine::interruptedAttempt(const Active &active, const QString &why) const
{
    Attempt attempt;
    attempt.deliveryId = active.delivery.id;
    attempt.number = active.delivery.attemptCount + 1;
    attempt.startedAt = active.startedAt;
    attempt.durationMs = active.startedAt.msecsTo(QDateTime::currentDateTimeUtc());
    attempt.request = active.sent;
    attempt.requestBodySize = active.sent.body.size();
    attempt.request.body.truncate(Attempt::BodyCap);
    attempt.error = why;
    return attempt;
}

// The engine goes away: results waiting are written, attempts in flight are cut off and
// recorded as interrupted (they may have reached their receiver), and every other claim is
// given back so that any engine can continue at once.
void DeliveryEngine::shutDown()
{
    m_pollTimer.stop();
    m_renewTimer.stop();
    m_timer.stop();
    m_startTimer.stop();
    m_starts.clear();
    flushHistory();
    if (m_failed)
        return;
    QList<Outbox::AttemptResult> interrupted;
    QStringList waiting;
    for (auto it = m_active.cbegin(); it != m_active.cend(); ++it) {
        if (it->state != State::InFlight) {
            waiting.append(it.key());
            continue;
        }
        if (!m_sending.contains(it.key()))
            continue; // not sent (its result is on its way)
        Outbox::AttemptResult result;
        result.attempt = interruptedAttempt(
            *it, tr("Interrupted: the program stopped during this attempt; the receiver may "
                    "have received it (webhook-id %1).")
                     .arg(it.key()));
        const int number = result.attempt.number;
        if (number < it->delivery.retry.maxAttempts) {
            result.attempt.outcome = Attempt::Outcome::WillRetry;
            result.attempt.retryDelayMs = 0;
            result.status = DeliveryStatus::Pending;
            result.nextAttemptAt = QDateTime::currentDateTimeUtc();
        } else {
            result.attempt.outcome = Attempt::Outcome::Failed;
            result.status = DeliveryStatus::Failed;
        }
        result.release = true;
        interrupted.append(result);
    }
    // Attempts still on the wire are cut off; results already on their way are dropped.
    m_threads->stop();
    m_sending.clear();
    QString ignored; // nobody is left to tell: the next engine records what this one could not
    m_outbox.recordAttempts(interrupted, m_claim, nullptr, &ignored);
    m_outbox.releaseClaims(waiting, m_claim, &ignored);
    m_active.clear();
    if (m_fleet) {
        m_slotTimer.stop();
        QHash<QString, int> all;
        for (auto it = m_hosts.cbegin(); it != m_hosts.cend(); ++it)
            all.insert(it.key(), -1);
        for (auto it = m_slotsToGive.cbegin(); it != m_slotsToGive.cend(); ++it)
            all.insert(it.key(), -1);
        m_fleet->releaseSlots(all, m_claim, &ignored);
        m_hosts.clear();
        m_slotsToGive.clear();
    }
}

int DeliveryEngine::slotLimit(const Host &host) const
{
    return m_fleet ? std::min(host.held, m_settings.maxPerHost) : m_settings.maxPerHost;
}

void DeliveryEngine::armSlots(int delayMs)
{
    if (!m_fleet || m_failed)
        return;
    if (m_slotTimer.isActive() && m_slotTimer.remainingTime() <= delayMs)
        return;
    m_slotTimer.start(delayMs);
}

void DeliveryEngine::passSlots()
{
    if (!m_fleet || m_failed)
        return;
    const qint64 now = nowMs();
    // Slots unused since the last pass, with nothing waiting for them, go back.
    for (auto it = m_hosts.begin(); it != m_hosts.end(); ++it) {
        const int spare = it->held - it->inFlight;
        if (spare > 0 && it->waiting.isEmpty() && (it->spareSeen || m_draining)) {
            it->held -= spare;
            m_slotsToGive[it.key()] += spare;
            it->spareSeen = false;
        } else {
            it->spareSeen = spare > 0 && it->waiting.isEmpty();
        }
    }
    giveSlotsBack();
    if (m_failed)
        return;

    // Slots for the attempts waiting here; who else waits for them.
    QList<DestinationCoordination::SlotNeed> needs;
    for (auto it = m_hosts.cbegin(); it != m_hosts.cend(); ++it) {
        if (it->waiting.isEmpty() || m_draining)
            continue;
        DestinationCoordination::SlotNeed need;
        need.destination = it.key();
        const int useful =
            int(std::min<qsizetype>(m_settings.maxPerHost, it->inFlight + it->waiting.size()));
        need.more = now < it->yieldUntilMs ? 0 : std::max(0, useful - it->held);
        need.starved = it->held == 0;
        needs.append(need);
    }
    if (!needs.isEmpty()) {
        QString error;
        const std::optional<DestinationCoordination::SlotAnswer> answer =
            m_fleet->takeSlots(needs, m_settings.maxPerHost, m_claim, now, &error);
        if (!answer) {
            coordinationFailed(error);
            if (!m_failed)
                armSlots(m_settings.pollMs);
            return;
        }
        for (const DestinationCoordination::SlotNeed &need : std::as_const(needs)) {
            const auto it = m_hosts.find(need.destination);
            if (it == m_hosts.end())
                continue;
            it->held += answer->granted.value(need.destination);
            const int others = answer->starvedElsewhere.value(need.destination);
            if (others == 0) {
                it->keep = std::numeric_limits<int>::max();
            } else if (now >= it->yieldUntilMs && it->held > 0) {
                // Slots go to the engines that wait with none, one each, as attempts end.
                it->keep = std::max(0, it->held - others);
                it->yieldUntilMs = now + YieldMs;
            }
            // Unused slots above what to keep go at once.
            const int spare = std::min(it->held - it->inFlight, it->held - it->keep);
            if (spare > 0) {
                it->held -= spare;
                m_slotsToGive[need.destination] += spare;
            }
        }
        giveSlotsBack();
        for (const DestinationCoordination::SlotNeed &need : std::as_const(needs))
            dispatchWaiting(need.destination);
    }
    // Again while attempts wait or slots lie unused.
    const bool again = !m_slotsToGive.isEmpty()
                       || std::any_of(m_hosts.cbegin(), m_hosts.cend(), [](const Host &host) {
                              return !host.waiting.isEmpty() || host.held > host.inFlight;
                          });
    if (again)
        armSlots(SlotPassMs);
    for (auto it = m_hosts.begin(); it != m_hosts.end();) {
        if (it->inFlight == 0 && it->waiting.isEmpty() && it->held == 0)
            it = m_hosts.erase(it);
        else
            ++it;
    }
}

void DeliveryEngine::giveSlotsBack()
{
    if (m_slotsToGive.isEmpty())
        return;
    QString error;
    if (!m_fleet->releaseSlots(m_slotsToGive, m_claim, &error)) {
        // Kept in mind and given back on a later pass.
        coordinationFailed(error);
        armSlots(m_settings.pollMs);
        return;
    }
    m_slotsToGive.clear();
}

void DeliveryEngine::dispatchWaiting(const QString &destination)
{
    for (;;) {
        const auto it = m_hosts.find(destination);
        if (it == m_hosts.end() || it->waiting.isEmpty() || it->inFlight >= slotLimit(*it)
            || m_inFlight >= m_settings.maxInFlight || m_failed || m_draining) {
            return;
        }
        dispatch(it->waiting.dequeue());
    }
}

bool DeliveryEngine::sharesBreakers() const
{
    return m_fleet && m_settings.breaker.failureThreshold > 0;
}

void DeliveryEngine::readSharedBreakers(bool now)
{
    if (!sharesBreakers())
        return;
    const qint64 at = nowMs();
    if (!now && at - m_breakersReadAtMs < BreakerReadMs)
        return;
    m_breakersReadAtMs = at;
    QString error;
    const std::optional<QList<DestinationCoordination::Breaker>> shared =
        m_fleet->openBreakers(at, &error);
    if (!shared) {
        coordinationFailed(error);
        return;
    }
    QSet<QString> open;
    for (const DestinationCoordination::Breaker &breaker : *shared) {
        open.insert(breaker.destination);
        if (m_breaker.adoptOpen(breaker.destination, breaker.reopensAtMs, breaker.coolDownMs,
                                breaker.failures)) {
            Q_EMIT circuitChanged(breaker.destination, CircuitBreaker::State::Open);
        }
    }
    // Every breaker opened here is shared: one open here that the others no longer list was
    // closed by a success elsewhere.
    const QHash<QString, CircuitBreaker::State> states = m_breaker.states();
    for (auto it = states.cbegin(); it != states.cend(); ++it) {
        if (it.value() == CircuitBreaker::State::Open && !open.contains(it.key())) {
            m_breaker.recordSuccess(it.key());
            Q_EMIT circuitChanged(it.key(), CircuitBreaker::State::Closed);
        }
    }
}

void DeliveryEngine::shareBreakerChange(const QString &destination)
{
    if (!sharesBreakers())
        return;
    QString error;
    bool ok = true;
    if (m_breaker.state(destination) == CircuitBreaker::State::Open) {
        ok = m_fleet->openBreaker({destination, m_breaker.failures(destination),
                                   m_breaker.coolDown(destination),
                                   m_breaker.reopensAt(destination)},
                                  m_claim, &error);
    } else if (m_breaker.state(destination) == CircuitBreaker::State::Closed) {
        ok = m_fleet->closeBreaker(destination, &error);
    }
    if (!ok)
        coordinationFailed(error);
}

// Sharing a destination's slots or breaker failed (a lost connection, a deadlock between two
// servers): nothing of the outbox is lost, so the engine goes on with what it holds and tries
// again later; a storage that cannot be written stops it through the outbox's own writes.
void DeliveryEngine::coordinationFailed(const QString &error)
{
    Q_EMIT storageUnavailable(error);
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
