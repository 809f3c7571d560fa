#!/usr/bin/env bash
# Kanca's one set-up script for a Debian 12 machine.
#
#   scripts/dev.sh run    install what is missing, build, start Kanca with the example rule set
#   scripts/dev.sh test   install what is missing, build, run every test
#   scripts/dev.sh build  install what is missing and build
#   scripts/dev.sh install  only install what is missing
#
# Environment: KANCA_BUILD_DIR (default: build), KANCA_JOBS (default: the number of cores),
# KANCA_EXTRA_PACKAGES (more Debian packages to install, space-separated; scripts/bench.sh uses it).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$here"
build_dir=${KANCA_BUILD_DIR:-build}
jobs=${KANCA_JOBS:-$(nproc)}

# Debian packages the build and the tests need.
packages=(
    build-essential cmake ninja-build pkgconf
    qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
    libqt6sql6-sqlite libsqlite3-dev qtkeychain-qt6-dev libgl-dev
    curl
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

build() {
    cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DKANCA_WERROR=ON >/dev/null
    cmake --build "$build_dir" -j "$jobs"
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
    ctest --test-dir "$build_dir" --output-on-failure -j "$jobs"
    ;;
build)
    install_missing
    build
    ;;
install)
    install_missing
    ;;
*)
    sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'
    exit 2
    ;;
esac
