#!/usr/bin/env bash
# Prints the table rows for rule evaluation and template rendering. Called by scripts/bench.sh.
set -euo pipefail
