#!/usr/bin/env bash
# Pause → peer latency of live practices in one command (docs/benchmarks.md, "Live practices
# across replicas"): attune replicas sharing one throwaway PostgreSQL 15 cluster (or one replica
# on SQLite), as many bench/live_load processes as it takes to stay under the open-file limit,
# each with its slice of the seeded couples, all measuring one window together; beside a
# bare WebSocket echo server per replica measured the same way in the same run.
#
#   scripts/bench-live.sh [N]             default N 10000: 2 replicas, 4 load processes
#   LIVE_REPLICAS=1 LIVE_CLIENTS=1 scripts/bench-live.sh 100
#
# Each practice has its two people on different replicas when there are two (person k of
# practice i on replica (i + k) mod replicas), so every pause crosses PostgreSQL's
# LISTEN/NOTIFY bus. Environment: LIVE_REPLICAS (2), LIVE_CLIENTS (load processes; 4),
# LIVE_BACKEND (postgres | sqlite, the latter one replica only; postgres), BENCH_DURATION
# (measured window, s; 120), BENCH_RESEED=1, BENCH_ATTUNE (the attune binary; else built in
# build-bench/), BENCH_SERVER_CPUS / BENCH_CLIENT_CPUS (0 and 1), LIVE_PERF=1 (perf record on
# the first replica over the window; top symbols in bench-results/perf_live_N.txt).
# Couples are seeded once per backend (PostgreSQL with fsync off, then kept as a data dir;
# SQLite on tmpfs, as scripts/bench.sh does) and reused while the cache holds enough.
set -euo pipefail
cd "$(dirname "$0")/.."

BUILD=build-bench
RESULTS=$BUILD/bench-results
N=${1:-10000}
REPLICAS=${LIVE_REPLICAS:-2}
CLIENTS=${LIVE_CLIENTS:-4}
BACKEND=${LIVE_BACKEND:-postgres}
DURATION=${BENCH_DURATION:-120}
SERVER_CPUS=${BENCH_SERVER_CPUS:-0}
CLIENT_CPUS=${BENCH_CLIENT_CPUS:-1}
if [ "$BACKEND" = sqlite ] && [ "$REPLICAS" != 1 ]; then
  echo "bench-live: replicas share PostgreSQL; SQLite runs one (LIVE_REPLICAS=1)" >&2
  exit 2
fi
if [ "$(nproc)" -lt 2 ]; then SERVER_CPUS=0; CLIENT_CPUS=0; fi
ulimit -n "$(ulimit -Hn)"

echo "== build ($BUILD)"
cmake -S . -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DATTUNE_BENCH=ON \
  -DATTUNE_TESTS=OFF >/dev/null
if [ -n "${BENCH_ATTUNE:-}" ]; then
  cmake --build "$BUILD" --target live_load -j 2 >/dev/null
else
  cmake --build "$BUILD" --target attune live_load -j 2 >/dev/null
fi
ATTUNE_BIN=${BENCH_ATTUNE:-$BUILD/attune}
LIVE_LOAD=$BUILD/bench/live_load
mkdir -p "$RESULTS"

TMP=$(mktemp -d /tmp/attune-bench-live.XXXXXX)
chmod 755 "$TMP"
PIDS=()  # every server and load process this script started
# shellcheck source=bench/pg_cluster.sh
source bench/pg_cluster.sh
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  [ -n "$PG_DIR" ] && stop_postgres
  rm -rf "$TMP"
  return 0
}
trap cleanup EXIT

source bench/servers.sh

# start_replica NAME DATA_DIR [ENV...]: attune serve on a free port; sets PORT and LAST_PID.
start_replica() {
  local name=$1 data_dir=$2
  shift 2
  env "$@" taskset -c "$SERVER_CPUS" "$ATTUNE_BIN" serve --listen 127.0.0.1:0 \
    --data-dir "$data_dir" --content-dir content --web-dir web/dist \
    --insecure-fast-password-hashing --config "$TMP/bench.toml" \
    >"$TMP/$name.out" 2>"$TMP/$name.log" &
  LAST_PID=$!
  PIDS+=("$LAST_PID")
  await_port "$LAST_PID" "$TMP/$name.out" "attune listening on http://127.0.0.1:"
}

stop_pid() { { kill "$1" && wait "$1"; } 2>/dev/null || true; }

cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat" 2>/dev/null || echo 0; }
cpu_percent() { awk -v t="$1" -v s="$2" -v hz="$(getconf CLK_TCK)" 'BEGIN {printf "%.1f", 100 * t / hz / s}'; }

SEED_PG=$BUILD/bench-seed-pg
SEED_SQLITE=$BUILD/bench-seed
seed_cached() {
  local dir=$1
  [ -z "${BENCH_RESEED:-}" ] && [ -f "$dir/manifest.tsv" ] &&
    [ "$(wc -l <"$dir/manifest.tsv")" -ge "$N" ] &&
    echo "  reusing $(wc -l <"$dir/manifest.tsv") seeded couples from $dir"
}

