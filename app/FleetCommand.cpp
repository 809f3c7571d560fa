#include "FleetCommand.h"

#include "CommandArguments.h"
#include "ExitCode.h"
#include "TextTable.h"
#include "format/JsonWriter.h"
#include "history/HistoryDatabase.h"
#include "outbox/ClaimToken.h"
#include "outbox/OpenStorage.h"
#include "postgres/PostgresStore.h"
#include "postgres/PostgresUrl.h"

#include <QCommandLineParser>
#include <QMap>

using namespace Qt::StringLiterals;

namespace Kanca {

namespace {

enum class State { Running, Draining, Stale, Gone };

QString stateId(State state)
{
    switch (state) {
    case State::Running:
        return u"running"_s;
    case State::Draining:
        return u"draining"_s;
    case State::Stale:
        return u"stale"_s;
    case State::Gone:
        return u"gone"_s;
    }
    return {};
}

// Gone: its process no longer runs on this machine (killed, crashed), so it cannot beat again.
// Stale: no heartbeat for a while, from wherever it runs.
State stateOf(const WorkerRegistry::Worker &worker)
{
    if (ClaimToken::holderAlive(worker.id) == false)
        return State::Gone;
    if (worker.heartbeatAgeMs > WorkerRegistry::StaleAfterMs)
        return State::Stale;
    return worker.draining ? State::Draining : State::Running;
}

// "HOST/PID" of a worker's id (HOST/PID/RANDOM): enough to find it, short enough for a table.
QString shortId(const WorkerRegistry::Worker &worker)
{
    return worker.host + u'/' + QString::number(worker.pid);
}

QString shortHash(const QString &hash)
{
    return hash.left(12);
}

QString timeText(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODateWithMs);
}

} // namespace

QString FleetCommand::usage()
{
    return tr("Usage: kanca fleet [--db URL] [--json]\n"
              "\n"
              "Lists the kanca serve processes (workers) that share the PostgreSQL database\n"
              "URL, as each reports itself: when it starts, every 5 seconds, at once after a\n"
              "reload and when it starts to stop. For each: its id (HOST/PID), where it\n"
              "listens, the SHA-256 of the rule set it runs (its first 12 characters), how\n"
              "long ago it last reported, its attempts in flight and the deliveries it holds\n"
              "(as of that report), and its state:\n"
              "  running    reporting\n"
              "  draining   stopping: finishing the attempts in flight, taking no new events\n"
              "  stale      no report for 30 s: it died, hangs, or cannot reach the database\n"
              "  gone       its process no longer runs (known for workers of this machine)\n"
              "A worker that stops cleanly removes itself; a row without a report for an hour\n"
              "is removed by the next report of any worker.\n"
              "\n"
              "When the running workers do not all run the same rule set, it says so: a\n"
              "roll-out that is not finished (each event is handled by the rule set of the\n"
              "worker that accepted it).\n"
              "\n"
              "Options:\n"
              "  --db URL   the database (default: $KANCA_DB): postgresql://USER@HOST:PORT/DB,\n"
              "             the password from PGPASSWORD or ~/.pgpass\n"
              "  --json     one JSON object: \"workers\" (each with its full id and hash,\n"
              "             times in UTC) and \"ruleSets\" (the hashes the running workers run,\n"
              "             with how many run each)\n"
              "\n"
              "A SQLite history has no fleet: one server sends from it, and its /metrics show\n"
              "the rule set it runs (kanca_rule_set_info).\n"
              "\n"
              "Exit status: 0 when listed (also with several rule sets, or none), 1 if the\n"
              "database cannot be read or is a SQLite file, 2 on a usage error.\n");
}

