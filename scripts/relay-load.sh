#!/usr/bin/env bash
# Load test of `keyshard relay` with wrk, the relay in its own JVM pinned to core 0 and wrk
# pinned to core 1 (so the load generator never competes with the server for its core).
# Builds nothing: expects keyshard-cli/target/keyshard.jar from
#   ./mvnw -q -B -o -pl keyshard-cli -am package -DskipTests
#
# Usage: scripts/relay-load.sh [--redis] [--mode post|cycle] [--batch B] [--connections C]
#                              [--duration S] [--warmup S] [--sessions N] [--body CHARS] [--jfr FILE]
#   post:  only message posts (each request is one message);
#   cycle: a polling receiver: B messages posted to one queue, one read of that queue (which
#          answers with them), B deletes; 2B + 1 requests per B messages (default B 1: post,
#          read, delete for each message, three requests per message).
# RELAY_JAVA_OPTS: JVM options for the relay (default none; the `keyshard` launcher runs the
# relay with "-XX:+UseSerialGC -Xmn32m", see there). RELAY_JFR_SETTINGS: a .jfc for --jfr.
# Sessions are joined (sender, receiver) before the run. Every run is checked for non-2xx
# responses and socket errors; a 429 (quota) or 404 would fail the run, not hide in the figure.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="${RELAY_JAR:-$root/keyshard-cli/target/keyshard.jar}"  # RELAY_JAR: another build to compare
redis=0 mode=post batch=1 conns=32 duration=15 sessions=200 body=2048 jfr="" warmup=8
relay_core="${RELAY_CORE:-0}" wrk_core="${WRK_CORE:-1}"
while [ $# -gt 0 ]; do
  case "$1" in
    --redis) redis=1 ;;
    --mode) mode="$2"; shift ;;
    --batch) batch="$2"; shift ;;
    --connections) conns="$2"; shift ;;
    --duration) duration="$2"; shift ;;
    --sessions) sessions="$2"; shift ;;
    --body) body="$2"; shift ;;
    --jfr) jfr="$2"; shift ;;
    --warmup) warmup="$2"; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift
done
[ -f "$jar" ] || { echo "missing $jar: build it first (see the header of $0)" >&2; exit 1; }
command -v wrk >/dev/null || { echo "wrk is not installed" >&2; exit 1; }

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
work="$(mktemp -d -t relay-load.XXXXXX)"
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

relay_args=()
if [ "$redis" = 1 ]; then
  rport="$(free_port)"
  # Redis gets core 1 with wrk: the relay's one core stays its own.
  taskset -c "$wrk_core" redis-server --port "$rport" --bind 127.0.0.1 --save '' \
      --appendonly no >"$work/redis.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 100); do redis-cli -p "$rport" ping >/dev/null 2>&1 && break; sleep 0.05; done
  relay_args+=(--redis "redis://127.0.0.1:$rport")
fi

port="$(free_port)"
jvm=(${RELAY_JAVA_OPTS:-})
[ -n "$jfr" ] && jvm+=("-XX:StartFlightRecording=delay=${warmup}s,duration=${duration}s,filename=$jfr${RELAY_JFR_SETTINGS:+,settings=$RELAY_JFR_SETTINGS}")
taskset -c "$relay_core" java "${jvm[@]}" -jar "$jar" relay --port "$port" "${relay_args[@]}" \
    >"$work/relay.log" 2>&1 &
relay_pid=$!
pids+=($relay_pid)
url="http://127.0.0.1:$port"
for _ in $(seq 200); do curl -fs "$url/ping" >/dev/null 2>&1 && break; sleep 0.05; done
curl -fs "$url/ping" >/dev/null || { cat "$work/relay.log" >&2; exit 1; }

# Join every session with one curl process (keep-alive), not one process per session.
: >"$work/joins.cfg"
for i in $(seq 0 $((sessions - 1))); do
  [ "$i" -gt 0 ] && echo next >>"$work/joins.cfg"
  printf 'url = "%s/bench-%d"\nrequest = "POST"\ndata = "[\\"sender\\",\\"receiver\\"]"\noutput = "/dev/null"\n' \
      "$url" "$i" >>"$work/joins.cfg"
done
curl -fsS -K "$work/joins.cfg"

run_wrk() {
  taskset -c "$wrk_core" wrk -t 1 -c "$conns" -d "$1" --latency -s "$root/scripts/relay-load.lua" \
      "$url" -- "$mode" "$sessions" "$body" "$2" "$batch"
}
echo "== relay ($([ "$redis" = 1 ] && echo redis || echo memory)) on core $relay_core, wrk on core $wrk_core:" \
    "mode $mode$([ "$mode" = cycle ] && echo " (batch $batch)"), $conns connections, $sessions sessions, $body-char bodies"
run_wrk "${warmup}s" 1 >"$work/warmup.txt"
# The relay's CPU time (user + system, clock ticks) over the measured run: CPU per request is a
# steadier figure than requests/s on a machine shared with other work.
# Also the relay core's busy time, so a run where other processes took that core shows it.
cpu_ticks() { awk '{print $14 + $15}' "/proc/$relay_pid/stat"; }
core_busy() { awk -v c="cpu$relay_core" '$1 == c {print $2 + $3 + $4 + $7 + $8 + $9}' /proc/stat; }
cpu0="$(cpu_ticks)" busy0="$(core_busy)"
run_wrk "${duration}s" 2 | tee "$work/run.txt"
cpu1="$(cpu_ticks)" busy1="$(core_busy)"
# Messages per second: every post is one; cycle mode spends 2B + 1 requests on B messages.
per_msg=1
[ "$mode" = cycle ] && per_msg="$((2 * batch + 1))/$batch"
awk -v t="$((cpu1 - cpu0))" -v b="$((busy1 - busy0))" -v hz="$(getconf CLK_TCK)" -v d="$duration" \
    -v batch="$batch" -v cycle="$([ "$mode" = cycle ] && echo 1 || echo 0)" -v per="$per_msg" '
  /^ +[0-9]+ requests in/ { n = $1 }
  END { if (n > 0) {
      m = cycle ? n * batch / (2 * batch + 1) : n
      printf "messages: %.0f/s (%s requests each)\n", m / d, per
      printf "relay CPU: %.1f s of %s s measured, %.1f us per request; other work on its core: %.1f s\n",
      t / hz, d, 1e6 * t / hz / n, (b - t) / hz } }' "$work/run.txt"
status=0
for f in warmup run; do
  if grep -qE 'Non-2xx|Socket errors' "$work/$f.txt"; then
    echo "FAILED ($f): wrk saw errors or non-2xx responses:" >&2
    grep -E 'Non-2xx|Socket errors' "$work/$f.txt" >&2
    status=1
  fi
done
curl -fs "$url/metrics" | grep -E '^keyshard_relay_(requests_total|messages_)' | grep -v ' 0$' || true
exit $status
