#!/usr/bin/env bash
# Runs every benchmark against its peers and prints one table (see docs/performance.md).
#
#   scripts/bench.sh
#
# Installs what is missing (Debian packages, the npm peers), builds an optimised build in
# build-bench (or KANCA_BENCH_BUILD_DIR), then runs bench/compute/run.sh, bench/system/run.sh,
# bench/system/threads.sh --table (one and two delivery threads, two hosts), bench/server/run.sh
# (about two minutes) and bench/backtest/run.sh; with KANCA_BENCH_PG_URL (a PostgreSQL database
# it may empty), also bench/server/fleet.sh (several servers on it).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$here"
export KANCA_BENCH_BUILD_DIR=${KANCA_BENCH_BUILD_DIR:-$here/build-bench}

# nginx and wrk are the delivery peers, nodejs runs the fetch peer, golang-go builds the Go peer
# (bench/system/go-post.go), Xvfb the start-up under X; the npm peers are installed by each run.sh
# (taskset, which bench/backtest/run.sh uses, is in util-linux).
KANCA_EXTRA_PACKAGES="nginx-light wrk nodejs golang-go xvfb time python3 ${KANCA_EXTRA_PACKAGES:-}" scripts/dev.sh install
cmake -S . -B "$KANCA_BENCH_BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$KANCA_BENCH_BUILD_DIR" -j "$(nproc)"

echo "| Benchmark | Input | Kanca | Peer | Peer figure | Kanca ÷ peer | Target | Met |"
echo "|---|---|---|---|---|---|---|---|"
bench/compute/run.sh
bench/system/run.sh
bench/system/threads.sh --table
bench/server/run.sh
if [[ -n ${KANCA_BENCH_PG_URL:-} ]]; then
    bench/server/fleet.sh
fi
bench/backtest/run.sh
