#include "history/HistorySchema.h"

#include "history/HistoryDatabase.h"

#include <iterator>

namespace Kanca::HistorySchema {

namespace {

// Version 1: deliveries (the outbox and the history) and their attempts.
// Times are milliseconds since the epoch (UTC); request and response bodies are BLOBs; headers,
// auth and signing are JSON text (auth and signing name their secrets, never hold them).
constexpr QLatin1StringView Version1[] = {
    QLatin1StringView(R"(CREATE TABLE deliveries (
    id               TEXT    NOT NULL PRIMARY KEY,
    created_at       INTEGER NOT NULL,
    rule_set_name    TEXT    NOT NULL,
    rule_id          TEXT    NOT NULL,
    rule_name        TEXT    NOT NULL,
    action_index     INTEGER NOT NULL,
    event_id         TEXT    NOT NULL,
    event_type       TEXT    NOT NULL,
    method           TEXT    NOT NULL,
    url              TEXT    NOT NULL,
    request_headers  TEXT    NOT NULL,
    request_body     BLOB    NOT NULL,
    auth             TEXT    NOT NULL,
    signing          TEXT    NOT NULL,
    timeout_ms       INTEGER NOT NULL,
    max_attempts     INTEGER NOT NULL,
    initial_delay_ms INTEGER NOT NULL,
    max_delay_ms     INTEGER NOT NULL,
    status           TEXT    NOT NULL CHECK (status IN ('pending', 'succeeded', 'failed')),
    attempt_count    INTEGER NOT NULL DEFAULT 0,
    next_attempt_at  INTEGER,
    last_http_status INTEGER,
    last_error       TEXT    NOT NULL DEFAULT '',
    finished_at      INTEGER,
    resend_of        TEXT
))"),
    // The outbox: pending deliveries, soonest due first. Partial, so it stays as small as the
    // outbox; status leads so that the planner prefers it to deliveries_status.
    QLatin1StringView("CREATE INDEX deliveries_due ON deliveries "
                      "(status, next_attempt_at, created_at, id) WHERE status = 'pending'"),
    // The history, newest first, whole or by rule or by status.
    QLatin1StringView("CREATE INDEX deliveries_created ON deliveries (created_at, id)"),
    QLatin1StringView("CREATE INDEX deliveries_rule ON deliveries (rule_id, created_at, id)"),
    QLatin1StringView("CREATE INDEX deliveries_status ON deliveries (status, created_at, id)"),
    // The deliveries that send another one again.
    QLatin1StringView("CREATE INDEX deliveries_resend ON deliveries (resend_of) "
                      "WHERE resend_of IS NOT NULL"),
    QLatin1StringView(R"(CREATE TABLE attempts (
    id                 INTEGER PRIMARY KEY,
    delivery_id        TEXT    NOT NULL REFERENCES deliveries (id) ON DELETE CASCADE,
    number             INTEGER NOT NULL,
    started_at         INTEGER NOT NULL,
    duration_ms        INTEGER NOT NULL,
    request_method     TEXT    NOT NULL,
    request_url        TEXT    NOT NULL,
    request_headers    TEXT    NOT NULL,
    request_body       BLOB    NOT NULL,
    request_body_size  INTEGER NOT NULL,
    http_status        INTEGER,
    response_headers   TEXT    NOT NULL,
    response_body      BLOB    NOT NULL,
    response_body_size INTEGER NOT NULL,
    body_cap           INTEGER NOT NULL,
    error              TEXT    NOT NULL DEFAULT '',
    outcome            TEXT    NOT NULL CHECK (outcome IN ('succeeded', 'will-retry', 'failed')),
    retry_delay_ms     INTEGER
))"),
    // A delivery's attempts in order (and the foreign key's cascade).
    QLatin1StringView("CREATE INDEX attempts_delivery ON attempts (delivery_id, number)"),
    QLatin1StringView("PRAGMA application_id = 1265525601"),
};

