#!/usr/bin/env bash
# Prints the table rows for delivery, history and start-up. Called by scripts/bench.sh, which
# sets KANCA_BENCH_BUILD_DIR to an optimised build; see bench/system/NOTES.md for what is
# measured and how. Every figure is the median of RUNS runs, its peer measured in the same run
# on the same input. Needs nginx, wrk, curl, node and go (the Go peer, go-post.go, is built into
# the build directory on first use); takes about three minutes.
#
#   KANCA_BENCH_BUILD_DIR=build-bench bench/system/run.sh
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
build=${KANCA_BENCH_BUILD_DIR:?set KANCA_BENCH_BUILD_DIR to a build directory}
build=$(cd "$build" && pwd)

runs=${KANCA_BENCH_RUNS:-3}
connections=${KANCA_BENCH_CONNECTIONS:-6} # Kanca's default per host
deliveries=${KANCA_BENCH_DELIVERIES:-20000}
curl_requests=${KANCA_BENCH_CURL_REQUESTS:-300}
memory_deliveries=100000
history_attempts=${KANCA_BENCH_HISTORY_ATTEMPTS:-50000}
million=1000000

work=$(mktemp -d /tmp/kanca-bench-system.XXXXXX)
export XDG_RUNTIME_DIR=$work/runtime
mkdir -m 700 "$XDG_RUNTIME_DIR"
nginx_pid=
cleanup() {
    if [[ -n ${xvfb_pid:-} ]]; then
        kill "$xvfb_pid" 2>/dev/null || true
        wait "$xvfb_pid" 2>/dev/null || true
    fi
    if [[ -n $nginx_pid ]]; then
        kill "$nginx_pid" 2>/dev/null || true
        wait "$nginx_pid" 2>/dev/null || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM # (bash runs it once the command in progress has returned)

say() { echo "bench/system: $*" >&2; }

source "$here/../common.sh"

kanca=$build/app/kanca
bench=$build/bench/system
make_history_db=$build/tests/kanca_make_history_db
for program in "$kanca" "$bench/kanca_bench_delivery" "$bench/kanca_bench_history_write" \
    "$bench/kanca_bench_history_view" "$bench/kanca_bench_typing" "$make_history_db"; do
    [[ -x $program ]] || { say "missing $program: build $build first"; exit 1; }
done
for tool in nginx wrk curl node go; do
    command -v "$tool" >/dev/null || { say "missing $tool (scripts/bench.sh installs it)"; exit 1; }
done

nginx_version=$(nginx -v 2>&1 | sed 's|.*nginx/||')
wrk_version=$(wrk -v 2>&1 | head -n 1 | awk '{ print $2 }' | sed 's|.*/||; s|-.*||' || true)
curl_version=$(curl --version | awk 'NR == 1 { print $2 }')
node_version=$(node --version)
go_version=$(go env GOVERSION | sed 's/^go//')

# The Go peer: the standard library only, built with Debian's golang-go into the build directory
# (its cache too, not in $HOME); GOPROXY=off, so nothing can be downloaded.
go_peer=$bench/kanca_peer_go
if [[ ! -x $go_peer || $here/go-post.go -nt $go_peer ]]; then
    say "building the Go peer (go $go_version)"
    env GOCACHE="$build/go/cache" GOPATH="$build/go/path" GOENV=off GOPROXY=off GOFLAGS= \
        go build -o "$go_peer" "$here/go-post.go"
fi
say "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"

# --- Delivery ------------------------------------------------------------------------------
port=$(free_port)
url=http://127.0.0.1:$port/hook
sed "s/__PORT__/$port/" "$here/nginx.conf" >"$work/nginx.conf"
nginx -p "$work/" -c "$work/nginx.conf" 2>"$work/nginx.stderr" &
nginx_pid=$!
for _ in $(seq 100); do
    curl -s -o /dev/null -X POST "$url" && break
    sleep 0.05
done
curl -sf -o /dev/null -X POST "$url" || { say "nginx did not start"; cat "$work/nginx.stderr" >&2; exit 1; }

rules=$here/delivery.kanca.json
body=$work/body.json
"$bench/kanca_bench_delivery" --rules "$rules" --url "$url" --body-out "$body"
export KANCA_BENCH_BODY=$body

kanca_delivery() { # COUNT [extra options]: one run on a fresh history file
    local count=$1
    shift
    rm -f "$work"/delivery.sqlite*
    "$bench/kanca_bench_delivery" --rules "$rules" --url "$url" --count "$count" \
        --connections "$connections" --db "$work/delivery.sqlite" "$@"
}

: >"$work/kanca.rates"
: >"$work/node.rates"
: >"$work/go.rates"
: >"$work/wrk.rates"
: >"$work/curl.rates"
for run in $(seq "$runs"); do
    say "delivery run $run of $runs"
    line=$(kanca_delivery "$deliveries")
    field rate "$line" >>"$work/kanca.rates"
    line=$(node "$here/node-fetch.mjs" "$url" "$deliveries" "$connections" "$body")
    field rate "$line" >>"$work/node.rates"
    line=$("$go_peer" "$url" "$deliveries" "$connections" "$body")
    field rate "$line" >>"$work/go.rates"
    go_connections=$(field connections "$line")
    if ((go_connections > connections)); then
        say "the Go peer had $go_connections connections open at once, not at most $connections: $line"
        exit 1
    fi
    wrk -t1 -c"$connections" -d4s -s "$here/wrk-post.lua" "$url" |
        awk '/^Requests\/sec:/ { print $2 }' >>"$work/wrk.rates"
    start=$(date +%s%N)
    for _ in $(seq "$curl_requests"); do
        curl -s -o /dev/null -X POST -H 'Content-Type: application/json' --data-binary "@$body" "$url"
    done
    end=$(date +%s%N)
    awk -v n="$curl_requests" -v ns=$((end - start)) 'BEGIN { print n / (ns / 1e9) }' >>"$work/curl.rates"
done
for peer in kanca node go wrk curl; do
    say "delivery runs, $peer: $(tr '\n' ' ' <"$work/$peer.rates")/s"
done
kanca_rate=$(median <"$work/kanca.rates")
node_rate=$(median <"$work/node.rates")
go_rate=$(median <"$work/go.rates")
wrk_rate=$(median <"$work/wrk.rates")
curl_rate=$(median <"$work/curl.rates")

say "delivery memory run ($memory_deliveries deliveries)"
line=$(kanca_delivery "$memory_deliveries" --rss-at 10000,50000,100000)
rss10=$(field kib "$(grep 'rss_after=10000 ' <<<"$line")")
rss50=$(field kib "$(grep 'rss_after=50000 ' <<<"$line")")
rss100=$(field kib "$(grep 'rss_after=100000 ' <<<"$line")")
memory_rate=$(field rate "$(grep '^delivered=' <<<"$line")")
kill "$nginx_pid"
wait "$nginx_pid" 2>/dev/null || true
nginx_pid=

input="$(grouped "$deliveries") POSTs, $connections connections, history on"
row "Delivery" "$input" "$(grouped "$kanca_rate") /s" "wrk $wrk_version -t1 (nginx $nginx_version)" \
    "$(grouped "$wrk_rate") /s" "$(percent "$kanca_rate" "$wrk_rate")" "≥ 40%" \
    "$(yes_no "$kanca_rate >= 0.4 * $wrk_rate")"
row "Delivery" "$input" "$(grouped "$kanca_rate") /s" "Node.js $node_version fetch (undici)" \
    "$(grouped "$node_rate") /s" "$(percent "$kanca_rate" "$node_rate")" "≥ 200%" \
    "$(yes_no "$kanca_rate >= 2 * $node_rate")"
row "Delivery" "$input" "$(grouped "$kanca_rate") /s" "Go $go_version net/http ($connections goroutines)" \
    "$(grouped "$go_rate") /s" "$(percent "$kanca_rate" "$go_rate")" "≥ 30%" \
    "$(yes_no "$kanca_rate >= 0.3 * $go_rate")"
row "Delivery" "$input; curl: $curl_requests POSTs, one process each" "$(grouped "$kanca_rate") /s" \
    "shell loop of curl $curl_version" "$(grouped "$curl_rate") /s" \
    "$(times "$kanca_rate" "$curl_rate")" "≥ 20×" "$(yes_no "$kanca_rate >= 20 * $curl_rate")"
# The history's page cache (up to 32 MiB, grown as used) fills over the first tens of thousands
# of deliveries; flat means nothing grows once it is full.
row "Delivery memory" "RSS after 10,000 / 50,000 / 100,000 deliveries ($(grouped "$memory_rate") /s)" \
    "$(mib "$rss10") / $(mib "$rss50") / $(mib "$rss100")" "—" "—" "—" \
    "flat once the page cache is full (50,000 → 100,000 ≤ +10%)" "$(yes_no "$rss100 <= 1.1 * $rss50")"

# --- History -------------------------------------------------------------------------------
: >"$work/history-kanca.rates"
: >"$work/history-sqlite.rates"
for run in $(seq "$runs"); do
    say "history write run $run of $runs"
    line=$("$bench/kanca_bench_history_write" --dir "$work" --attempts "$history_attempts")
    field kanca_rows_per_s "$line" >>"$work/history-kanca.rates"
    field sqlite_rows_per_s "$line" >>"$work/history-sqlite.rates"
    sqlite_version=$(field sqlite_version "$line")
    rm -f "$work"/kanca.sqlite* "$work"/sqlite.sqlite*
done
kanca_rows=$(median <"$work/history-kanca.rates")
sqlite_rows=$(median <"$work/history-sqlite.rates")
row "History write" "$(grouped "$history_attempts") attempt rows, 500 per transaction" \
    "$(grouped "$kanca_rows") rows/s" "SQLite $sqlite_version C API, same statements" \
    "$(grouped "$sqlite_rows") rows/s" "$(percent "$kanca_rows" "$sqlite_rows")" "—" "—"

say "generating a history of $million attempts"
"$make_history_db" "$work/million.sqlite" --deliveries "$million" --attempts 1 >/dev/null
: >"$work/open.ms"
: >"$work/scroll.ms"
: >"$work/view.rss"
for run in $(seq "$runs"); do
    say "history view run $run of $runs"
    line=$(QT_QPA_PLATFORM=offscreen "$bench/kanca_bench_history_view" "$work/million.sqlite" \
        2>>"$work/qt.log")
    field open_ms "$line" >>"$work/open.ms"
    field scroll_end_ms "$line" >>"$work/scroll.ms"
    field rss_end_kib "$line" >>"$work/view.rss"
done
open_ms=$(median <"$work/open.ms")
scroll_ms=$(median <"$work/scroll.ms")
view_rss=$(median <"$work/view.rss")
input="$(grouped "$million") attempts, offscreen"
row "History view open" "$input" "$open_ms ms" "—" "—" "—" "< 300 ms" "$(yes_no "$open_ms < 300")"
row "History view scroll to end" "$input" "$scroll_ms ms" "—" "—" "—" "—" "—"
row "History view memory" "$input, opened and scrolled to the end" "$(mib "$view_rss")" "—" "—" \
    "—" "—" "—"
rm -f "$work"/million.sqlite*

# The same view on a server's history: the same million deliveries generated in a PostgreSQL
# database (history_postgres.sql), opened as File ▸ Open Server History… does. Only when
# KANCA_BENCH_PG_URL names a database to use (emptied first; its password from PGPASSWORD or
# ~/.pgpass), e.g. one of scripts/pg-test-cluster.sh.
if [[ -n ${KANCA_BENCH_PG_URL:-} ]]; then
    say "generating a PostgreSQL history of $million deliveries"
    "$kanca" history --db "$KANCA_BENCH_PG_URL" >/dev/null # creates the schema
    psql -q -v ON_ERROR_STOP=1 -c 'TRUNCATE deliveries, attempts' "$KANCA_BENCH_PG_URL"
    psql -q -v count="$million" -v newest="$(date +%s000)" -f "$here/history_postgres.sql" \
        "$KANCA_BENCH_PG_URL" >/dev/null
    : >"$work/open-pg.ms"
    : >"$work/exact-pg.ms"
    : >"$work/scroll-pg.ms"
    for run in $(seq "$runs"); do
        say "PostgreSQL history view run $run of $runs"
        line=$(QT_QPA_PLATFORM=offscreen "$bench/kanca_bench_history_view" "$KANCA_BENCH_PG_URL" \
            2>>"$work/qt.log")
        field open_ms "$line" >>"$work/open-pg.ms"
        field exact_ms "$line" >>"$work/exact-pg.ms"
        field scroll_end_ms "$line" >>"$work/scroll-pg.ms"
    done
    open_pg_ms=$(median <"$work/open-pg.ms")
    exact_pg_ms=$(median <"$work/exact-pg.ms")
    scroll_pg_ms=$(median <"$work/scroll-pg.ms")
    input="$(grouped "$million") deliveries in PostgreSQL, offscreen"
    row "History view open, server" "$input" "$open_pg_ms ms" "the same on SQLite" "$open_ms ms" \
        "—" "as fast as SQLite" "$(yes_no "$open_pg_ms <= 1.5 * $open_ms + 50")"
    row "History view exact count, server" "$input" "$exact_pg_ms ms" "the same on SQLite" \
        "$open_ms ms" "—" "—" "—"
    row "History view scroll to end, server" "$input" "$scroll_pg_ms ms" "the same on SQLite" \
        "$scroll_ms ms" "—" "—" "—"
    psql -q -c 'TRUNCATE deliveries, attempts' "$KANCA_BENCH_PG_URL" || true
fi

# --- Typing into a large payload ------------------------------------------------------------
# A 2 MiB JSON payload pasted into the designer's payload editor (offscreen), then four
# characters typed into it: the time each key event takes, and the longest the main thread is
# then busy in one go (the work done after a pause in typing). Indented, and on one line.
for shape in indented one-line; do
    : >"$work/typing-$shape.key"
    : >"$work/typing-$shape.stall"
    for run in $(seq "$runs"); do
        say "typing ($shape) run $run of $runs"
        line=$(QT_QPA_PLATFORM=offscreen "$bench/kanca_bench_typing" 2048 \
            $([[ $shape == one-line ]] && echo --one-line) 2>>"$work/qt.log")
        field key_max_ms "$line" >>"$work/typing-$shape.key"
        field stall_max_ms "$line" >>"$work/typing-$shape.stall"
    done
    key=$(median <"$work/typing-$shape.key")
    stall=$(median <"$work/typing-$shape.stall")
    row "Typing, each keystroke" "2 MiB JSON payload, $shape, offscreen (slowest of 4 keys)" \
        "$key ms" "—" "—" "—" "< 50 ms" "$(yes_no "$key < 50")"
    row "Typing, longest busy time after a pause" "2 MiB JSON payload, $shape, offscreen" \
        "$stall ms" "—" "—" "—" "—" "—"
done

# --- Start-up ------------------------------------------------------------------------------
# The real kanca opening the example as a fresh user (no settings, no recovery, an empty
# history), $runs + 2 times; KANCA_STARTUP_PROBE prints when the window is first painted, then
# the resident memory a second later, and quits. Offscreen, and under Xvfb with the xcb platform
# (a real X server: the window is mapped and exposed).
example=$here/../../resources/examples/supsis-examples.kanca.json
measure_startup() { # NAME, then the environment that picks the platform
    local name=$1
    shift
    : >"$work/startup-$name.ms"
    : >"$work/startup-$name.rss"
    for run in $(seq $((runs + 2))); do
        local home=$work/home-$name-$run
        mkdir -p "$home"
        local start line shown
        start=$(date +%s%3N)
        line=$(env HOME="$home" XDG_CONFIG_HOME="$home/config" XDG_DATA_HOME="$home/data" \
            XDG_CACHE_HOME="$home/cache" KANCA_STARTUP_PROBE=1 "$@" \
            "$kanca" "$example" 2>>"$work/qt.log" | tr '\n' ' ')
        shown=$(field shown_epoch_ms "$line")
        echo $((shown - start)) >>"$work/startup-$name.ms"
        field rss_kib "$line" >>"$work/startup-$name.rss"
    done
    local ms rss input="kanca supsis-examples.kanca.json, $name"
    ms=$(median <"$work/startup-$name.ms")
    rss=$(median <"$work/startup-$name.rss")
    row "Start-up" "$input, launch to window shown" "$ms ms" "—" "—" "—" "< 500 ms" \
        "$(yes_no "$ms < 500")"
    row "Start-up memory" "$input, at rest 1 s after shown" "$(mib "$rss")" "—" "—" "—" "—" "—"
}
measure_startup offscreen QT_QPA_PLATFORM=offscreen

if command -v Xvfb >/dev/null; then
    display=:$((90 + RANDOM % 100))
    Xvfb "$display" -screen 0 1920x1080x24 -nolisten tcp 2>>"$work/xvfb.log" &
    xvfb_pid=$!
    for _ in $(seq 50); do
        [[ -e /tmp/.X11-unix/X${display#:} ]] && break
        sleep 0.1
    done
    measure_startup "Xvfb (xcb)" QT_QPA_PLATFORM=xcb DISPLAY="$display"
else
    say "Xvfb is not installed: start-up under X is not measured"
fi

say "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
