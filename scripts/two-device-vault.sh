#!/usr/bin/env bash
# Wall time to create a 2-device vault across processes through a relay: `keyshard relay` in its
# own JVM, then `vault create` (device 1) and `vault join` (device 2) as two more, each with its
# own keystore, as two terminals would run them. Prints each device's own "created in" time (from
# its start of the session to its stored share, JVM start excluded) and the wall time from the
# joiner's launch until both are done (JVM start included). Repeats RUNS times (default 5).
# Builds nothing: expects keyshard-cli/target/keyshard.jar (see scripts/relay-load.sh).
# DEVICE_JAVA_OPTS: JVM options for the two devices (default: the launcher's for vault create /
# join, "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"; set it empty for the JVM's defaults).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="${RELAY_JAR:-$root/keyshard-cli/target/keyshard.jar}"
runs="${RUNS:-5}"
[ -f "$jar" ] || { echo "missing $jar: build it first" >&2; exit 1; }
work="$(mktemp -d -t two-device.XXXXXX)"
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
port="$(free_port)"
java -XX:+UseSerialGC -Xmn32m -jar "$jar" relay --port "$port" >"$work/relay.log" 2>&1 &
pids+=($!)
url="http://127.0.0.1:$port"
for _ in $(seq 200); do curl -fs "$url/ping" >/dev/null 2>&1 && break; sleep 0.05; done
printf 'two-device vault bench\n' >"$work/password"
device_jvm=(${DEVICE_JAVA_OPTS--XX:TieredStopAtLevel=1 -XX:+UseSerialGC})
ks() { java "${device_jvm[@]}" -jar "$jar" "$@" --password-file "$work/password"; }
for i in $(seq "$runs"); do
  a="$work/a$i" b="$work/b$i" code="$work/code$i"
  mkdir -p "$a" "$b"
  KEYSHARD_HOME="$a" ks vault create --name "bench$i" -t 2 -n 2 --relay "$url" \
      --code-file "$code" --no-qr --timeout 60 >"$work/create$i.out" 2>&1 &
  create=$!
  for _ in $(seq 600); do [ -s "$code" ] && break; sleep 0.02; done
  [ -s "$code" ] || { cat "$work/create$i.out" >&2; exit 1; }
  t0="$(date +%s%N)"
  KEYSHARD_HOME="$b" ks vault join "$(cat "$code")" --timeout 60 >"$work/join$i.out" 2>&1
  wait "$create"
  t1="$(date +%s%N)"
  c="$(grep -o 'in [0-9.]* s' "$work/create$i.out" | head -1)"
  j="$(grep -o 'in [0-9.]* s' "$work/join$i.out" | head -1)"
  printf 'run %d: initiator %s, joiner %s; joiner launch to both done %.2f s\n' "$i" "${c:-?}" \
      "${j:-?}" "$(echo "($t1 - $t0) / 1000000000" | bc -l)"
done
