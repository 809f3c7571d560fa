#include "HistoryCommand.h"

#include "CommandArguments.h"
#include "ExitCode.h"
#include "HeadersJson.h"
#include "TextTable.h"
#include "format/JsonWriter.h"
#include "history/HistoryDatabase.h"
#include "outbox/OpenStorage.h"

#include <QCommandLineParser>

namespace Kanca {

QString HistoryCommand::usage()
{
    return tr("Usage: kanca history [--db PATH|URL] [--json] [--limit N] [--rule ID]\n"
              "                     [--status succeeded|failed|pending]\n"
              "\n"
              "Lists deliveries, newest first: a table for people by default; with --json, one\n"
              "JSON array of deliveries, each with its \"attempts\": the request sent (secret\n"
              "header values masked), the response or the error, and durations. Bodies are kept\n"
              "up to 256 KiB; \"bodySize\" is the real size and \"bodyTruncated\" says when the\n"
              "kept body is shorter.\n"
              "\n"
              "Options:\n"
              "  --db PATH|URL    the history database (default: $KANCA_DB, else history.sqlite\n"
              "                   in the application-data folder), or the PostgreSQL database\n"
              "                   servers share: postgresql://USER@HOST:PORT/DATABASE (the\n"
              "                   password from PGPASSWORD or ~/.pgpass, never printed)\n"
              "  --json           JSON output\n"
              "  --limit N        at most N deliveries (default 20)\n"
              "  --rule ID        only deliveries of rule ID\n"
              "  --status S       only succeeded, failed or pending deliveries\n"
              "\n"
              "Exit status: 0 on success, 1 if the history cannot be read whole (then nothing\n"
              "is listed, and standard error says why: a damaged file or a database that cannot\n"
              "be reached, for two), 2 on a usage error.\n");
}

namespace {

QString timeText(const QDateTime &time)
{
    return time.isValid() ? time.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))
                          : QString();
}

void writeBody(JsonWriter &w, const QByteArray &body, qint64 size)
{
    const QString text = QString::fromUtf8(body);
    const bool isText = text.toUtf8() == body;
    w.key(u"body");
    w.value(isText ? text : QString::fromLatin1(body.toBase64()));
    if (!isText) {
        w.key(u"bodyEncoding");
        w.value(u"base64");
    }
    w.key(u"bodySize");
    w.value(size);
    w.key(u"bodyTruncated");
    w.value(size > body.size());
}

void writeAttempt(JsonWriter &w, const Attempt &a)
{
    w.beginObject();
    w.key(u"number");
    w.value(a.number);
    w.key(u"startedAt");
    w.value(a.startedAt.toUTC().toString(Qt::ISODateWithMs));
    w.key(u"durationMs");
    w.value(a.durationMs);
    w.key(u"request");
    w.beginObject();
    w.key(u"method");
    w.value(a.request.method);
    w.key(u"url");
    w.value(a.request.url);
    writeHeadersJson(w, a.request.headers);
    writeBody(w, a.request.body, a.requestBodySize);
    w.endObject();
    w.key(u"response");
    if (a.httpStatus) {
        w.beginObject();
        w.key(u"status");
        w.value(*a.httpStatus);
        writeHeadersJson(w, a.responseHeaders);
        writeBody(w, a.responseBody, a.responseBodySize);
        w.endObject();
    } else {
        w.null();
    }
    w.key(u"error");
    if (a.error.isEmpty())
        w.null();
    else
        w.value(a.error);
    w.key(u"outcome");
    switch (a.outcome) {
    case Attempt::Outcome::Succeeded:
        w.value(u"succeeded");
        break;
    case Attempt::Outcome::WillRetry:
        w.value(u"willRetry");
        break;
    case Attempt::Outcome::Failed:
        w.value(u"failed");
        break;
    }
    w.key(u"retryDelayMs");
    if (a.retryDelayMs)
        w.value(*a.retryDelayMs);
    else
        w.null();
    w.endObject();
}

void writeDelivery(JsonWriter &w, const Delivery &d, const QList<Attempt> &attempts)
{
    w.beginObject();
    w.key(u"delivery");
    w.value(d.id);
    w.key(u"createdAt");
    w.value(d.createdAt.toUTC().toString(Qt::ISODateWithMs));
    w.key(u"ruleSet");
    w.value(d.ruleSetName);
    w.key(u"rule");
    w.value(d.ruleId);
    w.key(u"ruleName");
    w.value(d.ruleName);
    w.key(u"action");
    w.value(d.actionIndex);
    w.key(u"event");
    w.beginObject();
    w.key(u"id");
    w.value(d.eventId);
    w.key(u"type");
    w.value(d.eventType);
    w.endObject();
    w.key(u"method");
    w.value(d.request.method);
    w.key(u"url");
    w.value(d.request.url);
    w.key(u"status");
    w.value(deliveryStatusId(d.status));
    w.key(u"attemptCount");
    w.value(d.attemptCount);
    w.key(u"httpStatus");
    if (d.lastHttpStatus)
        w.value(*d.lastHttpStatus);
    else
        w.null();
    w.key(u"error");
    if (d.status == DeliveryStatus::Succeeded || d.lastError.isEmpty())
        w.null();
    else
        w.value(d.lastError);
    w.key(u"nextAttemptAt");
    if (d.status == DeliveryStatus::Pending && d.nextAttemptAt.isValid())
        w.value(d.nextAttemptAt.toUTC().toString(Qt::ISODateWithMs));
    else
        w.null();
    w.key(u"resendOf");
    if (d.resendOf.isEmpty())
        w.null();
    else
        w.value(d.resendOf);
    w.key(u"ruleSetHash");
    if (d.ruleSetHash.isEmpty())
        w.null();
    else
        w.value(d.ruleSetHash);
    w.key(u"attempts");
    w.beginArray();
    for (const Attempt &a : attempts)
        writeAttempt(w, a);
    w.endArray();
    w.endObject();
}

} // namespace

