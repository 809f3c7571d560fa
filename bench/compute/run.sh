#!/usr/bin/env bash
# Prints the table rows for rule evaluation and template rendering. Called by scripts/bench.sh.
#
#   KANCA_BENCH_BUILD_DIR=build-bench bench/compute/run.sh
#
# Installs the Node.js peers (node/package-lock.json) when they are missing or stale, writes the
# inputs once (node/generate.js), measures Kanca on them (kanca_bench_compute), then the peers
# on the same files (node/bench.js), KANCA_BENCH_ROUNDS times (3) in turn, and prints one row per
# peer (node/table.js), checking that every engine reached the same matches and rendered the
# same payloads. See NOTES.md.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)
build=${KANCA_BENCH_BUILD_DIR:-$repo/build-bench}
bench=$build/bench/compute/kanca_bench_compute
if [[ ! -x $bench ]]; then
    echo "run.sh: $bench is missing: build the project with KANCA_BUILD_BENCH=ON first" >&2
    exit 1
fi

source "$here/../common.sh"
node_dir=$here/node
npm_peers "$node_dir"

inputs=$(mktemp -d "${TMPDIR:-/tmp}/kanca-bench-compute.XXXXXX")
trap 'rm -rf "$inputs"' EXIT

rounds=${KANCA_BENCH_ROUNDS:-3}
echo "bench/compute: load average at start: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
node "$node_dir/generate.js" "$inputs"
# Kanca and the peers in turn, so that a change of the machine's load does not fall on one side.
for round in $(seq "$rounds"); do
    "$bench" "$inputs" >"$inputs/kanca-$round.json"
    node "$node_dir/bench.js" "$inputs" >"$inputs/peers-$round.json"
done
node "$node_dir/table.js" "$rounds" "$inputs"
echo "bench/compute: load average at end: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
