#include "conditions/EvaluationOrder.h"

#include "conditions/CompiledConditionNode.h"

#include <algorithm>
#include <numeric>

namespace Kanca::EvaluationOrder {

namespace {

// A group's cost is capped here, so that sums over any number of members cannot overflow.
constexpr quint32 MostCost = 1u << 30;

} // namespace

quint32 leafCost(const CompiledConditionNode &leaf)
{
    if (leaf.invalid)
        return 1; // false without looking at the event
    switch (leaf.mode) {
    case LeafMode::Emptiness:
    case LeafMode::Number:
        return 1;
    case LeafMode::Instant: // a text read as a date-time
        return 4;
    case LeafMode::Text:
        return 2;
    case LeafMode::List: // each element folded
        return 3;
    case LeafMode::Pattern:
        return 8;
    }
    return 1;
}

void arrange(CompiledConditionNode &node)
{
    node.order.clear();
    switch (node.kind) {
    case Condition::Kind::Leaf:
        node.cost = leafCost(node);
        return;
    case Condition::Kind::Not:
        node.cost = node.children.empty() ? 1 : node.children.front().cost;
        return;
    case Condition::Kind::All:
    case Condition::Kind::Any:
        break;
    }
    quint64 sum = 0;
    for (const CompiledConditionNode &child : node.children)
        sum += child.cost;
    node.cost = quint32(std::min<quint64>(std::max<quint64>(sum, 1), MostCost));
    const auto cheaper = [&](std::uint32_t a, std::uint32_t b) {
        return node.children[a].cost < node.children[b].cost;
    };
    std::vector<std::uint32_t> order(node.children.size());
    std::iota(order.begin(), order.end(), 0u);
    if (std::is_sorted(order.cbegin(), order.cend(), cheaper))
        return; // as written
    std::stable_sort(order.begin(), order.end(), cheaper);
    node.order = std::move(order);
}

} // namespace Kanca::EvaluationOrder
