#pragma once

#include <QJsonObject>
#include <QString>

#include <cstdio>

namespace Kanca {

// The server's structured log: one JSON object per line, written at once (line-buffered) to a
// stream, standard error by default, which journald or a log shipper collects:
//   {"time": "2026-12-04T10:00:00.123Z", "level": "info", "msg": "event.accepted", ...fields}
// No secret value ever goes into it: callers pass ids, names, statuses and messages only.
class ServerLog final
{
public:
    enum class Level { Debug, Info, Warning, Error };

    explicit ServerLog(FILE *stream = stderr)
        : m_stream(stream)
    {}

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

    // The lines written so far (for tests and the reply to a failed reload, not kept otherwise).
    quint64 lineCount() const { return m_lines; }

private:
    FILE *m_stream;
    mutable quint64 m_lines = 0;
};

} // namespace Kanca
