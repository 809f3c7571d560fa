#include "RenderCommand.h"

#include "CommandArguments.h"
#include "EventInput.h"
#include "ExitCode.h"
#include "HeadersJson.h"
#include "RuleSetInput.h"
#include "catalog/Catalog.h"
#include "dispatch/Dispatcher.h"
#include "engine/SecretProvider.h"
#include "format/JsonWriter.h"

#include <QCommandLineParser>

namespace Kanca {

QString RenderCommand::usage()
{
    return tr(
        "Usage: kanca render FILE --event EVENT.json|- [--lang en|tr] [--explain] "
        "[--show-secrets]\n"
        "       kanca render FILE --sample EVENT_TYPE [--lang en|tr] [--explain] [--show-secrets]\n"
        "\n"
        "Evaluates the rule set FILE against one event and prints, as one JSON array on\n"
        "standard output, the request each action of every enabled matching rule would send,\n"
        "in rule order:\n"
        "  {\"rule\": ID, \"action\": INDEX, \"matched\": true, \"method\": ..., \"url\": ...,\n"
        "   \"headers\": [{\"name\": ..., \"value\": ...}], \"body\": \"...\"}\n"
        "Nothing is sent.\n"
        "\n"
        "Options:\n"
        "  --event FILE     the event as JSON ({\"type\": \"chat.opened\", ...}); - reads standard "
        "input\n"
        "  --sample TYPE    the built-in sample event of TYPE (such as chat.opened)\n"
        "  --lang en|tr     the language of the sample and of the explanations\n"
        "                   (default: the rule set's locale)\n"
        "  --explain        list rules that do not match too (\"matched\": false, with a\n"
        "                   \"reason\"), and give every object a \"trace\" of its conditions\n"
        "  --show-secrets   print secret header values (Authorization, secret headers) in clear;\n"
        "                   without it they are masked\n"
        "\n"
        "Secrets named in the rule set are read from the environment variables\n"
        "KANCA_SECRET_<NAME>; a missing one is an error that names it.\n"
        "\n"
        "A rule whose regular expression gives up on the event's text (its match limit) cannot\n"
        "decide: it does not fire, and it is an error (kanca send refuses such an event).\n"
        "\n"
        "Exit status: 0 on success, 1 if the rule set or the event is invalid, a request cannot\n"
        "be rendered or a rule cannot decide (problems on standard error, as kanca validate\n"
        "prints them; with --explain the JSON is printed too), 2 on a usage error.\n");
}

namespace {

void writeRequest(JsonWriter &w, const RenderedRequest &request, bool showSecrets)
{
    w.key(u"method");
    w.value(request.method);
    w.key(u"url");
    w.value(request.url);
    writeHeadersJson(w, request.headers, showSecrets);
    w.key(u"body");
    w.value(QString::fromUtf8(request.body));
}

} // namespace

int RenderCommand::run(CommandContext &context)
{
    QCommandLineParser parser;
    EventOptions eventOptions;
    eventOptions.addOptions(parser);
    const QCommandLineOption explain(QStringLiteral("explain"));
    const QCommandLineOption showSecrets(QStringLiteral("show-secrets"));
    parser.addOptions({explain, showSecrets});

    const CommandArguments commandLine(context, QStringLiteral("render"), usage());
    if (const std::optional<int> exit = commandLine.parse(parser))
        return *exit;
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1)
        return commandLine.usageError(tr("name exactly one rule set file"));
    QString optionError;
    if (!eventOptions.readOptions(parser, &optionError))
        return commandLine.usageError(optionError);

    const std::optional<RuleSetInput> input = RuleSetInput::load(positional.first(), context);
    if (!input)
        return ExitInvalidInput;
    const CompiledRuleSet &rules = *input->loaded.compiled;
    const Language traceLanguage = eventOptions.languageOr(rules.ruleSet().locale);

    const std::optional<QJsonObject> eventJson = eventOptions.read(traceLanguage, context);
    if (!eventJson)
        return ExitInvalidInput;

    const EnvironmentSecrets secrets;
    const Dispatcher dispatcher(rules, secrets);
    DispatchOptions options;
    options.explain = parser.isSet(explain);
    options.traceLanguage = traceLanguage;
    const DispatchPlan plan = dispatcher.plan(*eventJson, options);

    Problems renderProblems;
    JsonWriter w;
    w.beginArray();
    for (const RulePlan &rulePlan : plan.rules) {
        const Rule &rule = rules.ruleSet().rules.at(rulePlan.ruleIndex);
        renderProblems += rulePlan.problems; // a rule that cannot decide
        if (!rulePlan.matched()) {
            w.beginObject();
            w.key(u"rule");
            w.value(rule.id);
            w.key(u"matched");
            w.value(false);
            w.key(u"reason");
            w.value(CompiledRuleSet::outcomeText(rulePlan.outcome, traceLanguage));
            w.key(u"trace");
            w.value(QJsonValue(rulePlan.trace.toJson()));
            w.endObject();
            continue;
        }
        for (const PlannedAction &action : rulePlan.actions) {
            const Problems blocking = action.blockingProblems();
            if (!blocking.isEmpty()) {
                renderProblems += blocking;
                continue;
            }
            w.beginObject();
            w.key(u"rule");
            w.value(rule.id);
            w.key(u"action");
            w.value(qint64(action.actionIndex));
            w.key(u"delivery");
            w.value(action.delivery.id);
            w.key(u"matched");
            w.value(true);
            writeRequest(w, action.request, parser.isSet(showSecrets));
            if (options.explain) {
                w.key(u"trace");
                w.value(QJsonValue(rulePlan.trace.toJson()));
            }
            w.endObject();
        }
    }
    w.endArray();
    // With --explain the whole picture is printed, problems or not; they are said on standard
    // error and make the exit status 1, as they make kanca send refuse the event.
    if (options.explain || !hasErrors(renderProblems))
        context.out << QString::fromUtf8(w.finish());
    if (hasErrors(renderProblems)) {
        input->printProblems(renderProblems, context);
        return ExitInvalidInput;
    }
    return ExitOk;
}

} // namespace Kanca
