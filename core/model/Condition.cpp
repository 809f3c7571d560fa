#include "model/Condition.h"

namespace Kanca {

Condition Condition::all(std::vector<Condition> members)
{
    Condition c;
    c.kind = Kind::All;
    c.children = std::move(members);
    return c;
}

Condition Condition::any(std::vector<Condition> members)
{
    Condition c;
    c.kind = Kind::Any;
    c.children = std::move(members);
    return c;
}

Condition Condition::negate(Condition inner)
{
    Condition c;
    c.kind = Kind::Not;
    c.children.push_back(std::move(inner));
    return c;
}

Condition Condition::leaf(QString field, Operator op, QJsonValue value, bool caseSensitive)
{
    Condition c;
    c.kind = Kind::Leaf;
    c.field = std::move(field);
    c.op = op;
    c.value = std::move(value);
    c.caseSensitive = caseSensitive;
    return c;
}

bool operator==(const Condition &a, const Condition &b)
{
    if (a.kind != b.kind)
        return false;
    if (a.kind == Condition::Kind::Leaf) {
        return a.field == b.field && a.op == b.op && a.value == b.value
               && a.caseSensitive == b.caseSensitive;
    }
    return a.children == b.children;
}

} // namespace Kanca
