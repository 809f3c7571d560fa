#include "DeliverCommand.h"

#include "DeliveryRun.h"
#include "ExitCode.h"
#include "delivery/DeliveryEngine.h"
#include "engine/SecretProvider.h"
#include "history/HistoryDatabase.h"

namespace Kanca {

namespace {

// Parses the options shared by deliver and resend; returns an exit code on a usage problem or
// help, nullopt to go on.
std::optional<int> parse(QCommandLineParser &parser, DeliveryRun &run, CommandContext &context,
                         const QString &command, const QString &usage, int positionalCount)
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
    if (parser.positionalArguments().size() != positionalCount) {
        return usageError(positionalCount == 0 ? DeliverCommand::tr("takes no file or id")
                                               : ResendCommand::tr("name exactly one delivery id"));
    }
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
    if (const auto exit = parse(parser, run, context, QStringLiteral("deliver"), usage(), 0))
        return *exit;

    HistoryDatabase history;
    if (!run.openHistory(history, context))
        return ExitInvalidInput;
    const EnvironmentSecrets secrets;
    DeliveryEngine engine(history, secrets);
    engine.setSettings(run.settings());
    QString error;
    if (!engine.sendFromOutbox(&error)) {
        context.err << error << Qt::endl;
        return ExitInvalidInput;
    }
    const int exit = DeliveryRun::runUntilIdle(engine, context);
    const qint64 held =
        history.heldElsewhere(engine.claim(), QDateTime::currentDateTimeUtc(), &error);
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
              "\n"
              "Sends a delivery of the history again: a new delivery (with a new id) of the same\n"
              "request, linked to the original, signed anew with a fresh timestamp, with the\n"
              "original's timeout and retry policy. Prints its JSON line when it finishes.\n"
              "\n"
              "Options:\n"
              "%1"
              "\n"
              "Exit status: 0 if it succeeded, 3 if it failed, 4 if the history could not be\n"
              "written, 1 if there is no such delivery or the history cannot be opened, 2 on a\n"
              "usage error.\n")
        .arg(DeliveryRun::optionsHelp());
}

int ResendCommand::run(CommandContext &context)
{
    QCommandLineParser parser;
    DeliveryRun run;
    if (const auto exit = parse(parser, run, context, QStringLiteral("resend"), usage(), 1))
        return *exit;
    const QString id = parser.positionalArguments().constFirst();

    HistoryDatabase history;
    if (!run.openHistory(history, context))
        return ExitInvalidInput;
    QString error;
    const std::optional<Delivery> original = history.delivery(id, &error);
    if (!original) {
        context.err << (error.isEmpty() ? tr("No delivery \"%1\" in %2").arg(id, history.path())
                                        : error)
                    << Qt::endl;
        return ExitInvalidInput;
    }
    const Delivery again = original->resentCopy(QDateTime::currentDateTimeUtc());

    const EnvironmentSecrets secrets;
    DeliveryEngine engine(history, secrets);
    engine.setSettings(run.settings());
    if (!engine.submit({again}, &error)) {
        context.err << error << Qt::endl;
        return ExitInvalidInput;
    }
    return DeliveryRun::runUntilIdle(engine, context);
}

} // namespace Kanca
