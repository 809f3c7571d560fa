#include "conditions/ConditionTrace.h"

#include <QJsonArray>

namespace Kanca {

QJsonObject ConditionTrace::toJson() const
{
    QJsonObject out;
    switch (kind) {
    case Condition::Kind::All:
    case Condition::Kind::Any: {
        QJsonArray members;
        for (const ConditionTrace &child : children)
            members.append(child.toJson());
        out.insert(kind == Condition::Kind::All ? QLatin1String("all") : QLatin1String("any"),
                   members);
        break;
    }
    case Condition::Kind::Not:
        // null when the "not" could not be compiled (it did not hold exactly one condition)
        out.insert(QLatin1String("not"), children.empty() ? QJsonValue(QJsonValue::Null)
                                                          : QJsonValue(children.front().toJson()));
        break;
    case Condition::Kind::Leaf:
        out.insert(QLatin1String("field"), field);
        out.insert(QLatin1String("op"), operatorId(op));
        if (!expected.isUndefined())
            out.insert(QLatin1String("value"), expected);
        if (actual.isUndefined())
            out.insert(QLatin1String("absent"), true);
        else
            out.insert(QLatin1String("actual"), actual);
        break;
    }
    out.insert(QLatin1String("result"),
               undecided ? QJsonValue(QJsonValue::Null) : QJsonValue(result));
    // Always on a leaf; on a group only when there is something to say (a problem).
    if (kind == Condition::Kind::Leaf || !explanation.isEmpty())
        out.insert(QLatin1String("explanation"), explanation);
    return out;
}

} // namespace Kanca
