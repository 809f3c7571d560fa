#!/usr/bin/env bash
# Kanca's two Debian packages, built by CPack from clean build folders.
#
#   scripts/package.sh build   build kanca (designer and command line) and kanca-server (the
#                              headless build: no Qt Widgets, X or GL) into $KANCA_PACKAGE_DIR
#   scripts/package.sh check   build them, then prove them: lintian reports no errors; the
#                              desktop entry and the AppStream metainfo validate; kanca-server is
#                              installed with dpkg -i, its binary links nothing graphical, its
#                              unit's ExecStart runs as the user kanca and answers /healthz;
#                              removing keeps the data, purging removes it. The machine is left
#                              as it was (the user kanca is deleted if the check created it).
#                              Installing needs root (sudo is used when not root); the builds run
#                              as the calling user.
#   scripts/package.sh verify  the checks of check on the packages built before
#
# Environment: KANCA_PACKAGE_DIR (where the .deb files go; default: build-packages), KANCA_JOBS
# (default: the number of cores). The build folders are build-deb-kanca and build-deb-kanca-server,
# next to build/ so that ccache finds what build/ compiled.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$here"
package_dir=${KANCA_PACKAGE_DIR:-build-packages}
jobs=${KANCA_JOBS:-$(nproc)}
# The package's version: the project's, with the Debian revision of packaging/Package.cmake.
version=$(sed -n 's/^project(Kanca VERSION \([0-9.]*\).*/\1/p' CMakeLists.txt)-1
arch=$(dpkg --print-architecture)

as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

cache_options=()
if command -v ccache >/dev/null 2>&1; then
    cache_options=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
fi

# build_one NAME DESIGNER(ON|OFF): a clean build folder, only what the package holds, cpack.
build_one() {
    local name=$1 designer=$2 dir="build-deb-$1"
    rm -rf "$dir"
    cmake -S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DKANCA_WERROR=ON \
        -DCMAKE_INSTALL_PREFIX=/usr -DKANCA_BUILD_DESIGNER="$designer" -DBUILD_TESTING=OFF \
        -DKANCA_BUILD_BENCH=OFF "${cache_options[@]}" >/dev/null
    cmake --build "$dir" -j "$jobs" --target kanca kanca_man kanca_changelog
    (cd "$dir" && cpack -G DEB >/dev/null)
    cp "$dir/${name}_${version}_${arch}.deb" "$package_dir/"
    echo "Built $package_dir/${name}_${version}_${arch}.deb"
}

build_packages() {
    mkdir -p "$package_dir"
    build_one kanca ON
    build_one kanca-server OFF
}

fail() {
    echo "package check: $*" >&2
    exit 1
}

check_packages() {
    local designer_deb="$package_dir/kanca_${version}_${arch}.deb"
    local server_deb="$package_dir/kanca-server_${version}_${arch}.deb"

    echo "== lintian"
    # Errors fail the check; warnings and the rest are printed.
    lintian --fail-on error --tag-display-limit 0 "$designer_deb" "$server_deb" ||
        fail "lintian reports errors"

    echo "== dependencies (computed by dpkg-shlibdeps)"
    dpkg-deb -f "$designer_deb" Depends
    dpkg-deb -f "$server_deb" Depends
    if dpkg-deb -f "$server_deb" Depends | grep -Eq 'libqt6(widgets|gui|opengl)|libx11|libgl|libegl|libxcb'; then
        fail "kanca-server depends on a graphical library"
    fi

    echo "== desktop entry and AppStream metainfo (from the kanca package)"
    local unpacked
    unpacked=$(mktemp -d)
    dpkg-deb -x "$designer_deb" "$unpacked"
    desktop-file-validate "$unpacked/usr/share/applications/io.github.kanca.Kanca.desktop" ||
        fail "desktop-file-validate"
    appstreamcli validate --no-net "$unpacked/usr/share/metainfo/io.github.kanca.Kanca.metainfo.xml" ||
        fail "appstreamcli validate"
    rm -rf "$unpacked"

    echo "== kanca-server: install, run, remove, purge"
    as_root env KANCA_SERVER_DEB="$server_deb" KANCA_VERSION="${version%-*}" KANCA_RULESET="$here/tests/data/valid/minimal.kanca.json" \
        bash "$here/scripts/package.sh" check-installed
}

