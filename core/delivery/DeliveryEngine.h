#pragma once

#include "delivery/CircuitBreaker.h"
#include "delivery/Delivery.h"
#include "delivery/DeliveryThreads.h"
#include "delivery/HttpAttempt.h"
#include "outbox/DestinationCoordination.h"
#include "outbox/Outbox.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QQueue>
#include <QRandomGenerator>
#include <QSet>
#include <QTimer>

#include <limits>
#include <map>
#include <vector>

namespace Kanca {

class SecretProvider;
class StorageThread;

// Sends deliveries and remembers everything it did. Fully asynchronous on the thread it lives
// in: many deliveries in flight, a bounded number per host, each attempt with its timeout, and
// retries with exponential backoff and full jitter (or the receiver's Retry-After).
//
// The outbox comes first (see Outbox): submit() commits deliveries, claimed by this engine,
// before their first attempt; every attempt is marked as started before its request leaves,
// and its result is committed (in small batches, a few milliseconds apart) before the delivery
// is reported finished. With sendFromOutbox(), the engine also claims every due delivery of the
// outbox that no live engine holds, now and as they come due: what a crash, an interrupted
// `kanca send` or another program left. Any number of engines may share one outbox; each
// delivery is sent by one at a time, and only an attempt in flight when its engine died can
// reach a receiver twice (recorded as interrupted by the engine that takes over).
//
// Engines in several processes (servers sharing one PostgreSQL outbox) hold each destination's
// limits together where the outbox offers it (Outbox::destinationCoordination()): an attempt
// needs one of the destination's maxPerHost slots, held by this engine with a lease, so that the
// whole fleet has at most maxPerHost attempts in flight to it; slots are taken for attempts
// waiting and given back when unused or when another engine waits with none. A breaker opened
// by one engine holds the others' deliveries too, one engine sends its probe, and a success
// anywhere closes it. Without it (SQLite) both are this engine's own.
//
// The HTTP exchanges run on Settings::deliveryThreads threads (see DeliveryThreads), each
// destination on one of them; everything that touches the outbox (claims, starts, results,
// leases) and the limits and breakers stay on the engine's own thread, with its one connection:
// one writer. With one delivery thread, the exchanges run on the engine's thread too.
//
// Start ahead: an engine starts more attempts than maxPerHost to a destination whose last attempt
// succeeded (in a fleet, twice the slots it holds, while no other engine waits with none; the
// delivery thread keeps only as many on the wire as it holds slots). Their starts are committed
// together; the delivery thread keeps maxPerHost of them on the wire and sends the next the moment
// one ends, so a destination's connections do not stand idle while this thread is busy (a server's
// group commit, a batch of results written) between an answer and the next start. How many, outside
// a fleet: as many again as on the wire; with delivery threads of their own (deliveryThreads other
// than 1), as many as the destination answered in the last AheadMs (25 ms) if that is more,
// measured over at least 50 ms, at most MaxAhead (256), and no more than twice the limit while
// deliveries wait for a slot of maxInFlight; the pace is kept through a pause of up to a second
// with nothing in flight to the destination (not counted as its silence), and counted anew after a
// longer one. Only maxPerHost requests are ever on the wire to one destination; an attempt waiting
// there counts as started, so if the process dies then, it is recorded as interrupted (and sent
// again with the same webhook-id), as one on the wire would be; an engine that stops in order gives
// such attempts back unsent (Outbox::releaseUnsent). A receiver that starts failing may get the
// attempts already started ahead to it (what it answered in about 25 ms, or maxPerHost), once:
// after a failure, no more are started ahead to it until it succeeds again.
//
// Results in turn: the attempts that ended in one turn of a delivery thread's event loop come to
// this thread together. Their results wait for the next batch to be written (every
// historyBatchMs, or as soon as MaxBatch wait), and the attempts that take their slots are
// started as they are taken: their starts committed and handed to the delivery threads before
// anything else this thread has queued meanwhile (a group of new deliveries to commit, a batch of
// results to write, another thread's results). A full batch is written after those starts, not
// before them.
//
// When the outbox cannot be written (a full disk, a read-only file, an I/O error), the engine
// stops at once: it starts no attempt and claims nothing more, lets the attempts in flight end,
// and reports with storageFailed() which deliveries may be sent again.
class DeliveryEngine final : public QObject
{
    Q_OBJECT

public:
    struct Settings
    {
        int maxPerHost = 6;     // requests on the wire to one scheme://host:port
        int maxInFlight = 512;  // attempts in flight overall
        bool allowHttp2 = true; // false forces HTTP/1.1
        // Threads the HTTP exchanges run on (0: one per core; 1: the engine's own thread).
        // Taken when the first attempt starts.
        int deliveryThreads = 0;
        int historyBatchMs = 10; // how long attempt results may wait to be committed together
        qint64 leaseMs = 60'000; // a claim's lease (at least an attempt's timeout + a margin)
        int pollMs = 1'000;      // sendFromOutbox(): how often to look for work committed elsewhere
        int claimBatch = 256;    // deliveries claimed at most at once
        // sendFromOutbox(): a retry due later than this is given back to the outbox meanwhile.
        qint64 keepRetriesWithinMs = 5'000;
        // Per destination; off (threshold 0) unless set, as for `kanca send`, whose retries
        // follow their own backoff.
        CircuitBreaker::Settings breaker{0, 30'000, 600'000};
    };

