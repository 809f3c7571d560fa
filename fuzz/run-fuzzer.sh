#!/usr/bin/env bash
# Runs one fuzz target as the test command does:
#   run-fuzzer.sh FUZZER WORK_DIR SEED_DIR RUNS MAX_SECONDS [DICTIONARY]
# The seed corpus is only read: new inputs go to WORK_DIR/corpus (emptied first), and a crashing
# input to WORK_DIR (crash-..., leak-..., timeout-...), whose name the output gives. The exit
# status is the fuzzer's: 0 when RUNS inputs (or MAX_SECONDS) passed without a finding.
set -euo pipefail
fuzzer=$1 work=$2 seeds=$3 runs=$4 seconds=$5 dictionary=${6:-}
rm -rf "$work"
mkdir -p "$work/corpus"
options=(-runs="$runs" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048
         -print_final_stats=1 -artifact_prefix="$work/")
if [ -n "$dictionary" ]; then
    options+=(-dict="$dictionary")
fi
exec "$fuzzer" "${options[@]}" "$work/corpus" "$seeds"
