#!/usr/bin/env bash
# Installs and starts what the test suite needs beyond pip, then writes .ci/test-env.sh
# (sourced by `make test`). Idempotent: anything already installed or running is reused.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p .ci
: > .ci/test-env.sh

# --- PostgreSQL: a private cluster on 127.0.0.1:$PG_PORT --------------------------------
# The data lives under /tmp, not in the checkout: the server runs as the `postgres` user,
# who may not be allowed into a clone made under root's home.
PG_PORT="${TALENTFLOW_PG_PORT:-55432}"
PG_DB="talentflow_test"
PG_HOME="${TALENTFLOW_PG_HOME:-/tmp/talentflow-pg-$PG_PORT}"
PG_DATA="$PG_HOME/data"
PG_LOG="$PG_HOME/server.log"

pg_bin_dir() {
    local dir
    dir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
    [ -n "$dir" ] && [ -x "$dir/pg_ctl" ] && echo "$dir"
}

as_postgres() {
    # The server refuses to run as root; run its tools as the `postgres` system user.
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

start_postgres() {
    local bin
    bin="$(pg_bin_dir || true)"
    if [ -z "$bin" ]; then
        echo "services: installing PostgreSQL (apt-get)" >&2
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
        bin="$(pg_bin_dir)"
    fi
    if "$bin/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT"; then
        echo "services: PostgreSQL already running on 127.0.0.1:$PG_PORT" >&2
    else
        mkdir -p "$(dirname "$PG_DATA")"
        if [ "$(id -u)" = 0 ]; then chown postgres: "$(dirname "$PG_DATA")"; fi
        if [ ! -s "$PG_DATA/PG_VERSION" ]; then
            # trust auth is acceptable only because the server listens on loopback alone.
            as_postgres "$bin/initdb" -D "$PG_DATA" -U postgres --auth=trust \
                --encoding=UTF8 --locale=C.UTF-8 >/dev/null
        fi
        as_postgres "$bin/pg_ctl" -D "$PG_DATA" -l "$PG_LOG" -w -t 60 start \
            -o "-p $PG_PORT -c listen_addresses=127.0.0.1 -c unix_socket_directories='$PG_DATA' -c max_connections=200 -c fsync=off" >/dev/null
        echo "services: PostgreSQL started on 127.0.0.1:$PG_PORT (data in $PG_DATA)" >&2
    fi
    if ! "$bin/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -tAc \
            "SELECT 1 FROM pg_database WHERE datname = '$PG_DB'" | grep -q 1; then
        "$bin/createdb" -h 127.0.0.1 -p "$PG_PORT" -U postgres "$PG_DB"
    fi
    echo "export TALENTFLOW_TEST_PG_URL=postgresql+psycopg://postgres@127.0.0.1:$PG_PORT/$PG_DB" \
        >> .ci/test-env.sh
}

start_postgres

# --- Chromium: Debian's browser for the web end-to-end tests (tests/web/test_browser.py) --
# Playwright drives /usr/bin/chromium through executable_path; `playwright install` (a
# browser download) is never used.
install_chromium() {
    if command -v chromium >/dev/null 2>&1; then
        echo "services: chromium already installed ($(command -v chromium))" >&2
    else
        echo "services: installing chromium (apt-get)" >&2
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
    fi
}

install_chromium
