#include "DeliverCommand.h"

#include "DeliveryRun.h"
#include "ExitCode.h"
#include "delivery/DeliveryEngine.h"
#include "engine/SecretProvider.h"
#include "history/HistoryDatabase.h"
#include "outbox/OutboxStorage.h"

#include <QRegularExpression>

#include <functional>

namespace Kanca {

namespace {

// Parses the options shared by deliver and resend; returns an exit code on a usage problem or
// help, nullopt to go on.
std::optional<int> parse(QCommandLineParser &parser, DeliveryRun &run, CommandContext &context,
                         const QString &command, const QString &usage,
                         const std::function<QString()> &positionalProblem)
{
    const QCommandLineOption help(QStringList{QStringLiteral("h"), QStringLiteral("help")});
    parser.addOption(help);
    run.addOptions(parser);
    const auto usageError = [&](const QString &message) {
        context.err << QStringLiteral("kanca ") << command << QStringLiteral(": ") << message
                    << Qt::endl
                    << Qt::endl
                    << usage;
        return int(ExitUsage);
    };
    if (!parser.parse(QStringList{QStringLiteral("kanca")} + context.arguments))
        return usageError(parser.errorText());
    if (parser.isSet(help)) {
        context.out << usage;
        return int(ExitOk);
    }
    if (const QString problem = positionalProblem(); !problem.isEmpty())
        return usageError(problem);
    QString optionError;
    if (!run.readOptions(parser, &optionError))
        return usageError(optionError);
    return std::nullopt;
}

} // namespace

QString DeliverCommand::usage()
{
    return tr("Usage: kanca deliver [options]\n"
              "\n"
              "Finishes every unfinished delivery in the history: after a crash or an interrupted\n"
              "kanca send, or when retries are scheduled far ahead. Each continues with its\n"
              "remaining attempts and its schedule (waiting for attempts scheduled later). Prints\n"
              "one JSON line per delivery as it finishes, like kanca send, and exits when none\n"
              "is left.\n"
              "\n"
              "Options:\n"
              "%1"
              "\n"
              "Deliveries another program is sending right now (it holds their claims) are left\n"
              "to it; several kanca deliver, kanca send and the designer may run on one history\n"
              "at once, and each delivery is sent by one of them.\n"
              "\n"
              "Exit status: 0 if every delivery finished here succeeded (or none was left), 3 if\n"
              "any failed, 4 if the history could not be written (the deliveries that may be\n"
              "sent again are listed), 1 if the history cannot be opened, 2 on a usage error.\n")
        .arg(DeliveryRun::optionsHelp());
}

int DeliverCommand::run(CommandContext &context)
{
    QCommandLineParser parser;
    DeliveryRun run;
    const auto noArguments = [&] {
        return parser.positionalArguments().isEmpty() ? QString() : tr("takes no file or id");
    };
    if (const auto exit =
            parse(parser, run, context, QStringLiteral("deliver"), usage(), noArguments)) {
        return *exit;
    }

    const std::unique_ptr<OutboxStorage> storage = run.openStorage(context);
    if (!storage)
        return ExitInvalidInput;
    const EnvironmentSecrets secrets;
    DeliveryEngine engine(*storage, secrets);
    engine.setSettings(run.settings());
    QString error;
    if (!engine.sendFromOutbox(&error)) {
        context.err << error << Qt::endl;
        return ExitInvalidInput;
    }
    const int exit = DeliveryRun::runUntilIdle(engine, context);
    const qint64 held =
        storage->heldElsewhere(engine.claim(), QDateTime::currentDateTimeUtc(), &error);
    if (held > 0) {
        context.err << tr("%n delivery(ies) are being sent by another program on this history "
                          "right now; they were left to it.",
                          "", int(held))
                    << Qt::endl;
    }
    return exit;
}

QString ResendCommand::usage()
{
    return tr("Usage: kanca resend DELIVERY_ID [options]\n"
              "       kanca resend --failed [--rule ID] [--since TIME] [options]\n"
              "\n"
              "Sends a delivery of the history again: a new delivery (with a new id) of the same\n"
              "request, linked to the original, signed anew with a fresh timestamp, with the\n"
              "original's timeout and retry policy. Prints its JSON line when it finishes.\n"
              "\n"
              "With --failed, sends again every delivery that failed for good (the dead letters),\n"
              "oldest first: of one rule with --rule, made since TIME with --since (an ISO 8601\n"
              "date or date-time, or a time ago such as 30m, 12h or 7d). A failed delivery that\n"
              "was already sent again is left out, so that running it twice sends nothing twice.\n"
              "\n"
              "Options:\n"
              "  --failed         every failed delivery (or those --rule and --since choose)\n"
              "  --rule ID        only deliveries of rule ID\n"
              "  --since TIME     only deliveries made at or after TIME\n"
              "%1"
              "\n"
              "Exit status: 0 if they succeeded (or there was none), 3 if one failed, 4 if the\n"
              "history could not be written, 1 if there is no such delivery or the history\n"
              "cannot be opened, 2 on a usage error.\n")
        .arg(DeliveryRun::optionsHelp());
}

namespace {

// "2026-12-01", "2026-12-01T10:00:00Z" (UTC without an offset), or a time ago: 30m, 12h, 7d.
std::optional<QDateTime> parseSince(const QString &text, const QDateTime &now)
{
    static const QRegularExpression ago(QStringLiteral("^(\\d+)([smhd])$"));
    if (const QRegularExpressionMatch m = ago.match(text); m.hasMatch()) {
        const qint64 n = m.captured(1).toLongLong();
        const QChar unit = m.captured(2).at(0);
        const qint64 seconds = unit == u's'   ? n
                               : unit == u'm' ? n * 60
                               : unit == u'h' ? n * 3600
                                              : n * 86400;
        return now.addSecs(-seconds);
    }
    QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!time.isValid()) {
        const QDate date = QDate::fromString(text, Qt::ISODate);
        if (!date.isValid())
            return std::nullopt;
        time = QDateTime(date, QTime(0, 0), Qt::UTC);
    }
    if (time.timeSpec() == Qt::LocalTime)
        time.setTimeSpec(Qt::UTC);
    return time;
}

} // namespace

