# shellcheck shell=bash
# A throwaway PostgreSQL 15 cluster for scripts/bench.sh (sourced, not run): initdb under a
# temp dir, loopback only, trust auth, its socket in the same dir; stopped and deleted by
# stop_postgres. Sets PG_DIR and PG_PORT. Needs SERVER_CPUS: the cluster is pinned where the
# attune server runs, so the server side gets the same core whichever the backend.

PG_BIN=/usr/lib/postgresql/15/bin
# initdb and postgres refuse to run as root; as root they run as the postgres user.
PG_AS=()
if [ "$(id -u)" = 0 ]; then PG_AS=(runuser -u postgres --); fi
PG_DIR=""
PG_PORT=""
# Extra server settings for the next start_postgres (seeding turns fsync off, say), and a
# stopped cluster's data dir to start from a copy of instead of a fresh initdb.
PG_OPTIONS=""
PG_FROM=""

# Durability is PostgreSQL's default (fsync on), as attune's SQLite runs synchronous=FULL.
start_postgres() {
  PG_DIR=$(mktemp -d /tmp/attune-bench-pg.XXXXXX)
  if [ -n "$PG_FROM" ]; then
    cp -a "$PG_FROM" "$PG_DIR/data"
  else
    mkdir "$PG_DIR/data"
  fi
  if [ "$(id -u)" = 0 ]; then chown -R postgres: "$PG_DIR"; fi
  chmod 700 "$PG_DIR/data"
  if [ -z "$PG_FROM" ]; then
    "${PG_AS[@]}" "$PG_BIN/initdb" -D "$PG_DIR/data" -A trust -U postgres --no-locale -E UTF8 \
      >"$PG_DIR/initdb.log" 2>&1
  fi
  for _ in 1 2 3; do  # a random port may be taken; then try another
    PG_PORT=$((20000 + RANDOM % 20000))
    if taskset -c "$SERVER_CPUS" "${PG_AS[@]}" "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -w \
      -l "$PG_DIR/server.log" \
      -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $PG_DIR $PG_OPTIONS" \
      start >/dev/null; then
      return 0
    fi
  done
  echo "bench: PostgreSQL did not start (see $PG_DIR/server.log)" >&2
  exit 1
}

stop_postgres() {
  "${PG_AS[@]}" "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m fast stop >/dev/null 2>&1 || true
  rm -rf "$PG_DIR"
  PG_DIR=""
}

# Stops the cluster cleanly and keeps its data dir at $1 (to start from with PG_FROM).
keep_postgres() {
  "${PG_AS[@]}" "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m fast stop >/dev/null
  rm -rf "$1"
  cp -a "$PG_DIR/data" "$1"
  rm -f "$1/postmaster.pid" "$1/postmaster.opts"
  stop_postgres
}

# pg_createdb NAME [TEMPLATE]: a copy of TEMPLATE is cheap, so every run starts from one.
pg_createdb() {
  "${PG_AS[@]}" "$PG_BIN/createdb" -h "$PG_DIR" -p "$PG_PORT" -U postgres ${2:+-T "$2"} "$1"
}

pg_url() { echo "postgresql://postgres@127.0.0.1:$PG_PORT/$1"; }

postgres_pids() {
  local postmaster
  postmaster=$(head -1 "$PG_DIR/data/postmaster.pid")
  echo "$postmaster"
  ps -o pid= --ppid "$postmaster" | tr -d ' '
}

# Proportional set size of every process of the cluster, KiB: shared buffers count once,
# not once per backend as summed RSS would count them.
postgres_pss_kib() {
  for pid in $(postgres_pids); do
    awk '/^Pss:/ {print $2}' "/proc/$pid/smaps_rollup" 2>/dev/null || true
  done | awk '{sum += $1} END {print sum + 0}'
}

# User + system CPU time of the cluster's processes, in clock ticks.
postgres_ticks() {
  for pid in $(postgres_pids); do
    awk '{print $14 + $15}' "/proc/$pid/stat" 2>/dev/null || true
  done | awk '{sum += $1} END {print sum + 0}'
}
