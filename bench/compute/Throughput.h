#pragma once

#include <QJsonObject>

#include <functional>
#include <vector>

namespace KancaBench {

// Calls per second of a step, measured as the peers in node/bench.js are: a warm-up run, then
// `runs` timed runs of at least `budgetMs` each, and their median.
struct Throughput
{
    double median = 0;
    std::vector<double> runs;

    // step(i) is called with i = 0, 1, 2… within each run.
    static Throughput measure(const std::function<void(qsizetype)> &step, int runs, int budgetMs);

    QJsonObject toJson() const; // {"rate": median, "runs": [...]}
};

} // namespace KancaBench
