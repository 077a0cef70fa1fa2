# Shared by scripts/bench.sh and scripts/bench-live.sh (sourced): the benchmark servers'
# config and the wait for a server's port. Expects TMP to be set.

# Limits high enough that the load, not the rate limiter, is what is measured.
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
    # The file may not exist yet: the background shell opens it when it gets to run.
    PORT=$(sed -n "s#^${prefix}\([0-9]*\)\$#\1#p" "$file" 2>/dev/null || true)
    [ -n "$PORT" ] && return 0
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  echo "$(basename "$0"): a server did not start (see $file)" >&2
  exit 1
}
