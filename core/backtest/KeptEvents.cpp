#include "backtest/KeptEvents.h"

#include "event/EventParser.h"
#include "history/HistoryDatabase.h"
#include "postgres/PostgresStore.h"
#include "postgres/PostgresUrl.h"

#include <memory>

namespace Kanca {

bool KeptEvents::isServer(const QString &where)
{
    return PostgresUrl::isPostgresUrl(where);
}

EventLines::Result KeptEvents::read(const Source &source, const Catalog &catalog,
                                    const std::atomic<bool> *cancel, std::atomic<qint64> *read)
{
    EventLines::Result result;
    std::unique_ptr<EventStore> store;
    if (isServer(source.where)) {
        std::optional<PostgresUrl> url = PostgresUrl::parse(source.where, &result.error);
        if (!url)
            return result;
        if (!source.password.isEmpty())
            url->password = source.password;
        auto server = std::make_unique<PostgresStore>();
        if (!server->open(*url, &result.error, PostgresStore::OpenMode::ReadExisting))
            return result;
        store = std::move(server);
    } else {
        auto history = std::make_unique<HistoryDatabase>();
        if (!history->open(source.where, &result.error))
            return result;
        store = std::move(history);
    }

    EventParser parser; // one per read: it keeps its buffers
    for (qint64 offset = 0;;) {
        if (cancel && cancel->load())
            return result;
        const std::optional<QList<EventStore::StoredEvent>> page =
            store->events(source.since, source.until, PageSize, offset, &result.error);
        if (!page) {
            result.events.clear();
            return result;
        }
        for (const EventStore::StoredEvent &stored : *page) {
            EventParser::Result parsed = parser.read(stored.json, catalog);
            if (parsed.event)
                result.events.append({std::move(*parsed.event), 0});
            else
                ++result.skippedCount;
        }
        offset += page->size();
        if (read)
            read->store(offset);
        if (page->size() < PageSize)
            return result;
    }
}

} // namespace Kanca
