#!/usr/bin/env bash
# The servers the tests need, from Debian's packages, on loopback only:
#   PostgreSQL on 127.0.0.1:${PROVIDER_API_PG_PORT:-55432}, database provider_api_test, user postgres, trust auth
#   Redis      on 127.0.0.1:${PROVIDER_API_REDIS_PORT:-56379}, no persistence
# Usage: .ci/services.sh start|stop|status. `start` installs the packages when missing (apt-get), makes fresh
# data folders under ${PROVIDER_API_SERVICES_DIR:-/tmp/provider-api-services} and waits until both answer.
# .ci/run calls start before the build and stop after it (trap). Tests that need a server skip, saying so,
# when it does not answer; run `.ci/services.sh start` first to run them locally.
set -euo pipefail

DIR=${PROVIDER_API_SERVICES_DIR:-/tmp/provider-api-services}
PG_PORT=${PROVIDER_API_PG_PORT:-55432}
REDIS_PORT=${PROVIDER_API_REDIS_PORT:-56379}

log() { echo "services: $*" >&2; }

pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1; }

as_pg() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

install_missing() {
  local want=()
  [ -n "$(pg_bin)" ] && [ -x "$(pg_bin)/initdb" ] || want+=(postgresql)
  command -v redis-server >/dev/null || want+=(redis-server)
  [ ${#want[@]} = 0 ] && return 0
  if [ "$(id -u)" != 0 ]; then
    log "missing ${want[*]} and not root: install them (apt-get install ${want[*]})"; return 1
  fi
  log "installing ${want[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  # policy-rc.d 101: the packages' own services are not started; this script starts its own on loopback
  printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d; chmod +x /usr/sbin/policy-rc.d
  apt-get install -y -qq --no-install-recommends "${want[@]}" >/dev/null
  rm -f /usr/sbin/policy-rc.d
}

start_pg() {
  local bin; bin=$(pg_bin)
  if as_pg "$bin/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT"; then log "PostgreSQL already up on $PG_PORT"; return; fi
  rm -rf "$DIR/pg"; mkdir -p "$DIR/pg"
  [ "$(id -u)" = 0 ] && chown postgres: "$DIR/pg"
  as_pg "$bin/initdb" -D "$DIR/pg/data" -A trust -U postgres --no-sync -E UTF8 >"$DIR/pg/initdb.log" 2>&1 \
    || { cat "$DIR/pg/initdb.log" >&2; return 1; }
  as_pg "$bin/pg_ctl" -D "$DIR/pg/data" -l "$DIR/pg/server.log" -w -t 60 \
    -o "-p $PG_PORT -k $DIR/pg -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c max_connections=200" \
    start >/dev/null || { cat "$DIR/pg/server.log" >&2; return 1; }
  as_pg "$bin/createdb" -h 127.0.0.1 -p "$PG_PORT" -U postgres provider_api_test
  log "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$PG_PORT"
}

start_redis() {
  if redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping >/dev/null 2>&1; then log "Redis already up on $REDIS_PORT"; return; fi
  rm -rf "$DIR/redis"; mkdir -p "$DIR/redis"
  redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --daemonize yes --dir "$DIR/redis" \
    --pidfile "$DIR/redis/redis.pid" --logfile "$DIR/redis/server.log" --save '' --appendonly no
  for _ in $(seq 1 100); do
    redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping >/dev/null 2>&1 && break
    sleep 0.1
  done
  redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping >/dev/null
  log "Redis $(redis-server --version | awk '{print $3}' | sed 's/v=//') on 127.0.0.1:$REDIS_PORT"
}

stop_all() {
  local bin; bin=$(pg_bin)
  if [ -n "$bin" ] && [ -f "$DIR/pg/data/postmaster.pid" ]; then
    as_pg "$bin/pg_ctl" -D "$DIR/pg/data" -m fast -w stop >/dev/null 2>&1 || true
  fi
  if [ -f "$DIR/redis/redis.pid" ]; then
    redis-cli -h 127.0.0.1 -p "$REDIS_PORT" shutdown nosave >/dev/null 2>&1 || kill "$(cat "$DIR/redis/redis.pid")" 2>/dev/null || true
  fi
  log "stopped"
}

case "${1:-}" in
  start) install_missing; mkdir -p "$DIR"; start_pg; start_redis ;;
  stop) stop_all ;;
  status)
    bin=$(pg_bin)
    { [ -n "$bin" ] && "$bin/pg_isready" -h 127.0.0.1 -p "$PG_PORT"; } || echo "PostgreSQL: not up"
    redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping 2>/dev/null || echo "Redis: not up" ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
