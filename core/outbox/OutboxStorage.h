#pragma once

#include "history/HistoryStore.h"
#include "outbox/EventStore.h"
#include "outbox/Outbox.h"
#include "outbox/WorkerRegistry.h"

namespace Kanca {

// The storage a server and the command line work on: the outbox, the accepted events and the
// history's reads, in one database, so that an event and its deliveries commit together.
// SQLite (HistoryDatabase) and PostgreSQL (PostgresStore) implement it; OpenStorage picks one.
class OutboxStorage : public Outbox, public EventStore, public HistoryStore
{
public:
    ~OutboxStorage() override = default;

    // The table of the servers sharing this storage (see WorkerRegistry), or null when it
    // serves one server only (SQLite).
    virtual WorkerRegistry *workerRegistry() { return nullptr; }
};

} // namespace Kanca
