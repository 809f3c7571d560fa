#include "RuleEvaluationBench.h"

#include "BenchInputs.h"
#include "Throughput.h"
#include "catalog/Catalog.h"
#include "engine/RuleSetLoader.h"
#include "event/EventContext.h"

#include <QJsonArray>

namespace KancaBench {

RuleEvaluationBench::RuleEvaluationBench(const BenchInputs &inputs, int ruleCount)
    : m_inputs(inputs)
    , m_ruleCount(ruleCount)
{
    Kanca::RuleSetLoader::Result loaded =
        Kanca::RuleSetLoader::load(inputs.ruleSetJson(ruleCount), Kanca::Catalog::builtIn());
    if (!loaded.ok()) {
        m_error = QStringLiteral("rules-%1.kanca.json does not load").arg(ruleCount);
        for (const Kanca::Problem &problem : std::as_const(loaded.problems)) {
            if (problem.severity == Kanca::Problem::Severity::Error)
                m_error += u'\n' + problem.pointer + QStringLiteral(": ") + problem.message;
        }
        return;
    }
    m_ruleSet.emplace(std::move(*loaded.compiled));
    for (const QJsonObject &event : inputs.events())
        m_events.append(Kanca::CompactEvent::fromJson(event));
}

qsizetype RuleEvaluationBench::evaluate(qsizetype i) const
{
    return m_ruleSet->matchingRules(Kanca::EventContext(m_events.at(i % m_events.size()))).size();
}

QJsonObject RuleEvaluationBench::run() const
{
    // The same checksum as node/checksum.js.
    qint64 matches = 0;
    quint32 checksum = 0;
    const qsizetype verified =
        std::min<qsizetype>(m_inputs.verifyEvents(m_ruleCount), qsizetype(m_events.size()));
    for (qsizetype event = 0; event < verified; ++event) {
        const Kanca::EventContext context(m_events.at(event));
        for (const qsizetype rule : m_ruleSet->matchingRules(context)) {
            ++matches;
            checksum = checksum * 31u + quint32(event * 1009 + rule + 1);
        }
    }

    const Throughput throughput = Throughput::measure([this](qsizetype i) { evaluate(i); },
                                                      m_inputs.runs(), m_inputs.budgetMs());
    QJsonObject kanca = throughput.toJson();
    kanca.insert(QStringLiteral("peer"), QStringLiteral("Kanca"));
    kanca.insert(QStringLiteral("matches"), matches);
    kanca.insert(QStringLiteral("checksum"), qint64(checksum));
    return {{QStringLiteral("count"), m_ruleCount}, {QStringLiteral("peers"), QJsonArray{kanca}}};
}

} // namespace KancaBench
