#include "postgres/PostgresSchema.h"

#include <iterator>

namespace Kanca::PostgresSchema {

namespace {

// Version 1: the history's tables as SQLite's version 3 has them (see HistorySchema), so that
// rows convert the same way: times are milliseconds since the epoch (UTC), bodies bytea,
// headers, auth and signing JSON text.
constexpr QLatin1StringView Version1[] = {
    QLatin1StringView(R"(CREATE TABLE deliveries (
    id                 text    NOT NULL PRIMARY KEY,
    created_at         bigint  NOT NULL,
    rule_set_name      text    NOT NULL,
    rule_id            text    NOT NULL,
    rule_name          text    NOT NULL,
    action_index       integer NOT NULL,
    event_id           text    NOT NULL,
    event_type         text    NOT NULL,
    method             text    NOT NULL,
    url                text    NOT NULL,
    request_headers    text    NOT NULL,
    request_body       bytea   NOT NULL,
    auth               text    NOT NULL,
    signing            text    NOT NULL,
    timeout_ms         integer NOT NULL,
    max_attempts       integer NOT NULL,
    initial_delay_ms   integer NOT NULL,
    max_delay_ms       integer NOT NULL,
    status             text    NOT NULL CHECK (status IN ('pending', 'succeeded', 'failed')),
    attempt_count      integer NOT NULL DEFAULT 0,
    next_attempt_at    bigint,
    last_http_status   integer,
    last_error         text    NOT NULL DEFAULT '',
    finished_at        bigint,
    resend_of          text,
    rule_set_hash      text    NOT NULL DEFAULT '',
    destination        text    NOT NULL DEFAULT '',
    claim              text,
    lease_until        bigint,
    attempt_started_at bigint
))"),
    // The outbox: pending deliveries, soonest due first; partial, so it stays as small as the
    // outbox.
    QLatin1StringView("CREATE INDEX deliveries_due ON deliveries "
                      "(next_attempt_at, created_at, id) WHERE status = 'pending'"),
    QLatin1StringView("CREATE INDEX deliveries_created ON deliveries (created_at, id)"),
    QLatin1StringView("CREATE INDEX deliveries_rule ON deliveries (rule_id, created_at, id)"),
    QLatin1StringView("CREATE INDEX deliveries_status ON deliveries (status, created_at, id)"),
    QLatin1StringView("CREATE INDEX deliveries_resend ON deliveries (resend_of) "
                      "WHERE resend_of IS NOT NULL"),
    QLatin1StringView("CREATE INDEX deliveries_claim ON deliveries (claim) "
                      "WHERE claim IS NOT NULL"),
    QLatin1StringView(R"(CREATE TABLE attempts (
    id                 bigserial PRIMARY KEY,
    delivery_id        text    NOT NULL REFERENCES deliveries (id) ON DELETE CASCADE,
    number             integer NOT NULL,
    started_at         bigint  NOT NULL,
    duration_ms        bigint  NOT NULL,
    request_method     text    NOT NULL,
    request_url        text    NOT NULL,
    request_headers    text    NOT NULL,
    request_body       bytea   NOT NULL,
    request_body_size  bigint  NOT NULL,
    http_status        integer,
    response_headers   text    NOT NULL,
    response_body      bytea   NOT NULL,
    response_body_size bigint  NOT NULL,
    body_cap           bigint  NOT NULL,
    error              text    NOT NULL DEFAULT '',
    outcome            text    NOT NULL CHECK (outcome IN ('succeeded', 'will-retry', 'failed')),
    retry_delay_ms     bigint
))"),
    QLatin1StringView("CREATE INDEX attempts_delivery ON attempts (delivery_id, number)"),
    // The events accepted, each once: the primary key decides, across every server.
    QLatin1StringView(R"(CREATE TABLE events (
    id            text   NOT NULL PRIMARY KEY,
    type          text   NOT NULL,
    received_at   bigint NOT NULL,
    rule_set_hash text   NOT NULL,
    delivery_ids  text   NOT NULL,
    body          bytea  NOT NULL
))"),
    QLatin1StringView("CREATE INDEX events_received ON events (received_at)"),
};

