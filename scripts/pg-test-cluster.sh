#!/usr/bin/env bash
# A throw-away PostgreSQL cluster for the tests.
#
#   scripts/pg-test-cluster.sh start DIR   creates DIR (it must not exist), a cluster in it
#                                          (initdb), starts it on a free port of 127.0.0.1 with
#                                          its Unix socket in DIR, creates the role and database
#                                          "kanca" (a password, CREATEDB for tests that make
#                                          their own databases), and prints two lines:
#                                            KANCA_TEST_PG_URL=postgresql://kanca@127.0.0.1:PORT/kanca
#                                            PGPASSWORD=...
#   scripts/pg-test-cluster.sh stop DIR    stops the cluster and removes DIR
#   scripts/pg-test-cluster.sh restart DIR restarts it (pg_ctl restart), for tests of reconnecting
#
# Run as root (as CI does), the cluster belongs to the "postgres" user, as initdb and pg_ctl
# refuse to run as root; run as another user, it belongs to that user. PostgreSQL 15 from Debian
# (postgresql-15); PG_BIN overrides where its programs are. The tests' cluster does not wait for
# the disk (fsync=off); KANCA_PG_FSYNC=on makes one that does, as production's, for benchmarks.
set -euo pipefail

pg_bin=${PG_BIN:-/usr/lib/postgresql/15/bin}
fsync=${KANCA_PG_FSYNC:-off}
action=${1:-}
dir=${2:-}
if [ -z "$action" ] || [ -z "$dir" ]; then
    sed -n '2,19p' "$0" | sed 's/^# \{0,1\}//'
    exit 2
fi

as_owner() {
    if [ "$(id -u)" -eq 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

case "$action" in
start)
    if [ -e "$dir" ]; then
        echo "pg-test-cluster: $dir exists already" >&2
        exit 1
    fi
    mkdir -p "$dir"
    dir=$(cd "$dir" && pwd)
    if [ "$(id -u)" -eq 0 ]; then
        chown postgres:postgres "$dir"
    fi
    password=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
    printf '%s\n' "$password" >"$dir/password.txt"
    [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$dir/password.txt"
    as_owner "$pg_bin/initdb" -D "$dir/data" -U postgres --auth-local=trust \
        --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 || {
        cat "$dir/initdb.log" >&2
        exit 1
    }
    port=$(free_port)
    echo "$port" >"$dir/port"
    as_owner "$pg_bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
        -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=$fsync" \
        start >/dev/null || {
        cat "$dir/server.log" >&2
        exit 1
    }
    as_owner "$pg_bin/psql" -h "$dir" -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 -q \
        -c "CREATE ROLE kanca LOGIN CREATEDB PASSWORD '$password'" \
        -c "CREATE DATABASE kanca OWNER kanca" >/dev/null
    echo "KANCA_TEST_PG_URL=postgresql://kanca@127.0.0.1:$port/kanca"
    echo "PGPASSWORD=$password"
    ;;
restart)
    port=$(cat "$dir/port")
    as_owner "$pg_bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 -m fast \
        -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=$fsync" \
        restart >/dev/null
    ;;
stop)
    if [ -d "$dir/data" ]; then
        as_owner "$pg_bin/pg_ctl" -D "$dir/data" -w -t 60 -m fast stop >/dev/null || true
    fi
    rm -rf "$dir"
    ;;
*)
    echo "pg-test-cluster: start, stop or restart, not \"$action\"" >&2
    exit 2
    ;;
esac
