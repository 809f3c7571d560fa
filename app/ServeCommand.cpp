#include "ServeCommand.h"

#include "CommandArguments.h"
#include "ExitCode.h"
#include "ListenAddress.h"
#include "ProblemPrinter.h"
#include "ProcessSignals.h"
#include "engine/SecretProvider.h"
#include "history/HistoryDatabase.h"
#include "server/Server.h"
#include "server/ServerLog.h"

#include <QCommandLineParser>
#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>

#include <sys/resource.h>

using namespace Qt::StringLiterals;

namespace Kanca {

namespace {

// A server holds a socket per client (up to --max-connections) and per attempt in flight; the
// usual soft limit of 1,024 open files would refuse connections long before that. Raise the
// soft limit to the hard one, as servers commonly do; if that fails the limit stays as it was.
void raiseOpenFileLimit()
{
    rlimit limit{};
    if (getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < limit.rlim_max) {
        limit.rlim_cur = limit.rlim_max;
        setrlimit(RLIMIT_NOFILE, &limit);
    }
}

// An option's value: the command line's, else its environment variable's, else nothing.
std::optional<QString> valueOf(const QCommandLineParser &parser, const QCommandLineOption &option,
                               const char *variable)
{
    if (parser.isSet(option))
        return parser.value(option);
    if (qEnvironmentVariableIsSet(variable))
        return qEnvironmentVariable(variable);
    return std::nullopt;
}

} // namespace

QString ServeCommand::usage()
{
    return tr(
        "Usage: kanca serve RULESET [--listen ADDR:PORT] [--db PATH|URL] [--token-secret NAME]\n"
        "                   [--verify-secret NAME] [--max-body BYTES] [--grace-ms N]\n"
        "                   [--tls-cert FILE --tls-key FILE] [options]\n"
        "\n"
        "Runs the rule set RULESET as a server: events come in over HTTP, webhooks go out.\n"
        "\n"
        "  POST /v1/events  one event, or a JSON array of up to 1,000 (the format of kanca\n"
        "                   render --event). Every event is checked (type, id, field types),\n"
        "                   its rules evaluated and its requests rendered, and the events and\n"
        "                   all their deliveries are committed to the outbox in one transaction\n"
        "                   before the answer: 202 with, per event, its id, the rules it\n"
        "                   matched and its delivery ids. An event whose id was accepted\n"
        "                   before gets the first answer again and nothing is sent twice (200\n"
        "                   when every event of the request was). Errors: 400 invalid (every\n"
        "                   problem with its JSON pointer; nothing of the request is accepted),\n"
        "                   401, 413, 415, 422 (a rule cannot decide), 503 while stopping.\n"
        "  GET /healthz     200 while the process runs\n"
        "  GET /readyz      200 when the database answers, the rule set is loaded and the\n"
        "                   server is not stopping; else 503, the JSON saying which check failed\n"
        "  GET /metrics     Prometheus metrics\n"
        "\n"
        "The rule set must pass kanca validate --strict and every secret it names must be set;\n"
        "else the server does not start and lists the problems. SIGHUP, or a change of the\n"
        "file, reloads it: a valid new file runs for events accepted from then on, an invalid\n"
        "one is logged and the old rule set keeps running. SIGTERM or SIGINT stops it: new\n"
        "events get 503, the attempts in flight get --grace-ms to finish, everything else\n"
        "stays in the outbox for the next start. Logs are JSON lines on standard error; the\n"
        "first line on standard output says where it listens:\n"
        "  {\"listening\": \"http://127.0.0.1:8410\", \"port\": 8410}\n"
        "\n"
        "Options (each also from the environment variable named after it):\n"
        "  --listen ADDR:PORT   where to listen (KANCA_LISTEN; default 127.0.0.1:8410); an\n"
        "                       address other machines reach needs --token-secret or\n"
        "                       --verify-secret\n"
        "  --db PATH|URL        the outbox, history and events (KANCA_DB): a SQLite file\n"
        "                       (default history.sqlite in the application-data folder), or\n"
        "                       a PostgreSQL database several servers share,\n"
        "                       postgresql://USER@HOST:PORT/DATABASE (the password from\n"
        "                       PGPASSWORD or ~/.pgpass)\n"
        "  --token-secret NAME  clients send \"Authorization: Bearer <token>\", the token being\n"
        "                       KANCA_SECRET_<NAME> (KANCA_TOKEN_SECRET)\n"
        "  --verify-secret NAME clients sign with Standard Webhooks (webhook-id,\n"
        "                       webhook-timestamp, webhook-signature) with the secret\n"
        "                       KANCA_SECRET_<NAME>, whsec_... (KANCA_VERIFY_SECRET)\n"
        "  --max-body BYTES     the largest request body (KANCA_MAX_BODY; default 1048576)\n"
        "  --grace-ms N         how long attempts in flight may finish after SIGTERM\n"
        "                       (KANCA_GRACE_MS; default 10000)\n"
        "  --tls-cert FILE      serve HTTPS with this PEM certificate chain (KANCA_TLS_CERT)\n"
        "  --tls-key FILE       and this PEM key, RSA or EC, unencrypted (KANCA_TLS_KEY)\n"
        "  --per-host N         attempts in flight to one host (KANCA_PER_HOST; default 6)\n"
        "  --delivery-threads N threads the webhooks' HTTP exchanges run on\n"
        "                       (KANCA_DELIVERY_THREADS; default 0: one per core)\n"
        "  --max-connections N  open connections at most (KANCA_MAX_CONNECTIONS; default 1024)\n"
        "  --keep-events DAYS   forget accepted events after this long; their deliveries stay\n"
        "                       in the history (KANCA_KEEP_EVENTS; default 30; 0 keeps them)\n"
        "  --breaker N          after N failed attempts in a row to one host, pause it 30 s\n"
        "                       (doubling up to 10 min) and then probe it (KANCA_BREAKER;\n"
        "                       default 5; 0 turns the breaker off)\n"
        "\n"
        "Exit status: 0 after a stop, 1 if it cannot start (the rule set, a secret, the\n"
        "database, the port), 2 on a usage error, 4 if the database could no longer be\n"
        "written (it stopped at once; see the log).\n");
}

int ServeCommand::run(CommandContext &context)
{
    QCommandLineParser parser;
    const QCommandLineOption listen(QStringLiteral("listen"), QString(), QStringLiteral("ADDR"));
    const QCommandLineOption db(QStringLiteral("db"), QString(), QStringLiteral("PATH"));
    const QCommandLineOption tokenSecret(QStringLiteral("token-secret"), QString(),
                                         QStringLiteral("NAME"));
    const QCommandLineOption verifySecret(QStringLiteral("verify-secret"), QString(),
                                          QStringLiteral("NAME"));
    const QCommandLineOption maxBody(QStringLiteral("max-body"), QString(),
                                     QStringLiteral("BYTES"));
    const QCommandLineOption graceMs(QStringLiteral("grace-ms"), QString(), QStringLiteral("N"));
    const QCommandLineOption tlsCert(QStringLiteral("tls-cert"), QString(), QStringLiteral("FILE"));
    const QCommandLineOption tlsKey(QStringLiteral("tls-key"), QString(), QStringLiteral("FILE"));
    const QCommandLineOption perHost(QStringLiteral("per-host"), QString(), QStringLiteral("N"));
    const QCommandLineOption deliveryThreads(QStringLiteral("delivery-threads"), QString(),
                                             QStringLiteral("N"));
    const QCommandLineOption maxConnections(QStringLiteral("max-connections"), QString(),
                                            QStringLiteral("N"));
    const QCommandLineOption keepEvents(QStringLiteral("keep-events"), QString(),
                                        QStringLiteral("DAYS"));
    const QCommandLineOption breaker(QStringLiteral("breaker"), QString(), QStringLiteral("N"));
    parser.addOptions({listen, db, tokenSecret, verifySecret, maxBody, graceMs, tlsCert, tlsKey,
                       perHost, deliveryThreads, maxConnections, keepEvents, breaker});

    const CommandArguments commandLine(context, u"serve"_s, usage());
    if (const std::optional<int> exit = commandLine.parse(parser))
        return *exit;
    const QStringList positional = parser.positionalArguments();
    if (positional.size() > 1)
        return commandLine.usageError(tr("name exactly one rule set file"));

    ServerConfig config;
    config.ruleSetFile =
        positional.isEmpty() ? qEnvironmentVariable("KANCA_RULESET") : positional.first();
    if (config.ruleSetFile.isEmpty())
        return commandLine.usageError(tr("name the rule set file to run (or set KANCA_RULESET)"));

    // A number option within bounds; a usage error names the option or its variable.
    QString numberError;
    const auto number = [&](const QCommandLineOption &option, const char *variable, qint64 minimum,
                            qint64 maximum, qint64 fallback) {
        const std::optional<QString> text = valueOf(parser, option, variable);
        if (!text)
            return fallback;
        bool ok = false;
        const qint64 value = text->toLongLong(&ok);
        if (!ok || value < minimum || value > maximum) {
            const QString where = parser.isSet(option) ? u"--"_s + option.names().constFirst()
                                                       : QString::fromLatin1(variable);
            numberError = tr("%1 takes a number from %2 to %3, not \"%4\"")
                              .arg(where)
                              .arg(minimum)
                              .arg(maximum)
                              .arg(*text);
        }
        return value;
    };
    config.maxBodyBytes =
        number(maxBody, "KANCA_MAX_BODY", 1, 64LL * 1024 * 1024, config.maxBodyBytes);
    config.graceMs = int(number(graceMs, "KANCA_GRACE_MS", 0, 3'600'000, config.graceMs));
    config.maxPerHost = int(number(perHost, "KANCA_PER_HOST", 1, 1000, config.maxPerHost));
    config.deliveryThreads =
        int(number(deliveryThreads, "KANCA_DELIVERY_THREADS", 0, 256, config.deliveryThreads));
    config.maxConnections =
        int(number(maxConnections, "KANCA_MAX_CONNECTIONS", 1, 100'000, config.maxConnections));
    config.keepEventsDays =
        int(number(keepEvents, "KANCA_KEEP_EVENTS", 0, 100'000, config.keepEventsDays));
    config.breaker.failureThreshold =
        int(number(breaker, "KANCA_BREAKER", 0, 1000, config.breaker.failureThreshold));
    if (!numberError.isEmpty())
        return commandLine.usageError(numberError);

    const QString listenText = valueOf(parser, listen, "KANCA_LISTEN").value_or(u"8410"_s);
    const std::optional<ListenAddress> where = ListenAddress::parse(listenText);
    if (!where)
        return commandLine.usageError(
            tr("--listen takes PORT, HOST:PORT or [IPv6]:PORT, not \"%1\"").arg(listenText));
    config.address = where->address;
    config.port = where->port;
    config.database = valueOf(parser, db, "KANCA_DB").value_or(HistoryDatabase::defaultPath());
    config.tokenSecret = valueOf(parser, tokenSecret, "KANCA_TOKEN_SECRET").value_or(QString());
    config.verifySecret = valueOf(parser, verifySecret, "KANCA_VERIFY_SECRET").value_or(QString());
    config.tlsCertificate = valueOf(parser, tlsCert, "KANCA_TLS_CERT").value_or(QString());
    config.tlsKey = valueOf(parser, tlsKey, "KANCA_TLS_KEY").value_or(QString());
    if (config.tlsCertificate.isEmpty() != config.tlsKey.isEmpty())
        return commandLine.usageError(tr("--tls-cert and --tls-key go together"));

    // Secrets: the ingest's must be set before anything starts.
    const EnvironmentSecrets secrets;
    for (const QString &name : {config.tokenSecret, config.verifySecret}) {
        if (!name.isEmpty() && !secrets.secret(name)) {
            context.err << tr("kanca serve: the secret %1 is not set (set %2)")
                               .arg(name, EnvironmentSecrets::variableName(name))
                        << Qt::endl;
            return ExitInvalidInput;
        }
    }
    if (!where->isLoopback() && config.tokenSecret.isEmpty() && config.verifySecret.isEmpty()) {
        context.err << tr("kanca serve: %1 can be reached from other machines: set "
                          "--token-secret or --verify-secret so that only your platform can "
                          "post events, or listen on 127.0.0.1 behind a proxy that does.")
                           .arg(listenText)
                    << Qt::endl;
        return ExitInvalidInput;
    }

    raiseOpenFileLimit();
    const ServerLog log;
    Server server(config, secrets, log);
    Server::StartProblem problem;
    if (!server.start(&problem)) {
        if (!problem.problems.isEmpty())
            ProblemPrinter(context.err).print(config.ruleSetFile, problem.problems);
        if (!problem.message.isEmpty()) {
            const bool aboutFile = problem.problems.isEmpty() && !problem.ruleSetBytes.isEmpty();
            context.err << (aboutFile ? config.ruleSetFile + u": "_s : QString()) << problem.message
                        << Qt::endl;
        }
        context.err << tr("kanca serve: not started.") << Qt::endl;
        return ExitInvalidInput;
    }

    QEventLoop loop;
    int exitCode = ExitOk;
    ProcessSignals signals_(ProcessSignals::Reload::Handle);
    QObject::connect(&signals_, &ProcessSignals::stopRequested, &server, &Server::stop);
    QObject::connect(&signals_, &ProcessSignals::reloadRequested, &server, &Server::reload);
    QObject::connect(&server, &Server::finished, &loop, [&](int code) {
        exitCode = code;
        loop.quit();
    });
    context.out << QString::fromUtf8(
        QJsonDocument(QJsonObject{{u"listening"_s, server.url()}, {u"port"_s, int(server.port())}})
            .toJson(QJsonDocument::Compact))
                << Qt::endl;
    loop.exec();
    return exitCode;
}

} // namespace Kanca
