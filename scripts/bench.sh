#!/usr/bin/env bash
# Runs attune's benchmarks and prints the results (docs/benchmarks.md explains them):
# builds with -DATTUNE_BENCH=ON in build-bench/, runs the micro-benchmarks, starts
# `attune serve` on a free port with a temp data dir for wrk (GET /healthz, GET /api/v1/me),
# seeds couples through the API, runs bench/live_load at each N, and runs wrk's API mix
# (bench/wrk/api_mix.lua) against bench/bare_beast, attune on SQLite and attune on a
# throwaway PostgreSQL 15 cluster, beside SQLite's single-commit floor of the disk
# (bench/commit_floor), and prints every line of the mix as a ratio to the bare server in one
# table (build-bench/bench-results/table.txt).
#
#   scripts/bench.sh [N ...]          default N: 100 1000 5000
#
# Environment: BENCH_DURATION (measured live window, s; 180), BENCH_WRK_SECONDS (30),
# BENCH_ONLY (micro|wrk|live|mix|argon2|table), BENCH_RESEED=1 (ignore the cached seed),
# BENCH_MIX_PAIRS (couples seeded per backend for the mix; 200), BENCH_LOGIN_SECONDS (the
# Argon2id login lines; 15), BENCH_SERVER_CPUS / BENCH_CLIENT_CPUS (taskset lists; 0 and 1),
# BENCH_BASELINE (another attune binary, e.g. one built from an older commit: the mix runs
# its lines too, each right after the same line of this build, so both compare to one
# bare_beast run on an equally loaded machine), BENCH_ATTUNE (the attune binary to measure,
# e.g. one already built in build/; then only live_load and bare_beast are built here, and
# the micro-benchmarks cannot run), BENCH_PERF=1 (perf record on the server during each
# backend's shared-view and boundary-write lines; top symbols in bench-results/perf_*.txt).
# Raw results go to build-bench/bench-results/. Nothing here is a test.
set -euo pipefail
cd "$(dirname "$0")/.."