static_assert(ApplicationId == 1265525601, "the application id in Version1 must match");

// Version 2: claims. A delivery being sent is claimed by one engine (`claim`, its token) until
// `lease_until`; `attempt_started_at` is set when an attempt's request is about to leave and
// cleared when its result is recorded, so that an attempt interrupted by a crash is known.
// `destination` is the scheme://host:port its per-host limit counts against (empty in rows of
// version 1, which are then never held back by it).
constexpr QLatin1StringView Version2[] = {
    QLatin1StringView("ALTER TABLE deliveries ADD COLUMN destination TEXT NOT NULL DEFAULT ''"),
    QLatin1StringView("ALTER TABLE deliveries ADD COLUMN claim TEXT"),
    QLatin1StringView("ALTER TABLE deliveries ADD COLUMN lease_until INTEGER"),
    QLatin1StringView("ALTER TABLE deliveries ADD COLUMN attempt_started_at INTEGER"),
    // The claims an engine holds, for renewing and giving them back.
    QLatin1StringView("CREATE INDEX deliveries_claim ON deliveries (claim) "
                      "WHERE claim IS NOT NULL"),
};

// Version 3: the events a server accepted, each once (its id decides), with the ids of the
// deliveries it made, so that the same event posted again gets the same answer; and the rule set
// each delivery was made by. `body` is the event's JSON as accepted, kept for backtests.
constexpr QLatin1StringView Version3[] = {
    QLatin1StringView("ALTER TABLE deliveries ADD COLUMN rule_set_hash TEXT NOT NULL DEFAULT ''"),
    QLatin1StringView(R"(CREATE TABLE events (
    id            TEXT    NOT NULL PRIMARY KEY,
    type          TEXT    NOT NULL,
    received_at   INTEGER NOT NULL,
    rule_set_hash TEXT    NOT NULL,
    delivery_ids  TEXT    NOT NULL,
    body          BLOB    NOT NULL
))"),
    // Retention and backtests read them by time.
    QLatin1StringView("CREATE INDEX events_received ON events (received_at)"),
};

// Version 4: the status and outcome checks as comparisons. SQLite codes `x IN (three
// constants)` as a temporary b-tree, built and dropped by every statement that checks it: three
// of them a delivery, about a sixth of the instructions its history cost. The checks allow
// exactly what they allowed; the table definitions' text is rewritten in place (SQLite's
// documented way to change a CHECK without copying the table; see editsSchemaText).
constexpr QLatin1StringView Version4[] = {
    QLatin1StringView(
        "UPDATE sqlite_master SET sql = replace(sql, "
        "'CHECK (status IN (''pending'', ''succeeded'', ''failed''))', "
        "'CHECK (status = ''pending'' OR status = ''succeeded'' OR status = ''failed'')') "
        "WHERE type = 'table' AND name = 'deliveries'"),
    QLatin1StringView(
        "UPDATE sqlite_master SET sql = replace(sql, "
        "'CHECK (outcome IN (''succeeded'', ''will-retry'', ''failed''))', "
        "'CHECK (outcome = ''succeeded'' OR outcome = ''will-retry'' OR outcome = ''failed'')') "
        "WHERE type = 'table' AND name = 'attempts'"),
};

} // namespace

bool editsSchemaText(int toVersion)
{
    return toVersion == 4;
}

QList<QLatin1StringView> migration(int toVersion)
{
    switch (toVersion) {
    case 1:
        return QList<QLatin1StringView>(std::begin(Version1), std::end(Version1));
    case 2:
        return QList<QLatin1StringView>(std::begin(Version2), std::end(Version2));
    case 3:
        return QList<QLatin1StringView>(std::begin(Version3), std::end(Version3));
    case 4:
        return QList<QLatin1StringView>(std::begin(Version4), std::end(Version4));
    default:
        return {};
    }
}

static_assert(HistoryDatabase::SchemaVersion == 4, "add the new version's step to migration()");

} // namespace Kanca::HistorySchema
