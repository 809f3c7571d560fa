#pragma once

#include "outbox/EventStore.h"
#include "outbox/Outbox.h"

namespace Kanca {

// The storage a server, `kanca send` and `kanca deliver` work on: the outbox and the accepted
// events, in one database, so that an event and its deliveries commit together. SQLite
// (HistoryDatabase) and PostgreSQL (PostgresStore) implement it; openStorage() picks one.
class OutboxStorage : public Outbox, public EventStore
{
public:
    ~OutboxStorage() override = default;
};

} // namespace Kanca
