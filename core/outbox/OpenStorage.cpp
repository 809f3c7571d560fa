#include "outbox/OpenStorage.h"

#include "history/HistoryDatabase.h"
#include "postgres/PostgresStore.h"
#include "postgres/PostgresUrl.h"

namespace Kanca {

bool OpenStorage::isDatabaseUrl(const QString &where)
{
    return PostgresUrl::isPostgresUrl(where);
}

QString OpenStorage::shown(const QString &where)
{
    if (!isDatabaseUrl(where))
        return where;
    const std::optional<PostgresUrl> url = PostgresUrl::parse(where, nullptr);
    return url ? url->shown() : QStringLiteral("postgresql://…");
}

std::unique_ptr<OutboxStorage> OpenStorage::open(const QString &where, const Options &options,
                                                 QString *error)
{
    if (isDatabaseUrl(where)) {
        const std::optional<PostgresUrl> url = PostgresUrl::parse(where, error);
        if (!url)
            return nullptr;
        auto store = std::make_unique<PostgresStore>();
        if (!store->open(*url, error))
            return nullptr;
        return store;
    }
    auto history = std::make_unique<HistoryDatabase>();
    if (!history->open(where, error))
        return nullptr;
    if (options.durableEvents
        && !history->setDurability(HistoryDatabase::Durability::Full, error)) {
        return nullptr;
    }
    return history;
}

} // namespace Kanca
