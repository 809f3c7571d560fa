#!/usr/bin/env bash
# The delivery engine's threads: kanca_bench_delivery with 1 and with 2 delivery threads,
# alternated, to one nginx host (6 connections) and to two (6 connections each, 12 in all; the
# same nginx listening on two ports, two destinations). Prints one line per run with the load
# average before it, then the median of each case. Needs nginx and curl.
#
#   KANCA_BENCH_BUILD_DIR=build-bench bench/system/threads.sh
#
# KANCA_BENCH_RUNS (default 3) runs of each case; KANCA_BENCH_DELIVERIES (default 20000);
# KANCA_BENCH_THREADS (default "1 2") the thread counts compared.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
build=${KANCA_BENCH_BUILD_DIR:?set KANCA_BENCH_BUILD_DIR to a build directory}
build=$(cd "$build" && pwd)
runs=${KANCA_BENCH_RUNS:-3}
deliveries=${KANCA_BENCH_DELIVERIES:-20000}
thread_counts=${KANCA_BENCH_THREADS:-1 2}
bench=$build/bench/system/kanca_bench_delivery

work=$(mktemp -d /tmp/kanca-bench-threads.XXXXXX)
nginx_pid=
cleanup() {
    if [[ -n $nginx_pid ]]; then
        kill "$nginx_pid" 2>/dev/null || true
        wait "$nginx_pid" 2>/dev/null || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

say() { echo "bench/threads: $*" >&2; }
source "$here/../common.sh"
[[ -x $bench ]] || { say "missing $bench: build $build first"; exit 1; }

port1=$(free_port)
port2=$(free_port)
while [[ $port2 == "$port1" ]]; do port2=$(free_port); done
sed "s/__PORT__/$port1/; s|^\( *\)listen 127.0.0.1:$port1 backlog=1024;|&\n\1listen 127.0.0.1:$port2 backlog=1024;|" \
    "$here/nginx.conf" >"$work/nginx.conf"
nginx -p "$work/" -c "$work/nginx.conf" 2>"$work/nginx.stderr" &
nginx_pid=$!
url1=http://127.0.0.1:$port1/hook
url2=http://127.0.0.1:$port2/hook
for _ in $(seq 100); do
    curl -s -o /dev/null -X POST "$url2" && break
    sleep 0.05
done
curl -sf -o /dev/null -X POST "$url1" && curl -sf -o /dev/null -X POST "$url2" ||
    { say "nginx did not start"; cat "$work/nginx.stderr" >&2; exit 1; }

run_case() { # HOSTS THREADS
    local urls=(--url "$url1")
    [[ $1 == 2 ]] && urls+=(--url "$url2")
    rm -f "$work"/delivery.sqlite*
    "$bench" --rules "$here/delivery.kanca.json" "${urls[@]}" --count "$deliveries" \
        --connections 6 --threads "$2" --db "$work/delivery.sqlite"
}

for run in $(seq "$runs"); do
    for hosts in 1 2; do
        for threads in $thread_counts; do
            load=$(cut -d' ' -f1 /proc/loadavg)
            line=$(run_case "$hosts" "$threads")
            rate=$(field rate "$line")
            echo "run=$run hosts=$hosts threads=$threads load=$load rate=$rate"
            echo "$rate" >>"$work/rates.$hosts.$threads"
        done
    done
done
for hosts in 1 2; do
    for threads in $thread_counts; do
        echo "median hosts=$hosts connections=$((6 * hosts)) threads=$threads" \
            "rate=$(median <"$work/rates.$hosts.$threads")"
    done
done
