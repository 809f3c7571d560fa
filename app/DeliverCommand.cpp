#include "DeliverCommand.h"

#include "DeliveryRun.h"
#include "ExitCode.h"
#include "delivery/DeliveryEngine.h"
#include "engine/SecretProvider.h"
#include "history/HistoryDatabase.h"
#include "outbox/OutboxStorage.h"

namespace Kanca {

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
    if (const auto exit = run.parseCommandLine(parser, context, QStringLiteral("deliver"), usage(),
                                               noArguments)) {
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

} // namespace Kanca
