#!/usr/bin/env bash
# The backtest benchmark: kanca backtest on 100,000 and 1,000,000 generated events (tools/
# make_events.py, seeded) with the example rule set, compared with a version of it that lacks
# one keyword. Prints the table rows of docs/performance.md ("Backtest"): the first run (read
# and parse every line, then evaluate both versions), the evaluation alone (what a re-run after
# an edit costs once the events are parsed), and the peak memory holding the events. On the
# 100,000 events it then compares Kanca with json-rules-engine and json-logic-js (peers.js, the
# rule benchmark's pinned peers and translation) on one core each (taskset), in turn
# KANCA_BENCH_ROUNDS times (3): the evaluation rate and the first run (table.py; every engine
# must count the same matches per rule).
#
#   KANCA_BENCH_BUILD_DIR=build-bench bench/backtest/run.sh
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
build=${KANCA_BENCH_BUILD_DIR:?set KANCA_BENCH_BUILD_DIR to a build directory}
kanca=$(cd "$build" && pwd)/app/kanca
work=$(mktemp -d /tmp/kanca-bench-backtest.XXXXXX)
trap 'rm -rf "$work"' EXIT

say() { echo "bench/backtest: $*" >&2; }
source "$here/../common.sh"
rounds=${KANCA_BENCH_ROUNDS:-3}
passes=${KANCA_BENCH_BACKTEST_PASSES:-3} # the peers' timed passes per round, after the first
core=${KANCA_BENCH_CORE:-0}               # the core Kanca and the peers are held to, in turn
large=${KANCA_BENCH_BACKTEST_LARGE:-1000000} # the events of the memory row; 0: no such row
for tool in node taskset python3; do
    command -v "$tool" >/dev/null || { say "missing $tool (scripts/bench.sh installs it)"; exit 1; }
done
npm_peers "$root/bench/compute/node"
json_field() { python3 -c "import json,sys; print(json.load(open(sys.argv[1]))[sys.argv[2]])" "$1" "$2"; }

rules=$root/resources/examples/supsis-examples.kanca.json
python3 - "$rules" "$work/old.kanca.json" <<'PY'
import json, sys
data = json.load(open(sys.argv[1], encoding="utf-8"))
for rule in data["rules"]:
    if rule["id"] == "support-to-tickets":
        rule["if"]["any"] = [c for c in rule["if"]["any"] if c.get("value") != "destek"]
json.dump(data, open(sys.argv[2], "w", encoding="utf-8"), ensure_ascii=False)
PY

counts=100000
if ((large > 0)); then counts+=" $large"; fi
for count in $counts; do
    say "generating $count events"
    python3 "$root/tools/make_events.py" --count "$count" --out "$work/events.jsonl"
    size=$(stat -c %s "$work/events.jsonl")
    say "kanca backtest on $count events ($((size / 1048576)) MiB)"
    /usr/bin/time -f '%M %e' -o "$work/time" "$kanca" backtest "$rules" --events "$work/events.jsonl" \
        --against "$work/old.kanca.json" --json >"$work/report.json"
    read -r rss_kib wall <"$work/time"
    read_ms=$(json_field "$work/report.json" readMs)
    evaluate_ms=$(json_field "$work/report.json" evaluateMs)
    first=$(awk -v a="$read_ms" -v b="$evaluate_ms" 'BEGIN { printf "%.2f", (a + b) / 1000 }')
    rerun=$(awk -v b="$evaluate_ms" 'BEGIN { printf "%.2f", b / 1000 }')
    rate=$(awk -v n="$count" -v b="$evaluate_ms" 'BEGIN { printf "%.0f", n / (b / 1000) }')
    label="$(grouped "$count") events × 8 rules, two versions"
    if [[ $count == 100000 ]]; then
        row "backtest: first run (read, parse, evaluate)" "$label" "$first s" "" "" "" "≤ 3 s" "$(yes_no "$first <= 3")"
        row "backtest: re-run after an edit (evaluate)" "$label" "$rerun s ($(grouped "$rate") events/s)" "" "" "" "≤ 0.5 s" "$(yes_no "$rerun <= 0.5")"
        # The peers on the same events and rules, one version, one core each.
        rule_count=$(python3 -c "import json,sys; print(len(json.load(open(sys.argv[1]))['rules']))" "$rules")
        for round in $(seq "$rounds"); do
            say "peers, round $round of $rounds (Kanca, then json-rules-engine and json-logic-js, on core $core)"
            taskset -c "$core" "$kanca" backtest "$rules" --events "$work/events.jsonl" --json \
                >"$work/kanca-$round.json"
            taskset -c "$core" node "$here/peers.js" "$rules" "$work/events.jsonl" "$passes" \
                >"$work/peers-$round.json"
        done
        python3 "$here/table.py" "$rounds" "$work" "$rule_count"
    else
        row "backtest: events held" "$label, $((size / 1048576)) MiB file" "$((rss_kib / 1024)) MiB peak, first run $first s" "" "" "" "≤ 1 GiB" "$(yes_no "$rss_kib <= 1048576")"
    fi
done