// Version 2: the servers sharing the database (see WorkerRegistry), one row each, written by
// the server itself. Times are the database's clock, in milliseconds since the epoch.
constexpr QLatin1StringView Version2Workers[] = {
    QLatin1StringView(R"(CREATE TABLE workers (
    id            text    NOT NULL PRIMARY KEY,
    host          text    NOT NULL,
    pid           bigint  NOT NULL,
    address       text    NOT NULL,
    rule_set_hash text    NOT NULL,
    version       text    NOT NULL,
    draining      boolean NOT NULL DEFAULT false,
    in_flight     bigint  NOT NULL DEFAULT 0,
    claimed       bigint  NOT NULL DEFAULT 0,
    started_at    bigint  NOT NULL,
    heartbeat_at  bigint  NOT NULL
))"),
};

// Version 3: what servers sharing the database agree on per destination (see
// DestinationCoordination). A row of destination_slots is a slot held (a free slot has no row);
// destination_starved lists the servers waiting for a destination with none of its slots;
// destination_breakers holds the breakers that are not closed.
constexpr QLatin1StringView Version3Destinations[] = {
    QLatin1StringView(R"(CREATE TABLE destination_slots (
    destination text   NOT NULL,
    slot        integer NOT NULL,
    claim       text   NOT NULL,
    lease_until bigint NOT NULL,
    PRIMARY KEY (destination, slot)
))"),
    QLatin1StringView("CREATE INDEX destination_slots_claim ON destination_slots (claim)"),
    QLatin1StringView(R"(CREATE TABLE destination_starved (
    destination text   NOT NULL,
    claim       text   NOT NULL,
    until       bigint NOT NULL,
    PRIMARY KEY (destination, claim)
))"),
    QLatin1StringView(R"(CREATE TABLE destination_breakers (
    destination  text    NOT NULL PRIMARY KEY,
    failures     integer NOT NULL,
    cool_down_ms bigint  NOT NULL,
    reopens_at   bigint  NOT NULL,
    probe_claim  text,
    probe_until  bigint
))"),
};

// Version 4: an attempt's delivery is checked when its transaction commits, not after each
// statement. The writers' sessions then planned every statement for the values it ran with
// (plan_cache_mode = force_custom_plan), and PostgreSQL's check of a foreign key is a statement
// of its own, planned again for each row under that setting: recording attempts cost 68 µs a
// row, 25 without the check (pg_stat_statements during bench/server/run.sh). Checked at the
// commit, after the transaction went back to PostgreSQL's own plan caching (SET LOCAL), it kept
// one plan. The writers' sessions now keep one plan for every statement (see
// PostgresStore::Private::connect), the check's included.
constexpr QLatin1StringView Version4CheckAtCommit[] = {
    QLatin1StringView("ALTER TABLE attempts ALTER CONSTRAINT attempts_delivery_id_fkey "
                      "DEFERRABLE INITIALLY DEFERRED"),
};

// Version 5: half of each new page of deliveries is left free, so that marking an attempt's
// start (which changes no indexed column) writes the new row version on the same page: a HOT
// update, with no new entry in any of the table's seven indexes, and only the changed bytes in
// the write-ahead log. Measured during bench/server/run.sh (pg_stat_user_tables, pg_stat_wal,
// the CPU of PostgreSQL's processes): the start marks all HOT instead of a fifth of them,
// 3.8 KB of WAL a delivery instead of 5.0-6.0, PostgreSQL's CPU 282-295 µs a delivery instead
// of 324-368. A delivery's row is rewritten twice within seconds of its insert either way: after
// such a run 37-38 % of the table held live rows with either setting (pgstattuple after VACUUM).
// Pages written before the migration keep their fill.
constexpr QLatin1StringView Version5RoomForStartMarks[] = {
    QLatin1StringView("ALTER TABLE deliveries SET (fillfactor = 50)"),
};

} // namespace

QList<QLatin1StringView> migration(int toVersion)
{
    switch (toVersion) {
    case 1:
        return QList<QLatin1StringView>(std::begin(Version1), std::end(Version1));
    case 2:
        return QList<QLatin1StringView>(std::begin(Version2Workers), std::end(Version2Workers));
    case 3:
        return QList<QLatin1StringView>(std::begin(Version3Destinations),
                                        std::end(Version3Destinations));
    case 4:
        return QList<QLatin1StringView>(std::begin(Version4CheckAtCommit),
                                        std::end(Version4CheckAtCommit));
    case 5:
        return QList<QLatin1StringView>(std::begin(Version5RoomForStartMarks),
                                        std::end(Version5RoomForStartMarks));
    default:
        return {};
    }
}

static_assert(Version == 5, "add the new version's step to migration()");

} // namespace Kanca::PostgresSchema
