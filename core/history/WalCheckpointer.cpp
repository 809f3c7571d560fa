#include "history/WalCheckpointer.h"

#include <sqlite3.h>

#ifdef __linux__
#include <pthread.h>
#endif

namespace Kanca {

WalCheckpointer::~WalCheckpointer()
{
    stop();
}

bool WalCheckpointer::start(const QString &path, sqlite3 *writer)
{
    stop();
    sqlite3 *connection = nullptr;
    if (sqlite3_open_v2(path.toUtf8().constData(), &connection,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nullptr)
        != SQLITE_OK) {
        sqlite3_close(connection); // SQLite may have made a handle to say why
        return false;
    }
    // As the writer: the log is synced before it is copied, the database after.
    sqlite3_exec(connection, "PRAGMA synchronous = NORMAL", nullptr, nullptr, nullptr);
    m_connection = connection;
    m_writer = writer;
    m_stopping = false;
    m_wanted = false;
    m_logPages = 0;
    m_nextStep = StepPages;
    m_thread = std::thread([this] { run(); });
    sqlite3_wal_hook(m_writer, &WalCheckpointer::walHook, this);
    return true;
}

void WalCheckpointer::stop()
{
    if (!m_thread.joinable())
        return;
    sqlite3_wal_autocheckpoint(m_writer, SqliteOwnPages); // the writer's own again
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_one();
    m_thread.join();
    sqlite3_close(m_connection);
    m_connection = nullptr;
    m_writer = nullptr;
}

// On the writer's thread, after each of its commits, the write lock released.
int WalCheckpointer::walHook(void *self, sqlite3 *db, const char *name, int pages)
{
    auto *checkpointer = static_cast<WalCheckpointer *>(self);
    if (pages < checkpointer->m_logPages)
        checkpointer->m_nextStep = StepPages; // the log started over
    checkpointer->m_logPages = pages;
    if (pages >= BackstopPages) {
        // A checkpoint running on the thread would make this one return SQLITE_BUSY at once:
        // wait for it. The thread's checkpoint never waits for the writer (PASSIVE), so this
        // ends; afterwards this one copies what the thread's did not reach.
        std::lock_guard copying(checkpointer->m_copying);
        sqlite3_wal_checkpoint_v2(db, name, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
    } else if (pages >= checkpointer->m_nextStep || pages >= CatchUpPages) {
        checkpointer->m_nextStep = pages + StepPages;
        {
            std::lock_guard lock(checkpointer->m_mutex);
            checkpointer->m_wanted = true;
        }
        checkpointer->m_wake.notify_one();
    }
    return SQLITE_OK;
}

void WalCheckpointer::run()
{
#ifdef __linux__
    pthread_setname_np(pthread_self(), "Kanca WAL"); // as top -H and perf show it
#endif
    for (;;) {
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [this] { return m_wanted || m_stopping; });
            if (m_stopping)
                return;
            m_wanted = false;
        }
        // SQLITE_BUSY (another connection checkpoints) and the like leave the log as it is:
        // the next commit asks again, and the backstop bounds it.
        {
            std::lock_guard copying(m_copying);
            sqlite3_wal_checkpoint_v2(m_connection, "main", SQLITE_CHECKPOINT_PASSIVE, nullptr,
                                      nullptr);
        }
        ++m_checkpoints;
    }
}

} // namespace Kanca