int ResendCommand::run(CommandContext &context)
{
    QCommandLineParser parser;
    DeliveryRun run;
    const QCommandLineOption failed(QStringLiteral("failed"));
    const QCommandLineOption rule(QStringLiteral("rule"), QString(), QStringLiteral("ID"));
    const QCommandLineOption since(QStringLiteral("since"), QString(), QStringLiteral("TIME"));
    parser.addOptions({failed, rule, since});
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const auto arguments = [&]() -> QString {
        const qsizetype ids = parser.positionalArguments().size();
        if (parser.isSet(failed)) {
            if (ids != 0)
                return tr("give either a delivery id or --failed, not both");
            if (parser.isSet(since) && !parseSince(parser.value(since), now))
                return tr("--since takes a date, a date-time or a time ago such as 12h, not "
                          "\"%1\"")
                    .arg(parser.value(since));
            return {};
        }
        if (parser.isSet(rule) || parser.isSet(since))
            return tr("--rule and --since go with --failed");
        return ids == 1 ? QString() : tr("name exactly one delivery id, or give --failed");
    };
    if (const auto exit =
            parse(parser, run, context, QStringLiteral("resend"), usage(), arguments)) {
        return *exit;
    }

    HistoryDatabase history;
    if (!run.openHistory(history, context))
        return ExitInvalidInput;
    QString error;
    QList<Delivery> again;
    if (parser.isSet(failed)) {
        HistoryFilter filter;
        filter.status = DeliveryStatus::Failed;
        filter.ruleId = parser.value(rule);
        if (parser.isSet(since))
            filter.from = *parseSince(parser.value(since), now);
        filter.order = Qt::AscendingOrder;
        const QList<Delivery> dead = history.deliveries(filter, {}, &error);
        if (!error.isEmpty()) {
            context.err << error << Qt::endl;
            return ExitInvalidInput;
        }
        qsizetype skipped = 0;
        for (const Delivery &delivery : dead) {
            const std::optional<bool> resent = history.hasResend(delivery.id, &error);
            if (!resent) {
                context.err << error << Qt::endl;
                return ExitInvalidInput;
            }
            if (*resent)
                ++skipped;
            else
                again.append(delivery.resentCopy(now));
        }
        context.err << tr("%n failed delivery(ies) to send again", "", int(again.size()));
        if (skipped > 0)
            context.err << tr("; %n already sent again, left out", "", int(skipped));
        context.err << u'.' << Qt::endl;
        if (again.isEmpty())
            return ExitOk;
    } else {
        const QString id = parser.positionalArguments().constFirst();
        const std::optional<Delivery> original = history.delivery(id, &error);
        if (!original) {
            context.err << (error.isEmpty() ? tr("No delivery \"%1\" in %2").arg(id, history.path())
                                            : error)
                        << Qt::endl;
            return ExitInvalidInput;
        }
        again.append(original->resentCopy(now));
    }

    const EnvironmentSecrets secrets;
    DeliveryEngine engine(history, secrets);
    engine.setSettings(run.settings());
    if (!engine.submit(again, &error)) {
        context.err << error << Qt::endl;
        return ExitInvalidInput;
    }
    return DeliveryRun::runUntilIdle(engine, context);
}

} // namespace Kanca
