#include "SendCommand.h"

#include "CommandArguments.h"
#include "DeliveryRun.h"
#include "EventInput.h"
#include "ExitCode.h"
#include "RuleSetInput.h"
#include "catalog/Catalog.h"
#include "delivery/DeliveryEngine.h"
#include "dispatch/Dispatcher.h"
#include "engine/SecretProvider.h"
#include "outbox/OutboxStorage.h"

namespace Kanca {

QString SendCommand::usage()
{
    return tr("Usage: kanca send FILE --event EVENT.json|- [options]\n"
              "       kanca send FILE --sample EVENT_TYPE [--lang en|tr] [options]\n"
              "\n"
              "Evaluates the rule set FILE against one event, renders the request of every action\n"
              "of every enabled matching rule, and delivers them: each delivery is written to the\n"
              "history before its first attempt, retried on network errors, timeouts, 408, 429 "
              "and\n"
              "5xx with exponential backoff (honouring Retry-After), and recorded attempt by\n"
              "attempt. Waits until every delivery has succeeded or failed for good, and prints "
              "one\n"
              "JSON line per delivery as it finishes:\n"
              "  {\"delivery\": ID, \"rule\": ..., \"action\": ..., \"url\": ..., \"status\": "
              "\"succeeded\"|\"failed\",\n"
              "   \"attempts\": N, \"httpStatus\": N|null, \"error\": ...|null}\n"
              "If kanca is stopped before that, \"kanca deliver\" finishes what is left.\n"
              "\n"
              "Options:\n"
              "  --event FILE     the event as JSON; - reads standard input\n"
              "  --sample TYPE    the built-in sample event of TYPE\n"
              "  --lang en|tr     the language of the sample (default: the rule set's locale)\n"
              "  --no-retry       one attempt per delivery\n"
              "%1"
              "\n"
              "Secrets are read from KANCA_SECRET_<NAME>; a missing one is an error before\n"
              "anything is sent.\n"
              "\n"
              "Exit status: 0 if every delivery succeeded (or no rule matched), 3 if any failed,\n"
              "4 if the history could not be written (stopped at once; the deliveries that may\n"
              "be sent again are listed), 1 on invalid input (nothing sent), 2 on a usage error.\n")
        .arg(DeliveryRun::optionsHelp());
}

int SendCommand::run(CommandContext &context)
{
    QCommandLineParser parser;
    EventOptions eventOptions;
    eventOptions.addOptions(parser);
    const QCommandLineOption noRetry(QStringLiteral("no-retry"));
    parser.addOption(noRetry);
    DeliveryRun run;
    run.addOptions(parser);

    const CommandArguments commandLine(context, QStringLiteral("send"), usage());
    if (const std::optional<int> exit = commandLine.parse(parser))
        return *exit;
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1)
        return commandLine.usageError(tr("name exactly one rule set file"));
    QString optionError;
    if (!eventOptions.readOptions(parser, &optionError) || !run.readOptions(parser, &optionError))
        return commandLine.usageError(optionError);

    const std::optional<RuleSetInput> input = RuleSetInput::load(positional.first(), context);
    if (!input)
        return ExitInvalidInput;
    const CompiledRuleSet &rules = *input->loaded.compiled;
    const std::optional<QJsonObject> eventJson =
        eventOptions.read(eventOptions.languageOr(rules.ruleSet().locale), context);
    if (!eventJson)
        return ExitInvalidInput;

    // Plan everything first: a missing secret or a body that is not JSON stops the run before
    // anything is sent.
    const EnvironmentSecrets secrets;
    const DispatchPlan plan = Dispatcher(rules, secrets).plan(*eventJson);
    const Problems problems = plan.blockingProblems();
    if (!problems.isEmpty()) {
        input->printProblems(problems, context);
        return ExitInvalidInput;
    }
    QList<Delivery> deliveries = plan.deliveries();
    if (deliveries.isEmpty()) {
        context.err << tr("No enabled rule matches this event; nothing to send.") << Qt::endl;
        return ExitOk;
    }
    if (parser.isSet(noRetry)) {
        for (Delivery &delivery : deliveries)
            delivery.retry.maxAttempts = 1;
    }

    const std::unique_ptr<OutboxStorage> storage = run.openStorage(context);
    if (!storage)
        return ExitInvalidInput;
    DeliveryEngine engine(*storage, secrets);
    engine.setSettings(run.settings());
    QString error;
    if (!engine.submit(deliveries, &error)) {
        context.err << error << Qt::endl;
        return ExitInvalidInput;
    }
    return DeliveryRun::runUntilIdle(engine, context);
}

} // namespace Kanca
