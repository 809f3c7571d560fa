// Writes a large history file for trying the history view and for benchmarks:
//   kanca_make_history_db FILE [--deliveries N] [--attempts M] [--days D] [--pending-every P]
#include "HistoryGenerator.h"
#include "history/HistoryDatabase.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTextStream>

using namespace Qt::StringLiterals;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    QTextStream err(stderr);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Creates a Kanca history file of generated deliveries and attempts, in one "
        "transaction (a million attempts take seconds). The file must not exist."_s);
    parser.addHelpOption();
    parser.addPositionalArgument(u"file"_s, u"The history file to create."_s);
    const QCommandLineOption deliveries(u"deliveries"_s, u"How many deliveries (250000)."_s, u"n"_s,
                                        u"250000"_s);
    const QCommandLineOption attempts(u"attempts"_s, u"Attempts per delivery (4)."_s, u"m"_s,
                                      u"4"_s);
    const QCommandLineOption days(u"days"_s, u"Spread over this many days (30)."_s, u"d"_s,
                                  u"30"_s);
    const QCommandLineOption pendingEvery(
        u"pending-every"_s, u"Every p-th delivery is left pending (0: none)."_s, u"p"_s, u"0"_s);
    parser.addOptions({deliveries, attempts, days, pendingEvery});
    parser.process(app);
    if (parser.positionalArguments().size() != 1) {
        err << u"Give exactly one file.\n\n"_s << parser.helpText();
        return 2;
    }

    Kanca::HistoryGenerator::Options options;
    bool ok[4] = {};
    options.deliveries = parser.value(deliveries).toLongLong(&ok[0]);
    options.attemptsPerDelivery = parser.value(attempts).toInt(&ok[1]);
    options.days = parser.value(days).toInt(&ok[2]);
    options.pendingEvery = parser.value(pendingEvery).toLongLong(&ok[3]);
    if (!ok[0] || !ok[1] || !ok[2] || !ok[3] || options.days < 1 || options.pendingEvery < 0) {
        err << u"--deliveries, --attempts, --days and --pending-every take whole numbers.\n"_s;
        return 2;
    }

    QElapsedTimer timer;
    timer.start();
    QString error;
    if (!Kanca::HistoryGenerator::generate(parser.positionalArguments().constFirst(), options,
                                           &error)) {
        err << error << Qt::endl;
        return 1;
    }
    const qint64 elapsed = timer.elapsed();
    Kanca::HistoryDatabase history;
    if (!history.open(parser.positionalArguments().constFirst(), &error)) {
        err << error << Qt::endl;
        return 1;
    }
    out << u"%1 deliveries, %2 attempts in %3 ms"_s.arg(options.deliveries)
               .arg(history.countAttempts())
               .arg(elapsed)
        << Qt::endl;
    return 0;
}