    DeliveryEngine(Outbox &outbox, const SecretProvider &secrets, QObject *parent = nullptr);
    ~DeliveryEngine() override;

    void setSettings(const Settings &settings);
    const Settings &settings() const { return m_settings; }
    // Records the results of attempts on `thread` (a connection of its own to the same outbox,
    // started; it must outlive this engine) while this thread goes on: a write in flight at a
    // time, the results that come meanwhile in the next. A delivery whose last result is still
    // being written is not started again, nor given back, until it is written. Draining or
    // going away, the engine writes on its own thread again, the write in flight ended first.
    void setHistoryThread(StorageThread *thread) { m_historyThread = thread; }

    // Commits the deliveries to the outbox (all or none), claimed by this engine, then sends
    // them. On failure nothing is sent and `error` says why.
    bool submit(const QList<Delivery> &deliveries, QString *error);

    // For deliveries committed by someone else (a server commits an event and its deliveries
    // in one transaction): the claim to commit them under so that this engine sends them at
    // once (then adopt() them), or null when it has no room for more: they are then committed
    // unclaimed and taken from the outbox as room frees.
    const Outbox::Claim *claimForNew() const;
    // Sends deliveries committed under claimForNew().
    void adopt(const QList<Delivery> &deliveries);

    // Deliveries were committed unclaimed (claimForNew() had no room): the outbox is looked at
    // again at once, unless this engine could not take them now anyway (it is full, or their
    // destinations already have enough waiting here), in which case the look comes as room frees.
    // Needs sendFromOutbox().
    void workCommitted(const QList<Delivery> &deliveries);

    // From now on, also sends every delivery of the outbox that comes due and that no live
    // engine holds. Returns false (and says why) when the outbox cannot be read.
    bool sendFromOutbox(QString *error);

    // Stops taking work, to stop the program gracefully: nothing more is claimed or started,
    // deliveries waiting here are given back to the outbox (claimable by anyone at once), and
    // attempts in flight go on; drained() follows once they have ended and are recorded.
    void drain();
    bool isDraining() const { return m_draining; }

