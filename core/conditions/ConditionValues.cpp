#include "conditions/ConditionValues.h"

#include <QDate>
#include <QDateTime>
#include <QLocale>
#include <QTime>

#include <cmath>

namespace Kanca::ConditionValues {

QString numberText(double value)
{
    if (std::trunc(value) == value && std::fabs(value) < 9007199254740992.0)
        return QString::number(qint64(value));
    return QString::number(value, 'g', QLocale::FloatingPointShortest);
}

bool scalarText(const QJsonValue &value, QString *text)
{
    switch (value.type()) {
    case QJsonValue::String:
        *text = value.toString();
        return true;
    case QJsonValue::Double:
        *text = numberText(value.toDouble());
        return true;
    case QJsonValue::Bool:
        *text = value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
        return true;
    default:
        return false;
    }
}

std::optional<double> numberOf(const QJsonValue &value)
{
    if (value.isDouble())
        return value.toDouble();
    if (!value.isString())
        return std::nullopt;
    bool ok = false;
    const double number = value.toString().trimmed().toDouble(&ok);
    if (!ok || !std::isfinite(number))
        return std::nullopt;
    return number;
}

std::optional<double> instantOf(QStringView text)
{
    const QStringView trimmed = text.trimmed();
    constexpr qsizetype DateLength = 10; // 2026-11-21
    if (trimmed.size() < DateLength || trimmed.size() > 64)
        return std::nullopt;
    QDateTime dateTime;
    if (trimmed.size() == DateLength) {
        const QDate date = QDate::fromString(trimmed.toString(), Qt::ISODate);
        if (!date.isValid())
            return std::nullopt;
        dateTime = QDateTime(date, QTime(0, 0), Qt::UTC);
    } else {
        QString iso = trimmed.toString();
        const QStringView time = trimmed.mid(DateLength);
        if (!time.contains(u'Z') && !time.contains(u'+') && !time.contains(u'-'))
            iso += u'Z';
        dateTime = QDateTime::fromString(iso, Qt::ISODateWithMs);
    }
    if (!dateTime.isValid())
        return std::nullopt;
    return double(dateTime.toMSecsSinceEpoch());
}

} // namespace Kanca::ConditionValues
