#!/usr/bin/env bash
# The backtest benchmark: kanca backtest on 100,000 and 1,000,000 generated events (tools/
# make_events.py, seeded) with the example rule set, compared with a version of it that lacks
# one keyword. Prints the table rows of docs/performance.md ("Backtest"): the first run (read
# and parse every line, then evaluate both versions), the evaluation alone (what a re-run after
# an edit costs once the events are parsed), and the peak memory holding the events.
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

for count in 100000 1000000; do
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
    else
        row "backtest: events held" "$label, $((size / 1048576)) MiB file" "$((rss_kib / 1024)) MiB peak, first run $first s" "" "" "" "≤ 1 GiB" "$(yes_no "$rss_kib <= 1048576")"
    fi
done
