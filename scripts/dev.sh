#!/usr/bin/env bash
# Kanca's one set-up script for a Debian 12 machine.
#
#   scripts/dev.sh run    install what is missing, build, start Kanca with the example rule set
#   scripts/dev.sh test   install what is missing, build, start a throw-away PostgreSQL cluster
#                         (scripts/pg-test-cluster.sh; stopped and removed at the end), run every
#                         test, the PostgreSQL ones included (KANCA_REQUIRE_PG=1: they fail
#                         rather than skip without it); then build the command line alone (no
#                         designer) with clang, the address and undefined-behaviour sanitizers
#                         and the fuzz targets, and run the core's and the command line's tests
#                         and each fuzz target for a bounded number of inputs (docs/fuzzing.md);
#                         last, build the Debian packages and check them (scripts/package.sh
#                         check: lintian, the desktop files, kanca-server installed, run, purged)
#   scripts/dev.sh build  install what is missing and build
#   scripts/dev.sh install  only install what is missing
#
# Environment: KANCA_BUILD_DIR (default: build), KANCA_HEADLESS_BUILD_DIR (the sanitizer build
# of test; default: build-headless), KANCA_JOBS (default: the number of cores),
# KANCA_EXTRA_PACKAGES (more Debian packages to install, space-separated; scripts/bench.sh uses it).
# The builds go through ccache when it is installed (CCACHE_DISABLE=1 turns it off).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$here"
build_dir=${KANCA_BUILD_DIR:-build}
headless_build_dir=${KANCA_HEADLESS_BUILD_DIR:-build-headless}
jobs=${KANCA_JOBS:-$(nproc)}

# Debian packages the build and the tests need.
packages=(
    build-essential cmake ninja-build pkgconf ccache
    clang libclang-rt-14-dev
    qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
    libqt6sql6-sqlite libsqlite3-dev qtkeychain-qt6-dev libgl-dev
    libqt6sql6-psql libpq-dev postgresql-15
    libcurl4-openssl-dev libssl-dev libpcre2-dev
    libsimdjson-dev libmimalloc-dev
    curl python3
    lintian desktop-file-utils appstream librsvg2-bin dpkg-dev fakeroot adduser
)
read -r -a extra_packages <<<"${KANCA_EXTRA_PACKAGES:-}"
packages+=("${extra_packages[@]}")

as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

install_missing() {
    local missing=()
    for p in "${packages[@]}"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
    done
    # Node.js and npm run the schema test (ajv); any install of them will do.
    command -v node >/dev/null 2>&1 || missing+=(nodejs)
    command -v npm >/dev/null 2>&1 || missing+=(npm)
    if [ ${#missing[@]} -gt 0 ]; then
        echo "Installing: ${missing[*]}"
        as_root apt-get update -qq
        as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
    fi
}

install_test_tools() {
    # The JSON Schema validator for the schema test, pinned by tests/schema/package-lock.json.
    if [ ! -d tests/schema/node_modules/ajv ] || [ tests/schema/package-lock.json -nt tests/schema/node_modules ]; then
        npm ci --prefix tests/schema --no-audit --no-fund --loglevel=error
    fi
}

cache_options=()
if command -v ccache >/dev/null 2>&1; then
    cache_options=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
fi

# Everything, with the default compiler (g++).
build() {
    cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DKANCA_WERROR=ON \
        "${cache_options[@]}" >/dev/null
    cmake --build "$build_dir" -j "$jobs"
}

# The command line alone, as a server builds it, with clang and the sanitizers: no designer, no
# benchmarks; the core's and the command line's tests, and the fuzz targets (fuzz/).
build_headless() {
    cmake -S . -B "$headless_build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
        -DKANCA_WERROR=ON -DCMAKE_CXX_COMPILER=clang++ -DKANCA_BUILD_DESIGNER=OFF \
        -DKANCA_BUILD_BENCH=OFF -DKANCA_SANITIZE=address,undefined -DKANCA_BUILD_FUZZERS=ON \
        "${cache_options[@]}" >/dev/null
    cmake --build "$headless_build_dir" -j "$jobs"
}

case "${1:-}" in
run)
    install_missing
    build
    exec "$build_dir/app/kanca" resources/examples/supsis-examples.kanca.json
    ;;
test)
    install_missing
    install_test_tools
    build
    export QT_QPA_PLATFORM=offscreen
    # PostgreSQL for the tests that need it: a cluster of its own, gone afterwards.
    pg_parent=$(mktemp -d /tmp/kanca-pg.XXXXXX)
    chmod 0755 "$pg_parent"
    trap 'scripts/pg-test-cluster.sh stop "$pg_parent/cluster" >/dev/null 2>&1; rm -rf "$pg_parent"' EXIT
    pg_env=$(scripts/pg-test-cluster.sh start "$pg_parent/cluster")
    while IFS= read -r line; do
        export "${line?}"
    done <<<"$pg_env"
    export KANCA_REQUIRE_PG=1
    ctest --test-dir "$build_dir" --output-on-failure -j "$jobs"
    build_headless
    ctest --test-dir "$headless_build_dir" --output-on-failure -j "$jobs" -L 'core|cli|fuzz'
    KANCA_JOBS=$jobs scripts/package.sh check
    ;;
build)
    install_missing
    build
    ;;
install)
    install_missing
    ;;
*)
    sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'
    exit 2
    ;;
esac
