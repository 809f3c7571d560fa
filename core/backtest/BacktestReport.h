#pragma once

#include "conditions/ConditionTrace.h"
#include "engine/CompiledRuleSet.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace Kanca {

// What a rule set does to a list of past events, and, compared with another version of it, what
// changes: per rule, how many events of its type were seen and matched, how many webhooks it
// would send; with a comparison, how many events newly match and how many no longer do, with the
// first few of each and the traces of the rule's condition in both versions saying why.
struct BacktestReport
{
    struct Example
    {
        QString eventId;
        qint64 line = 0;     // in the events file; 0 when from a history
        qsizetype index = 0; // in the list of events run
        CompiledRuleSet::Outcome before = CompiledRuleSet::Outcome::OtherEvent;
        CompiledRuleSet::Outcome after = CompiledRuleSet::Outcome::OtherEvent;
        ConditionTrace traceBefore; // of the rule's condition in the old version (when it has it)
        ConditionTrace traceAfter;
    };

    struct Rule
    {
        QString id;
        QString name;
        QString eventType;
        bool inAfter = true;   // the rule is in the rule set run
        bool inBefore = false; // and in the one compared with
        qint64 seen = 0;       // events of its type
        qint64 matched = 0;
        qint64 actions = 0;   // webhooks it would send: matched × its actions
        qint64 undecided = 0; // events its condition could not decide (a pattern gave up)
        qint64 matchedBefore = 0;
        qint64 newlyMatched = 0;
        qint64 noLongerMatched = 0;
        QList<Example> newly; // the first ones, in event order
        QList<Example> noLonger;
        double matchRate() const { return seen > 0 ? double(matched) / double(seen) : 0.0; }
        bool changed() const { return newlyMatched > 0 || noLongerMatched > 0; }
    };

    QList<Rule> rules; // the rule set run's rules in order, then those only in the old version
    qint64 events = 0; // events run
    qint64 skippedLines = 0; // lines of the events file that were not events (reported apart)
    bool compared = false;
    bool cancelled = false;

    qint64 changedRules() const;
    // The report as one object (kanca backtest --json); traces in their language.
    QJsonObject toJson() const;
};

} // namespace Kanca
