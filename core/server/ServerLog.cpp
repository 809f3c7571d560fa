#include "server/ServerLog.h"

#include "format/JsonWriter.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QThread>

namespace Kanca {

using namespace Qt::StringLiterals;

namespace {

QString levelName(ServerLog::Level level)
{
    switch (level) {
    case ServerLog::Level::Debug:
        return QStringLiteral("debug");
    case ServerLog::Level::Info:
        return QStringLiteral("info");
    case ServerLog::Level::Warning:
        return QStringLiteral("warning");
    case ServerLog::Level::Error:
        return QStringLiteral("error");
    }
    return {};
}

// Now in UTC as ISO 8601 with milliseconds ("2026-12-04T10:00:00.123Z", what
// QDateTime::toString(Qt::ISODateWithMs) gives), the date and time of day formatted once a second
// per thread: two lines an event made formatting dates a tenth of the log's cost.
QString timestamp()
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const qint64 second = now / 1000;
    thread_local qint64 formattedSecond = -1;
    thread_local QString formatted; // "2026-12-04T10:00:00"
    if (second != formattedSecond) {
        formatted = QDateTime::fromMSecsSinceEpoch(second * 1000, Qt::UTC)
                        .toString(u"yyyy-MM-ddTHH:mm:ss"_s);
        formattedSecond = second;
    }
    return formatted + u'.' + u"%1"_s.arg(now % 1000, 3, 10, QLatin1Char('0')) + u'Z';
}

} // namespace

ServerLog::ServerLog(FILE *stream)
    : m_stream(stream)
    , m_context(std::make_unique<QObject>())
{}

ServerLog::~ServerLog()
{
    flush();
}

void ServerLog::write(Level level, const QString &message, const QJsonObject &fields) const
{
    if (!m_stream)
        return;
    // Written directly (QJsonDocument's round trip through a tree was most of the log's cost):
    // time, level and msg first, then the fields in their order; a field of one of those names
    // gives way to the line's own.
    JsonWriter line(JsonWriter::Layout::Compact);
    line.beginObject();
    line.key(u"time");
    line.value(timestamp());
    line.key(u"level");
    line.value(levelName(level));
    line.key(u"msg");
    line.value(message);
    for (auto it = fields.constBegin(); it != fields.constEnd(); ++it) {
        const QString key = it.key();
        if (key == u"time" || key == u"level" || key == u"msg")
            continue;
        line.key(key);
        line.value(it.value());
    }
    line.endObject();
    const QByteArray bytes = line.finish(); // with its newline

    const QMutexLocker lock(&m_mutex);
    m_waiting += bytes;
    ++m_lines;
    // At the end of this turn, when the thread the log belongs to has an event loop to run it.
    const bool later = level < Level::Warning && m_waiting.size() < MaxWaiting
                       && QCoreApplication::instance()
                       && QThread::currentThread() == m_context->thread();
    if (!later) {
        flushLocked();
        return;
    }
    if (!m_flushQueued) {
        m_flushQueued = true;
        QMetaObject::invokeMethod(
            m_context.get(), [this] { flush(); }, Qt::QueuedConnection);
    }
}

void ServerLog::flush() const
{
    const QMutexLocker lock(&m_mutex);
    flushLocked();
}

void ServerLog::flushLocked() const
{
    m_flushQueued = false;
    if (m_waiting.isEmpty())
        return;
    std::fwrite(m_waiting.constData(), 1, std::size_t(m_waiting.size()), m_stream);
    std::fflush(m_stream);
    m_waiting.resize(0); // keeps its capacity for the next turn's lines
}

quint64 ServerLog::lineCount() const
{
    const QMutexLocker lock(&m_mutex);
    return m_lines;
}

} // namespace Kanca
