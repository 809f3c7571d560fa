// Claim throughput alone: how many deliveries per second the outbox lets engines claim, mark as
// started and complete, with no HTTP at all (an instant receiver). Each claimer does what a
// delivery engine does per batch, on a connection of its own: claimDue (FOR UPDATE SKIP LOCKED on
// PostgreSQL), startAttempts, then recordAttempts with the attempts succeeded. Several claimers
// (threads, each with its own storage) share one outbox as several servers do.
//
//   kanca_bench_claims --db FILE|URL [--deliveries N] [--claimers K] [--batch B]
//
// The outbox must be empty (a new file or database). Prints:
// inserted_per_s=R completed_per_s=R claimers=K batch=B double_claims=D left=L
#include "BenchUtil.h"
#include "delivery/Delivery.h"
#include "outbox/OpenStorage.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QHash>
#include <QMutex>
#include <QTextStream>
#include <QThread>

#include <atomic>

using namespace Kanca;
using namespace Qt::StringLiterals;

namespace {

constexpr qsizetype InsertBatch = 500;

Outbox::AttemptResult succeeded(const Delivery &delivery, const QDateTime &startedAt)
{
    Outbox::AttemptResult result;
    Attempt &a = result.attempt;
    a.deliveryId = delivery.id;
    a.number = 1;
    a.startedAt = startedAt;
    a.durationMs = 1;
    a.request = delivery.request;
    a.requestBodySize = a.request.body.size();
    a.httpStatus = 200;
    a.responseHeaders = {{u"Content-Length"_s, u"2"_s, false}};
    a.responseBody = "ok";
    a.responseBodySize = 2;
    a.outcome = Attempt::Outcome::Succeeded;
    result.status = DeliveryStatus::Succeeded;
    return result;
}

// What the claimers share: the ids each delivery was completed by (a second completion is a
// double claim), and the first error.
struct Tally
{
    QMutex mutex;
    QHash<QString, int> completions;
    QString error;
    std::atomic<bool> failed{false};

    void fail(const QString &message)
    {
        const QMutexLocker lock(&mutex);
        if (error.isEmpty())
            error = message;
        failed = true;
    }
};

// One claimer: claims, starts and completes batches until nothing is left to claim.
void claimUntilEmpty(const QString &where, int index, int batch, Tally *tally)
{
    QString error;
    const std::unique_ptr<OutboxStorage> storage = OpenStorage::open(where, {}, &error);
    if (!storage) {
        tally->fail(error);
        return;
    }
    const Outbox::Claim claim{u"bench-claimer-%1"_s.arg(index), 600'000};
    while (!tally->failed) {
        Outbox::ClaimRequest request;
        request.limit = batch;
        request.now = QDateTime::currentDateTimeUtc();
        const std::optional<QList<Delivery>> claimed = storage->claimDue(request, claim, &error);
        if (!claimed) {
            tally->fail(error);
            return;
        }
        if (claimed->isEmpty())
            return;
        const QDateTime startedAt = QDateTime::currentDateTimeUtc();
        QList<Outbox::AttemptStart> starts;
        QList<Outbox::AttemptResult> results;
        starts.reserve(claimed->size());
        results.reserve(claimed->size());
        for (const Delivery &delivery : *claimed) {
            starts.append({delivery.id, 1, startedAt});
            results.append(succeeded(delivery, startedAt));
        }
        QStringList lost;
        if (!storage->startAttempts(starts, claim, &lost, &error)
            || !storage->recordAttempts(results, claim, &lost, &error)) {
            tally->fail(error);
            return;
        }
        const QMutexLocker lock(&tally->mutex);
        for (const Delivery &delivery : *claimed) {
            if (!lost.contains(delivery.id))
                ++tally->completions[delivery.id];
        }
    }
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    QTextStream err(stderr);
    QCommandLineParser parser;
    const QCommandLineOption dbOption(u"db"_s, QString(), u"WHERE"_s);
    const QCommandLineOption deliveriesOption(u"deliveries"_s, QString(), u"N"_s, u"20000"_s);
    const QCommandLineOption claimersOption(u"claimers"_s, QString(), u"K"_s, u"1"_s);
    const QCommandLineOption batchOption(u"batch"_s, QString(), u"B"_s, u"100"_s);
    parser.addOptions({dbOption, deliveriesOption, claimersOption, batchOption});
    parser.process(app);
    const QString where = parser.value(dbOption);
    const qsizetype count = parser.value(deliveriesOption).toLongLong();
    const int claimers = parser.value(claimersOption).toInt();
    const int batch = parser.value(batchOption).toInt();
    if (where.isEmpty() || count <= 0 || claimers <= 0 || batch <= 0) {
        err << "usage: kanca_bench_claims --db FILE|URL [--deliveries N] [--claimers K] "
               "[--batch B]\n";
        return 2;
    }

    QString error;
    const QList<Delivery> deliveries = Bench::makeDeliveries(count, 10);
    double insertedPerSecond = 0;
    {
        const std::unique_ptr<OutboxStorage> storage = OpenStorage::open(where, {}, &error);
        if (!storage) {
            err << error << '\n';
            return 1;
        }
        const std::optional<Outbox::Depth> before = storage->depth(&error);
        if (!before || before->pending != 0) {
            err << (before ? u"the outbox is not empty: use a new file or database"_s : error)
                << '\n';
            return 1;
        }
        QElapsedTimer timer;
        timer.start();
        for (qsizetype i = 0; i < count; i += InsertBatch) {
            if (!storage->insertDeliveries(deliveries.mid(i, InsertBatch), nullptr, &error)) {
                err << error << '\n';
                return 1;
            }
        }
        insertedPerSecond = double(count) / (double(timer.nsecsElapsed()) / 1e9);
    }

    Tally tally;
    QList<QThread *> threads;
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < claimers; ++i) {
        threads.append(QThread::create(claimUntilEmpty, where, i, batch, &tally));
        threads.last()->start();
    }
    for (QThread *thread : std::as_const(threads)) {
        thread->wait();
        delete thread;
    }
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    if (tally.failed) {
        err << tally.error << '\n';
        return 1;
    }

    qsizetype doubles = 0;
    for (const int times : std::as_const(tally.completions))
        doubles += times - 1;
    const std::unique_ptr<OutboxStorage> storage = OpenStorage::open(where, {}, &error);
    const std::optional<Outbox::Depth> after = storage ? storage->depth(&error) : std::nullopt;
    if (!after) {
        err << error << '\n';
        return 1;
    }
    out << "inserted_per_s=" << qRound64(insertedPerSecond)
        << " completed_per_s=" << qRound64(double(tally.completions.size()) / seconds)
        << " claimers=" << claimers << " batch=" << batch << " double_claims=" << doubles
        << " left=" << after->pending << '\n';
    return doubles == 0 && after->pending == 0 && tally.completions.size() == count ? 0 : 1;
}
