#!/usr/bin/env bash
# Several servers on one PostgreSQL database (docs/performance.md, "Several servers on one
# PostgreSQL database"): bench/server/run.sh with 1, 2 and 3 workers on the database of
# KANCA_BENCH_PG_URL, then kanca_bench_claims (claims alone, no HTTP) with 1, 2 and 3 claimers.
# The database is emptied before each run (its schema public dropped and made again: the URL's
# role must own the database); its password from PGPASSWORD or ~/.pgpass. For figures that
# compare with SQLite's synchronous commits, PostgreSQL must flush to disk (fsync=on; for the
# test cluster: KANCA_PG_FSYNC=on scripts/pg-test-cluster.sh start DIR).
#
#   KANCA_BENCH_BUILD_DIR=build-bench KANCA_BENCH_PG_URL=postgresql://… bench/server/fleet.sh
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
build=${KANCA_BENCH_BUILD_DIR:?set KANCA_BENCH_BUILD_DIR to a build directory}
url=${KANCA_BENCH_PG_URL:?set KANCA_BENCH_PG_URL to a PostgreSQL database to use}
say() { echo "bench/server/fleet: $*" >&2; }
empty() { PGOPTIONS='--client-min-messages=warning' psql -q -v ON_ERROR_STOP=1 -c 'DROP SCHEMA public CASCADE' -c 'CREATE SCHEMA public' "$url"; }

for workers in 1 2 3; do
    empty
    say "$workers worker(s) on PostgreSQL"
    KANCA_BENCH_SERVER_WORKERS=$workers KANCA_BENCH_SERVER_DB=$url "$here/run.sh" |
        sed "s/^| server: /| server, PostgreSQL, $workers worker(s): /"
done
for claimers in 1 2 3; do
    empty
    say "claims alone, $claimers claimer(s)"
    line=$("$build/bench/system/kanca_bench_claims" --db "$url" --claimers "$claimers")
    say "$line"
    rate=$(sed -n 's/.*completed_per_s=\([0-9]*\).*/\1/p' <<<"$line")
    echo "| claims + completions alone, PostgreSQL | 20,000 deliveries, $claimers claimer(s), 100 a claim | $rate /s | | | | | |"
done
empty
