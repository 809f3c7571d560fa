#pragma once

#include "model/Condition.h"
#include "model/RuleSet.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QString>

#include <vector>

namespace Kanca {

class Catalog;

// What evaluating a condition tree found: for every leaf, what was compared with what and the
// outcome; for every group, its members and its outcome.
struct ConditionTrace
{
    Condition::Kind kind = Condition::Kind::All;
    bool result = false;
    // Neither true nor false: a regular expression below gave up (see ConditionVerdict).
    bool undecided = false;
    QString pointer; // the condition's JSON pointer in the rule set ("/rules/0/if/all/1")
    std::vector<ConditionTrace> children;

    // Leaf only.
    QString field;
    Operator op = Operator::Equals;
    QJsonValue expected = QJsonValue(QJsonValue::Undefined); // the rule's value
    QJsonValue actual = QJsonValue(QJsonValue::Undefined); // the event's value (Undefined: absent)
    QString explanation; // a sentence in the trace's language: "Contact Tags contains "VIP""

    // {"all": [...], "result": true} for groups, {"not": {...}, "result": ...},
    // {"field": ..., "op": ..., "value": ..., "actual": ..., "result": ..., "explanation": ...}
    // for leaves; labels in the given language. An undecided node has "result": null.
    QJsonObject toJson() const;
};

} // namespace Kanca
