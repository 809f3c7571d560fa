#pragma once

#include <QString>

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <thread>

struct sqlite3;

namespace Kanca {

// Checkpoints a history file's write-ahead log on a thread and connection of its own, so that
// the connection that writes does not. SQLite checkpoints in the commit that takes the log past
// 1,000 pages: that commit copies the log into the database and waits for the disk twice, on
// the thread that writes (an engine's, sending meanwhile nothing new). Without those waits the
// delivery benchmark sent 9–13 % more in most alternated runs (docs/performance.md, round
// thirteen).
//
// The writer's connection tells it, after each commit, how long the log is (SQLite's WAL hook,
// which replaces the writer's own automatic checkpoints). The thread checkpoints PASSIVE: it
// never waits for and never blocks the writer or a reader, and copies what no reader still
// needs, as the log was when it began. It copies each time the log has grown by StepPages, so
// that a page that many commits changed (a table's last page, an index's) is copied once for all
// of them, not once after each. The log starts over from its beginning only when a checkpoint has
// copied all of it before the writer's next transaction begins, so from CatchUpPages the thread
// copies after every commit, until one of the writer's pauses lets the log start over. Under
// writes without any pause it never does: from BackstopPages the writer checkpoints itself, as
// SQLite would have at SqliteOwnPages, most of the log copied by then, so the log stays bounded.
// When the thread's checkpoint is still copying then, the writer waits for it to end rather
// than skip (two checkpoints of one file never run at once; a skipped backstop let the log grow
// thousands of pages past it while the thread copied). Copying after every commit from 1,000
// pages, as before, copied 71 % of the pages the delivery benchmark's writer wrote; in steps, a
// quarter fewer (docs/performance.md, round nineteen).
class WalCheckpointer final
{
public:
    static constexpr int StepPages = 2000;
    static constexpr int CatchUpPages = 6000;
    static constexpr int BackstopPages = 10000;
    static constexpr int SqliteOwnPages = 1000; // SQLite's automatic checkpoints, given back

    WalCheckpointer() = default;
    ~WalCheckpointer(); // stop()
    WalCheckpointer(const WalCheckpointer &) = delete;
    WalCheckpointer &operator=(const WalCheckpointer &) = delete;

    // Opens a second connection to `path` (in WAL mode already), takes over the checkpoints of
    // `writer` and starts the thread. False when the connection cannot be opened: the writer
    // then checkpoints itself, as SQLite does by default.
    bool start(const QString &path, sqlite3 *writer);
    // Gives the checkpoints back to the writer, lets a checkpoint running end, ends the thread
    // and closes its connection (before the writer's, so that the writer's close, the last one,
    // checkpoints the whole log and removes it). Does nothing when not started.
    void stop();
    // Checkpoints run on the thread so far (for tests and diagnostics).
    qint64 checkpoints() const { return m_checkpoints.load(); }

private:
    static int walHook(void *self, sqlite3 *db, const char *name, int pages);
    void run();

    sqlite3 *m_writer = nullptr;
    sqlite3 *m_connection = nullptr; // used on the thread only, once started
    std::thread m_thread;
    std::mutex m_mutex;   // guards m_wanted and m_stopping
    std::mutex m_copying; // held while the thread checkpoints; the backstop waits for it
    std::condition_variable m_wake;
    bool m_wanted = false;
    bool m_stopping = false;
    std::atomic<qint64> m_checkpoints = 0;
    // On the writer's thread (walHook): the log's length after the last commit, and the length
    // at which the thread copies it next.
    int m_logPages = 0;
    int m_nextStep = StepPages;
};

} // namespace Kanca
