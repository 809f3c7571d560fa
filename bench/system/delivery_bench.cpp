// Delivers N webhooks to one URL through the real DeliveryEngine and HistoryDatabase (a SQLite
// file), the path `kanca serve` takes for each event posted to it: the event read from its JSON
// text, its delivery planned and rendered by the compiled rule set, committed to the outbox
// before it is sent, and every attempt recorded.
//
//   kanca_bench_delivery --rules FILE --url URL [--url URL2 ...] --count N --connections C
//                        --db PATH [--threads T] [--rss-at N1,N2,...] [--body-out FILE]
//
// With several --url, the deliveries go to each in turn (C connections to each: its per-host
// limit); --threads is the engine's delivery threads (default 0: one per core).
//
// Deliveries are submitted in chunks (one outbox transaction each) while earlier ones are in
// flight, as a steady stream of events would arrive, so the engine holds a bounded window: at
// most 1,024 deliveries whose last attempt has not ended, as a server's engine holds at most
// twice maxInFlight (DeliveryEngine::claimForNew(); a delivery leaves it as its last attempt
// ends, before the result is written). Each chunk is planned and committed in a turn of the
// event loop of its own, one chunk a turn, as a server commits one group of posted events and
// their deliveries a turn (EventIngest): not inside the engine's turn that wrote the results
// that made room for it (docs/performance.md, round nineteen), and not two or four chunks in
// one turn (round twenty).
//
// Prints key=value lines: the rate with the CPU a delivery (this process's and the whole
// machine's, and the rate the machine would reach fully busy at that CPU a delivery), each
// thread's share of a core over the run, and the resident memory after the given numbers of
// finished deliveries.
#include "BenchUtil.h"
#include "catalog/Catalog.h"
#include "delivery/DeliveryEngine.h"
#include "dispatch/Dispatcher.h"
#include "engine/RuleSetLoader.h"
#include "engine/SecretProvider.h"
#include "event/EventParser.h"
#include "format/BoundedReader.h"
#include "history/HistoryDatabase.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QTextStream>

#include <cstdio>
#include <functional>
#include <memory>
#include <vector>

using namespace Kanca;
using namespace Qt::StringLiterals;

namespace {

constexpr int ChunkSize = 256;     // deliveries per outbox transaction
constexpr int ActiveWindow = 1024; // at most this many submitted and not yet finished

// Plans deliveries for the benchmark's one rule, one per event, as `kanca serve` does for each
// event posted to it: the event's JSON text (the catalog's sample event) read into its compact
// form by EventParser, then planned by the dispatch step, with the secrets checked.
class DeliveryFactory
{
public:
    DeliveryFactory(const CompiledRuleSet &rules, const SecretProvider &secrets)
        : m_dispatcher(rules, secrets)
        , m_eventText(
              QJsonDocument(Catalog::builtIn().sampleEvent(u"chat.opened", rules.ruleSet().locale))
                  .toJson(QJsonDocument::Compact))
    {}

    std::optional<Delivery> make(QString *error)
    {
        EventParser::Result event = m_parser.read(m_eventText, Catalog::builtIn());
        if (!event.event) {
            *error = event.problems.isEmpty() ? u"the sample event cannot be read"_s
                                              : event.problems.constFirst().message;
            return std::nullopt;
        }
        const DispatchPlan plan = m_dispatcher.plan(*event.event);
        const Problems problems = plan.blockingProblems();
        if (!problems.isEmpty()) {
            *error = problems.constFirst().message;
            return std::nullopt;
        }
        const QList<Delivery> deliveries = plan.deliveries();
        if (deliveries.isEmpty()) {
            *error = u"the benchmark's rule does not match its event"_s;
            return std::nullopt;
        }
        return deliveries.constFirst();
    }

private:
    Dispatcher m_dispatcher;
    QByteArray m_eventText;
    EventParser m_parser;
};

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationVersion(u"bench"_s);
    QTextStream out(stdout);
    QTextStream err(stderr);

    QCommandLineParser parser;
    const QCommandLineOption rulesOption(u"rules"_s, QString(), u"FILE"_s);
    const QCommandLineOption urlOption(u"url"_s, QString(), u"URL"_s);
    const QCommandLineOption countOption(u"count"_s, QString(), u"N"_s, u"20000"_s);
    const QCommandLineOption connectionsOption(u"connections"_s, QString(), u"C"_s, u"6"_s);
    const QCommandLineOption dbOption(u"db"_s, QString(), u"PATH"_s);
    const QCommandLineOption threadsOption(u"threads"_s, QString(), u"T"_s, u"0"_s);
    const QCommandLineOption rssAtOption(u"rss-at"_s, QString(), u"LIST"_s);
    const QCommandLineOption bodyOutOption(u"body-out"_s, QString(), u"FILE"_s);
    parser.addOptions({rulesOption, urlOption, countOption, connectionsOption, dbOption,
                       threadsOption, rssAtOption, bodyOutOption});
    parser.process(app);

    QString error;
    const std::optional<QByteArray> text =
        BoundedReader::readFile(parser.value(rulesOption), &error);
    if (!text) {
        err << error << Qt::endl;
        return 1;
    }
    const EnvironmentSecrets secrets;
    // One rule set and factory per URL, used in turn.
    std::vector<RuleSetLoader::Result> loaded;
    std::vector<std::unique_ptr<DeliveryFactory>> factories;
    loaded.reserve(std::size_t(parser.values(urlOption).size())); // factories point into it
    for (const QString &url : parser.values(urlOption)) {
        const QByteArray json = QByteArray(*text).replace("__URL__", url.toUtf8());
        loaded.push_back(RuleSetLoader::load(json, Catalog::builtIn()));
        if (!loaded.back().ok()) {
            err << u"the benchmark rule set has problems"_s << Qt::endl;
            return 1;
        }
        factories.push_back(std::make_unique<DeliveryFactory>(*loaded.back().compiled, secrets));
    }
    if (factories.empty()) {
        err << u"name a --url"_s << Qt::endl;
        return 1;
    }
    DeliveryFactory &factory = *factories.front();

