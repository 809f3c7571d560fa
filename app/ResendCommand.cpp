#include "ResendCommand.h"

#include "DeliveryRun.h"
#include "ExitCode.h"
#include "delivery/DeliveryEngine.h"
#include "engine/SecretProvider.h"
#include "outbox/OutboxStorage.h"
#include "text/TimeArgument.h"

#include <QRegularExpression>

namespace Kanca {

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
            if (parser.isSet(since) && !parseTimeArgument(parser.value(since), now))
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
            run.parseCommandLine(parser, context, QStringLiteral("resend"), usage(), arguments)) {
        return *exit;
    }

    const std::unique_ptr<OutboxStorage> storage = run.openStorage(context);
    if (!storage)
        return ExitInvalidInput;
    OutboxStorage &history = *storage;
    QString error;
    QList<Delivery> again;
    if (parser.isSet(failed)) {
        HistoryFilter filter;
        filter.status = DeliveryStatus::Failed;
        filter.ruleId = parser.value(rule);
        if (parser.isSet(since))
            filter.from = *parseTimeArgument(parser.value(since), now);
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
            context.err << (error.isEmpty()
                                ? tr("No delivery \"%1\" in %2").arg(id, history.location())
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
