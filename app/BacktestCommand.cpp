#include "BacktestCommand.h"

#include "CommandArguments.h"
#include "ExitCode.h"
#include "RuleSetInput.h"
#include "TracePrinter.h"
#include "backtest/Backtest.h"
#include "backtest/KeptEvents.h"
#include "catalog/Catalog.h"
#include "outbox/OpenStorage.h"
#include "text/TimeArgument.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QLocale>

namespace Kanca {

using namespace Qt::StringLiterals;

QString BacktestCommand::usage()
{
    return tr(
        "Usage: kanca backtest RULESET --events FILE.jsonl [--against OLD_RULESET] [options]\n"
        "       kanca backtest RULESET --db PATH|URL [--since TIME] [--until TIME] [options]\n"
        "\n"
        "Runs the rules of RULESET against past events and says what they would have done:\n"
        "per rule, the events of its type seen, how many matched, the match rate and the\n"
        "webhooks it would have sent. Nothing is sent. With --against, compares with another\n"
        "version of the rule set (the one that runs now): per rule, how many events newly\n"
        "match and how many no longer do, and the first of each with the trace of the\n"
        "rule's condition in both versions, as kanca render --explain gives it.\n"
        "\n"
        "Events come from a JSON-lines file (one event per line, as kanca render --event\n"
        "reads one; resources/examples/events.jsonl is an example) or from the events a\n"
        "kanca serve history kept: its SQLite file, or the PostgreSQL database the servers\n"
        "share (postgresql://USER@HOST:PORT/DATABASE; the password from PGPASSWORD or\n"
        "~/.pgpass), read without changing it. A line that is not an event is reported with\n"
        "its number and skipped.\n"
        "\n"
        "Options:\n"
        "  --events FILE    the events, one JSON object per line\n"
        "  --db PATH|URL    the events accepted by kanca serve into this history\n"
        "  --since TIME     with --db: events received at or after TIME (2026-12-01,\n"
        "                   2026-12-01T10:00:00Z, or a time ago: 30m, 12h, 7d)\n"
        "  --until TIME     with --db: events received before TIME\n"
        "  --against FILE   the rule set to compare with\n"
        "  --json           one JSON object on standard output\n"
        "  --limit N        events shown per rule and change (default 5)\n"
        "\n"
        "Exit status: 0 when it ran (whatever it found), 1 on an invalid rule set or events\n"
        "that cannot be read, 2 on a usage error.\n");
}

namespace {

QString percent(double rate)
{
    return QLocale::c().toString(rate * 100, 'f', 1) + u'%';
}

QString grouped(qint64 n)
{
    QLocale locale = QLocale::c();
    locale.setNumberOptions({});
    return locale.toString(n);
}

QString padded(const QString &text, int width)
{
    return text.size() > width ? text.left(width - 1) + u'…' : text.leftJustified(width);
}

} // namespace

int BacktestCommand::run(CommandContext &context)
{
    QCommandLineParser parser;
    const QCommandLineOption eventsFile(u"events"_s, QString(), u"FILE"_s);
    const QCommandLineOption db(u"db"_s, QString(), u"PATH"_s);
    const QCommandLineOption since(u"since"_s, QString(), u"TIME"_s);
    const QCommandLineOption until(u"until"_s, QString(), u"TIME"_s);
    const QCommandLineOption against(u"against"_s, QString(), u"FILE"_s);
    const QCommandLineOption json(u"json"_s);
    const QCommandLineOption limit(u"limit"_s, QString(), u"N"_s, u"5"_s);
    parser.addOptions({eventsFile, db, since, until, against, json, limit});
    const CommandArguments commandLine(context, u"backtest"_s, usage());
    if (const std::optional<int> exit = commandLine.parse(parser))
        return *exit;
    if (parser.positionalArguments().size() != 1)
        return commandLine.usageError(tr("name one rule set file"));
    if (parser.isSet(eventsFile) == parser.isSet(db))
        return commandLine.usageError(
            tr("give the events with either --events FILE or --db PATH|URL"));
    if (!parser.isSet(db) && (parser.isSet(since) || parser.isSet(until)))
        return commandLine.usageError(tr("--since and --until go with --db"));
    bool limitOk = false;
    const int examples = parser.value(limit).toInt(&limitOk);
    if (!limitOk || examples < 0 || examples > 10'000)
        return commandLine.usageError(
            tr("--limit takes a number from 0 to 10000, not \"%1\"").arg(parser.value(limit)));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QDateTime from;
    QDateTime to;
    for (const auto &[option, target] : {std::pair{&since, &from}, std::pair{&until, &to}}) {
        if (!parser.isSet(*option))
            continue;
        const std::optional<QDateTime> time = parseTimeArgument(parser.value(*option), now);
        if (!time)
            return commandLine.usageError(
                tr("--%1 takes a date, a date-time or a time ago such as 12h, not "
                   "\"%2\"")
                    .arg(option->names().constFirst(), parser.value(*option)));
        *target = *time;
    }

    const std::optional<RuleSetInput> rules =
        RuleSetInput::load(parser.positionalArguments().constFirst(), context);
    if (!rules)
        return ExitInvalidInput;
    std::optional<RuleSetInput> old;
    if (parser.isSet(against)) {
        old = RuleSetInput::load(parser.value(against), context);
        if (!old)
            return ExitInvalidInput;
    }

    // The events, read once.
    QElapsedTimer clock;
    clock.start();
    EventLines::Result events;
    QString source;
    if (parser.isSet(eventsFile)) {
        source = parser.value(eventsFile);
        events = EventLines::readFile(source, context.catalog);
        if (!events.error.isEmpty()) {
            context.err << source << u": "_s << events.error << Qt::endl;
            return ExitInvalidInput;
        }
        for (const EventLines::Skipped &skipped : std::as_const(events.skipped))
            context.err << source << u':' << skipped.line << u": "_s << skipped.message << u" "_s
                        << tr("(skipped)") << Qt::endl;
        if (events.skippedCount > events.skipped.size())
            context.err
                << source << u": "_s
                << tr("%1 more lines skipped").arg(events.skippedCount - events.skipped.size())
                << Qt::endl;
    } else {
        source = parser.value(db);
        events = KeptEvents::read({source, QString(), from, to}, context.catalog);
        source = OpenStorage::shown(source); // a URL's password is never printed
        if (!events.error.isEmpty()) {
            context.err << events.error << Qt::endl;
            return ExitInvalidInput;
        }
    }
    const qint64 readMs = clock.restart();

    Backtest::Options options;
    options.examples = examples;
    options.traceLanguage = rules->loaded.ruleSet().locale;
    const Backtest backtest(*rules->loaded.compiled, old ? &*old->loaded.compiled : nullptr);
    BacktestReport report = backtest.run(events.events, options);
    report.skippedLines = events.skippedCount;
    const qint64 runMs = clock.elapsed();

    if (parser.isSet(json)) {
        QJsonObject root = report.toJson();
        root.insert(u"ruleSet"_s, rules->fileName);
        if (old)
            root.insert(u"against"_s, old->fileName);
        root.insert(u"source"_s, source);
        root.insert(u"readMs"_s, readMs);
        root.insert(u"evaluateMs"_s, runMs);
        context.out << QString::fromUtf8(QJsonDocument(root).toJson(QJsonDocument::Indented));
        return ExitOk;
    }

    QTextStream &out = context.out;
    out << tr("Backtest of %1 on %2: %3 events")
               .arg(rules->fileName, source, grouped(report.events));
    if (report.skippedLines > 0)
        out << tr(" (%1 lines skipped)").arg(grouped(report.skippedLines));
    out << tr(", read in %1 ms, evaluated in %2 ms").arg(readMs).arg(runMs) << Qt::endl;
    if (old)
        out << tr("Compared with %1: %2 of %3 rules change")
                   .arg(old->fileName)
                   .arg(report.changedRules())
                   .arg(report.rules.size())
            << Qt::endl;
    out << Qt::endl;
    QString header = padded(tr("Rule"), 28) + u' ' + padded(tr("When"), 22)
                     + tr("      Seen   Matched    Rate  Webhooks");
    if (report.compared)
        header += tr("    Before     New    Gone");
    out << header << Qt::endl;
    for (const BacktestReport::Rule &r : std::as_const(report.rules)) {
        QString line = padded(r.id, 28) + u' ' + padded(r.eventType, 22)
                       + grouped(r.seen).rightJustified(10) + grouped(r.matched).rightJustified(10)
                       + percent(r.matchRate()).rightJustified(8)
                       + grouped(r.actions).rightJustified(10);
        if (report.compared) {
            line += grouped(r.matchedBefore).rightJustified(10)
                    + QString(u'+' + grouped(r.newlyMatched)).rightJustified(8)
                    + QString(u'-' + grouped(r.noLongerMatched)).rightJustified(8);
            if (!r.inAfter)
                line += u"  "_s + tr("(only in %1)").arg(old->fileName);
            else if (!r.inBefore)
                line += u"  "_s + tr("(new rule)");
        }
        if (r.undecided > 0)
            line += u"  "_s + tr("%1 undecided").arg(grouped(r.undecided));
        out << line.trimmed() << Qt::endl;
    }

    for (const BacktestReport::Rule &r : std::as_const(report.rules)) {
        for (const bool newly : {true, false}) {
            const QList<BacktestReport::Example> &list = newly ? r.newly : r.noLonger;
            if (list.isEmpty())
                continue;
            const qint64 count = newly ? r.newlyMatched : r.noLongerMatched;
            out << Qt::endl
                << (newly ? tr("%1 \"%2\": %3 events newly match; the first %4:")
                          : tr("%1 \"%2\": %3 events no longer match; the first %4:"))
                       .arg(r.id, r.name, grouped(count))
                       .arg(list.size())
                << Qt::endl;
            for (const BacktestReport::Example &e : list) {
                out << u"  "_s << (e.eventId.isEmpty() ? tr("(no id)") : e.eventId);
                if (e.line > 0)
                    out << u" ("_s << tr("line %1").arg(e.line) << u')';
                out << Qt::endl;
                out << u"    "_s
                    << tr("now: %1").arg(
                           CompiledRuleSet::outcomeText(e.after, options.traceLanguage))
                    << Qt::endl;
                for (const QString &traceLine : traceLines(e.traceAfter, options.traceLanguage, 3))
                    out << traceLine << Qt::endl;
                out << u"    "_s
                    << tr("before: %1")
                           .arg(CompiledRuleSet::outcomeText(e.before, options.traceLanguage))
                    << Qt::endl;
                for (const QString &traceLine : traceLines(e.traceBefore, options.traceLanguage, 3))
                    out << traceLine << Qt::endl;
            }
        }
    }
    return ExitOk;
}

} // namespace Kanca