# seed_through_replica MANIFEST STARTED: seeds N couples through the replica just started
# (PORT, LAST_PID), writes their manifest, stops the replica and says how long it took.
seed_through_replica() {
  local manifest=$1 started=$2 seeder=$LAST_PID
  taskset -c "$CLIENT_CPUS" "$LIVE_LOAD" seed --port "$PORT" --pairs "$N" --connections 16 \
    --manifest "$manifest"
  stop_pid "$seeder"
  echo "  seeded $N couples in $((SECONDS - started)) s"
}

# Seeds N couples into a PostgreSQL cluster run without fsync (seeding is not measured), then
# keeps the stopped cluster's data dir, the manifest and the master key for every later run.
seed_postgres() {
  seed_cached "$SEED_PG" && return 0
  PG_OPTIONS="-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
  start_postgres
  PG_OPTIONS=""
  pg_createdb attune
  local key started=$SECONDS
  key=$(od -An -tx1 -N32 /dev/urandom | tr -d ' \n')
  mkdir -p "$TMP/seed-data"
  start_replica seed "$TMP/seed-data" ATTUNE_DATABASE_URL="$(pg_url attune)" ATTUNE_MASTER_KEY="$key"
  seed_through_replica "$TMP/manifest.tsv" "$started"
  rm -rf "$SEED_PG"
  mkdir -p "$SEED_PG"
  keep_postgres "$SEED_PG/pgdata"
  cp "$TMP/manifest.tsv" "$SEED_PG/manifest.tsv"
  echo "$key" >"$SEED_PG/master_key"
}

seed_sqlite() {
  seed_cached "$SEED_SQLITE" && return 0
  local shm started=$SECONDS
  shm=$(mktemp -d /dev/shm/attune-seed.XXXXXX)
  start_replica seed "$shm/data"
  seed_through_replica "$shm/manifest.tsv" "$started"
  rm -rf "$SEED_SQLITE"
  mkdir -p "$SEED_SQLITE"
  cp -a "$shm/data" "$shm/manifest.tsv" "$SEED_SQLITE/"
  rm -rf "$shm"
}

echo "== live: N = $N practices, $REPLICAS replica(s) on $BACKEND, $CLIENTS load process(es)," \
  "${DURATION}s window, one pause per practice per minute"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')," \
  "kernel $(uname -r); commit $(git rev-parse --short HEAD 2>/dev/null || echo '?')"
echo "pinning: replicas, PostgreSQL and echo servers on CPU $SERVER_CPUS, load processes on CPU $CLIENT_CPUS"

MANIFEST=""
REPLICA_PIDS=()
REPLICA_PORTS=()
if [ "$BACKEND" = postgres ]; then
  seed_postgres
  PG_FROM=$SEED_PG/pgdata
  start_postgres  # PostgreSQL's default durability: fsync on
  PG_FROM=""
  MANIFEST=$SEED_PG/manifest.tsv
  for r in $(seq "$REPLICAS"); do
    mkdir -p "$TMP/replica$r"
    start_replica "replica$r" "$TMP/replica$r" ATTUNE_DATABASE_URL="$(pg_url attune)" \
      ATTUNE_MASTER_KEY="$(cat "$SEED_PG/master_key")"
    REPLICA_PIDS+=("$LAST_PID")
    REPLICA_PORTS+=("$PORT")
  done
else
  seed_sqlite
  cp -a "$SEED_SQLITE/data" "$TMP/replica1"
  MANIFEST=$SEED_SQLITE/manifest.tsv
  start_replica replica1 "$TMP/replica1"
  REPLICA_PIDS+=("$LAST_PID")
  REPLICA_PORTS+=("$PORT")
fi

# One echo server per replica, on the replicas' core: the floor a live round trip is held to.
ECHO_PORTS=()
for r in $(seq "$REPLICAS"); do
  taskset -c "$SERVER_CPUS" "$LIVE_LOAD" echo-server --port 0 >"$TMP/echo$r.out" 2>&1 &
  PIDS+=("$!")
  await_port "$!" "$TMP/echo$r.out" "echo listening on "
  ECHO_PORTS+=("$PORT")
done

LIVE_PORT_ARGS=()
for port in "${REPLICA_PORTS[@]}"; do LIVE_PORT_ARGS+=(--live-port "$port"); done

