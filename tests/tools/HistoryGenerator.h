#pragma once

#include <QDateTime>
#include <QString>

namespace Kanca::HistoryGenerator {

// What a generated history holds: `deliveries` deliveries of eight rules, spread evenly over
// the `days` before `newest`, each with `attemptsPerDelivery` attempts (the last one decides:
// about one in ten failed, the rest succeeded; earlier attempts were answered 503 and retried).
// With pendingEvery > 0, every pendingEvery-th delivery is still pending, without attempts,
// due a day after `newest`.
struct Options
{
    qint64 deliveries = 1000;
    int attemptsPerDelivery = 1;
    QDateTime newest = QDateTime::currentDateTimeUtc();
    int days = 30;
    qint64 pendingEvery = 0;
};

// The rule ids used, in the order deliveries cycle through them.
QStringList ruleIds();

// Creates a new history file at `path` (refused if the file exists) in one transaction of
// INSERT … SELECT statements, without a journal, and leaves it in WAL mode as Kanca expects.
bool generate(const QString &path, const Options &options, QString *error);

} // namespace Kanca::HistoryGenerator