    // Deliveries claimed here: scheduled, waiting for a slot or in flight.
    qsizetype activeCount() const { return m_active.size(); }
    // Attempts started and not yet ended: on the wire, or waiting on their delivery thread for
    // one of their destination's connections (see Start ahead above).
    qsizetype inFlightCount() const { return m_sending.size(); }
    // The destinations whose breaker is not closed.
    QHash<QString, CircuitBreaker::State> circuitStates() const { return m_breaker.states(); }
    // Nothing claimed here, nothing waiting to be written, and (after sendFromOutbox()) nothing
    // in the outbox that this engine could claim, now or later.
    bool isIdle() const;
    bool hasFailed() const { return m_failed; }
    const Outbox::Claim &claim() const { return m_claim; }
    // The threads the HTTP exchanges run on (started with the first attempt).
    DeliveryThreads &deliveryThreads() { return *m_threads; }

Q_SIGNALS:
    void attemptRecorded(const Kanca::Attempt &attempt);
    void deliveryFinished(const Kanca::Delivery &delivery); // succeeded or failed for good
    void idle();
    // The outbox could not be written; the engine stopped. `unrecorded` are the deliveries
    // whose last attempt may have been sent without its result being recorded: they will be
    // sent again (with the same webhook-id) by whoever continues them.
    void storageFailed(const QString &error, const QStringList &unrecorded);
    // The outbox could not be read because its connection was lost (Outbox::isReconnecting());
    // the engine looks again every pollMs, sending what it already holds meanwhile.
    void storageUnavailable(const QString &error);
    // Another engine took these deliveries over (this engine's lease had expired): the results
    // of their last attempts here were not recorded.
    void claimsLost(const QStringList &deliveryIds);
    // A destination's breaker opened, went half-open (its probe) or closed again.
    void circuitChanged(const QString &destination, Kanca::CircuitBreaker::State state);
    void drained();

private:
    // With a coordination: how often slots are asked for while attempts wait for them (and unused
    // ones looked for), how long an engine that gave slots up for others takes none, and how
    // often the breakers other engines opened are read.
    static constexpr int SlotPassMs = 100;
    static constexpr qint64 YieldMs = 5 * SlotPassMs;
    static constexpr qint64 BreakerReadMs = 200;
    // Start ahead with delivery threads of their own: as many attempts as the destination
    // answers in AheadMs (its rate over at least AnswerRateMs), at most MaxAhead, at least the
    // limit on the wire.
    static constexpr qint64 AheadMs = 25;
    static constexpr qint64 AnswerRateMs = 50;
    static constexpr int MaxAhead = 256;
    static constexpr qint64 KeepPaceMs = 1000;
    // At most this many results wait to be written together.
    static constexpr std::size_t MaxBatch = 500;
    static qint64 nowMs() { return QDateTime::currentMSecsSinceEpoch(); }

    enum class State { Scheduled, Waiting, Starting, InFlight };
    struct Active
    {
        Delivery delivery;
        QString destination;
        State state = State::Scheduled;
        QDateTime startedAt;  // Starting, InFlight: of the current attempt
        RenderedRequest sent; // Starting, InFlight: as the history keeps it (secrets masked)
    };
    // A destination's successes counted since sinceMs (a monotonic clock's; -1: none yet), and
    // how many it answered in AheadMs in the last window measured (see countAnswer()).
    struct AnswerPace
    {
        int answers = 0;
        qint64 sinceMs = -1;
        int answeredInAheadMs = 0;
        qint64 pausedSinceMs = -1; // since when nothing is in flight to it (-1: something is)
    };
    struct Host
    {
        int inFlight = 0;
        QQueue<QString> waiting;
        // With a coordination: the fleet's slots held here, those to keep (slots above it go
        // back as attempts end: other engines wait with none), and until when no more are taken
        // after giving some up for them.
        int held = 0;
        int keep = std::numeric_limits<int>::max();
        qint64 yieldUntilMs = 0;
        bool spareSeen = false; // held but unused, nothing waiting, at the last pass
        // Attempts started to it (on the wire or waiting on their delivery thread), or waiting
        // here for a slot.
        bool hasAttempts() const { return inFlight > 0 || !waiting.isEmpty(); }
    };
    struct Start
    {
        QString id;
        RenderedRequest request; // with credentials
    };
    struct PendingWrite
    {
        Outbox::AttemptResult result;
        std::optional<Delivery> finished; // reported once the write is committed
    };
    // What a write of results came to.
    struct Written
    {
        bool ok = false;
        bool reconnecting = false; // failed as the connection is being opened again
        QStringList lost;
        QString error;
    };
    // Records `results` in `outbox` (this thread's, or the history thread's).
    static Written recordIn(Outbox &outbox, const QList<Outbox::AttemptResult> &results,
                            const Outbox::Claim &claim);
    // After a write (on this thread or the history thread): its deliveries reported, or the
    // results kept to be written again, or the engine stopped.
    void written(std::vector<PendingWrite> writes, const Written &outcome);
    bool writing() const;

