#include "delivery/Backoff.h"

#include <QLocale>
#include <QRandomGenerator>

#include <algorithm>

namespace Kanca::Backoff {

qint64 delayMs(const RetryPolicy &policy, int attemptsMade, QRandomGenerator &random)
{
    const qint64 maxDelay = std::max(0, policy.maxDelayMs);
    qint64 ceiling = std::max(0, policy.initialDelayMs);
    for (int i = 1; i < attemptsMade && ceiling < maxDelay; ++i)
        ceiling *= 2;
    ceiling = std::min(ceiling, maxDelay);
    if (ceiling <= 0)
        return 0;
    return qint64(random.bounded(quint64(ceiling) + 1));
}

std::optional<qint64> parseRetryAfter(const QByteArray &value, const QDateTime &now)
{
    const QByteArray text = value.trimmed();
    if (text.isEmpty())
        return std::nullopt;
    bool isNumber = false;
    const qint64 seconds = text.toLongLong(&isNumber);
    if (isNumber) {
        if (seconds < 0)
            return std::nullopt;
        return std::min(seconds, MaxRetryAfterMs / 1000) * 1000;
    }
    // HTTP dates are in English and GMT. The day name is left out before parsing: it is
    // redundant, and Qt refuses a day name that does not fit a two-digit year's century.
    const QLocale c = QLocale::c();
    QString s = QString::fromLatin1(text).simplified();
    const qsizetype comma = s.indexOf(u',');
    static const char *const formats[] = {
        "dd MMM yyyy HH:mm:ss 'GMT'", // IMF-fixdate, after "Sun, "
        "dd-MMM-yy HH:mm:ss 'GMT'",   // RFC 850, after "Sunday, "
        "MMM d HH:mm:ss yyyy",        // asctime, after "Sun "
    };
    if (comma >= 0)
        s = s.mid(comma + 1).trimmed();
    else
        s = s.section(u' ', 1);
    for (const char *format : formats) {
        QDateTime when = c.toDateTime(s, QString::fromLatin1(format));
        if (!when.isValid())
            continue;
        when.setTimeSpec(Qt::UTC);
        if (when.date().year() < 1970) // RFC 850's two-digit years
            when = when.addYears(100);
        return std::clamp<qint64>(now.msecsTo(when), 0, MaxRetryAfterMs);
    }
    return std::nullopt;
}

} // namespace Kanca::Backoff