    if (parser.isSet(bodyOutOption)) {
        const std::optional<Delivery> sample = factory.make(&error);
        QFile body(parser.value(bodyOutOption));
        if (!sample || !body.open(QIODevice::WriteOnly)) {
            err << u"cannot write the body: "_s << error << Qt::endl;
            return 1;
        }
        body.write(sample->request.body);
        return 0;
    }

    const qint64 count = parser.value(countOption).toLongLong();
    QList<qint64> rssAt;
    for (const QString &n : parser.value(rssAtOption).split(u',', Qt::SkipEmptyParts))
        rssAt.append(n.toLongLong());

    HistoryDatabase history;
    if (!history.open(parser.value(dbOption), &error)) {
        err << error << Qt::endl;
        return 1;
    }
    DeliveryEngine engine(history, secrets);
    DeliveryEngine::Settings settings;
    settings.maxPerHost = parser.value(connectionsOption).toInt();
    settings.allowHttp2 = false;
    settings.deliveryThreads = parser.value(threadsOption).toInt();
    engine.setSettings(settings);

    qint64 submitted = 0;
    qint64 finished = 0;
    qint64 failed = 0;
    bool ok = true;
    const auto submitChunk = [&] {
        QList<Delivery> chunk;
        chunk.reserve(ChunkSize);
        while (chunk.size() < ChunkSize && submitted + chunk.size() < count) {
            const qint64 n = submitted + chunk.size();
            std::optional<Delivery> delivery =
                factories[std::size_t(n % qint64(factories.size()))]->make(&error);
            if (!delivery) {
                ok = false;
                return;
            }
            chunk.append(std::move(*delivery));
        }
        if (!engine.submit(chunk, &error))
            ok = false;
        submitted += chunk.size();
    };

    QEventLoop loop;
    // A delivery leaves the window as its last attempt ends, before its result is written: as a
    // server's engine counts the deliveries it holds (DeliveryEngine::claimForNew()).
    qint64 ended = 0;
    const auto roomForAChunk = [&] {
        return ok && submitted < count && submitted - ended <= ActiveWindow - ChunkSize;
    };
    // One chunk a turn, as a server commits one group of posted events a turn (EventIngest).
    bool refillPosted = false; // a turn that submits a chunk is coming
    std::function<void()> refill;
    const auto postRefill = [&] {
        if (!refillPosted && roomForAChunk()) {
            refillPosted = true;
            QMetaObject::invokeMethod(&loop, refill, Qt::QueuedConnection);
        }
    };
    refill = [&] {
        refillPosted = false;
        if (roomForAChunk())
            submitChunk();
        postRefill();
    };
    QObject::connect(&engine, &DeliveryEngine::attemptRecorded, &loop, [&](const Attempt &attempt) {
        if (attempt.outcome != Attempt::Outcome::WillRetry)
            ++ended;
        postRefill();
    });
    QObject::connect(&engine, &DeliveryEngine::deliveryFinished, &loop,
                     [&](const Delivery &delivery) {
                         ++finished;
                         if (delivery.status != DeliveryStatus::Succeeded)
                             ++failed;
                         if (rssAt.contains(finished))
                             out << u"rss_after="_s << finished << u" kib="_s
                                 << Bench::residentKiB() << Qt::endl;
                     });
    QObject::connect(&engine, &DeliveryEngine::storageFailed, &loop,
                     [&](const QString &message, const QStringList &) {
                         err << message << Qt::endl;
                         ok = false;
                     });
    QObject::connect(&engine, &DeliveryEngine::idle, &loop, [&] {
        if (submitted >= count || !ok)
            loop.quit();
    });

    QElapsedTimer timer;
    timer.start();
    const Bench::CpuUse cpu;
    postRefill();
    if (ok)
        loop.exec();
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    if (!ok) {
        err << error << Qt::endl;
        return 1;
    }
    out << u"delivered="_s << finished << u" failed="_s << failed << u" seconds="_s
        << QString::number(seconds, 'f', 3) << u" rate="_s
        << QString::number(double(finished) / seconds, 'f', 0) << u" attempts_in_history="_s
        << history.countAttempts();
    // The CPU a delivery: this process's, and the whole machine's (nginx and the kernel too);
    // machine_bound is the rate the machine would give fully busy at that CPU a delivery.
    const Bench::CpuUse::Machine machine = cpu.machineMicros();
    if (finished > 0 && machine.busy > 0) {
        out << u" cpu_us="_s << QString::number(double(cpu.processMicros()) / finished, 'f', 1)
            << u" machine_cpu_us="_s << QString::number(double(machine.busy) / finished, 'f', 1)
            << u" machine_busy="_s
            << QString::number(100.0 * double(machine.busy) / double(machine.all), 'f', 0)
            << u"% machine_bound="_s
            << QString::number(
                   double(finished) / seconds * double(machine.all) / double(machine.busy), 'f', 0);
    }
    out << Qt::endl;
    const QMap<QString, qint64> threads = cpu.threadMicros();
    for (auto it = threads.cbegin(); it != threads.cend(); ++it) {
        if (it.value() > 0)
            out << u"thread="_s << it.key() << u" cores="_s
                << QString::number(double(it.value()) / 1e6 / seconds, 'f', 2) << Qt::endl;
    }
    return failed == 0 && finished == count ? 0 : 3;
}
