#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# lux-tracker's pixel endpoint against nginx's empty_gif, same machine, same run, same wrk settings.
#   tests/bench/tracker_load.sh [BUILD_DIR] [SECONDS] [CONNECTIONS]
# Prints requests a second and p99 for both, the ratio, and checks that after a clean shutdown the
# tracker's database holds exactly as many opens as wrk completed (a quota run, see
# tracker_quota.lua). Needs wrk, nginx (nginx-light is enough), sqlite3, python3.
set -euo pipefail

build=${1:-build/release}
seconds=${2:-15}
connections=${3:-32}
here=$(cd "$(dirname "$0")" && pwd)
tracker="$build/tracker/lux-tracker"
[ -x "$tracker" ] || { echo "no $tracker: build first (cmake --build --preset release)" >&2; exit 2; }
for tool in wrk nginx sqlite3 python3; do
  command -v "$tool" >/dev/null || { echo "$tool is missing (packaging/install-deps.sh installs it)" >&2; exit 2; }
done

work=$(mktemp -d)
nginx_pid=""
tracker_pid=""
cleanup() {
  [ -n "$tracker_pid" ] && kill "$tracker_pid" 2>/dev/null || true
  [ -n "$nginx_pid" ] && kill "$nginx_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# nginx: as many workers as cores, no access log, the stock empty_gif.
ngport=$(free_port)
mkdir -p "$work/nginx"
cat > "$work/nginx/nginx.conf" <<CONF
worker_processes auto;
daemon off;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path $work/nginx/body;
  proxy_temp_path $work/nginx/proxy;
  fastcgi_temp_path $work/nginx/fcgi;
  uwsgi_temp_path $work/nginx/uwsgi;
  scgi_temp_path $work/nginx/scgi;
  server { listen 127.0.0.1:$ngport; location /o/ { empty_gif; add_header Cache-Control no-store; } }
}
CONF
nginx -c "$work/nginx/nginx.conf" -p "$work/nginx" &
nginx_pid=$!

# lux-tracker: as many request threads as cores, access log on, rate limit off (wrk is one address).
"$tracker" --generate-key > "$work/keys"
head -c 24 /dev/urandom | base64 > "$work/token"
root=(); [ "$(id -u)" -eq 0 ] && root=(--allow-root)
"$tracker" "${root[@]}" --listen 127.0.0.1:0 --db "$work/events.db" --key-file "$work/keys" \
  --api-token-file "$work/token" --threads "$(nproc)" --rate-limit 0 --access-log "$work/access.log" > "$work/tracker.out" 2>&1 &
tracker_pid=$!
for _ in $(seq 50); do grep -q "listening on" "$work/tracker.out" && break; sleep 0.1; done
trport=$(grep -o 'listening on 127.0.0.1:[0-9]*' "$work/tracker.out" | cut -d: -f2)
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$ngport/o/x" -o /dev/null && break; sleep 0.1; done

token=$(python3 "$here/tracker_token.py" "$work/keys" open 1 1)
token2=$(python3 "$here/tracker_token.py" "$work/keys" open 2 1)

run() { # name url → "rps p99ms completed"
  local out
  out=$(wrk -t2 -c"$connections" -d"${seconds}s" --latency "$2")
  echo "$out" > "$work/$1.wrk"
  local rps p99 n
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p99=$(awk '$1=="99%" {v=$2; if (v ~ /us$/) {sub(/us/,"",v); v=v/1000} else if (v ~ /ms$/) {sub(/ms/,"",v)} else if (v ~ /s$/) {sub(/s/,"",v); v=v*1000}; print v}' <<<"$out")
  n=$(awk '/requests in/ {print $1}' <<<"$out")
  echo "$rps $p99 $n"
}

echo "wrk -t2 -c$connections -d${seconds}s, $(nproc) cores"
read -r ng_rps ng_p99 _ < <(run nginx "http://127.0.0.1:$ngport/o/x")
read -r tr_rps tr_p99 tr_n < <(run tracker "http://127.0.0.1:$trport/o/$token")
printf 'nginx empty_gif:   %10.0f req/s   p99 %6.2f ms\n' "$ng_rps" "$ng_p99"
printf 'lux-tracker pixel: %10.0f req/s   p99 %6.2f ms   (%d completed)\n' "$tr_rps" "$tr_p99" "$tr_n"
ratio=$(python3 -c "print(f'{$tr_rps / $ng_rps * 100:.1f}')")
echo "lux-tracker / nginx: $ratio %"

# Exactness: a fixed number of pixels per wrk thread, then only /healthz until the run ends.
quota=$(python3 -c "print(int($tr_rps * ($seconds * 0.6) / 2))")
LUX_QUOTA=$quota wrk -t2 -c"$connections" -d"${seconds}s" -s "$here/tracker_quota.lua" "http://127.0.0.1:$trport/o/$token2" > "$work/quota.wrk"
completed=$(awk '/pixels completed/ {print $3}' "$work/quota.wrk")

kill -TERM "$tracker_pid"
wait "$tracker_pid" || true
tracker_pid=""
stored=$(sqlite3 "$work/events.db" "SELECT count(*) FROM events WHERE kind = 1 AND campaign = 2")
stored_timed=$(sqlite3 "$work/events.db" "SELECT count(*) FROM events WHERE kind = 1 AND campaign = 1")
echo "quota run: wrk completed $completed pixels (its script asked for $((quota * 2))); the database holds $stored"
echo "timed run: wrk completed $tr_n; the database holds $stored_timed (the difference is what was answered after wrk stopped reading)"

status=0
if [ -z "$completed" ] || [ "$completed" != "$stored" ]; then echo "FAIL: opens lost or invented"; status=1; fi
python3 -c "import sys; sys.exit(0 if $tr_rps >= 0.5 * $ng_rps else 1)" || { echo "FAIL: under 50 % of nginx"; status=1; }
python3 -c "import sys; sys.exit(0 if $tr_p99 < 10 else 1)" || { echo "FAIL: p99 not under 10 ms"; status=1; }
[ "$status" -eq 0 ] && echo "PASS"
exit $status
