#include "text/TimeArgument.h"

#include <QRegularExpression>

namespace Kanca {

std::optional<QDateTime> parseTimeArgument(const QString &text, const QDateTime &now)
{
    static const QRegularExpression ago(QStringLiteral("^(\\d{1,9})([smhd])$"));
    if (const QRegularExpressionMatch m = ago.match(text); m.hasMatch()) {
        const qint64 n = m.captured(1).toLongLong();
        const QChar unit = m.captured(2).at(0);
        const qint64 seconds = unit == u's'   ? n
                               : unit == u'm' ? n * 60
                               : unit == u'h' ? n * 3600
                                              : n * 86400;
        return now.addSecs(-seconds);
    }
    QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!time.isValid()) {
        const QDate date = QDate::fromString(text, Qt::ISODate);
        if (!date.isValid())
            return std::nullopt;
        time = QDateTime(date, QTime(0, 0), Qt::UTC);
    }
    if (time.timeSpec() == Qt::LocalTime)
        time.setTimeSpec(Qt::UTC);
    return time;
}

} // namespace Kanca
