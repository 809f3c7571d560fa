#!/usr/bin/env bash
# The server benchmark: wrk posts events (one per request, each id new) to `kanca serve`, which
# commits each with its delivery (synchronous=FULL, group commit) before answering 202 and sends
# the webhook to nginx on 127.0.0.1. Every process on this machine. Prints the table rows of
# docs/performance.md ("Server"). Called by scripts/bench.sh with KANCA_BENCH_BUILD_DIR set to an
# optimised build; needs nginx, wrk and curl.
#
#   KANCA_BENCH_BUILD_DIR=build-bench bench/server/run.sh
#
# KANCA_BENCH_SERVER_SECONDS (default 60): how long wrk posts; KANCA_BENCH_SERVER_CONNECTIONS
# (default 16): wrk's connections, the platform's concurrent posts. KANCA_BENCH_SERVER_DB: the
# server's --db instead of a new SQLite file (a postgresql:// URL of an empty database).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
build=${KANCA_BENCH_BUILD_DIR:?set KANCA_BENCH_BUILD_DIR to a build directory}
build=$(cd "$build" && pwd)
seconds=${KANCA_BENCH_SERVER_SECONDS:-60}
connections=${KANCA_BENCH_SERVER_CONNECTIONS:-16}
kanca=$build/app/kanca

work=$(mktemp -d /tmp/kanca-bench-server.XXXXXX)
nginx_pid=
serve_pid=
sampler_pid=
cleanup() {
    for pid in $sampler_pid $serve_pid $nginx_pid; do
        kill "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
    done
    rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

say() { echo "bench/server: $*" >&2; }
source "$here/../common.sh"
metric() { # NAME: its value in the server's /metrics (the first series of that name)
    curl -s "$serve_url/metrics" | awk -v name="$1" '$1 == name { print $2; exit }'
}

[[ -x $kanca ]] || { say "missing $kanca: build $build first"; exit 1; }
for tool in nginx wrk curl; do
    command -v "$tool" >/dev/null || { say "missing $tool (scripts/bench.sh installs it)"; exit 1; }
done

# The receiver: the delivery benchmark's nginx.
nginx_port=$(free_port)
hook=http://127.0.0.1:$nginx_port/hook
sed "s/__PORT__/$nginx_port/" "$here/../system/nginx.conf" >"$work/nginx.conf"
nginx -p "$work/" -c "$work/nginx.conf" 2>"$work/nginx.stderr" &
nginx_pid=$!
for _ in $(seq 100); do
    curl -s -o /dev/null -X POST "$hook" && break
    sleep 0.05
done

# The machine's limit: wrk to nginx directly, the same connections and time.
say "wrk -> nginx, ${seconds}s"
printf '{"event": "x"}' >"$work/body.json"
limit=$(KANCA_BENCH_BODY=$work/body.json wrk -t1 -c"$connections" -d"${seconds}s" \
    -s "$here/../system/wrk-post.lua" "$hook" | awk '/^Requests\/sec/ { print $2 }')

# The server.
sed "s|__URL__|$hook|" "$here/serve.kanca.json" >"$work/rules.kanca.json"
"$kanca" serve "$work/rules.kanca.json" --listen 127.0.0.1:0 --db "${KANCA_BENCH_SERVER_DB:-$work/serve.sqlite}" \
    >"$work/serve.out" 2>"$work/serve.log" &
serve_pid=$!
for _ in $(seq 200); do
    [[ -s $work/serve.out ]] && break
    sleep 0.05
done
serve_port=$(sed -n 's/.*"port":\([0-9]*\).*/\1/p' "$work/serve.out")
[[ -n $serve_port ]] || { say "kanca serve did not start"; cat "$work/serve.log" >&2; exit 1; }
serve_url=http://127.0.0.1:$serve_port

# The outbox's depth every 5 s while wrk posts: bounded means the engine keeps up.
(while sleep 5; do metric kanca_outbox_pending; done) >"$work/depth" 2>/dev/null &
sampler_pid=$!
delivered_before=$(curl -s "$serve_url/metrics" | awk '$1 == "kanca_deliveries_total{outcome=\"succeeded\"}" { print $2 }')
say "wrk -> kanca serve -> nginx, ${seconds}s, $connections connections"
start=$(date +%s.%N)
line=$(KANCA_BENCH_RUN=$RANDOM$RANDOM wrk -t1 -c"$connections" -d"${seconds}s" --timeout 10s \
    -s "$here/wrk-events.lua" "$serve_url/v1/events" | grep '^kanca-bench')
end=$(date +%s.%N)
delivered_after=$(curl -s "$serve_url/metrics" | awk '$1 == "kanca_deliveries_total{outcome=\"succeeded\"}" { print $2 }')
pending_at_end=$(metric kanca_outbox_pending)
kill "$sampler_pid" 2>/dev/null || true
wait "$sampler_pid" 2>/dev/null || true
sampler_pid=
# Then the rest: how long until the outbox is empty.
drain_start=$(date +%s.%N)
for _ in $(seq 600); do
    [[ $(metric kanca_outbox_pending) == 0 ]] && break
    sleep 0.1
done
drain_seconds=$(awk -v a="$drain_start" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')
failed=$(curl -s "$serve_url/metrics" | awk '$1 == "kanca_deliveries_total{outcome=\"failed\"}" { print $2 }')

requests=$(field requests "$line")
refused=$(field refused "$line")
duration=$(awk -v a="$start" -v b="$end" 'BEGIN { print b - a }')
accepted_rate=$(awk -v n="$requests" -v r="$refused" -v s="$(field seconds "$line")" 'BEGIN { print (n - r) / s }')
delivered_rate=$(awk -v a="$delivered_before" -v b="$delivered_after" -v s="$duration" 'BEGIN { print (b - a) / s }')
p50=$(field p50_ms "$line")
p99=$(field p99_ms "$line")
depth_max=$(sort -g "$work/depth" | tail -n 1)
depth_list=$(tr '\n' ' ' <"$work/depth" | sed 's/ $//')
say "outbox depth every 5 s: $depth_list; at the end $pending_at_end, empty $drain_seconds s later; refused $refused, failed deliveries $failed"

rss=$(awk '/VmHWM/ { print $2 }' "/proc/$serve_pid/status")
row "server: events accepted (durable 202)" "${seconds} s, 1 event a request, $connections connections" \
    "$(grouped "$accepted_rate") /s" "wrk → nginx directly" "$(grouped "$limit") /s" \
    "$(awk -v a="$accepted_rate" -v b="$limit" 'BEGIN { printf "%.2f×", a / b }')" "≥ 3,000 /s" \
    "$(yes_no "$accepted_rate >= 3000")"
row "server: webhooks delivered, same run" "to nginx, history on" "$(grouped "$delivered_rate") /s" \
    "" "" "" "≥ 3,000 /s" "$(yes_no "$delivered_rate >= 3000")"
row "server: ingest latency p50 / p99" "same run" "$p50 / $p99 ms" "Activepieces (published)" \
    "p99 337 ms, 96 flows/s on 8 cores" "" "p99 ≤ 25 ms" "$(yes_no "$p99 <= 25")"
row "server: outbox depth, sampled every 5 s" "same run" "max $(grouped "${depth_max:-0}"), at the end $(grouped "${pending_at_end:-0}")" \
    "" "" "" "bounded" "$(yes_no "${depth_max:-0} < 5 * ${delivered_rate%.*} + 1000")"
row "server: peak memory" "same run" "$((rss / 1024)) MiB" "" "" "" "" ""
