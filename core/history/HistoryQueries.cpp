#include "history/HistoryDatabase.h"
#include "history/HistoryPrivate.h"
#include "history/HistoryRows.h"

#include <QStringList>

using namespace Qt::StringLiterals;

// The reads of HistoryDatabase: the outbox, one delivery and its attempts, and the filtered,
// paged list of deliveries with its counts.

namespace Kanca {

namespace {

// A LIKE pattern that finds `text` anywhere, with its % and _ taken literally (ESCAPE '\').
QString containsPattern(const QString &text)
{
    QString escaped;
    escaped.reserve(text.size() + 2);
    escaped.append(u'%');
    for (const QChar c : text) {
        if (c == u'\\' || c == u'%' || c == u'_')
            escaped.append(u'\\');
        escaped.append(c);
    }
    escaped.append(u'%');
    return escaped;
}

struct Where
{
    QString sql;
    QList<QVariant> values;
};

Where whereClause(const HistoryDatabase::Filter &filter)
{
    QStringList conditions;
    Where where;
    if (!filter.ruleId.isEmpty()) {
        conditions.append(u"rule_id = ?"_s);
        where.values.append(filter.ruleId);
    }
    if (filter.status) {
        conditions.append(u"status = ?"_s);
        where.values.append(deliveryStatusId(*filter.status));
    }
    if (!filter.text.isEmpty()) {
        static const QStringList searched = {u"url"_s,      u"rule_id"_s,    u"rule_name"_s,
                                             u"event_id"_s, u"event_type"_s, u"last_error"_s};
        QStringList alternatives;
        const QString pattern = containsPattern(filter.text);
        for (const QString &column : searched) {
            alternatives.append(column + u" LIKE ? ESCAPE '\\'"_s);
            where.values.append(pattern);
        }
        conditions.append(u'(' + alternatives.join(u" OR "_s) + u')');
    }
    if (filter.from.isValid()) {
        conditions.append(u"created_at >= ?"_s);
        where.values.append(filter.from.toMSecsSinceEpoch());
    }
    if (filter.to.isValid()) {
        conditions.append(u"created_at <= ?"_s);
        where.values.append(filter.to.toMSecsSinceEpoch());
    }
    if (!conditions.isEmpty())
        where.sql = u" WHERE "_s + conditions.join(u" AND "_s);
    return where;
}

} // namespace

using namespace HistoryErrors;
using namespace HistoryRows;

QList<Delivery> HistoryDatabase::unfinishedDeliveries(QString *error) const
{
    if (!d->checkOpen(error))
        return {};
    QSqlError sqlError;
    QSqlQuery *query = d->run(Private::SelectUnfinished, {}, &sqlError);
    if (!query) {
        setError(error, d->readError(sqlError));
        return {};
    }
    QList<Delivery> deliveries;
    while (query->next())
        deliveries.append(readDelivery(*query));
    query->finish();
    return deliveries;
}

std::optional<Delivery> HistoryDatabase::delivery(const QString &id, QString *error) const
{
    if (!d->checkOpen(error))
        return std::nullopt;
    QSqlError sqlError;
    QSqlQuery *query = d->run(Private::SelectDelivery, {id}, &sqlError);
    if (!query) {
        setError(error, d->readError(sqlError));
        return std::nullopt;
    }
    std::optional<Delivery> found;
    if (query->next())
        found = readDelivery(*query);
    else
        setError(error, tr("The history %1 has no delivery %2.").arg(native(d->path), id));
    query->finish();
    return found;
}

QList<Attempt> HistoryDatabase::attempts(const QString &deliveryId, QString *error) const
{
    if (!d->checkOpen(error))
        return {};
    QSqlError sqlError;
    QSqlQuery *query = d->run(Private::SelectAttempts, {deliveryId}, &sqlError);
    if (!query) {
        setError(error, d->readError(sqlError));
        return {};
    }
    QList<Attempt> attempts;
    while (query->next())
        attempts.append(readAttempt(*query));
    query->finish();
    return attempts;
}

QList<Delivery> HistoryDatabase::deliveries(const Filter &filter, QString *error) const
{
    if (!d->checkOpen(error))
        return {};
    Where where = whereClause(filter);
    where.values.append(filter.limit > 0 ? filter.limit : -1);
    where.values.append(qMax(0, filter.offset));
    QSqlQuery query(d->db);
    query.setForwardOnly(true);
    bool ok = query.prepare(u"SELECT "_s + DeliveryColumns + u" FROM deliveries"_s + where.sql
                            + u" ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?"_s);
    for (qsizetype i = 0; ok && i < where.values.size(); ++i)
        query.bindValue(int(i), where.values.at(i));
    if (!ok || !query.exec()) {
        setError(error, d->readError(query.lastError()));
        return {};
    }
    QList<Delivery> deliveries;
    while (query.next())
        deliveries.append(readDelivery(query));
    return deliveries;
}

qint64 HistoryDatabase::countDeliveries(const Filter &filter, QString *error) const
{
    if (!d->checkOpen(error))
        return 0;
    const Where where = whereClause(filter);
    QSqlQuery query(d->db);
    query.setForwardOnly(true);
    bool ok = query.prepare(u"SELECT count(*) FROM deliveries"_s + where.sql);
    for (qsizetype i = 0; ok && i < where.values.size(); ++i)
        query.bindValue(int(i), where.values.at(i));
    if (!ok || !query.exec() || !query.next()) {
        setError(error, d->readError(query.lastError()));
        return 0;
    }
    return query.value(0).toLongLong();
}

qint64 HistoryDatabase::countAttempts(QString *error) const
{
    if (!d->checkOpen(error))
        return 0;
    QSqlError sqlError;
    QSqlQuery *query = d->run(Private::CountAttempts, {}, &sqlError);
    if (!query || !query->next()) {
        setError(error, d->readError(query ? query->lastError() : sqlError));
        return 0;
    }
    const qint64 count = query->value(0).toLongLong();
    query->finish();
    return count;
}

} // namespace Kanca
