// The Kanca side of the compute benchmarks (run.sh runs it; see NOTES.md):
//
//   kanca_bench_compute DIR
//       measures rule evaluation and template rendering on the inputs node/generate.js wrote
//       into DIR and prints the figures as JSON (the same shape as node/bench.js prints)
//   kanca_bench_compute DIR --profile rules-N|templates-NAME|bodies-NAME CALLS
//       makes CALLS calls without timing anything, for valgrind --tool=callgrind (templates:
//       rendered to text; bodies: to UTF-8)
#include "BenchInputs.h"
#include "RuleEvaluationBench.h"
#include "TemplateRenderingBench.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTextStream>

namespace {

int fail(const QString &message)
{
    QTextStream(stderr) << message << Qt::endl;
    return 1;
}

int profile(const KancaBench::BenchInputs &inputs, const QString &what, qsizetype calls)
{
    if (what.startsWith(QLatin1String("rules-"))) {
        const KancaBench::RuleEvaluationBench bench(inputs, what.mid(6).toInt());
        if (!bench.error().isEmpty())
            return fail(bench.error());
        qsizetype matches = 0;
        for (qsizetype i = 0; i < calls; ++i)
            matches += bench.evaluate(i);
        QTextStream(stdout) << matches << QStringLiteral(" matches") << Qt::endl;
        return 0;
    }
    for (qsizetype set = 0; set < inputs.templateSets().size(); ++set) {
        const QString &name = inputs.templateSets().at(set).name;
        const bool text = what == QStringLiteral("templates-") + name;
        if (!text && what != QStringLiteral("bodies-") + name)
            continue;
        KancaBench::TemplateRenderingBench bench(inputs, set);
        if (!bench.error().isEmpty())
            return fail(bench.error());
        for (qsizetype i = 0; i < calls; ++i) {
            if (text)
                bench.render(i);
            else
                bench.renderBody(i);
        }
        return 0;
    }
    return fail(QStringLiteral("unknown benchmark: ") + what);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 2 && !(args.size() == 5 && args.at(2) == QLatin1String("--profile")))
        return fail(QStringLiteral("usage: kanca_bench_compute DIR [--profile WHAT CALLS]"));

    KancaBench::BenchInputs inputs;
    QString error;
    if (!inputs.read(args.at(1), &error))
        return fail(error);
    if (args.size() == 5)
        return profile(inputs, args.at(3), args.at(4).toLongLong());

    QJsonArray rules;
    for (const int count : inputs.ruleCounts()) {
        const KancaBench::RuleEvaluationBench bench(inputs, count);
        if (!bench.error().isEmpty())
            return fail(bench.error());
        rules.append(bench.run());
    }
    QJsonArray templates;
    for (qsizetype set = 0; set < inputs.templateSets().size(); ++set) {
        KancaBench::TemplateRenderingBench bench(inputs, set);
        if (!bench.error().isEmpty())
            return fail(bench.error());
        for (const QJsonValue measured : bench.run())
            templates.append(measured);
        if (!bench.error().isEmpty())
            return fail(bench.error());
    }
    const QJsonObject result{{QStringLiteral("rules"), rules},
                             {QStringLiteral("templates"), templates}};
    QTextStream(stdout) << QJsonDocument(result).toJson(QJsonDocument::Compact);
    return 0;
}