int HistoryCommand::run(CommandContext &context)
{
    QCommandLineParser parser;
    const QCommandLineOption db(QStringLiteral("db"), QString(), QStringLiteral("PATH"));
    const QCommandLineOption json(QStringLiteral("json"));
    const QCommandLineOption limit(QStringLiteral("limit"), QString(), QStringLiteral("N"));
    const QCommandLineOption rule(QStringLiteral("rule"), QString(), QStringLiteral("ID"));
    const QCommandLineOption status(QStringLiteral("status"), QString(), QStringLiteral("S"));
    parser.addOptions({db, json, limit, rule, status});
    const CommandArguments commandLine(context, QStringLiteral("history"), usage());
    if (const std::optional<int> exit = commandLine.parse(parser))
        return *exit;
    if (!parser.positionalArguments().isEmpty())
        return commandLine.usageError(tr("takes no file"));

    HistoryFilter filter;
    HistoryRange range;
    range.limit = 20;
    if (parser.isSet(limit)) {
        bool ok = false;
        range.limit = parser.value(limit).toInt(&ok);
        if (!ok || range.limit < 1)
            return commandLine.usageError(
                tr("--limit takes a positive number, not \"%1\"").arg(parser.value(limit)));
    }
    filter.ruleId = parser.value(rule);
    if (parser.isSet(status)) {
        filter.status = deliveryStatusFromId(parser.value(status));
        if (!filter.status)
            return commandLine.usageError(
                tr("--status takes succeeded, failed or pending, not \"%1\"")
                    .arg(parser.value(status)));
    }

    // Everything is read before anything is printed: a history that cannot be read whole is
    // reported, never listed in part.
    QString error;
    const auto fail = [&] {
        context.err << error << Qt::endl;
        return ExitInvalidInput;
    };
    const QString where = parser.isSet(db) ? parser.value(db) : HistoryDatabase::defaultPath();
    // A SQLite file, or a server's PostgreSQL database (its password never printed).
    const std::unique_ptr<OutboxStorage> storage = OpenStorage::open(where, {}, &error);
    if (!storage || !storage->checkIntegrity(&error))
        return fail();
    const OutboxStorage &history = *storage;
    const QList<Delivery> deliveries = history.deliveries(filter, range, &error);
    if (!error.isEmpty())
        return fail();

    if (parser.isSet(json)) {
        QList<QList<Attempt>> attempts;
        attempts.reserve(deliveries.size());
        for (const Delivery &d : deliveries) {
            attempts.append(history.attempts(d.id, &error));
            if (!error.isEmpty())
                return fail();
        }
        JsonWriter w;
        w.beginArray();
        for (qsizetype i = 0; i < deliveries.size(); ++i)
            writeDelivery(w, deliveries.at(i), attempts.at(i));
        w.endArray();
        context.out << QString::fromUtf8(w.finish());
        return ExitOk;
    }

    if (deliveries.isEmpty()) {
        context.out << tr("No deliveries in %1.").arg(history.location()) << Qt::endl;
        return ExitOk;
    }
    const qint64 total = history.countDeliveries(filter, &error);
    if (!error.isEmpty())
        return fail();
    const QStringList header = {tr("CREATED (UTC)"), tr("STATUS"),   tr("TRIES"), tr("HTTP"),
                                tr("RULE"),          tr("DELIVERY"), tr("URL")};
    QList<QStringList> rows;
    for (const Delivery &d : deliveries) {
        QString url = d.request.method + u' ' + d.request.url;
        if (d.status != DeliveryStatus::Succeeded && !d.lastError.isEmpty())
            url += u"  (" + d.lastError + u')';
        rows.append({timeText(d.createdAt), deliveryStatusId(d.status),
                     QString::number(d.attemptCount),
                     d.lastHttpStatus ? QString::number(*d.lastHttpStatus) : QStringLiteral("-"),
                     d.ruleId, d.id, url});
    }
    printTextTable(context.out, header, rows);
    if (total > rows.size())
        context.out << tr("(%1 of %2 deliveries; --limit shows more)")
                           .arg(QString::number(rows.size()), QString::number(total))
                    << Qt::endl;
    return ExitOk;
}

} // namespace Kanca
