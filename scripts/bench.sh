#!/usr/bin/env bash
# Runs attune's benchmarks and prints the results (docs/benchmarks.md explains them):
# builds with -DATTUNE_BENCH=ON in build-bench/, runs the micro-benchmarks, starts
# `attune serve` on a free port with a temp data dir for wrk (GET /healthz, GET /api/v1/me),
# seeds couples through the API, and runs bench/live_load at each N.
#
#   scripts/bench.sh [N ...]          default N: 100 1000 5000
#
# Environment: BENCH_DURATION (measured live window, s; 180), BENCH_WRK_SECONDS (30),
# BENCH_ONLY (micro|wrk|live), BENCH_RESEED=1 (ignore the cached seed),
# BENCH_SERVER_CPUS / BENCH_CLIENT_CPUS (taskset lists; 0 and 1).
# Raw results go to build-bench/bench-results/. Nothing here is a test.
set -euo pipefail
cd "$(dirname "$0")/.."

BUILD=build-bench
RESULTS=$BUILD/bench-results
SEED_CACHE=$BUILD/bench-seed
DURATION=${BENCH_DURATION:-180}
WRK_SECONDS=${BENCH_WRK_SECONDS:-30}
ONLY=${BENCH_ONLY:-}
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
cmake --build "$BUILD" --target attune live_load attune_micro -j 2 >/dev/null
LIVE_LOAD=$BUILD/bench/live_load
mkdir -p "$RESULTS"

TMP=$(mktemp -d /tmp/attune-bench.XXXXXX)
SHM=""
SERVER_PID=""
ECHO_PID=""
cleanup() {
  [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null
  [ -n "$ECHO_PID" ] && kill "$ECHO_PID" 2>/dev/null
  wait 2>/dev/null
  rm -rf "$TMP"
  [ -n "$SHM" ] && rm -rf "$SHM"
  return 0
}
trap cleanup EXIT

cat >"$TMP/bench.toml" <<'TOML'
signup_limit_per_minute = 100000
write_limit_per_minute = 1000000
login_limit_per_minute = 100000
TOML

# Waits for "<prefix><port>" on a background process's stdout file; sets PORT.
await_port() {
  local pid=$1 file=$2 prefix=$3
  PORT=""
  for _ in $(seq 600); do
    PORT=$(sed -n "s#^${prefix}\([0-9]*\)\$#\1#p" "$file")
    [ -n "$PORT" ] && return 0
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  echo "bench: a server did not start (see $file)" >&2
  exit 1
}

# Per-request logs would cost the server time, so stderr goes to a file nobody reads.
start_server() {
  local data_dir=$1
  rm -f "$TMP/server.out"  # so a previous server's port is never read
  taskset -c "$SERVER_CPUS" "$BUILD/attune" serve --listen 127.0.0.1:0 --data-dir "$data_dir" \
    --content-dir content --web-dir web/dist --insecure-fast-password-hashing \
    --config "$TMP/bench.toml" >"$TMP/server.out" 2>"$TMP/server.log" &
  SERVER_PID=$!
  await_port "$SERVER_PID" "$TMP/server.out" "attune listening on http://127.0.0.1:"
  SERVER_PORT=$PORT
}

stop_server() {
  kill "$SERVER_PID" && wait "$SERVER_PID" || true
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
    kill "$ECHO_PID" && wait "$ECHO_PID" || true
    ECHO_PID=""
    stop_server
  done
}

wanted() { [ -z "$ONLY" ] || [ "$ONLY" = "$1" ]; }

machine | tee "$RESULTS/machine.txt"
if wanted micro; then run_micro; fi
if wanted wrk; then run_wrk; fi
if wanted live; then run_live; fi
echo "== done; raw results in $RESULTS"