echo "  load average before the run: $(cut -d' ' -f1-3 /proc/loadavg)"
CLIENT_PIDS=()
PARTS=()
for c in $(seq 0 $((CLIENTS - 1))); do
  # Process c takes practices [c·N/C, (c+1)·N/C) and its HTTP calls and echo floor go to
  # replica c mod R; its live sockets go to every replica.
  first=$((c * N / CLIENTS))
  count=$(((c + 1) * N / CLIENTS - first))
  r=$((c % REPLICAS))
  taskset -c "$CLIENT_CPUS" "$LIVE_LOAD" run --port "${REPLICA_PORTS[$r]}" \
    --echo-port "${ECHO_PORTS[$r]}" "${LIVE_PORT_ARGS[@]}" --manifest "$MANIFEST" \
    --skip-pairs "$first" --practices "$count" --duration "$DURATION" --seed $((c + 1)) \
    --ready-file "$TMP/ready$c" --go-file "$TMP/go" --raw-samples --json "$TMP/part$c.json" \
    >/dev/null 2>"$TMP/client$c.log" &
  CLIENT_PIDS+=("$!")
  PIDS+=("$!")
  PARTS+=("$TMP/part$c.json")
done
echo "  command: live_load run × $CLIENTS (slices of N = $N), --live-port ${REPLICA_PORTS[*]}," \
  "--duration $DURATION --ready-file … --go-file … --raw-samples; then live_load merge"

# Every process has opened its practices and seen them all running: open the window.
setup_started=$SECONDS
while :; do
  ready=0
  for c in $(seq 0 $((CLIENTS - 1))); do [ -f "$TMP/ready$c" ] && ready=$((ready + 1)); done
  [ "$ready" = "$CLIENTS" ] && break
  for pid in "${CLIENT_PIDS[@]}"; do
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "bench-live: a load process ended before the window:" >&2
      cat "$TMP"/client*.log >&2
      exit 1
    fi
  done
  sleep 0.2
done
echo "  every practice running after $((SECONDS - setup_started)) s (echo floor and setup)"

server_pids() {
  echo "${REPLICA_PIDS[@]}"
  if [ -n "$PG_DIR" ]; then postgres_pids; fi
}
declare -A before
for pid in $(server_pids); do before[$pid]=$(cpu_ticks "$pid"); done
PERF_PID=""
if [ -n "${LIVE_PERF:-}" ]; then
  perf record -F 999 -g -p "${REPLICA_PIDS[0]}" -o "$TMP/live.perf" -- sleep "$DURATION" \
    >/dev/null 2>&1 &
  PERF_PID=$!
fi
echo "  window open; load average: $(cut -d' ' -f1-3 /proc/loadavg)"
touch "$TMP/go"
sleep "$DURATION"
for r in "${!REPLICA_PIDS[@]}"; do
  pid=${REPLICA_PIDS[$r]}
  echo "  replica $((r + 1)) CPU over the window: $(cpu_percent $(($(cpu_ticks "$pid") - before[$pid])) "$DURATION") %," \
    "RSS $(($(awk '/^VmRSS:/ {print $2}' "/proc/$pid/status") / 1024)) MiB"
done
if [ -n "$PG_DIR" ]; then
  pg_ticks=0
  for pid in $(postgres_pids); do
    pg_ticks=$((pg_ticks + $(cpu_ticks "$pid") - ${before[$pid]:-0}))
  done
  echo "  PostgreSQL CPU over the window: $(cpu_percent "$pg_ticks" "$DURATION") %"
fi
echo "  load average at the end of the window: $(cut -d' ' -f1-3 /proc/loadavg)"
for pid in "${CLIENT_PIDS[@]}"; do
  if ! wait "$pid"; then
    echo "bench-live: a load process failed:" >&2
    cat "$TMP"/client*.log >&2
    exit 1
  fi
done
if [ -n "$PERF_PID" ]; then
  wait "$PERF_PID" || true
  perf report -i "$TMP/live.perf" -g none --no-children --sort symbol --percent-limit 0.5 --stdio \
    2>/dev/null | grep -E '^ +[0-9.]+%' | sed 's/[ -]*$//' | head -25 >"$RESULTS/perf_live_$N.txt" || true
  # attune's own functions with what they call: which step of a command the CPU went to.
  perf report -i "$TMP/live.perf" -g none --children --sort symbol --percent-limit 1 --stdio \
    2>/dev/null | grep -E '^ +[0-9.]+%.*attune::' | sed 's/[ -]*$//' | cut -c1-160 |
    head -40 >"$RESULTS/perf_live_children_$N.txt" || true
  echo "  perf: top symbols of replica 1 in $RESULTS/perf_live_$N.txt (with callees: perf_live_children_$N.txt)"
fi
out=$RESULTS/live_${BACKEND}_${REPLICAS}r_$N.json
"$LIVE_LOAD" merge --json "$out" "${PARTS[@]}" >/dev/null
for r in "${!REPLICA_PIDS[@]}"; do
  complaints=$(grep -c '\[\(warning\|error\|critical\)\]\|"level":"\(warning\|error\|critical\)"' \
    "$TMP/replica$((r + 1)).log" || true)
  [ "$complaints" -gt 0 ] && echo "  replica $((r + 1)) logged $complaints warning/error lines," \
    "the first: $(grep -m1 'warning\|error\|critical' "$TMP/replica$((r + 1)).log")"
done
echo "== done; merged result in $out"
