#include "ValidateCommand.h"

#include "CommandArguments.h"
#include "ExitCode.h"
#include "ProblemPrinter.h"
#include "catalog/Catalog.h"
#include "engine/RuleSetLoader.h"

#include <QCommandLineParser>

namespace Kanca {

QString ValidateCommand::usage()
{
    return tr("Usage: kanca validate [--strict] FILE...\n"
              "\n"
              "Checks rule sets of format version 1. For each valid file prints one line of\n"
              "summary on standard output; for each problem prints one line on standard error:\n"
              "  FILE:LINE:COL: /json/pointer: message\n"
              "or, where the position is not known,\n"
              "  FILE: /json/pointer: message\n"
              "\n"
              "Options:\n"
              "  --strict   treat unknown keys as errors, as for a file exported for a server\n"
              "             (without it they are warnings)\n"
              "\n"
              "Exit status: 0 if every file is valid, 1 if any is not, 2 on a usage error.\n");
}

int ValidateCommand::run(CommandContext &context)
{
    QCommandLineParser parser;
    const QCommandLineOption strict(QStringLiteral("strict"));
    parser.addOption(strict);
    const CommandArguments commandLine(context, QStringLiteral("validate"), usage());
    if (const std::optional<int> exit = commandLine.parse(parser))
        return *exit;
    const QStringList files = parser.positionalArguments();
    if (files.isEmpty())
        return commandLine.usageError(tr("name at least one file"));

    const auto unknownKeys = parser.isSet(strict) ? RuleSetReader::UnknownKeys::Reject
                                                  : RuleSetReader::UnknownKeys::Warn;
    ProblemPrinter printer(context.err);
    int status = ExitOk;
    for (const QString &file : files) {
        const RuleSetLoader::Result result =
            RuleSetLoader::loadFile(file, context.catalog, unknownKeys);
        printer.print(file, result.problems);
        if (!result.ok()) {
            status = ExitInvalidInput;
            continue;
        }
        const RuleSet &set = result.ruleSet();
        qsizetype enabled = 0;
        qsizetype actions = 0;
        for (const Rule &rule : set.rules) {
            enabled += rule.enabled ? 1 : 0;
            actions += rule.actions.size();
        }
        const QStringList secrets = set.secretNames();
        QString summary = tr("%1: valid: \"%2\", locale %3, %n rule(s)", "", int(set.rules.size()))
                              .arg(file, set.name, languageCode(set.locale));
        summary += u", " + tr("%n enabled", "", int(enabled));
        summary += u", " + tr("%n action(s)", "", int(actions));
        if (!secrets.isEmpty())
            summary += u", " + tr("secrets: %1").arg(secrets.join(QStringLiteral(", ")));
        context.out << summary << Qt::endl;
    }
    return status;
}

} // namespace Kanca
