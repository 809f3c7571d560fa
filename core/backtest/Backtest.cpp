#include "Backtest.h"

#include "backtest/Parallel.h"
#include "engine/CompiledRuleSet.h"
#include "event/EventContext.h"

#include <QHash>
#include <QThread>

#include <algorithm>
#include <memory>
#include <vector>

namespace Kanca {

namespace {

using Outcome = CompiledRuleSet::Outcome;

// The rows of the report: the rules run, in order, then those only in the other version.
struct Layout
{
    QList<BacktestReport::Rule> rows;
    std::vector<qsizetype> rowOfAfter;            // rule index in the set run -> row
    std::vector<qsizetype> rowOfBefore;           // rule index in the other version -> row
    QHash<QString, QList<qsizetype>> afterByType; // event type -> rule indexes (set run)
};

Layout layout(const CompiledRuleSet &after, const CompiledRuleSet *before)
{
    Layout l;
    const QList<Rule> &rules = after.ruleSet().rules;
    QHash<QString, qsizetype> rowById;
    for (qsizetype i = 0; i < rules.size(); ++i) {
        const Rule &rule = rules.at(i);
        BacktestReport::Rule row;
        row.id = rule.id;
        row.name = rule.name;
        row.eventType = rule.when;
        l.rowOfAfter.push_back(l.rows.size());
        rowById.insert(rule.id, l.rows.size());
        l.afterByType[rule.when].append(i);
        l.rows.append(row);
    }
    if (before) {
        const QList<Rule> &old = before->ruleSet().rules;
        for (qsizetype i = 0; i < old.size(); ++i) {
            const auto found = rowById.constFind(old.at(i).id);
            if (found != rowById.cend()) {
                l.rows[*found].inBefore = true;
                l.rowOfBefore.push_back(*found);
                continue;
            }
            BacktestReport::Rule row;
            row.id = old.at(i).id;
            row.name = old.at(i).name;
            row.eventType = old.at(i).when;
            row.inAfter = false;
            row.inBefore = true;
            l.rowOfBefore.push_back(l.rows.size());
            rowById.insert(row.id, l.rows.size());
            l.rows.append(row);
        }
    }
    return l;
}

// Why rule `index` of `set` does or does not fire for the event, with its condition's trace.
Outcome outcomeOf(const CompiledRuleSet &set, qsizetype index, EventContext &context,
                  Language language, ConditionTrace *trace)
{
    const Rule &rule = set.ruleSet().rules.at(index);
    if (rule.when != context.eventType())
        return Outcome::OtherEvent;
    context.setRule(&rule);
    const ConditionVerdict verdict = set.conditionHolds(index, context, trace, language);
    context.setRule(nullptr);
    if (!rule.enabled)
        return Outcome::Disabled;
    switch (verdict) {
    case ConditionVerdict::True:
        return Outcome::Matched;
    case ConditionVerdict::False:
        return Outcome::ConditionFalse;
    case ConditionVerdict::Undecided:
        return Outcome::Undecided;
    }
    return Outcome::ConditionFalse;
}

// One thread's share: counts per row and the first examples, in event order.
struct Share
{
    std::vector<BacktestReport::Rule> rows;
    qint64 events = 0;
};

} // namespace

Backtest::Backtest(const CompiledRuleSet &ruleSet, const CompiledRuleSet *against)
    : m_after(ruleSet)
    , m_before(against)
{}

BacktestReport Backtest::run(const QList<EventLines::Event> &events, const Options &options,
                             const std::atomic<bool> *cancel, std::atomic<qint64> *done) const
{
    const Layout l = layout(m_after, m_before);
    const qsizetype rowCount = l.rows.size();
    const int threads =
        std::clamp(options.threads > 0 ? options.threads : QThread::idealThreadCount(), 1, 64);
    const qsizetype total = events.size();
    // Small lists are not worth a thread; others are cut into one part per core.
    std::vector<Share> shares(std::size_t(total < 2'000 ? 1 : threads));

    const auto work = [&](int part) {
        Share &share = shares[std::size_t(part)];
        share.rows.assign(l.rows.cbegin(), l.rows.cend());
        std::vector<char> matchedAfter(static_cast<std::size_t>(rowCount));
        std::vector<char> matchedBefore(static_cast<std::size_t>(rowCount));
        const qsizetype parts = qsizetype(shares.size());
        const qsizetype from = total * part / parts;
        const qsizetype to = total * (part + 1) / parts;
        for (qsizetype e = from; e < to; ++e) {
            if (cancel && cancel->load(std::memory_order_relaxed))
                break;
            const EventLines::Event &event = events.at(e);
            // One context for both versions: what it remembers of the event (values, folded
            // texts) serves the other version's conditions too.
            EventContext context(event.event);
            std::fill(matchedAfter.begin(), matchedAfter.end(), 0);
            QList<qsizetype> undecided;
            const QList<qsizetype> matched = m_after.matchingRules(context, &undecided);
            for (const qsizetype i : l.afterByType.value(context.eventType()))
                ++share.rows[std::size_t(l.rowOfAfter[std::size_t(i)])].seen;
            for (const qsizetype i : matched) {
                const qsizetype row = l.rowOfAfter[std::size_t(i)];
                matchedAfter[std::size_t(row)] = 1;
                BacktestReport::Rule &r = share.rows[std::size_t(row)];
                ++r.matched;
                r.actions += m_after.ruleSet().rules.at(i).actions.size();
            }
            for (const qsizetype i : undecided)
                ++share.rows[std::size_t(l.rowOfAfter[std::size_t(i)])].undecided;
            ++share.events;
            if (done)
                done->fetch_add(1, std::memory_order_relaxed);
            if (!m_before)
                continue;

            std::fill(matchedBefore.begin(), matchedBefore.end(), 0);
            for (const qsizetype i : m_before->matchingRules(context)) {
                const qsizetype row = l.rowOfBefore[std::size_t(i)];
                matchedBefore[std::size_t(row)] = 1;
                ++share.rows[std::size_t(row)].matchedBefore;
            }
            for (qsizetype row = 0; row < rowCount; ++row) {
                if (matchedAfter[std::size_t(row)] == matchedBefore[std::size_t(row)])
                    continue;
                BacktestReport::Rule &r = share.rows[std::size_t(row)];
                const bool newly = matchedAfter[std::size_t(row)] != 0;
                qint64 &count = newly ? r.newlyMatched : r.noLongerMatched;
                QList<BacktestReport::Example> &examples = newly ? r.newly : r.noLonger;
                ++count;
                if (examples.size() >= options.examples)
                    continue;
                BacktestReport::Example example;
                example.eventId = event.id();
                example.line = event.line;
                example.index = e;
                const auto afterIndex = std::find(l.rowOfAfter.cbegin(), l.rowOfAfter.cend(), row);
                if (afterIndex != l.rowOfAfter.cend()) {
                    example.after = outcomeOf(m_after, afterIndex - l.rowOfAfter.cbegin(), context,
                                              options.traceLanguage, &example.traceAfter);
                }
                const auto beforeIndex =
                    std::find(l.rowOfBefore.cbegin(), l.rowOfBefore.cend(), row);
                if (beforeIndex != l.rowOfBefore.cend()) {
                    example.before =
                        outcomeOf(*m_before, beforeIndex - l.rowOfBefore.cbegin(), context,
                                  options.traceLanguage, &example.traceBefore);
                }
                examples.append(std::move(example));
            }
        }
    };

    runInParts(int(shares.size()), work);

    BacktestReport report;
    report.rules = l.rows;
    report.compared = m_before != nullptr;
    report.cancelled = cancel && cancel->load();
    for (const Share &share : shares) {
        report.events += share.events;
        for (qsizetype row = 0; row < rowCount; ++row) {
            const BacktestReport::Rule &from = share.rows[std::size_t(row)];
            BacktestReport::Rule &to = report.rules[row];
            to.seen += from.seen;
            to.matched += from.matched;
            to.actions += from.actions;
            to.undecided += from.undecided;
            to.matchedBefore += from.matchedBefore;
            to.newlyMatched += from.newlyMatched;
            to.noLongerMatched += from.noLongerMatched;
            for (const auto &example : from.newly) {
                if (to.newly.size() < options.examples)
                    to.newly.append(example);
            }
            for (const auto &example : from.noLonger) {
                if (to.noLonger.size() < options.examples)
                    to.noLonger.append(example);
            }
        }
    }
    return report;
}

} // namespace Kanca
