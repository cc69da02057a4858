#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# lux-tracker's registrations under load (issue 18): wrk posts a new person per request to an event
# with 100 seats (everyone after them waits), double opt-in on, no proof of work (difficulty 0, as for
# a trusted intranet and load tests), and asks for JSON.
#   tests/bench/registration_load.sh [BUILD_DIR] [SECONDS] [CONNECTIONS]
# Prints registrations a second and p99, then SIGKILLs the tracker the moment wrk is done and checks
# that the database holds at least every registration wrk saw acknowledged (durable before its
# answer) and exactly 100 with a seat. Needs wrk, sqlite3, python3, curl.
set -euo pipefail

build=${1:-build/release}
seconds=${2:-15}
connections=${3:-32}
here=$(cd "$(dirname "$0")" && pwd)
tracker="$build/tracker/lux-tracker"
[ -x "$tracker" ] || { echo "no $tracker: build first (cmake --build --preset release --target lux-tracker)" >&2; exit 2; }
for tool in wrk sqlite3 python3 curl; do
  command -v "$tool" >/dev/null || { echo "$tool is missing (packaging/install-deps.sh installs it)" >&2; exit 2; }
done

work=$(mktemp -d)
tracker_pid=""
cleanup() {
  [ -n "$tracker_pid" ] && kill -9 "$tracker_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

"$tracker" --generate-key > "$work/keys"
head -c 24 /dev/urandom | base64 > "$work/token"
root=(); [ "$(id -u)" -eq 0 ] && root=(--allow-root)
"$tracker" "${root[@]}" --listen 127.0.0.1:0 --db "$work/events.db" --key-file "$work/keys" \
  --api-token-file "$work/token" --threads "$(nproc)" --rate-limit 0 > "$work/tracker.out" 2>&1 &
tracker_pid=$!
for _ in $(seq 50); do grep -q "listening on" "$work/tracker.out" && break; sleep 0.1; done
port=$(grep -o 'listening on 127.0.0.1:[0-9]*' "$work/tracker.out" | cut -d: -f2)
base="http://127.0.0.1:$port"

curl -sf -X PUT -H "Authorization: Bearer $(cat "$work/token")" -H "Content-Type: application/json" \
  -d '{"event":1,"revision":1,"title":"Load test","capacity":100,"double_opt_in":true,"pow_difficulty":0}' \
  "$base/api/v1/forms/load-test" > /dev/null

out=$(wrk -t2 -c"$connections" -d"${seconds}s" --latency -s "$here/registration.lua" "$base/e/load-test")
kill -9 "$tracker_pid"
wait "$tracker_pid" 2>/dev/null || true
tracker_pid=""
echo "$out" > "$work/wrk.out"

rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
p50=$(awk '$1=="50%" {v=$2; if (v ~ /us$/) {sub(/us/,"",v); v=v/1000} else if (v ~ /ms$/) {sub(/ms/,"",v)} else if (v ~ /s$/) {sub(/s/,"",v); v=v*1000}; print v}' <<<"$out")
p99=$(awk '$1=="99%" {v=$2; if (v ~ /us$/) {sub(/us/,"",v); v=v/1000} else if (v ~ /ms$/) {sub(/ms/,"",v)} else if (v ~ /s$/) {sub(/s/,"",v); v=v*1000}; print v}' <<<"$out")
acked=$(awk '/registrations acknowledged/ {print $3}' <<<"$out")
other=$(awk '/other answers/ {print $3}' <<<"$out")
stored=$(sqlite3 "$work/events.db" "SELECT count(*) FROM registrations WHERE slug = 'load-test'")
seated=$(sqlite3 "$work/events.db" "SELECT count(*) FROM registrations WHERE slug = 'load-test' AND state IN ('pending','confirmed')")
events=$(sqlite3 "$work/events.db" "SELECT count(*) FROM events WHERE kind = 9")

echo "wrk -t2 -c$connections -d${seconds}s, $(nproc) cores"
printf 'registrations: %8.0f a second   p50 %6.2f ms   p99 %6.2f ms\n' "$rps" "$p50" "$p99"
echo "acknowledged $acked (other answers: $other); after SIGKILL the database holds $stored registrations ($events events), $seated with a seat"

status=0
[ "$other" = "0" ] || { echo "FAIL: answers other than 200"; status=1; }
[ "$stored" -ge "$acked" ] || { echo "FAIL: acknowledged registrations lost"; status=1; }
[ "$events" = "$stored" ] || { echo "FAIL: a registration without its event"; status=1; }
[ "$seated" = "100" ] || { echo "FAIL: $seated seats given for 100"; status=1; }
python3 -c "import sys; sys.exit(0 if $rps >= 500 else 1)" || { echo "FAIL: under 500 registrations a second"; status=1; }
python3 -c "import sys; sys.exit(0 if $p99 < 50 else 1)" || { echo "FAIL: p99 not under 50 ms"; status=1; }
[ "$status" -eq 0 ] && echo "PASS"
exit $status
