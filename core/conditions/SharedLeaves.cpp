#include "conditions/SharedLeaves.h"

#include "conditions/CompiledCondition.h"
#include "conditions/CompiledConditionNode.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>

#include <atomic>
#include <utility>
#include <vector>

using namespace Qt::StringLiterals;

namespace Kanca::SharedLeaves {

namespace {

// What decides a leaf besides the event; empty when something else does (a path that is not
// into the event).
QString identity(const CompiledConditionNode &leaf)
{
    if (leaf.path.id() < 0)
        return {};
    const QByteArray value = QJsonDocument(QJsonArray{leaf.value}).toJson(QJsonDocument::Compact);
    return u"%1|%2|%3|%4|%5|%6|"_s.arg(leaf.path.text())
               .arg(int(leaf.mode))
               .arg(int(leaf.op))
               .arg(int(leaf.language))
               .arg(int(leaf.caseSensitive))
               .arg(int(leaf.invalid))
           + QString::fromUtf8(value);
}

} // namespace

void number(const std::vector<CompiledCondition *> &conditions)
{
    static std::atomic<quint32> numberings{0};
    quint32 owner = ++numberings;
    if (owner == 0) // 0 is no numbering; after 2^32 rule sets, the count starts again
        owner = ++numberings;

    // Each leaf with what decides it, once; then how often each identity appears.
    std::vector<std::pair<CompiledConditionNode *, QString>> leaves;
    QHash<QString, int> seen; // identity -> times, then -> slot
    for (CompiledCondition *condition : conditions) {
        condition->forEachLeaf([&](CompiledConditionNode &leaf) {
            QString id = identity(leaf);
            if (!id.isEmpty())
                ++seen[id];
            leaves.emplace_back(&leaf, std::move(id));
        });
    }
    int slots = 0;
    for (auto it = seen.begin(); it != seen.end(); ++it)
        it.value() = it.value() >= 2 ? slots++ : -1;
    for (const auto &[leaf, id] : leaves) {
        leaf->sharedSlot = id.isEmpty() ? -1 : seen.value(id, -1);
        leaf->sharedOwner = leaf->sharedSlot >= 0 ? owner : 0;
    }
}

} // namespace Kanca::SharedLeaves
