#include "Throughput.h"

#include <QJsonArray>

#include <algorithm>
#include <chrono>

namespace KancaBench {

namespace {

double callsPerSecond(const std::function<void(qsizetype)> &step, int budgetMs)
{
    using Clock = std::chrono::steady_clock;
    const auto start = Clock::now();
    const auto budget = std::chrono::milliseconds(budgetMs);
    qsizetype calls = 0;
    Clock::duration elapsed{};
    do {
        step(calls);
        ++calls;
        elapsed = Clock::now() - start;
    } while (elapsed < budget);
    return double(calls) / std::chrono::duration<double>(elapsed).count();
}

} // namespace

Throughput Throughput::measure(const std::function<void(qsizetype)> &step, int runs, int budgetMs)
{
    callsPerSecond(step, budgetMs); // warm-up: caches, lazily built tables
    Throughput result;
    for (int run = 0; run < runs; ++run)
        result.runs.push_back(callsPerSecond(step, budgetMs));
    std::vector<double> sorted = result.runs;
    std::sort(sorted.begin(), sorted.end());
    result.median = sorted.empty() ? 0 : sorted[sorted.size() / 2];
    return result;
}

QJsonObject Throughput::toJson() const
{
    QJsonArray list;
    for (const double rate : runs)
        list.append(rate);
    return {{QStringLiteral("rate"), median}, {QStringLiteral("runs"), list}};
}

} // namespace KancaBench
