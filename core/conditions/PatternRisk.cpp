#include "conditions/PatternRisk.h"

#include <vector>

namespace Kanca::PatternRisk {

namespace {

struct Group
{
    qsizetype start = 0;
    bool atomic = false;
    bool repeatsUnbounded = false; // holds an unbounded repetition
};

// The quantifier at `i`: its length, and whether it is unbounded and backtracks.
struct Quantifier
{
    qsizetype length = 0;
    bool unbounded = false;
};

Quantifier quantifierAt(QStringView p, qsizetype i)
{
    Quantifier q;
    if (i >= p.size())
        return q;
    const QChar c = p.at(i);
    if (c == u'*' || c == u'+') {
        q.length = 1;
        q.unbounded = true;
    } else if (c == u'?') {
        q.length = 1;
    } else if (c == u'{') {
        // {n}, {n,}, {n,m}; anything else is a literal brace.
        qsizetype j = i + 1;
        while (j < p.size() && p.at(j).isDigit())
            ++j;
        if (j == i + 1 || j >= p.size())
            return q;
        if (p.at(j) == u'}') {
            q.length = j - i + 1;
            return q;
        }
        if (p.at(j) != u',')
            return q;
        ++j;
        const qsizetype upper = j;
        while (j < p.size() && p.at(j).isDigit())
            ++j;
        if (j >= p.size() || p.at(j) != u'}')
            return q;
        q.length = j - i + 1;
        q.unbounded = j == upper;
    }
    if (q.length > 0 && i + q.length < p.size()) {
        const QChar mode = p.at(i + q.length);
        if (mode == u'+') { // possessive: never gives back
            q.unbounded = false;
            ++q.length;
        } else if (mode == u'?') { // lazy: still backtracks
            ++q.length;
        }
    }
    return q;
}

} // namespace

std::optional<QString> nestedUnboundedRepetition(QStringView p)
{
    std::vector<Group> groups{Group{}};
    qsizetype i = 0;
    while (i < p.size()) {
        const QChar c = p.at(i);
        qsizetype atomEnd = i + 1;
        const Group *closed = nullptr;
        Group closedGroup;
        if (c == u'\\') {
            if (i + 1 < p.size() && p.at(i + 1) == u'Q') { // \Q…\E: literal text
                const qsizetype end = p.indexOf(u"\\E", i + 2);
                i = end < 0 ? p.size() : end + 2;
                continue;
            }
            atomEnd = std::min(p.size(), i + 2);
        } else if (c == u'[') {
            qsizetype j = i + 1;
            if (j < p.size() && p.at(j) == u'^')
                ++j;
            if (j < p.size() && p.at(j) == u']')
                ++j;
            while (j < p.size() && p.at(j) != u']')
                j += p.at(j) == u'\\' ? 2 : 1;
            atomEnd = std::min(p.size(), j + 1);
        } else if (c == u'(') {
            Group group;
            group.start = i;
            group.atomic = p.mid(i, 3) == u"(?>";
            groups.push_back(group);
            ++i;
            continue;
        } else if (c == u')') {
            if (groups.size() > 1) {
                closedGroup = groups.back();
                groups.pop_back();
                closed = &closedGroup;
            }
        }
        const Quantifier q = quantifierAt(p, atomEnd);
        if (closed && q.unbounded && closed->repeatsUnbounded && !closed->atomic)
            return p.mid(closed->start, atomEnd + q.length - closed->start).toString();
        Group &current = groups.back();
        if (q.unbounded || (closed && closed->repeatsUnbounded && !closed->atomic))
            current.repeatsUnbounded = true;
        i = atomEnd + q.length;
    }
    return std::nullopt;
}

} // namespace Kanca::PatternRisk
