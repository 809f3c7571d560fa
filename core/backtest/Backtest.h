#pragma once

#include "backtest/BacktestReport.h"
#include "backtest/EventLines.h"
#include "model/RuleSet.h"

#include <QList>

#include <atomic>

namespace Kanca {

class CompiledRuleSet;

// Runs a rule set against past events, optionally beside another version of it (the one that
// runs now), and reports per rule what it would do and what changes (see BacktestReport). Rules
// of the two versions are paired by id. Only conditions are evaluated: nothing is rendered or
// sent. The events are split among the machine's cores; each event is evaluated on one thread
// with contexts of its own (the compiled rule sets are only read).
class Backtest final
{
public:
    struct Options
    {
        int examples = 5; // the first N newly and no longer matching events kept per rule
        Language traceLanguage = Language::English;
        int threads = 0; // 0: as many as the machine has cores
    };

    Backtest(const CompiledRuleSet &ruleSet, const CompiledRuleSet *against = nullptr);

    // `cancel` (set from any thread) stops the run early: the report says cancelled and counts
    // what was done. `done` (read from any thread) counts the events evaluated so far.
    BacktestReport run(const QList<EventLines::Event> &events, const Options &options,
                       const std::atomic<bool> *cancel = nullptr,
                       std::atomic<qint64> *done = nullptr) const;

private:
    const CompiledRuleSet &m_after;
    const CompiledRuleSet *m_before;
};

} // namespace Kanca