    void activate(const Delivery &delivery);
    void schedule(const QString &id, qint64 dueMs);
    void armTimer();
    void runDue();
    void dispatch(const QString &id);
    void prepareAttempt(Active &active);
    void startPrepared();
    // The attempts that ended in one turn of a delivery thread (see Results in turn above).
    void attemptsSent(const QList<DeliverySender::Ended> &ended);
    void attemptSent(const QString &id, const HttpAttempt::Result &result);
    void attemptFinished(const QString &id, int number, const QDateTime &startedAt,
                         const RenderedRequest &sent, const HttpAttempt::Result &result);
    void releaseSlot(const QString &destination);
    // How many attempts may be started to the host from here (on the wire, or waiting on their
    // delivery thread for one of its connections).
    int slotLimit(const QString &destination, const Host &host) const;
    // Whether attempts are started ahead at the destination's pace: with delivery threads of
    // their own, outside a fleet (see Start ahead above).
    bool startsAheadAtPace() const;
    // How many attempts are started ahead, beyond the maxPerHost on the wire, to a destination
    // that answers (outside a fleet; see Start ahead above).
    int aheadOf(const AnswerPace &pace) const;
    // A success from the destination: its rate of answers, for aheadOf().
    static void countAnswer(AnswerPace &pace);
    // Nothing in flight to the destination any more, and again: the time between is this
    // engine's silence, not the destination's, and its pace is kept through up to KeepPaceMs.
    void pausePace(const QString &destination);
    void resumePace(const QString &destination);
    // How many of a destination's attempts the delivery thread keeps on the wire at once:
    // maxPerHost, or in a fleet the slots held.
    int onWireLimit(const QString &destination) const;
    // With a coordination: takes slots for the hosts with attempts waiting, gives back those
    // unused, and hears who else waits; then again every SlotPassMs while there is need.
    void armSlots(int delayMs);
    void passSlots();
    void giveSlotsBack();
    void dispatchWaiting(const QString &destination);
    // With a coordination: the breakers other engines opened (at most every BreakerReadMs).
    void readSharedBreakers(bool now);
    bool sharesBreakers() const;
    void shareBreakerChange(const QString &destination);
    void coordinationFailed(const QString &error);
    void recordLater(PendingWrite write);
    void flushHistory();
    void pollOutbox();
    void armPoll(int delayMs);
    qsizetype skipWaitingAt() const;
    void renewClaims();
    void stop(const QString &error, const QStringList &unrecorded);
    // Gives deliveries claimed here back to the outbox unsent (a breaker is open, or the engine
    // drains); they leave this engine.
    void giveBack(const QStringList &ids);
    void holdForBreaker(const QString &id);
    void checkDrained();
    void shutDown();
    Attempt interruptedAttempt(const Active &active, const QString &why) const;
    void checkIdle();

    Outbox &m_outbox;
    const SecretProvider &m_secrets;
    Settings m_settings;
    Outbox::Claim m_claim;
    DeliveryThreads *m_threads;
    QRandomGenerator m_random;

    QHash<QString, Active> m_active;
    std::multimap<qint64, QString> m_schedule; // due time (ms since epoch) -> delivery id
    QTimer m_timer;
    QHash<QString, Host> m_hosts;
    QQueue<QString> m_waitingForSlot; // over maxInFlight
    int m_inFlight = 0;

    std::vector<Start> m_starts; // slot taken, waiting for their start to be committed
    QTimer m_startTimer;

    std::vector<PendingWrite> m_pendingWrites;
    bool m_takingResults = false; // in attemptsSent(): a full batch waits for its starts
    QSet<QString> m_unwritten;    // the deliveries of m_pendingWrites and of the write in flight
    StorageThread *m_historyThread = nullptr;
    bool m_shuttingDown = false; // shutDown(): the last results are written on this thread
    QTimer m_flushTimer;

    QSet<QString> m_sending; // the deliveries whose attempts are started and not yet ended
    // The destinations whose last attempt succeeded: attempts to them are started ahead (see
    // Start ahead above), with the pace counted while startsAheadAtPace(): kept while nothing is
    // in flight to them (m_hosts forgets a host then), forgotten at a failure, and all at once
    // past MaxAnswering.
    static constexpr qsizetype MaxAnswering = 4096;
    QHash<QString, AnswerPace> m_answering;

    bool m_fromOutbox = false;
    bool m_pollStarved = false; // the last look stopped at this engine's capacity
    // The last look left destinations out (enough of theirs waiting here): look again as soon
    // as one of them has room, rather than on the polling backstop.
    bool m_pollSkipped = false;
    bool m_outboxEmpty = false; // the last look found nothing claimable, now or later
    QTimer m_pollTimer;
    QTimer m_renewTimer;
    bool m_failed = false;
    bool m_draining = false;
    CircuitBreaker m_breaker;

    DestinationCoordination *m_fleet = nullptr; // null: limits and breaker are this engine's
    QTimer m_slotTimer;
    QHash<QString, int> m_slotsToGive; // slots given up here, not yet written back
    qint64 m_breakersReadAtMs = 0;
};

} // namespace Kanca