# Run as root by check_packages.
check_installed() {
    local deb=$KANCA_SERVER_DEB
    # Not local: the EXIT trap reads them after this function has returned.
    user_existed=no
    getent passwd kanca >/dev/null && user_existed=yes
    if dpkg-query -W -f='${Status}' kanca-server 2>/dev/null | grep -q 'install ok installed' ||
        dpkg-query -W -f='${Status}' kanca 2>/dev/null | grep -q 'install ok installed'; then
        fail "kanca or kanca-server is already installed on this machine; the check would change it"
    fi

    server_pid=""
    tmp=$(mktemp -d)
    # Whatever happens: stop the server, purge the package, delete the user if it is new.
    cleanup() {
        [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
        if dpkg-query -W -f='${Status}' kanca-server 2>/dev/null | grep -q 'installed\|config-files'; then
            dpkg --purge kanca-server >/dev/null || true
        fi
        if [ "$user_existed" = no ] && getent passwd kanca >/dev/null; then
            deluser --system --quiet kanca >/dev/null 2>&1 || true
            getent group kanca >/dev/null && delgroup --system --quiet kanca >/dev/null 2>&1 || true
        fi
        rm -rf "$tmp"
    }
    trap cleanup EXIT

    dpkg -i "$deb"
    getent passwd kanca >/dev/null || fail "postinst did not create the user kanca"
    [ "$(stat -c %U /var/lib/kanca)" = kanca ] || fail "/var/lib/kanca does not belong to kanca"
    [ "$(stat -c '%U:%G %a' /etc/kanca/kanca-serve.env)" = "root:kanca 640" ] ||
        fail "/etc/kanca/kanca-serve.env is not root:kanca 0640"
    dpkg-query --showformat='${Conffiles}\n' --show kanca-server | grep -q /etc/kanca/kanca-serve.env ||
        fail "/etc/kanca/kanca-serve.env is not a conffile"
    local unit=/lib/systemd/system/kanca-serve.service
    [ -f "$unit" ] || fail "$unit is missing"
    grep -qx 'User=kanca' "$unit" || fail "the unit does not run as the user kanca"
    # The template for several workers (one port each): the same program and rule set, the
    # instance's port, the shared settings, then the worker's own.
    local template=/lib/systemd/system/kanca-serve@.service
    [ -f "$template" ] || fail "$template is missing"
    grep -qx 'User=kanca' "$template" || fail "the template does not run as the user kanca"
    [ "$(sed -n 's/^ExecStart=//p' "$template")" = "$(sed -n 's/^ExecStart=//p' "$unit")" ] ||
        fail "the template and the unit start different commands"
    grep -qx 'Environment=KANCA_LISTEN=127.0.0.1:%i' "$template" ||
        fail "the template does not listen on the instance's port"
    grep -qx 'EnvironmentFile=-/etc/kanca/serve-%i.env' "$template" ||
        fail "the template does not read the worker's own settings"
    [ -f /usr/share/man/man1/kanca.1.gz ] || fail "the manual page is missing"

    echo "-- ldd /usr/bin/kanca"
    ldd /usr/bin/kanca
    # grep reads all of ldd's lines (no -q): one that stopped at the first match could leave ldd
    # killed by SIGPIPE, and pipefail would turn the match into "no match".
    if ldd /usr/bin/kanca | grep -E 'libQt6Widgets|libQt6Gui|libQt6OpenGL|libX11|libxcb|libGL|libEGL|libOpenGL' >/dev/null; then
        fail "the installed kanca links a graphical library"
    fi
    [ "$(/usr/bin/kanca --version)" = "kanca ${KANCA_VERSION}" ] || fail "kanca --version is not ${KANCA_VERSION}"
    [ "$(/usr/bin/kanca version)" = "kanca ${KANCA_VERSION}" ] || fail "kanca version is not ${KANCA_VERSION}"

    echo "-- man kanca: a section for every command, with the command's help"
    local page command_name help_text first_line
    page=$(zcat /usr/share/man/man1/kanca.1.gz)
    for command_name in $(LC_ALL=C LANGUAGE= /usr/bin/kanca help |
        sed -n '/^Commands:/,/^$/{/^  [a-z]/{s/^  \([a-z]*\).*/\1/;p}}'); do
        [ "$command_name" = help ] || [ "$command_name" = version ] && continue
        grep -qx ".SS \\\\fBkanca $command_name\\\\fR" <<<"$page" ||
            fail "man kanca has no section for $command_name"
        # The whole help read first: a reader that stops after one line would leave kanca writing
        # into a closed pipe, and pipefail would take its SIGPIPE for a failure.
        help_text=$(LC_ALL=C LANGUAGE= /usr/bin/kanca help "$command_name")
        first_line=${help_text%%$'\n'*}
        grep -qxF "$first_line" <<<"$page" || fail "man kanca differs from kanca help $command_name"
        echo "   $command_name"
    done

    # The unit's ExecStart, with the rule set and the database in a temporary folder and a free
    # port; run as the unit's user (setpriv executes it in place: $server_pid is kanca itself).
    local exec_start
    exec_start=$(sed -n 's/^ExecStart=//p' "$unit")
    echo "-- ExecStart: $exec_start"
    chmod 0755 "$tmp"
    install -m 0644 "$KANCA_RULESET" "$tmp/rules.kanca.json"
    install -d -o kanca -g kanca -m 0750 "$tmp/state"
    local command=${exec_start//\/etc\/kanca\/rules.kanca.json/$tmp/rules.kanca.json}
    [ "$command" != "$exec_start" ] || fail "ExecStart does not name /etc/kanca/rules.kanca.json"
    # shellcheck disable=SC2086 # the command line is split as systemd splits it (no quoting in it)
    setpriv --reuid=kanca --regid=kanca --init-groups --reset-env -- env KANCA_DB="$tmp/state/history.sqlite" KANCA_LISTEN=127.0.0.1:0 \
        $command >"$tmp/stdout" 2>"$tmp/stderr" &
    server_pid=$!
    local port="" i
    for i in $(seq 1 100); do
        port=$(sed -n '/"port":/{s/.*"port":\([0-9]*\).*/\1/p;q}' "$tmp/stdout")
        [ -n "$port" ] && break
        kill -0 "$server_pid" 2>/dev/null || break
        sleep 0.1
    done
    [ -n "$port" ] || { cat "$tmp/stderr" >&2; fail "kanca serve did not start"; }
    local health
    health=$(curl -sS --max-time 5 -w ' %{http_code}' "http://127.0.0.1:$port/healthz" | tr -d '\n')
    echo "-- GET /healthz on port $port: $health"
    [[ $health == *'"ok"'*' 200' ]] || fail "/healthz answered: $health"
    [ "$(ps -o user= -p "$server_pid" | tr -d ' ')" = kanca ] ||
        fail "kanca serve does not run as kanca"
    [ -s "$tmp/state/history.sqlite" ] || fail "no history database in KANCA_DB"
    kill -TERM "$server_pid"
    wait "$server_pid" || fail "kanca serve did not stop cleanly on SIGTERM"
    server_pid=""

    echo "-- dpkg -r: the data stays"
    install -o kanca -g kanca -m 0640 /dev/null /var/lib/kanca/history.sqlite
    dpkg -r kanca-server
    [ -f /var/lib/kanca/history.sqlite ] || fail "removing deleted /var/lib/kanca"
    [ -f /etc/kanca/kanca-serve.env ] || fail "removing deleted the configuration"
    [ ! -e /usr/bin/kanca ] || fail "removing left /usr/bin/kanca"
    echo "-- dpkg --purge: everything goes"
    dpkg --purge kanca-server
    [ ! -e /var/lib/kanca ] || fail "purging left /var/lib/kanca"
    [ ! -e /etc/kanca ] || fail "purging left /etc/kanca"
    echo "package check: passed"
}

case "${1:-}" in
build)
    build_packages
    ;;
check)
    build_packages
    check_packages
    ;;
verify)
    check_packages
    ;;
check-installed)
    check_installed
    ;;
*)
    sed -n '2,18p' "$0" | sed 's/^# \{0,1\}//'
    exit 2
    ;;
esac
