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
# (default 16): wrk's connections, the platform's concurrent posts. KANCA_BENCH_SERVER_PER_HOST
# (default 6, the server's own default): the server's --per-host, its requests on the wire to
# nginx. KANCA_BENCH_SERVER_DB: the
# server's --db instead of a new SQLite file (a postgresql:// URL of an empty database).
# KANCA_BENCH_SERVER_WORKERS (default 1): how many `kanca serve` processes share that database
# (several need a postgresql:// URL); wrk's connections are split evenly among them, one wrk
# each, as a load balancer in front of them would.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
build=${KANCA_BENCH_BUILD_DIR:?set KANCA_BENCH_BUILD_DIR to a build directory}
build=$(cd "$build" && pwd)
seconds=${KANCA_BENCH_SERVER_SECONDS:-60}
connections=${KANCA_BENCH_SERVER_CONNECTIONS:-16}
workers=${KANCA_BENCH_SERVER_WORKERS:-1}
per_host=${KANCA_BENCH_SERVER_PER_HOST:-6}
kanca=$build/app/kanca
if ((workers > 1)) && [[ ${KANCA_BENCH_SERVER_DB:-} != postgres* ]]; then
    echo "bench/server: $workers workers share a PostgreSQL database: set KANCA_BENCH_SERVER_DB" >&2
    exit 1
fi