BUILD=build-bench
RESULTS=$BUILD/bench-results
SEED_CACHE=$BUILD/bench-seed
DURATION=${BENCH_DURATION:-180}
WRK_SECONDS=${BENCH_WRK_SECONDS:-30}
MIX_PAIRS=${BENCH_MIX_PAIRS:-200}
LOGIN_SECONDS=${BENCH_LOGIN_SECONDS:-15}
ONLY=${BENCH_ONLY:-}
BASELINE=${BENCH_BASELINE:-}
SERVER_CPUS=${BENCH_SERVER_CPUS:-0}
CLIENT_CPUS=${BENCH_CLIENT_CPUS:-1}
if [ $# -gt 0 ]; then NS=("$@"); else NS=(100 1000 5000); fi

# Each live socket is a file descriptor in the server and in the client.
ulimit -n "$(ulimit -Hn)"

for tool in wrk taskset; do
  if ! command -v "$tool" >/dev/null; then
    echo "bench: installing $tool"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk util-linux >/dev/null
  fi
done
if [ "$(nproc)" -lt 2 ]; then SERVER_CPUS=0; CLIENT_CPUS=0; fi

echo "== build ($BUILD, -DATTUNE_BENCH=ON)"
cmake -S . -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DATTUNE_BENCH=ON -DATTUNE_TESTS=OFF >/dev/null
if [ -n "${BENCH_ATTUNE:-}" ]; then
  cmake --build "$BUILD" --target live_load bare_beast commit_floor -j 2 >/dev/null
else
  cmake --build "$BUILD" --target attune live_load attune_micro bare_beast commit_floor -j 2 >/dev/null
fi
MEASURED=${BENCH_ATTUNE:-$BUILD/attune}
LIVE_LOAD=$BUILD/bench/live_load
mkdir -p "$RESULTS"

TMP=$(mktemp -d /tmp/attune-bench.XXXXXX)
SHM=""
SERVER_PID=""
ECHO_PID=""
# shellcheck source=bench/pg_cluster.sh
source bench/pg_cluster.sh
cleanup() {
  [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null
  [ -n "$ECHO_PID" ] && kill "$ECHO_PID" 2>/dev/null
  wait 2>/dev/null
  [ -n "$PG_DIR" ] && stop_postgres
  rm -rf "$TMP"
  [ -n "$SHM" ] && rm -rf "$SHM"
  return 0
}
trap cleanup EXIT

source bench/servers.sh

# The next server's environment (the mix sets ATTUNE_DATABASE_URL and ATTUNE_MASTER_KEY for
# PostgreSQL) and hashing flag (the mix's Argon2id line empties it).
SERVER_ENV=()
SERVER_FLAGS=(--insecure-fast-password-hashing)
# The attune binary start_server runs (the mix switches it to BENCH_BASELINE for its lines).
ATTUNE_BIN=$MEASURED

# Per-request logs would cost the server time, so stderr goes to a file nobody reads.
start_server() {
  local data_dir=$1
  rm -f "$TMP/server.out"  # so a previous server's port is never read
  env "${SERVER_ENV[@]}" taskset -c "$SERVER_CPUS" "$ATTUNE_BIN" serve --listen 127.0.0.1:0 \
    --data-dir "$data_dir" --content-dir content --web-dir web/dist "${SERVER_FLAGS[@]}" \
    --config "$TMP/bench.toml" >"$TMP/server.out" 2>"$TMP/server.log" &
  SERVER_PID=$!
  await_port "$SERVER_PID" "$TMP/server.out" "attune listening on http://127.0.0.1:"
  SERVER_PORT=$PORT
}

stop_server() {
  { kill "$SERVER_PID" && wait "$SERVER_PID"; } || true
  SERVER_PID=""
}

machine() {
  echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')," \
    "$(free -g | awk '/^Mem:/ {print $2}') GiB RAM, kernel $(uname -r)"
  if git rev-parse --git-dir >/dev/null 2>&1; then
    echo "commit: $(git rev-parse --short HEAD)$(git diff --quiet -- src bench || echo ' (+ local changes)')"
  else
    echo "commit: not a git checkout"
  fi
  echo "pinning: server on CPU $SERVER_CPUS, load generators on CPU $CLIENT_CPUS"
}

# Other work on the machine skews every number here, so each phase says how busy it was.
load_average() { echo "  load average before this phase: $(cut -d' ' -f1-3 /proc/loadavg)"; }

run_micro() {
  echo "== micro-benchmarks"
  load_average
  taskset -c "$CLIENT_CPUS" "$BUILD/bench/attune_micro" --benchmark_repetitions=3 \
    --benchmark_report_aggregates_only=true --benchmark_out="$RESULTS/micro.json" \
    --benchmark_out_format=json 2>&1 | grep -v '_stddev\|_cv' 
}

wrk_line() {
  local name=$1 file=$2
  awk -v name="$name" '
    / 50% / {p50=$2} / 99% / {p99=$2} /^Requests\/sec/ {rps=$2}
    /Non-2xx/ {bad=$NF}
    END {printf "%-16s %10s req/s   p50 %8s   p99 %8s%s\n", name, rps, p50, p99, bad ? "   NON-2XX: " bad : ""}' "$file"
}

run_wrk() {
  echo "== wrk (2 threads, 64 connections, ${WRK_SECONDS}s each, after a 5 s warm-up)"
  load_average
  mkdir -p "$TMP/wrk-data"
  start_server "$TMP/wrk-data"
  "$LIVE_LOAD" seed --port "$SERVER_PORT" --pairs 1 --connections 1 --manifest "$TMP/wrk.tsv" 2>/dev/null
  local token
  token=$(cut -f1 "$TMP/wrk.tsv")
  local url=http://127.0.0.1:$SERVER_PORT
  for name in healthz me; do
    local path=/healthz
    local -a header=()
    if [ "$name" = me ]; then path=/api/v1/me; header=(-H "Authorization: Bearer $token"); fi
    taskset -c "$CLIENT_CPUS" wrk -t2 -c64 -d5s "${header[@]}" "$url$path" >/dev/null
    taskset -c "$CLIENT_CPUS" wrk -t2 -c64 -d"${WRK_SECONDS}s" --latency "${header[@]}" "$url$path" \
      >"$RESULTS/wrk_$name.txt"
    echo "  command: wrk -t2 -c64 -d${WRK_SECONDS}s --latency ${header[*]:+-H 'Authorization: Bearer …'} $url$path"
    wrk_line "GET $path" "$RESULTS/wrk_$name.txt"
  done
  stop_server
}

# Couples are seeded once on tmpfs (seeding is not what is measured, and fsync per write
# would make 10^4 couples take most of an hour), then copied to disk, where every run starts
# from its own copy.
seed_world() {
  local pairs=$1
  if [ -z "${BENCH_RESEED:-}" ] && [ -f "$SEED_CACHE/manifest.tsv" ] &&
    [ "$(wc -l <"$SEED_CACHE/manifest.tsv")" -ge "$pairs" ] &&
    [ -n "$(find "$SEED_CACHE/manifest.tsv" -mtime -6)" ]; then
    echo "  reusing $(wc -l <"$SEED_CACHE/manifest.tsv") seeded couples from $SEED_CACHE"
    return 0
  fi
  SHM=$(mktemp -d /dev/shm/attune-seed.XXXXXX)
  start_server "$SHM/data"
  local started=$SECONDS
  taskset -c "$CLIENT_CPUS" "$LIVE_LOAD" seed --port "$SERVER_PORT" --pairs "$pairs" \
    --connections 16 --manifest "$SHM/manifest.tsv"
  stop_server
  echo "  seeded $pairs couples in $((SECONDS - started)) s"
  rm -rf "$SEED_CACHE"
  mkdir -p "$SEED_CACHE"
  cp -a "$SHM/data" "$SHM/manifest.tsv" "$SEED_CACHE/"
  rm -rf "$SHM"
  SHM=""
}

run_live() {
  local max=0
  for n in "${NS[@]}"; do [ "$n" -gt "$max" ] && max=$n; done
  echo "== live_load (pause-to-peer), N = ${NS[*]}, ${DURATION}s window, one pause per practice per minute"
  seed_world "$max"
  for n in "${NS[@]}"; do
    rm -rf "$TMP/run"
    cp -a "$SEED_CACHE/data" "$TMP/run"
    start_server "$TMP/run"
    rm -f "$TMP/echo.out"
    taskset -c "$SERVER_CPUS" "$LIVE_LOAD" echo-server --port 0 >"$TMP/echo.out" 2>&1 &
    ECHO_PID=$!
    await_port "$ECHO_PID" "$TMP/echo.out" "echo listening on "
    local echo_port=$PORT
    load_average
    echo "  command: taskset -c $CLIENT_CPUS live_load run --practices $n --duration $DURATION" \
      "--port $SERVER_PORT --echo-port $echo_port --server-pid $SERVER_PID"
    taskset -c "$CLIENT_CPUS" "$LIVE_LOAD" run --port "$SERVER_PORT" --echo-port "$echo_port" \
      --manifest "$SEED_CACHE/manifest.tsv" --practices "$n" --duration "$DURATION" \
      --server-pid "$SERVER_PID" --json "$RESULTS/live_$n.json" >/dev/null
    { kill "$ECHO_PID" && wait "$ECHO_PID"; } || true
    ECHO_PID=""
    stop_server
  done
}

# ---- API mix: wrk with bench/wrk/api_mix.lua on bare_beast, SQLite and PostgreSQL ----

MIX_CONNECTIONS=64
MIX_SECONDS=$WRK_SECONDS
MIX_WARMUP=5

# User + system CPU time of a process, in clock ticks.
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat" 2>/dev/null || echo 0; }

# Percent of one core: ticks used over a wall-clock span in nanoseconds.
cpu_percent() { awk -v t="$1" -v ns="$2" -v hz="$(getconf CLK_TCK)" 'BEGIN {printf "%.0f", 100 * t / hz / (ns / 1e9)}'; }

# Microseconds per synchronous 4 KiB overwrite where the data dirs are (databases overwrite
# their logs in place). This virtual disk's sync latency swings twentyfold from one minute to
# the next and every write request waits for it, so each line reports it before and after.
disk_sync_us() {
  dd if=/dev/zero of="$TMP/sync-probe" bs=4k count=100 status=none
  dd if=/dev/zero of="$TMP/sync-probe" bs=4k count=100 oflag=dsync conv=notrunc 2>&1 |
    awk '/copied/ {printf "%d", $(NF-3) * 1e6 / 100}'
  rm -f "$TMP/sync-probe"
}

peak_rss_kib() { awk '/^VmHWM:/ {print $2}' "/proc/$1/status" 2>/dev/null || echo 0; }

# One summary line from a wrk output file and the server's peak RSS (plus extra text).
mix_line() {
  local name=$1 file=$2 rss_kib=$3 extra=$4
  awk -v name="$name" -v rss="$rss_kib" -v extra="$extra" '
    / 50% / {p50=$2} / 99% / {p99=$2} /^Requests\/sec/ {rps=$2}
    /Non-2xx/ {bad=$NF} /Socket errors/ {sock=$0; sub(/^ *Socket errors: */, "", sock)}
    END {printf "%-34s %9s req/s  p50 %8s  p99 %8s  non-2xx %6s  server peak RSS %6.1f MiB%s%s\n",
      name, rps, p50, p99, bad ? bad : 0, rss / 1024, extra, sock ? "  SOCKET ERRORS: " sock : ""}' \
    "$file" | tee -a "$RESULTS/mix.txt"
  grep '^mix ' "$file" | sed 's/^/    /' | tee -a "$RESULTS/mix.txt"
  awk '/ 50% / {p50=$2} / 99% / {p99=$2} /^Requests\/sec/ {rps=$2} /Non-2xx/ {bad=$NF}
    END {printf "    bystander GET /api/v1/me (%s req/s): p50 %s  p99 %s  non-2xx %d\n", rps, p50, p99, bad}' \
    "${file%.txt}_probe.txt" | tee -a "$RESULTS/mix.txt"
}

# A warm-up, then the measured wrk against the running server (SERVER_PID, SERVER_PORT),
# with the server's CPU (and its PostgreSQL cluster's, when it has one) over the run.
# Arguments: line name, users file, items file, weights (login read write).
measure_mix() {
  local name=$1 users=$2 items=$3
  shift 3
  local file url=http://127.0.0.1:$SERVER_PORT on_postgres=""
  file="$RESULTS/mix_$(echo "$name" | tr -c 'a-zA-Z0-9\n' '_').txt"
  [ -n "$PG_DIR" ] && [ -n "${SERVER_ENV[*]}" ] && on_postgres=1
  load_average
  if [ "$MIX_WARMUP" -gt 0 ]; then
    taskset -c "$CLIENT_CPUS" wrk -t2 -c"$MIX_CONNECTIONS" -d"${MIX_WARMUP}s" --timeout 10s \
      -s bench/wrk/api_mix.lua "$url" -- "$users" "$items" "$@" >/dev/null
  fi
  local server_before pg_before=0 started sync_before
  sync_before=$(disk_sync_us)
  server_before=$(cpu_ticks "$SERVER_PID")
  [ -n "$on_postgres" ] && pg_before=$(postgres_ticks)
  started=$(date +%s%N)
  taskset -c "$CLIENT_CPUS" wrk -t1 -c1 -d"${MIX_SECONDS}s" --timeout 10s --latency \
    -s bench/wrk/probe.lua "$url" -- "$(head -1 "$users" | cut -f3)" >"${file%.txt}_probe.txt" &
  local probe=$! perf=""
  if [ -n "${BENCH_PERF:-}" ] && [[ "$name" == *"shared view only" || "$name" == *"boundary write only" ]]; then
    perf record -F 999 -g -p "$SERVER_PID" -o "${file%.txt}.perf" -- sleep "$MIX_SECONDS" \
      >/dev/null 2>&1 &
    perf=$!
  fi
  taskset -c "$CLIENT_CPUS" wrk -t2 -c"$MIX_CONNECTIONS" -d"${MIX_SECONDS}s" --timeout 10s \
    --latency -s bench/wrk/api_mix.lua "$url" -- "$users" "$items" "$@" >"$file"
  local wall=$(($(date +%s%N) - started))
  wait "$probe"
  [ -n "$perf" ] && { wait "$perf" || true; }
  local extra server_cpu
  server_cpu=$(cpu_percent $(($(cpu_ticks "$SERVER_PID") - server_before)) "$wall")
  extra="  server CPU $server_cpu %"
  extra="$extra  disk sync $sync_before/$(disk_sync_us) us before/after"
  if [ -n "$on_postgres" ]; then
    extra="$extra  postgres CPU $(cpu_percent $(($(postgres_ticks) - pg_before)) "$wall") %"
    extra="$extra  postgres PSS $(($(postgres_pss_kib) / 1024)) MiB"
  fi
  kill -0 "$SERVER_PID" 2>/dev/null || extra="$extra  SERVER EXITED"
  mix_line "$name" "$file" "$(peak_rss_kib "$SERVER_PID")" "$extra"
  table_row "$name" "$file" "$server_cpu"
  [ -n "$perf" ] && top_symbols "${file%.txt}.perf" "$RESULTS/perf_$(basename "${file%.txt}").txt"
  return 0
}

# wrk's latency with its unit, in milliseconds.
ms_of() {
  awk -v v="$1" 'BEGIN {
    n = v + 0; u = v; sub(/^[0-9.]+/, "", u)
    if (u == "us") n /= 1000; else if (u == "s") n *= 1000; else if (u == "m") n *= 60000
    printf "%.2f", n }'
}

# One row of the same-run table: name, req/s, p50 ms, p99 ms, non-2xx, server CPU %.
table_row() {
  local name=$1 file=$2 cpu=$3 rps p50 p99 bad
  rps=$(awk '/^Requests\/sec/ {print $2}' "$file")
  p50=$(ms_of "$(awk '/ 50% / {print $2}' "$file")")
  p99=$(ms_of "$(awk '/ 99% / {print $2}' "$file")")
  bad=$(awk '/Non-2xx/ {print $NF}' "$file")
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "${rps:-0}" "$p50" "$p99" "${bad:-0}" "$cpu" \
    >>"$RESULTS/table.tsv"
}

# The 25 symbols with the most samples of their own (no children) from a perf recording.
top_symbols() {
  perf report -i "$1" -g none --no-children --sort symbol --percent-limit 0.5 --stdio 2>/dev/null |
    grep -E '^ +[0-9.]+%' | sed 's/[ -]*$//' | head -25 >"$2" || true
  echo "    perf: top symbols of the server in $2" | tee -a "$RESULTS/mix.txt"
  head -8 "$2" | sed 's/^/      /' | tee -a "$RESULTS/mix.txt"
}

# SQLite's single-commit floor of the disk the data dirs are on: one-row commits, WAL,
# synchronous=FULL, one writer (bench/commit_floor), pinned where the server runs.
commit_floor_line() {
  load_average
  local out
  rm -f "$TMP/floor.db" "$TMP/floor.db-wal" "$TMP/floor.db-shm"
  out=$(taskset -c "$SERVER_CPUS" "$BUILD/bench/commit_floor" --path "$TMP/floor.db" \
    --seconds "$MIX_SECONDS")
  rm -f "$TMP/floor.db" "$TMP/floor.db-wal" "$TMP/floor.db-shm"
  echo "SQLite single-commit floor: $out" | tee -a "$RESULTS/mix.txt"
  echo "$out" | awk '{gsub(/,/, ""); printf "SQLite: single-commit floor of the disk (commits/s)\t%s\t%s\t%s\t0\t-\n", $6, $9, $12}' \
    >>"$RESULTS/table.tsv"
}

# Every line of this run as a share of the two bare servers' req/s from the same run, and
# per second of server CPU (req/s ÷ the server's share of a core): on a machine busy with other
# work a server may not get its core, and then the second ratio is the one to read (for lines
# that wait on the disk the first; neither counts PostgreSQL's own processes).
print_table() {
  awk -F '\t' '
    {name[NR] = $1; rps[NR] = $2; p50[NR] = $3; p99[NR] = $4; bad[NR] = $5; cpu[NR] = $6
     per_cpu[NR] = ($6 + 0 > 0 ? 100 * $2 / $6 : 0)}
    $1 ~ /^bare_beast, attune.s threading/ {shaped = $2; shaped_cpu = per_cpu[NR]}
    $1 ~ /^bare_beast, no worker pool/ {bare = $2; bare_cpu = per_cpu[NR]}
    END {
      printf "%-58s %8s %8s %8s %7s %9s %9s %9s %8s %8s\n", "line", "req/s", "/ shaped",
        "/ bare", "CPU %", "req/CPU-s", "/ shaped", "/ bare", "p50 ms", "p99 ms"
      for (i = 1; i <= NR; i++)
        printf "%-58s %8.0f %7.2f%% %7.2f%% %7s %9.0f %8.2f%% %8.2f%% %8s %8s%s\n", name[i],
          rps[i], shaped ? 100 * rps[i] / shaped : 0, bare ? 100 * rps[i] / bare : 0, cpu[i],
          per_cpu[i], shaped_cpu && per_cpu[i] ? 100 * per_cpu[i] / shaped_cpu : 0,
          bare_cpu && per_cpu[i] ? 100 * per_cpu[i] / bare_cpu : 0, p50[i], p99[i],
          (bad[i] > 0 ? "  non-2xx " bad[i] : "")
    }' "$RESULTS/table.tsv" | tee "$RESULTS/table.txt"
}

# What the server itself logged as going wrong (text or JSON-line logs): worth more than
# its speed.
server_complaints() {
  local pattern='\[\(warning\|error\|critical\)\]\|"level":"\(warning\|error\|critical\)"' count
  count=$(grep -c "$pattern" "$TMP/server.log" || true)
  if [ "$count" -gt 0 ]; then
    echo "    server log: $count warning/error lines; the first:" | tee -a "$RESULTS/mix.txt"
    grep "$pattern" "$TMP/server.log" | head -5 | sed 's/^/      /' | tee -a "$RESULTS/mix.txt"
  fi
}

# Seeds couples into a server started on data_dir (and SERVER_ENV) and writes the mix's
# files as prefix.users and prefix.items.
seed_mix() {
  local data_dir=$1 prefix=$2 pairs=$3 connections=$4
  start_server "$data_dir"
  local started=$SECONDS
  taskset -c "$CLIENT_CPUS" "$LIVE_LOAD" seed --port "$SERVER_PORT" --pairs "$pairs" \
    --connections "$connections" --manifest "$prefix.manifest" --users "$prefix.users" \
    --items "$prefix.items" 2>/dev/null
  stop_server
  echo "  seeded $pairs couples in $((SECONDS - started)) s"
}

# Each line starts a server on a fresh copy of the seeded world, so peak RSS is per line.
sqlite_server() {
  rm -rf "$TMP/mix-run"
  cp -a "$TMP/mix-sqlite" "$TMP/mix-run"
  start_server "$TMP/mix-run"
}

postgres_server() {
  local name
  name=run_$(echo "$1" | tr -c 'a-zA-Z0-9\n' '_')
  pg_createdb "$name" attune_seed
  SERVER_ENV=(ATTUNE_DATABASE_URL="$(pg_url "$name")" ATTUNE_MASTER_KEY="$MASTER_KEY")
  rm -rf "$TMP/mix-run"
  start_server "$TMP/mix-run"
}

# The mix, then each kind alone, on one backend.
mix_lines() {
  local backend=$1 prefix=$2 server=$3
  local -a names=("mix 5/75/20" "mix 0/75/20, no log-ins" "shared view only" "boundary write only"
    "login only, fast hash" "shared view, 32 connections")
  local -a weights=("5 75 20" "0 75 20" "0 100 0" "0 0 100" "100 0 0" "0 100 0")
  # The issue's read latency target is stated at 32 connections.
  local -a connections=(64 64 64 64 64 32)
  local binary label
  for i in "${!names[@]}"; do
    MIX_CONNECTIONS=${connections[$i]}
    for binary in "$MEASURED" $BASELINE; do
      ATTUNE_BIN=$binary
      label=$backend
      [ "$binary" = "$BASELINE" ] && label="$backend (baseline)"
      "$server" "$i${label#"$backend"}"
      # shellcheck disable=SC2086  # three weights, split on purpose
      measure_mix "$label: ${names[$i]}" "$prefix.users" "$prefix.items" ${weights[$i]}
      stop_server
      server_complaints
    done
  done
  MIX_CONNECTIONS=64
  ATTUNE_BIN=$MEASURED
}

# The ceiling twice: shaped like attune (one I/O thread, each request hopping to a 4-thread
# worker pool and back) and answering on the I/O thread without a pool.
bare_lines() {
  local workers label
  for workers in 4 0; do
    label="bare_beast, attune's threading (4 workers)"
    [ "$workers" = 0 ] && label="bare_beast, no worker pool"
    rm -f "$TMP/bare.out"
    taskset -c "$SERVER_CPUS" "$BUILD/bench/bare_beast" --port 0 --workers "$workers" \
      >"$TMP/bare.out" 2>&1 &
    SERVER_PID=$!
    await_port "$SERVER_PID" "$TMP/bare.out" "bare listening on "
    SERVER_PORT=$PORT
    # bare_beast answers anything, so the SQLite seed's files serve as well as any.
    measure_mix "$label: mix 5/75/20" "$TMP/sqlite.users" "$TMP/sqlite.items" 5 75 20
    stop_server
  done
}

# Logins with the shipped Argon2id cost (64 MiB, at most two at once, 503 busy beyond): at
# wrk's 64 connections, and at 2, which the gate never turns away. No warm-up: the server
# would still be hashing for the warm-up's queued log-ins when the measured run began.
argon2_lines() {
  SERVER_FLAGS=()
  seed_mix "$TMP/mix-argon2" "$TMP/argon2" 16 2
  MIX_SECONDS=$LOGIN_SECONDS
  MIX_WARMUP=0
  for connections in 64 2; do
    MIX_CONNECTIONS=$connections
    start_server "$TMP/mix-argon2"
    measure_mix "SQLite: login only, Argon2id, c$connections" "$TMP/argon2.users" \
      "$TMP/argon2.items" 100 0 0
    stop_server
    server_complaints
  done
  MIX_CONNECTIONS=64
  MIX_SECONDS=$WRK_SECONDS
  MIX_WARMUP=5
  SERVER_FLAGS=(--insecure-fast-password-hashing)
}

run_mix() {
  echo "== API mix: wrk -t2 -c64 -d${WRK_SECONDS}s --timeout 10s --latency -s bench/wrk/api_mix.lua" \
    "URL -- USERS ITEMS LOGIN READ WRITE, after a 5 s warm-up; $MIX_PAIRS couples per backend"
  : >"$RESULTS/mix.txt"
  : >"$RESULTS/table.tsv"
  echo "-- seeding SQLite (WAL, synchronous=FULL, data dir on disk)"
  seed_mix "$TMP/mix-sqlite" "$TMP/sqlite" "$MIX_PAIRS" 16
  echo "-- seeding PostgreSQL 15 (throwaway cluster, fsync on, loopback TCP)"
  start_postgres
  MASTER_KEY=$(od -An -tx1 -N32 /dev/urandom | tr -d ' \n')
  pg_createdb attune_seed
  SERVER_ENV=(ATTUNE_DATABASE_URL="$(pg_url attune_seed)" ATTUNE_MASTER_KEY="$MASTER_KEY")
  seed_mix "$TMP/mix-pg-seed" "$TMP/postgres" "$MIX_PAIRS" 16
  SERVER_ENV=()

  echo "-- the ceiling, and the disk's floor"
  bare_lines
  commit_floor_line
  echo "-- SQLite"
  mix_lines SQLite "$TMP/sqlite" sqlite_server
  echo "-- PostgreSQL"
  mix_lines PostgreSQL "$TMP/postgres" postgres_server
  SERVER_ENV=()
  stop_postgres
  echo "-- Argon2id logins (no --insecure-fast-password-hashing; SQLite; ${LOGIN_SECONDS}s each)"
  argon2_lines
  echo "== the same-run table (req/s as a share of bare_beast with attune's threading and without a pool)"
  machine
  echo "  load average now: $(cut -d' ' -f1-3 /proc/loadavg)"
  print_table
}

wanted() { [ -z "$ONLY" ] || [ "$ONLY" = "$1" ]; }

machine | tee "$RESULTS/machine.txt"
if wanted micro; then run_micro; fi
if wanted wrk; then run_wrk; fi
if wanted live; then run_live; fi
if wanted mix; then run_mix; fi
# The Argon2id lines alone (part of mix), e.g. to check the password gate.
if [ "$ONLY" = argon2 ]; then argon2_lines; fi
# The last mix run's table again (e.g. after changing how it is printed).
if [ "$ONLY" = table ]; then print_table; fi
echo "== done; raw results in $RESULTS"
