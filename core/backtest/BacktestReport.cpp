#include "BacktestReport.h"

#include <QJsonArray>

namespace Kanca {

namespace {

QString outcomeName(CompiledRuleSet::Outcome outcome)
{
    switch (outcome) {
    case CompiledRuleSet::Outcome::Matched:
        return QStringLiteral("matched");
    case CompiledRuleSet::Outcome::Disabled:
        return QStringLiteral("disabled");
    case CompiledRuleSet::Outcome::OtherEvent:
        return QStringLiteral("other-event");
    case CompiledRuleSet::Outcome::ConditionFalse:
        return QStringLiteral("condition-false");
    case CompiledRuleSet::Outcome::Undecided:
        return QStringLiteral("undecided");
    }
    return {};
}

QJsonArray examplesJson(const QList<BacktestReport::Example> &examples, bool compared)
{
    QJsonArray out;
    for (const BacktestReport::Example &e : examples) {
        QJsonObject o{{QStringLiteral("event"), e.eventId},
                      {QStringLiteral("after"), outcomeName(e.after)},
                      {QStringLiteral("traceAfter"), e.traceAfter.toJson()}};
        if (e.line > 0)
            o.insert(QStringLiteral("line"), e.line);
        if (compared) {
            o.insert(QStringLiteral("before"), outcomeName(e.before));
            o.insert(QStringLiteral("traceBefore"), e.traceBefore.toJson());
        }
        out.append(o);
    }
    return out;
}

} // namespace

qint64 BacktestReport::changedRules() const
{
    return std::count_if(rules.cbegin(), rules.cend(), [](const Rule &r) { return r.changed(); });
}

QJsonObject BacktestReport::toJson() const
{
    QJsonArray list;
    for (const Rule &r : rules) {
        QJsonObject o{
            {QStringLiteral("id"), r.id},           {QStringLiteral("name"), r.name},
            {QStringLiteral("when"), r.eventType},  {QStringLiteral("seen"), r.seen},
            {QStringLiteral("matched"), r.matched}, {QStringLiteral("matchRate"), r.matchRate()},
            {QStringLiteral("actions"), r.actions}};
        if (r.undecided > 0)
            o.insert(QStringLiteral("undecided"), r.undecided);
        if (compared) {
            o.insert(QStringLiteral("inRuleSet"), r.inAfter);
            o.insert(QStringLiteral("inAgainst"), r.inBefore);
            o.insert(QStringLiteral("matchedBefore"), r.matchedBefore);
            o.insert(QStringLiteral("newlyMatched"), r.newlyMatched);
            o.insert(QStringLiteral("noLongerMatched"), r.noLongerMatched);
            o.insert(QStringLiteral("newlyMatchedEvents"), examplesJson(r.newly, true));
            o.insert(QStringLiteral("noLongerMatchedEvents"), examplesJson(r.noLonger, true));
        }
        list.append(o);
    }
    QJsonObject root{{QStringLiteral("events"), events},
                     {QStringLiteral("skippedLines"), skippedLines},
                     {QStringLiteral("rules"), list}};
    if (compared)
        root.insert(QStringLiteral("changedRules"), changedRules());
    if (cancelled)
        root.insert(QStringLiteral("cancelled"), true);
    return root;
}

} // namespace Kanca
