#include "CommandLine.h"

#include "BacktestCommand.h"
#include "CatchCommand.h"
#include "CommandContext.h"
#include "DeliverCommand.h"
#include "ExitCode.h"
#include "FleetCommand.h"
#include "HistoryCommand.h"
#include "ManPage.h"
#include "RenderCommand.h"
#include "ResendCommand.h"
#include "SendCommand.h"
#include "ServeCommand.h"
#include "ValidateCommand.h"
#include "catalog/Catalog.h"

#include <QFileInfo>
#include <QTextStream>

#include <cstdio>

namespace Kanca {

namespace {

struct Command
{
    QLatin1String name;
    int (*run)(CommandContext &);
    QString (*usage)();
};

const Command commands[] = {
    {QLatin1String("validate"), &ValidateCommand::run, &ValidateCommand::usage},
    {QLatin1String("render"), &RenderCommand::run, &RenderCommand::usage},
    {QLatin1String("send"), &SendCommand::run, &SendCommand::usage},
    {QLatin1String("history"), &HistoryCommand::run, &HistoryCommand::usage},
    {QLatin1String("resend"), &ResendCommand::run, &ResendCommand::usage},
    {QLatin1String("deliver"), &DeliverCommand::run, &DeliverCommand::usage},
    {QLatin1String("catch"), &CatchCommand::run, &CatchCommand::usage},
    {QLatin1String("serve"), &ServeCommand::run, &ServeCommand::usage},
    {QLatin1String("fleet"), &FleetCommand::run, &FleetCommand::usage},
    {QLatin1String("backtest"), &BacktestCommand::run, &BacktestCommand::usage},
};

const Command *findCommand(const QString &name)
{
    for (const Command &command : commands) {
        if (name == command.name)
            return &command;
    }
    return nullptr;
}

} // namespace

QString CommandLine::usage()
{
    return tr("Kanca %1: design, test and ship webhook rules.\n"
              "\n"
              "Usage: kanca COMMAND [OPTIONS]\n"
              "\n"
              "Commands:\n"
              "  validate FILE...   check rule sets and list every problem\n"
              "  render FILE ...    show the requests a rule set would send for an event\n"
              "  send FILE ...      send them, with retries, and record every attempt\n"
              "  history            list deliveries and their attempts\n"
              "  resend ID          send a delivery of the history again\n"
              "  deliver            finish the unfinished deliveries of the history\n"
              "  catch              run a local catcher and print every request it receives\n"
              "  serve FILE         run a rule set as a server: events in over HTTP, webhooks "
              "out\n"
              "  fleet              list the servers sharing a PostgreSQL database and the rule\n"
              "                     sets they run\n"
              "  backtest FILE ...  what a rule set (or a change to it) does to past events\n"
              "  help [COMMAND]     show this help, or a command's\n"
              "  version            print Kanca's version (also: --version)\n"
              "\n"
              "Run \"kanca COMMAND --help\" for a command's options.\n"
              "\n"
              "Secrets: a rule set names its secrets ({\"secret\": \"CRM_TOKEN\"}); the command "
              "line\n"
              "reads their values from environment variables, KANCA_SECRET_CRM_TOKEN for\n"
              "CRM_TOKEN.\n"
              "\n"
              "Exit status:\n"
              "  0  success\n"
              "  1  invalid input: a rule set, an event or a file has problems (listed on\n"
              "     standard error as FILE:LINE:COL: /json/pointer: message); nothing was done\n"
              "  2  usage error: the command line itself is wrong\n"
              "  3  send, resend, deliver: at least one delivery failed for good\n"
              "  4  send, resend, deliver, serve: the history could not be written\n"
              "\n"
              "The history database is $KANCA_DB if set, else history.sqlite in the\n"
              "application-data folder; --db overrides both.\n")
        .arg(QCoreApplication::applicationVersion());
}

bool CommandLine::wantsCommand(const QStringList &arguments)
{
    if (arguments.size() < 2)
        return false;
    const QString &first = arguments.at(1);
    // A file to open (or nothing) starts the designer. A bare word that names no file, such as
    // a mistyped command, and an unknown option are the command line's to report.
    if (findCommand(first) || first == u"help" || first == u"--help" || first == u"-h"
        || first == u"version" || first == u"--version")
        return true;
    if (first.startsWith(u'-'))
        return first != u"-";
    const bool looksLikeFile = first.contains(u'/') || first.contains(u'.');
    return !looksLikeFile && !QFileInfo::exists(first);
}

int CommandLine::run(const QStringList &arguments)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    const QString name = arguments.value(1);

    if (name == u"help" && arguments.value(2) == u"--man") {
        // Not listed in the help: the build writes kanca(1) with it.
        QList<ManPage::Section> sections;
        for (const Command &command : commands)
            sections.append({command.name, command.usage()});
        out << ManPage::render(QCoreApplication::applicationVersion(), usage(), sections);
        return ExitOk;
    }
    if (name.isEmpty() || name == u"help" || name == u"--help" || name == u"-h") {
        if (const Command *command = findCommand(arguments.value(2))) {
            out << command->usage();
            return ExitOk;
        }
        if (name == u"help" && arguments.size() > 2) {
            err << tr("kanca help: unknown command \"%1\"").arg(arguments.at(2)) << Qt::endl;
            return ExitUsage;
        }
        out << usage();
        return ExitOk;
    }
    if (name == u"version" || name == u"--version") {
        out << QStringLiteral("kanca ") << QCoreApplication::applicationVersion() << Qt::endl;
        return ExitOk;
    }
    const Command *command = findCommand(name);
    if (!command) {
        err << tr("kanca: unknown command \"%1\"").arg(name) << Qt::endl << Qt::endl << usage();
        return ExitUsage;
    }
    CommandContext context{arguments.mid(2), out, err, Catalog::builtIn()};
    const int status = command->run(context);
    out.flush();
    err.flush();
    return status;
}

} // namespace Kanca
