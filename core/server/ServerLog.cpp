#include "server/ServerLog.h"

#include <QDateTime>
#include <QJsonDocument>

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

void ServerLog::write(Level level, const QString &message, const QJsonObject &fields) const
{
    if (!m_stream)
        return;
    QJsonObject line = fields;
    line.insert(QStringLiteral("time"),
                QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    line.insert(QStringLiteral("level"), levelName(level));
    line.insert(QStringLiteral("msg"), message);
    QByteArray bytes = QJsonDocument(line).toJson(QJsonDocument::Compact);
    bytes += '\n';
    std::fwrite(bytes.constData(), 1, std::size_t(bytes.size()), m_stream);
    std::fflush(m_stream);
    ++m_lines;
}

} // namespace Kanca