work=$(mktemp -d /tmp/kanca-bench-server.XXXXXX)
nginx_pid=
serve_pids=()
sampler_pid=
cleanup() {
    for pid in $sampler_pid "${serve_pids[@]}" $nginx_pid; do
        kill "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
    done
    rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

say() { echo "bench/server: $*" >&2; }
source "$here/../common.sh"
metric() { # NAME [URL]: its value in a server's /metrics (the first series of that name)
    # awk reads to the end: leaving early would fail curl (and so the script) on a long page
    curl -s "${2:-$serve_url}/metrics" | awk -v name="$1" '$1 == name && !found { print $2; found = 1 }'
}
delivered() { # the succeeded deliveries of every worker
    local total=0 url
    for url in "${serve_urls[@]}"; do
        total=$((total + $(metric 'kanca_deliveries_total{outcome="succeeded"}' "$url") + 0))
    done
    echo "$total"
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

# The servers: one, or several sharing one PostgreSQL database.
sed "s|__URL__|$hook|" "$here/serve.kanca.json" >"$work/rules.kanca.json"
serve_urls=()
for ((w = 1; w <= workers; ++w)); do
    "$kanca" serve "$work/rules.kanca.json" --listen 127.0.0.1:0 --per-host "$per_host" \
        --db "${KANCA_BENCH_SERVER_DB:-$work/serve.sqlite}" >"$work/serve$w.out" 2>"$work/serve$w.log" &
    serve_pids+=($!)
    for _ in $(seq 200); do
        [[ -s $work/serve$w.out ]] && break
        sleep 0.05
    done
    port=$(sed -n 's/.*"port":\([0-9]*\).*/\1/p' "$work/serve$w.out")
    [[ -n $port ]] || { say "kanca serve $w did not start"; cat "$work/serve$w.log" >&2; exit 1; }
    serve_urls+=("http://127.0.0.1:$port")
done
serve_url=${serve_urls[0]}

# The outbox's depth every 5 s while wrk posts: bounded means the engine keeps up.
(while sleep 5; do metric kanca_outbox_pending; done) >"$work/depth" 2>/dev/null &
sampler_pid=$!
delivered_before=$(delivered)
say "wrk -> kanca serve ($workers, --per-host $per_host) -> nginx, ${seconds}s, $connections connections"
start=$(date +%s.%N)
wrk_pids=()
for ((w = 1; w <= workers; ++w)); do
    share=$((connections / workers + (w <= connections % workers ? 1 : 0)))
    KANCA_BENCH_RUN=$RANDOM$RANDOM$w wrk -t1 -c"$share" -d"${seconds}s" --timeout 10s \
        -s "$here/wrk-events.lua" "${serve_urls[w - 1]}/v1/events" >"$work/wrk$w.out" &
    wrk_pids+=($!)
done
for pid in "${wrk_pids[@]}"; do wait "$pid"; done
end=$(date +%s.%N)
delivered_after=$(delivered)
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
left=$(metric kanca_outbox_pending) # not 0 if a minute was not enough
failed=0
for url in "${serve_urls[@]}"; do
    failed=$((failed + $(metric 'kanca_deliveries_total{outcome="failed"}' "$url") + 0))
done

# Every wrk's line; the latencies are those of the slowest worker (percentiles do not add up).
requests=0
refused=0
wrk_seconds=0
p50=0
p99=0
for ((w = 1; w <= workers; ++w)); do
    line=$(grep '^kanca-bench' "$work/wrk$w.out")
    requests=$((requests + $(field requests "$line")))
    refused=$((refused + $(field refused "$line")))
    wrk_seconds=$(awk -v a="$wrk_seconds" -v b="$(field seconds "$line")" 'BEGIN { print (b > a) ? b : a }')
    if awk -v a="$(field p99_ms "$line")" -v b="$p99" 'BEGIN { exit !(a > b) }'; then
        p50=$(field p50_ms "$line")
        p99=$(field p99_ms "$line")
    fi
done
duration=$(awk -v a="$start" -v b="$end" 'BEGIN { print b - a }')
accepted_rate=$(awk -v n="$requests" -v r="$refused" -v s="$wrk_seconds" 'BEGIN { print (n - r) / s }')
delivered_rate=$(awk -v a="$delivered_before" -v b="$delivered_after" -v s="$duration" 'BEGIN { print (b - a) / s }')
depth_max=$(sort -g "$work/depth" | tail -n 1)
depth_list=$(tr '\n' ' ' <"$work/depth" | sed 's/ $//')
say "outbox depth every 5 s: $depth_list; at the end $pending_at_end; refused $refused, failed deliveries $failed"

rss=0 # the largest worker's peak
for pid in "${serve_pids[@]}"; do
    rss=$(awk -v r="$rss" '/VmHWM/ { print ($2 > r) ? $2 : r }' "/proc/$pid/status")
done
drained_rate=$(awk -v n="$((${pending_at_end:-0} - ${left:-0}))" -v s="$drain_seconds" 'BEGIN { printf "%.0f", (s > 0) ? n / s : 0 }')
say "workers $workers; after the run the outbox drained at $drained_rate /s ($left left after $drain_seconds s)"
row "server: events accepted (durable 202)" "${seconds} s, 1 event a request, $connections connections" \
    "$(grouped "$accepted_rate") /s" "wrk → nginx directly" "$(grouped "$limit") /s" \
    "$(awk -v a="$accepted_rate" -v b="$limit" 'BEGIN { printf "%.2f×", a / b }')" "≥ 3,000 /s" \
    "$(yes_no "$accepted_rate >= 3000")"
row "server: webhooks delivered, same run" "to nginx, history on, --per-host $per_host" "$(grouped "$delivered_rate") /s" \
    "" "" "" "≥ 3,000 /s" "$(yes_no "$delivered_rate >= 3000")"
row "server: ingest latency p50 / p99" "same run" "$p50 / $p99 ms" "Activepieces (published)" \
    "p99 337 ms, 96 flows/s on 8 cores" "" "p99 ≤ 25 ms" "$(yes_no "$p99 <= 25")"
row "server: outbox depth, sampled every 5 s" "same run" "max $(grouped "${depth_max:-0}"), at the end $(grouped "${pending_at_end:-0}")" \
    "" "" "" "bounded" "$(yes_no "${depth_max:-0} < 5 * ${delivered_rate%.*} + 1000")"
row "server: peak memory" "same run" "$((rss / 1024)) MiB" "" "" "" "" ""
