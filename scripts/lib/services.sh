# Starts the services the test suite needs, on loopback, and stops them on exit. Sourced.
BM_RUN_DIR="$(mktemp -d /tmp/bm-test.XXXXXX)"
chmod 755 "$BM_RUN_DIR"
BM_PIDS=()

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

ensure_postgres() {
  PG_BIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)"
  if [ -z "$PG_BIN" ] || [ ! -x "$PG_BIN/pg_ctl" ]; then
    apt_install postgresql
    PG_BIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
  fi
}

ensure_chromium() {
  if [ -n "${BM_CHROMIUM:-}" ] && [ -x "$BM_CHROMIUM" ]; then return; fi
  if ! command -v chromium >/dev/null 2>&1; then apt_install chromium; fi
  # Hangul for the Korean UI: without a CJK font Chromium draws tofu boxes in the screenshots.
  if ! fc-list 2>/dev/null | grep -qi 'Noto Sans CJK'; then apt_install fonts-noto-cjk; fi
  BM_CHROMIUM="$(command -v chromium)"
  export BM_CHROMIUM
}

# PostgreSQL refuses to run as root: the cluster belongs to the postgres user (or to us when not root).
start_postgres() {
  local port; port="$(free_port)"
  local dir="$BM_RUN_DIR/pg"
  local runas=()
  if [ "$(id -u)" = 0 ]; then runas=(runuser -u postgres --); mkdir -p "$dir"; chown postgres "$dir"; fi
  "${runas[@]}" "$PG_BIN/initdb" -D "$dir" -A trust -U postgres >/dev/null
  "${runas[@]}" "$PG_BIN/pg_ctl" -D "$dir" -o "-p $port -k /tmp -c listen_addresses=127.0.0.1 -c fsync=off" -l "$dir/log" -w start >/dev/null
  PG_STOP=("${runas[@]}" "$PG_BIN/pg_ctl" -D "$dir" -m fast stop)
  "$PG_BIN/psql" -h 127.0.0.1 -p "$port" -U postgres -qc 'CREATE DATABASE bot_manager_test' >/dev/null
  export BM_TEST_DATABASE_URL="postgresql://postgres@127.0.0.1:$port/bot_manager_test"
  export BM_TEST_PG_ADMIN_URL="postgresql://postgres@127.0.0.1:$port/postgres"
  log "PostgreSQL on 127.0.0.1:$port"
}

start_temporal() {
  local port; port="$(free_port)"
  "$TEMPORAL_CLI" server start-dev --headless --ip 127.0.0.1 --port "$port" --log-level error \
    >"$BM_RUN_DIR/temporal.log" 2>&1 &
  BM_PIDS+=($!)
  export BM_TEST_TEMPORAL_ADDRESS="127.0.0.1:$port"
  for _ in $(seq 1 120); do
    if "$TEMPORAL_CLI" operator cluster health --address "$BM_TEST_TEMPORAL_ADDRESS" >/dev/null 2>&1; then
      log "Temporal dev server on $BM_TEST_TEMPORAL_ADDRESS"; return; fi
    sleep 0.5
  done
  log "Temporal dev server did not start:"; cat "$BM_RUN_DIR/temporal.log" >&2; return 1
}

stop_services() {
  for pid in "${BM_PIDS[@]:-}"; do [ -n "$pid" ] && kill "$pid" 2>/dev/null || true; done
  if [ -n "${PG_STOP:-}" ]; then "${PG_STOP[@]}" >/dev/null 2>&1 || true; fi
  wait 2>/dev/null || true
  rm -rf "$BM_RUN_DIR"
}
trap stop_services EXIT
