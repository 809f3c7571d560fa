#include "editing/ConditionTree.h"

#include "format/Problem.h"

namespace Kanca {

int ConditionTree::negations(const Condition &item)
{
    int count = 0;
    const Condition *node = &item;
    while (node->kind == Condition::Kind::Not && node->children.size() == 1) {
        ++count;
        node = &node->children.front();
    }
    return count;
}

const Condition &ConditionTree::base(const Condition &item)
{
    const Condition *node = &item;
    while (node->kind == Condition::Kind::Not && node->children.size() == 1)
        node = &node->children.front();
    return *node;
}

Condition &ConditionTree::base(Condition &item)
{
    Condition *node = &item;
    while (node->kind == Condition::Kind::Not && node->children.size() == 1)
        node = &node->children.front();
    return *node;
}

const Condition *ConditionTree::item(const Condition &root, const ConditionPath &path)
{
    const Condition *node = &root;
    for (const int index : path) {
        const Condition &group = base(*node);
        if (!group.isGroup() || index < 0 || std::size_t(index) >= group.children.size())
            return nullptr;
        node = &group.children[std::size_t(index)];
    }
    return node;
}

Condition *ConditionTree::item(Condition &root, const ConditionPath &path)
{
    return const_cast<Condition *>(item(std::as_const(root), path));
}

QString ConditionTree::pointer(const Condition &root, const ConditionPath &path,
                               bool throughNegations)
{
    QString result;
    const Condition *node = &root;
    const auto descendNegations = [&] {
        while (node->kind == Condition::Kind::Not && node->children.size() == 1) {
            result = jsonPointerAppend(result, u"not");
            node = &node->children.front();
        }
    };
    for (const int index : path) {
        descendNegations();
        if (!node->isGroup() || index < 0 || std::size_t(index) >= node->children.size())
            return result;
        result = jsonPointerAppend(result, node->kind == Condition::Kind::All ? u"all" : u"any");
        result = jsonPointerAppend(result, qsizetype(index));
        node = &node->children[std::size_t(index)];
    }
    if (throughNegations)
        descendNegations();
    return result;
}

bool ConditionTree::sameShape(const Condition &a, const Condition &b)
{
    const Condition &baseA = base(a);
    const Condition &baseB = base(b);
    if (baseA.isGroup() != baseB.isGroup())
        return false;
    if (!baseA.isGroup())
        return baseA.kind == baseB.kind; // two leaves, or two malformed "not"s
    if (baseA.children.size() != baseB.children.size())
        return false;
    for (std::size_t i = 0; i < baseA.children.size(); ++i) {
        if (!sameShape(baseA.children[i], baseB.children[i]))
            return false;
    }
    return true;
}

Condition ConditionTree::withNegation(Condition item, bool negated)
{
    const bool isNegated = negations(item) % 2 == 1;
    if (isNegated == negated)
        return item;
    if (negated)
        return Condition::negate(std::move(item));
    Condition inner = std::move(item.children.front());
    return inner;
}

Condition ConditionTree::newLeaf()
{
    return Condition::leaf(QString(), Operator::Equals);
}

} // namespace Kanca
