#include "engine/CompiledRuleSet.h"

#include "catalog/Catalog.h"
#include "conditions/SharedLeaves.h"
#include "event/EventContext.h"
#include "text/Suggest.h"

#include <QRegularExpression>

namespace Kanca {

namespace {

bool isValidRuleId(const QString &id)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9._-]{1,64}$"));
    return pattern.match(id).hasMatch();
}

} // namespace

CompiledRuleSet CompiledRuleSet::compile(RuleSet ruleSet, const Catalog &catalog,
                                         Problems *problems)
{
    CompiledRuleSet compiled;
    compiled.m_ruleSet = std::move(ruleSet);
    const QList<Rule> &rules = compiled.m_ruleSet.rules;
    compiled.m_rules.reserve(std::size_t(rules.size()));

    QHash<QString, qsizetype> firstWithId;
    for (qsizetype i = 0; i < rules.size(); ++i) {
        const Rule &rule = rules.at(i);
        const QString pointer = jsonPointerAppend(QStringLiteral("/rules"), i);

        if (!isValidRuleId(rule.id)) {
            problems->append({Problem::Severity::Error, pointer + u"/id", 0, 0,
                              tr("rule id \"%1\" is not valid: use 1 to 64 letters, digits, "
                                 "dots, dashes or underscores")
                                  .arg(rule.id)});
        } else if (const auto it = firstWithId.constFind(rule.id); it != firstWithId.constEnd()) {
            problems->append({Problem::Severity::Error, pointer + u"/id", 0, 0,
                              tr("rule id \"%1\" is already used by rule %2: ids must be unique")
                                  .arg(rule.id, QString::number(*it))});
        } else {
            firstWithId.insert(rule.id, i);
        }
        if (rule.name.trimmed().isEmpty()) {
            problems->append(
                {Problem::Severity::Error, pointer + u"/name", 0, 0, tr("a rule needs a name")});
        }
        if (!catalog.event(rule.when)) {
            problems->append({Problem::Severity::Error, pointer + u"/when", 0, 0,
                              tr("unknown event \"%1\"%2")
                                  .arg(rule.when, didYouMean(rule.when, catalog.eventIds()))});
        }

        CompiledRule compiledRule;
        if (rule.condition) {
            compiledRule.condition = CompiledCondition::compile(
                *rule.condition, compiled.m_ruleSet.locale, catalog, pointer + u"/if", problems);
        }
        for (qsizetype a = 0; a < rule.actions.size(); ++a) {
            const QString actionPointer = jsonPointerAppend(pointer + u"/then", a);
            std::visit(
                [&](const WebhookAction &webhook) {
                    compiledRule.actions.push_back(
                        CompiledAction::compile(webhook, catalog, actionPointer, problems));
                },
                rule.actions.at(a));
        }
        compiled.m_rules.push_back(std::move(compiledRule));
        if (rule.enabled)
            compiled.m_rulesByEvent[rule.when.toUtf8()].append(i);
    }
    std::vector<CompiledCondition *> conditions;
    conditions.reserve(compiled.m_rules.size());
    for (CompiledRule &rule : compiled.m_rules)
        conditions.push_back(&rule.condition);
    SharedLeaves::number(conditions);
    return compiled;
}

QList<qsizetype> CompiledRuleSet::matchingRules(const EventContext &event,
                                                QList<qsizetype> *undecided) const
{
    EventContext context = event;
    return matchingRules(context, undecided);
}

const QList<qsizetype> *CompiledRuleSet::rulesFor(const EventContext &context) const
{
    // The type as the event holds it, without making a QString of it (the event's texts are
    // UTF-8 unless UTF-8 cannot hold them).
    const std::optional<QByteArrayView> type = context.event().typeUtf8();
    const auto found =
        type ? m_rulesByEvent.constFind(QByteArray::fromRawData(type->data(), type->size()))
             : m_rulesByEvent.constFind(context.eventType().toUtf8());
    return found == m_rulesByEvent.constEnd() ? nullptr : &*found;
}

QList<qsizetype> CompiledRuleSet::matchingRules(EventContext &context,
                                                QList<qsizetype> *undecided) const
{
    QList<qsizetype> result;
    const QList<qsizetype> *const candidates = rulesFor(context);
    if (!candidates)
        return result;
    result.reserve(candidates->size());
    const Rule *const rule = context.rule();
    for (const qsizetype index : *candidates) {
        context.setRule(&m_ruleSet.rules.at(index));
        switch (m_rules[std::size_t(index)].condition.evaluate(context)) {
        case ConditionVerdict::True:
            result.append(index);
            break;
        case ConditionVerdict::Undecided:
            if (undecided)
                undecided->append(index);
            break;
        case ConditionVerdict::False:
            break;
        }
    }
    context.setRule(rule);
    return result;
}

QList<CompiledRuleSet::Evaluation> CompiledRuleSet::explain(const EventContext &event,
                                                            Language language) const
{
    QList<Evaluation> result;
    EventContext context = event;
    const QString type = event.eventType();
    for (qsizetype i = 0; i < m_ruleSet.rules.size(); ++i) {
        const Rule &rule = m_ruleSet.rules.at(i);
        Evaluation evaluation;
        evaluation.ruleIndex = i;
        if (!rule.enabled) {
            evaluation.outcome = Outcome::Disabled;
        } else if (rule.when != type) {
            evaluation.outcome = Outcome::OtherEvent;
        } else {
            context.setRule(&rule);
            switch (
                m_rules[std::size_t(i)].condition.evaluate(context, &evaluation.trace, language)) {
            case ConditionVerdict::True:
                evaluation.outcome = Outcome::Matched;
                break;
            case ConditionVerdict::False:
                evaluation.outcome = Outcome::ConditionFalse;
                break;
            case ConditionVerdict::Undecided:
                evaluation.outcome = Outcome::Undecided;
                break;
            }
        }
        result.append(std::move(evaluation));
    }
    return result;
}

ConditionVerdict CompiledRuleSet::conditionHolds(qsizetype rule, const EventContext &event,
                                                 ConditionTrace *trace, Language language) const
{
    return m_rules[std::size_t(rule)].condition.evaluate(event, trace, language);
}

QString CompiledRuleSet::outcomeText(Outcome outcome, Language language)
{
    const bool tr = language == Language::Turkish;
    switch (outcome) {
    case Outcome::Matched:
        return tr ? QStringLiteral("kural eşleşti") : QStringLiteral("the rule matched");
    case Outcome::Disabled:
        return tr ? QStringLiteral("kural kapalı") : QStringLiteral("the rule is disabled");
    case Outcome::OtherEvent:
        return tr ? QStringLiteral("kural başka bir olayda çalışır")
                  : QStringLiteral("the rule runs on another event");
    case Outcome::ConditionFalse:
        return tr ? QStringLiteral("koşullar sağlanmadı")
                  : QStringLiteral("the conditions are not met");
    case Outcome::Undecided:
        return tr ? QStringLiteral("karar verilemedi: bir düzenli ifade bu metinde vazgeçti "
                                   "(eşleşme sınırı); kural çalışmaz")
                  : QStringLiteral("undecided: a regular expression gave up on this text "
                                   "(match limit); the rule does not fire");
    }
    return {};
}

} // namespace Kanca
