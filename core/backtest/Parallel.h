#pragma once

#include <QThread>

#include <memory>
#include <vector>

namespace Kanca {

// Runs work(0) … work(parts - 1) at once, part 0 on the calling thread and the others on
// threads of their own, and returns when all have finished.
template<typename Work>
void runInParts(int parts, const Work &work)
{
    std::vector<std::unique_ptr<QThread>> pool;
    for (int part = 1; part < parts; ++part) {
        pool.emplace_back(QThread::create(work, part));
        pool.back()->start();
    }
    work(0);
    for (const auto &thread : pool)
        thread->wait();
}

} // namespace Kanca