int FleetCommand::run(CommandContext &context)
{
    QCommandLineParser parser;
    const QCommandLineOption db(QStringLiteral("db"), QString(), QStringLiteral("URL"));
    const QCommandLineOption json(QStringLiteral("json"));
    parser.addOptions({db, json});
    const CommandArguments commandLine(context, u"fleet"_s, usage());
    if (const std::optional<int> exit = commandLine.parse(parser))
        return *exit;
    if (!parser.positionalArguments().isEmpty())
        return commandLine.usageError(tr("takes no file"));

    QString error;
    const auto fail = [&] {
        context.err << QStringLiteral("kanca fleet: ") << error << Qt::endl;
        return ExitInvalidInput;
    };
    const QString where = parser.isSet(db)                        ? parser.value(db)
                          : qEnvironmentVariableIsSet("KANCA_DB") ? qEnvironmentVariable("KANCA_DB")
                                                                  : HistoryDatabase::defaultPath();
    if (!OpenStorage::isDatabaseUrl(where)) {
        // Not opened: listing a fleet must not create a history file.
        error = tr("%1 is a SQLite history, which one server sends from: a fleet of servers "
                   "shares a PostgreSQL database (--db postgresql://USER@HOST:PORT/DATABASE). "
                   "A server on SQLite shows the rule set it runs at /metrics "
                   "(kanca_rule_set_info).")
                    .arg(where);
        return fail();
    }
    const std::optional<PostgresUrl> url = PostgresUrl::parse(where, &error);
    if (!url)
        return fail();
    PostgresStore store;
    if (!store.open(*url, &error))
        return fail();
    const std::optional<QList<WorkerRegistry::Worker>> workers = store.workers(&error);
    if (!workers)
        return fail();

    QList<State> states;
    QMap<QString, int> ruleSets; // of the running and draining workers
    int stale = 0;
    int gone = 0;
    for (const WorkerRegistry::Worker &worker : *workers) {
        const State state = stateOf(worker);
        states.append(state);
        if (state == State::Stale)
            ++stale;
        else if (state == State::Gone)
            ++gone;
        else
            ++ruleSets[worker.ruleSetHash];
    }

    if (parser.isSet(json)) {
        JsonWriter w;
        w.beginObject();
        w.key(u"database");
        w.value(store.location());
        w.key(u"workers");
        w.beginArray();
        for (qsizetype i = 0; i < workers->size(); ++i) {
            const WorkerRegistry::Worker &worker = workers->at(i);
            w.beginObject();
            w.key(u"id");
            w.value(worker.id);
            w.key(u"host");
            w.value(worker.host);
            w.key(u"pid");
            w.value(worker.pid);
            w.key(u"address");
            w.value(worker.address);
            w.key(u"ruleSetHash");
            w.value(worker.ruleSetHash);
            w.key(u"version");
            w.value(worker.version);
            w.key(u"state");
            w.value(stateId(states.at(i)));
            w.key(u"startedAt");
            w.value(timeText(worker.startedAt));
            w.key(u"heartbeatAt");
            w.value(timeText(worker.heartbeatAt));
            w.key(u"heartbeatAgeMs");
            w.value(worker.heartbeatAgeMs);
            w.key(u"inFlight");
            w.value(worker.inFlight);
            w.key(u"claimed");
            w.value(worker.claimed);
            w.endObject();
        }
        w.endArray();
        w.key(u"ruleSets");
        w.beginArray();
        for (auto it = ruleSets.cbegin(); it != ruleSets.cend(); ++it) {
            w.beginObject();
            w.key(u"hash");
            w.value(it.key());
            w.key(u"workers");
            w.value(it.value());
            w.endObject();
        }
        w.endArray();
        w.endObject();
        context.out << QString::fromUtf8(w.finish());
        return ExitOk;
    }

    if (workers->isEmpty()) {
        context.out << tr("No kanca serve is registered in %1.").arg(store.location()) << Qt::endl;
        return ExitOk;
    }
    const auto age = [](qint64 ms) {
        if (ms < 1000)
            return tr("now");
        if (ms < 120'000)
            return tr("%1 s ago").arg(ms / 1000);
        if (ms < 2 * 3600'000)
            return tr("%1 min ago").arg(ms / 60'000);
        return tr("%1 h ago").arg(ms / 3600'000);
    };
    const auto stateText = [](State state) {
        switch (state) {
        case State::Running:
            return tr("running");
        case State::Draining:
            return tr("draining");
        case State::Stale:
            return tr("stale");
        case State::Gone:
            return tr("gone");
        }
        return QString();
    };
    const QStringList header = {tr("WORKER"),    tr("ADDRESS"), tr("RULE SET"), tr("HEARTBEAT"),
                                tr("IN FLIGHT"), tr("CLAIMED"), tr("STATE")};
    QList<QStringList> rows;
    for (qsizetype i = 0; i < workers->size(); ++i) {
        const WorkerRegistry::Worker &worker = workers->at(i);
        rows.append({shortId(worker), worker.address, shortHash(worker.ruleSetHash),
                     age(worker.heartbeatAgeMs), QString::number(worker.inFlight),
                     QString::number(worker.claimed), stateText(states.at(i))});
    }
    printTextTable(context.out, header, rows);

    context.out << Qt::endl;
    if (ruleSets.size() > 1) {
        context.out << tr("%n rule set(s) in the fleet: a half-finished roll-out?", "",
                          int(ruleSets.size()))
                    << Qt::endl;
        for (auto it = ruleSets.cbegin(); it != ruleSets.cend(); ++it)
            context.out << u"  "_s << it.key() << u"  "_s << tr("%n worker(s)", "", it.value())
                        << Qt::endl;
    } else if (ruleSets.size() == 1) {
        context.out << tr("%n running worker(s), all on the rule set %1.", "",
                          ruleSets.cbegin().value())
                           .arg(ruleSets.cbegin().key())
                    << Qt::endl;
    } else {
        context.out << tr("No worker is running.") << Qt::endl;
    }
    if (stale > 0)
        context.out << tr("%n worker(s) stale: no report for 30 s or more (died, hung, or cut "
                          "off from the database).",
                          "", stale)
                    << Qt::endl;
    if (gone > 0)
        context.out << tr("%n worker(s) gone: the process stopped without removing itself "
                          "(killed or crashed); the deliveries it held are taken over.",
                          "", gone)
                    << Qt::endl;
    return ExitOk;
}

} // namespace Kanca
