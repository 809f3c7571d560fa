#pragma once

#include "outbox/EventStore.h"
#include "outbox/Outbox.h"
#include "outbox/WorkerRegistry.h"

namespace Kanca {

// The storage a server, `kanca send` and `kanca deliver` work on: the outbox and the accepted
// events, in one database, so that an event and its deliveries commit together. SQLite
// (HistoryDatabase) and PostgreSQL (PostgresStore) implement it; openStorage() picks one.
class OutboxStorage : public Outbox, public EventStore
{
public:
    ~OutboxStorage() override = default;

    // The table of the servers sharing this storage (see WorkerRegistry), or null when it
    // serves one server only (SQLite).
    virtual WorkerRegistry *workerRegistry() { return nullptr; }
};

} // namespace Kanca
