#include "server/ServerLog.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonDocument>
#include <QThread>

namespace Kanca {

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
    QJsonObject line = fields;
    line.insert(QStringLiteral("time"),
                QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    line.insert(QStringLiteral("level"), levelName(level));
    line.insert(QStringLiteral("msg"), message);
    const QByteArray bytes = QJsonDocument(line).toJson(QJsonDocument::Compact);

    const QMutexLocker lock(&m_mutex);
    m_waiting += bytes;
    m_waiting += '\n';
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
