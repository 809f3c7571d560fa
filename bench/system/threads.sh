#!/usr/bin/env bash
# The delivery engine's threads: kanca_bench_delivery with 1 and with 2 delivery threads,
# alternated, to one nginx host (6 connections) and to two (6 connections each, 12 in all; the
# same nginx listening on two ports, two destinations). Prints one line per run with the load
# average before it, the CPU a delivery (Kanca's and the whole machine's, nginx and the kernel
# included), how busy the machine was, the rate it would give fully busy at that CPU a delivery
# (machine_bound), and each of Kanca's threads' share of a core; then the median of each case, and
# for each number of hosts the ceiling: the median machine_bound of each thread count over the
# median rate of the first, what that many threads could reach if they kept every core busy.
# Needs nginx and curl.
#
#   KANCA_BENCH_BUILD_DIR=build-bench bench/system/threads.sh [--table]
#
# KANCA_BENCH_RUNS (default 3; 9 with --table) runs of each case; KANCA_BENCH_DELIVERIES
# (default 20000); KANCA_BENCH_THREADS (default "1 2") the thread counts compared;
# KANCA_BENCH_HOSTS (default "1 2") the numbers of hosts. With --table (scripts/bench.sh), two
# hosts only, the lines above on standard error and two rows of docs/performance.md's table on
# standard output: the last thread count against the first, and its ceiling.
set -euo pipefail
table=
if [[ ${1:-} == --table ]]; then
    table=1
    exec 3>&1 1>&2 # the rows go to the original standard output, on descriptor 3
fi

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
build=${KANCA_BENCH_BUILD_DIR:?set KANCA_BENCH_BUILD_DIR to a build directory}
build=$(cd "$build" && pwd)
# The table's rows compare two rates taken seconds apart, and this kind of virtual machine's speed
# moves by a third within a minute (docs/performance.md, round twenty): nine pairs, not three.
runs=${KANCA_BENCH_RUNS:-3}
[[ -n $table && -z ${KANCA_BENCH_RUNS:-} ]] && runs=9
deliveries=${KANCA_BENCH_DELIVERIES:-20000}
thread_counts=${KANCA_BENCH_THREADS:-1 2}
host_counts=${KANCA_BENCH_HOSTS:-1 2}
[[ -n $table ]] && host_counts=2
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
    for hosts in $host_counts; do
        for threads in $thread_counts; do
            load=$(cut -d' ' -f1 /proc/loadavg)
            output=$(run_case "$hosts" "$threads")
            line=$(grep -m1 '^delivered=' <<<"$output")
            echo "run=$run hosts=$hosts threads=$threads load=$load" \
                "rate=$(field rate "$line") cpu_us=$(field cpu_us "$line")" \
                "machine_cpu_us=$(field machine_cpu_us "$line")" \
                "machine_busy=$(field machine_busy "$line")" \
                "machine_bound=$(field machine_bound "$line")" \
                "threads_cores=$(sed -n 's/^thread=\(.*\)\/[0-9]* cores=/\1:/p' <<<"$output" | paste -sd,)"
            for key in rate machine_cpu_us machine_bound; do
                field "$key" "$line" >>"$work/$key.$hosts.$threads"
            done
        done
    done
done
first=${thread_counts%% *}
for hosts in $host_counts; do
    for threads in $thread_counts; do
        rate=$(median <"$work/rate.$hosts.$threads")
        bound=$(median <"$work/machine_bound.$hosts.$threads")
        echo "median hosts=$hosts connections=$((6 * hosts)) threads=$threads rate=$rate" \
            "machine_cpu_us=$(median <"$work/machine_cpu_us.$hosts.$threads")" \
            "machine_bound=$bound" \
            "ceiling=$(awk -v b="$bound" -v r="$(median <"$work/rate.$hosts.$first")" \
                'BEGIN { printf "%.2f", b / r }')x_of_${first}_thread"
    done
done
[[ -n $table ]] || exit 0

last=${thread_counts##* }
one=$(median <"$work/rate.2.$first")
many=$(median <"$work/rate.2.$last")
bound=$(median <"$work/machine_bound.2.$last")
cpu=$(median <"$work/machine_cpu_us.2.$last")
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f×", a / b }'; }
input="$(grouped "$deliveries") POSTs, 12 connections over two hosts, history on; $last delivery threads"
{
    row "Delivery threads" "$input" "$(grouped "$many") /s" "the same, $first delivery thread(s)" \
        "$(grouped "$one") /s" "$(ratio "$many" "$one")" "≥ 1.6×" \
        "$(yes_no "$many >= 1.6 * $one")"
    row "Delivery threads, the machine's ceiling" \
        "the same, $last threads at their CPU a delivery ($(printf '%.0f' "$cpu") µs of the machine's, nginx and the kernel included) with every core busy" \
        "$(grouped "$bound") /s" "the same, $first delivery thread(s)" "$(grouped "$one") /s" \
        "$(ratio "$bound" "$one")" "—" "—"
} >&3
