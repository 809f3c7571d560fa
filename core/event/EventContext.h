#pragma once

#include "event/CompactEvent.h"
#include "event/FieldPath.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QVarLengthArray>

#include <optional>

namespace Kanca {

struct Rule;

// What conditions and templates look values up in: the event (in its compact form,
// CompactEvent), the rule that fired and the delivery's id. Looking up a path that is absent
// gives QJsonValue::Undefined.
//
// A context remembers what it looked up in the event: the value at each path is found once,
// however many conditions and placeholders ask for it, and so is anything derived from it with
// derived() (a condition's folded text). The event cannot change, so nothing remembered goes
// stale; the rule and the delivery id are never remembered. Looking up therefore changes the
// context's memory: one context must not be used by two threads at once.
class EventContext final
{
public:
    EventContext() = default;
    explicit EventContext(CompactEvent event, const Rule *rule = nullptr, QString deliveryId = {});
    // The event is put in its compact form first: where the same event is looked at again, make
    // that form once and give it instead.
    explicit EventContext(const QJsonObject &event, const Rule *rule = nullptr,
                          QString deliveryId = {});

    QJsonValue value(const FieldPath &path) const;
    QJsonValue value(QStringView path) const { return value(FieldPath(path)); }

    // derive() for `kind` (a number the caller chooses for what it derives from the value at
    // `path`: a kind must always be derived the same way), computed on the first call and
    // remembered for paths into the event. `derive` takes no argument (it reads what it needs,
    // value(path) or the compact form's event().scalar(path)) and returns a
    // std::optional<QString>.
    template<typename Derive>
    std::optional<QString> derived(const FieldPath &path, int kind, Derive &&derive) const;
    // What derived() remembers for `path` and `kind`; nullptr when it has not derived it yet.
    const std::optional<QString> *remembered(const FieldPath &path, int kind) const
    {
        const int id = path.id();
        if (id < 0)
            return nullptr;
        for (const RememberedText &known : m_texts) {
            if (known.pathId == id && known.kind == kind)
                return &known.text;
        }
        return nullptr;
    }
    // Where the kinds of each caller of derived() and decided() start, so that none collide.
    static constexpr int ConditionKinds = 0;
    static constexpr int TemplateKinds = 1 << 24;
    // As derived(), for a yes or no or another small answer (whether an expression is found in
    // a field's text), with kinds of its own: `decide` takes no argument and returns a bool or
    // an enum.
    template<typename Decide>
    auto decided(const FieldPath &path, int kind, Decide &&decide) const -> decltype(decide());

    // The verdict of a leaf that rules share (SharedLeaves numbered it `slot` in the numbering
    // `owner`), remembered for the event as ConditionVerdict + 1; 0 when not decided yet.
    // Verdicts of one numbering are remembered at a time: another one forgets them.
    quint8 sharedVerdict(quint32 owner, int slot) const
    {
        return owner == m_sharedOwner && slot < m_shared.size() ? m_shared[slot] : 0;
    }
    void rememberSharedVerdict(quint32 owner, int slot, quint8 verdict) const;

    const CompactEvent &event() const { return m_event; }
    // The event's "type"; "" when it is not a text.
    const QString &eventType() const;
    const Rule *rule() const { return m_rule; }
    void setRule(const Rule *rule) { m_rule = rule; }
    const QString &deliveryId() const { return m_deliveryId; }
    void setDeliveryId(QString id) { m_deliveryId = std::move(id); }

private:
    // Room kept in the context itself for as many remembered values, texts and decisions (no
    // allocation for most events: rules and payloads use a few fields); more go to the heap.
    static constexpr qsizetype ExpectedPaths = 8;

    QJsonValue lookUp(const FieldPath &path) const;

    struct RememberedValue
    {
        int pathId = -1;
        QJsonValue value;
    };
    struct RememberedText
    {
        int pathId = -1;
        int kind = 0;
        std::optional<QString> text;
    };
    struct RememberedDecision
    {
        int pathId = -1;
        int kind = 0;
        int decision = 0;
    };

    CompactEvent m_event;
    mutable std::optional<QString> m_type;
    const Rule *m_rule = nullptr;
    QString m_deliveryId;
    // A few paths per event: a linear search is faster than hashing.
    mutable QVarLengthArray<RememberedValue, ExpectedPaths> m_values;
    mutable QVarLengthArray<RememberedText, ExpectedPaths> m_texts;
    mutable QVarLengthArray<RememberedDecision, ExpectedPaths> m_decisions;
    mutable quint32 m_sharedOwner = 0;
    mutable QVarLengthArray<quint8, 64> m_shared; // by slot; 0: not decided
};

template<typename Derive>
std::optional<QString> EventContext::derived(const FieldPath &path, int kind, Derive &&derive) const
{
    const int id = path.id();
    if (id < 0)
        return derive();
    if (const std::optional<QString> *known = remembered(path, kind))
        return *known;
    std::optional<QString> text = derive();
    m_texts.push_back({id, kind, text});
    return text;
}

template<typename Decide>
auto EventContext::decided(const FieldPath &path, int kind, Decide &&decide) const
    -> decltype(decide())
{
    using Answer = decltype(decide());
    const int id = path.id();
    if (id < 0)
        return decide();
    for (const RememberedDecision &remembered : m_decisions) {
        if (remembered.pathId == id && remembered.kind == kind)
            return Answer(remembered.decision);
    }
    const Answer decision = decide();
    m_decisions.push_back({id, kind, int(decision)});
    return decision;
}

} // namespace Kanca
