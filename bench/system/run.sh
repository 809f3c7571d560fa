#!/usr/bin/env bash
# Prints the table rows for delivery, history and start-up. Called by scripts/bench.sh.
set -euo pipefail
