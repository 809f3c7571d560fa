#pragma once

#include "model/Operator.h"

#include <QJsonValue>
#include <QString>

#include <vector>

namespace Kanca {

// A node of a rule's condition tree: a group (all / any), a negation, or a leaf comparing a
// field with a value. A plain value type; evaluation lives in conditions/.
struct Condition
{
    enum class Kind { All, Any, Not, Leaf };

    Kind kind = Kind::All;
    std::vector<Condition> children; // All, Any: the members; Not: exactly one

    // Leaf only.
    QString field;
    Operator op = Operator::Equals;
    QJsonValue value = QJsonValue(QJsonValue::Undefined); // Undefined when absent
    bool caseSensitive = false;

    static Condition all(std::vector<Condition> members = {});
    static Condition any(std::vector<Condition> members = {});
    static Condition negate(Condition inner);
    static Condition leaf(QString field, Operator op, QJsonValue value = QJsonValue::Undefined,
                          bool caseSensitive = false);

    bool isGroup() const { return kind == Kind::All || kind == Kind::Any; }

    friend bool operator==(const Condition &a, const Condition &b);
};

} // namespace Kanca
