#include "DeliveryRun.h"

#include "CommandArguments.h"
#include "ExitCode.h"
#include "format/JsonWriter.h"
#include "history/HistoryDatabase.h"
#include "outbox/OpenStorage.h"

#include <QEventLoop>

namespace Kanca {

DeliveryRun::DeliveryRun()
    : m_db(QStringLiteral("db"), QString(), QStringLiteral("PATH"))
    , m_perHost(QStringLiteral("per-host"), QString(), QStringLiteral("N"))
    , m_threads(QStringLiteral("delivery-threads"), QString(), QStringLiteral("N"))
    , m_http1(QStringLiteral("http1"))
{}

void DeliveryRun::addOptions(QCommandLineParser &parser) const
{
    parser.addOptions({m_db, m_perHost, m_threads, m_http1});
}

QString DeliveryRun::optionsHelp()
{
    return tr("  --db PATH|URL    the history database (default: $KANCA_DB, else history.sqlite\n"
              "                   in the application-data folder), or a shared PostgreSQL\n"
              "                   outbox: postgresql://USER@HOST:PORT/DATABASE (the password\n"
              "                   from PGPASSWORD or ~/.pgpass)\n"
              "  --per-host N     at most N requests in flight to one host (default 6)\n"
              "  --delivery-threads N\n"
              "                   threads the HTTP exchanges run on (default 0: one per core)\n"
              "  --http1          never use HTTP/2 (it is used where a server offers it)\n");
}

bool DeliveryRun::readOptions(const QCommandLineParser &parser, QString *usageError)
{
    m_dbPath = parser.isSet(m_db) ? parser.value(m_db) : HistoryDatabase::defaultPath();
    if (parser.isSet(m_perHost)) {
        bool ok = false;
        const int n = parser.value(m_perHost).toInt(&ok);
        if (!ok || n < 1 || n > 1000) {
            *usageError = tr("--per-host takes a number from 1 to 1000, not \"%1\"")
                              .arg(parser.value(m_perHost));
            return false;
        }
        m_settings.maxPerHost = n;
    }
    if (parser.isSet(m_threads)) {
        bool ok = false;
        const int n = parser.value(m_threads).toInt(&ok);
        if (!ok || n < 0 || n > 256) {
            *usageError = tr("--delivery-threads takes a number from 0 to 256, not \"%1\"")
                              .arg(parser.value(m_threads));
            return false;
        }
        m_settings.deliveryThreads = n;
    }
    m_settings.allowHttp2 = !parser.isSet(m_http1);
    return true;
}

std::unique_ptr<OutboxStorage> DeliveryRun::openStorage(CommandContext &context) const
{
    QString error;
    std::unique_ptr<OutboxStorage> storage = OpenStorage::open(m_dbPath, {}, &error);
    if (!storage)
        context.err << error << Qt::endl;
    return storage;
}

QByteArray DeliveryRun::jsonLine(const Delivery &delivery)
{
    // One line: no pretty printing.
    QByteArray line = "{\"delivery\": " + JsonWriter::quoted(delivery.id);
    line += ", \"rule\": " + JsonWriter::quoted(delivery.ruleId);
    line += ", \"action\": " + QByteArray::number(delivery.actionIndex);
    line += ", \"url\": " + JsonWriter::quoted(delivery.request.url);
    line += ", \"status\": " + JsonWriter::quoted(deliveryStatusId(delivery.status));
    line += ", \"attempts\": " + QByteArray::number(delivery.attemptCount);
    line += ", \"httpStatus\": "
            + (delivery.lastHttpStatus ? QByteArray::number(*delivery.lastHttpStatus)
                                       : QByteArray("null"));
    line += ", \"error\": "
            + (delivery.status == DeliveryStatus::Succeeded || delivery.lastError.isEmpty()
                   ? QByteArray("null")
                   : JsonWriter::quoted(delivery.lastError));
    line += '}';
    return line;
}

int DeliveryRun::runUntilIdle(DeliveryEngine &engine, CommandContext &context)
{
    bool allSucceeded = true;
    bool storageFailed = false;
    QStringList unrecorded;
    QEventLoop loop;
    QObject::connect(
        &engine, &DeliveryEngine::deliveryFinished, &loop, [&](const Delivery &delivery) {
            allSucceeded = allSucceeded && delivery.status == DeliveryStatus::Succeeded;
            context.out << QString::fromUtf8(jsonLine(delivery)) << Qt::endl;
        });
    QObject::connect(&engine, &DeliveryEngine::storageFailed, &loop,
                     [&](const QString &error, const QStringList &ids) {
                         if (!storageFailed)
                             context.err << tr("history: %1").arg(error) << Qt::endl;
                         storageFailed = true;
                         unrecorded += ids;
                     });
    QObject::connect(&engine, &DeliveryEngine::claimsLost, &loop, [&](const QStringList &ids) {
        context.err << tr("Another program took over these deliveries (this one's claim had "
                          "expired); it continues them: %1")
                           .arg(ids.join(u", "))
                    << Qt::endl;
    });
    QObject::connect(&engine, &DeliveryEngine::idle, &loop, &QEventLoop::quit);
    if (!engine.isIdle())
        loop.exec();
    if (storageFailed) {
        unrecorded.removeDuplicates();
        context.err << tr("Stopped: nothing more was sent once the history could not be "
                          "written.")
                    << Qt::endl;
        if (!unrecorded.isEmpty()) {
            context.err << tr("These deliveries were sent but their results are not recorded; "
                              "they may be sent again (with the same webhook-id) when \"kanca "
                              "deliver\" continues them: %1")
                               .arg(unrecorded.join(u", "))
                        << Qt::endl;
        }
        context.err << tr("Every delivery not reported above as finished stays pending in the "
                          "history; \"kanca deliver\" finishes it once the history can be "
                          "written.")
                    << Qt::endl;
        return ExitStorageFailed;
    }
    return allSucceeded ? ExitOk : ExitDeliveryFailed;
}

std::optional<int> DeliveryRun::parseCommandLine(QCommandLineParser &parser,
                                                 CommandContext &context, const QString &command,
                                                 const QString &usage,
                                                 const std::function<QString()> &positionalProblem)
{
    addOptions(parser);
    const CommandArguments commandLine(context, command, usage);
    if (const std::optional<int> exit = commandLine.parse(parser))
        return exit;
    if (const QString problem = positionalProblem(); !problem.isEmpty())
        return commandLine.usageError(problem);
    QString optionError;
    if (!readOptions(parser, &optionError))
        return commandLine.usageError(optionError);
    return std::nullopt;
}

} // namespace Kanca
