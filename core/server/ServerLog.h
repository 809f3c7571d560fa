#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QMutex>
#include <QObject>
#include <QString>

#include <cstdio>
#include <memory>

namespace Kanca {

// The server's structured log: one JSON object per line, written to a stream, standard error by
// default, which journald or a log shipper collects:
//   {"time": "2026-12-04T10:00:00.123Z", "level": "info", "msg": "event.accepted", ...fields}
// No secret value ever goes into it: callers pass ids, names, statuses and messages only.
//
// Warnings and errors are written at once (with any lines before them). Info lines, one per
// event accepted and per delivery finished, are written together at the end of the turn of the
// event loop they were made in (at once when 64 KiB wait, or when no event loop can run): one
// write for a group commit's worth of lines rather than one each. A process killed outright can
// lose the lines of its last turn, never a warning or an error.
class ServerLog final
{
public:
    enum class Level { Debug, Info, Warning, Error };

    explicit ServerLog(FILE *stream = stderr);
    ~ServerLog(); // writes what waits
    Q_DISABLE_COPY_MOVE(ServerLog)

    void write(Level level, const QString &message, const QJsonObject &fields = {}) const;
    void info(const QString &message, const QJsonObject &fields = {}) const
    {
        write(Level::Info, message, fields);
    }
    void warning(const QString &message, const QJsonObject &fields = {}) const
    {
        write(Level::Warning, message, fields);
    }
    void error(const QString &message, const QJsonObject &fields = {}) const
    {
        write(Level::Error, message, fields);
    }
    // Writes the lines that wait, now.
    void flush() const;

    // The lines made so far (for tests and the reply to a failed reload, not kept otherwise).
    quint64 lineCount() const;

private:
    static constexpr qsizetype MaxWaiting = 64 * 1024;

    void flushLocked() const;

    FILE *m_stream;
    mutable QMutex m_mutex; // lines may come from any thread
    mutable QByteArray m_waiting;
    mutable bool m_flushQueued = false;
    mutable quint64 m_lines = 0;
    // The flush at the end of the turn runs on the thread the log was made on.
    std::unique_ptr<QObject> m_context;
};

} // namespace Kanca
