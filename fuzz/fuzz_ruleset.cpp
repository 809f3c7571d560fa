// Fuzz target: the rule-set reader. Any bytes are read as a rule set (unknown keys warned, as a
// file is opened, and refused, as a server reads it); a rule set without errors is compiled
// against the built-in catalog and then planned for the catalog's sample event of each event
// type its rules name, with traces, so that conditions and templates run too. Nothing may crash,
// leak or hit undefined behaviour, and a rule set read without errors must read back the same
// after it is written (RuleSetWriter), or the designer would change a file by saving it.

#include "catalog/Catalog.h"
#include "dispatch/Dispatcher.h"
#include "engine/CompiledRuleSet.h"
#include "engine/SecretProvider.h"
#include "format/RuleSetReader.h"
#include "format/RuleSetWriter.h"

#include <QByteArray>
#include <QDateTime>
#include <QSet>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

using namespace Kanca;
using namespace Qt::StringLiterals;

namespace {

// Every secret resolves, so that credentials and signatures are rendered too.
class FixedSecrets final : public SecretProvider
{
public:
    std::optional<QByteArray> secret(const QString &) const override
    {
        return QByteArray("fuzz-secret");
    }
};

void checkRoundTrip(const RuleSet &ruleSet)
{
    const QByteArray written = RuleSetWriter::write(ruleSet);
    const RuleSetReader::Result reread = RuleSetReader::read(written);
    if (reread.ruleSet && !hasErrors(reread.problems) && *reread.ruleSet == ruleSet)
        return;
    std::fprintf(stderr, "The rule set does not read back the same after writing it:\n%s\n",
                 written.constData());
    for (const Problem &problem : reread.problems)
        std::fprintf(stderr, "%s\n", qUtf8Printable(problem.message));
    std::abort();
}

void compileAndPlan(RuleSet ruleSet, const Catalog &catalog)
{
    Problems problems;
    const CompiledRuleSet compiled =
        CompiledRuleSet::compile(std::move(ruleSet), catalog, &problems);
    if (hasErrors(problems))
        return;
    const FixedSecrets secrets;
    DispatchClock clock;
    clock.now = [] { return QDateTime(QDate(2026, 1, 2), QTime(3, 4, 5), Qt::UTC); };
    clock.newDeliveryId = [](const QDateTime &) { return u"dlv_fuzz"_s; };
    const Dispatcher dispatcher(compiled, secrets, clock);
    QSet<QString> planned;
    for (const Rule &rule : compiled.ruleSet().rules) {
        if (planned.contains(rule.when) || !catalog.event(rule.when))
            continue;
        planned.insert(rule.when);
        DispatchOptions options;
        options.explain = true;
        options.traceLanguage = compiled.ruleSet().locale;
        const DispatchPlan plan =
            dispatcher.plan(catalog.sampleEvent(rule.when, compiled.ruleSet().locale), options);
        (void)plan.deliveries();
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const Catalog &catalog = Catalog::builtIn();
    const QByteArray json =
        QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    RuleSetReader::Result warned = RuleSetReader::read(json, RuleSetReader::UnknownKeys::Warn);
    const RuleSetReader::Result rejected =
        RuleSetReader::read(json, RuleSetReader::UnknownKeys::Reject);
    if (warned.ruleSet && !hasErrors(warned.problems)) {
        checkRoundTrip(*warned.ruleSet);
        compileAndPlan(std::move(*warned.ruleSet), catalog);
    }
    (void)rejected;
    return 0;
}
