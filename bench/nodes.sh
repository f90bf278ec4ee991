#!/bin/bash
# nodes.sh DIR URL HOST PATH [CONG] — one node against two behind nginx, on one PostgreSQL
# database: two `cong serve --data DIR --db URL` nodes, nginx on loopback with an upstream of
# node 1 alone, then of both; wrk through nginx (ROUNDS (3) × DURATION (5) s, CONNS (16)),
# uncached (--cache-mb 0) and cached. Prints the medians of requests/s and the ratio.
set -eu
dir=${1:?usage: bench/nodes.sh DIR URL HOST PATH [CONG]}
url=${2:?}
host=${3:?}
path=${4:?}
cong=${5:-./cong}
rounds=${ROUNDS:-3}
dur=${DURATION:-5}
conns=${CONNS:-16}
tmp=$(mktemp -d /tmp/cong-nodes-bench-XXXXXX)
pids=""
cleanup() {
	for p in $pids; do kill "$p" 2>/dev/null || true; done
	for p in $pids; do wait "$p" 2>/dev/null || true; done
	rm -rf "$tmp"
}
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_200() { # PORT HOST
	for _ in $(seq 300); do
		[ "$(curl -s -o /dev/null -w '%{http_code}' -H "Host: $2" "http://127.0.0.1:$1/healthz" || true)" = 200 ] && return 0
		sleep 0.1
	done
	return 1
}
node() { # CACHE_MB: sets port (not in $(…): the process must belong to this shell)
	port=$(free_port)
	"$cong" serve --data "$dir" --db "$url" --listen "127.0.0.1:$port" --quiet --cache-mb "$1" \
		--rate-limit-scale 1000 >>"$tmp/node-$port.log" 2>&1 &
	pids="$pids $!"
	wait_200 "$port" "$host" || { echo "nodes: a node did not start: $(tail -2 "$tmp/node-$port.log")" >&2; exit 1; }
}
nginx_with() { # PORT...: sets port (nginx's)
	local n=$# conf=$tmp/nginx-$#.conf up=""
	port=$(free_port)
	for p in "$@"; do up="$up    server 127.0.0.1:$p;\n"; done
	mkdir -p "$tmp/ng$n"
	printf "daemon off;\nworker_processes 1;\npid $tmp/ng$n/pid;\nerror_log $tmp/ng$n/error.log warn;\nevents { worker_connections 1024; }\nhttp {\n  access_log off;\n  client_body_temp_path $tmp/ng$n;\n  proxy_temp_path $tmp/ng$n;\n  upstream cong {\n$up    keepalive 32;\n  }\n  server {\n    listen 127.0.0.1:$port;\n    location / { proxy_pass http://cong; proxy_http_version 1.1; proxy_set_header Connection \"\"; proxy_set_header Host \$http_host; }\n  }\n}\n" >"$conf"
	nginx -p "$tmp" -e "$tmp/ng$n/error.log" -c "$conf" &
	pids="$pids $!"
	for _ in $(seq 100); do
		curl -s -o /dev/null "http://127.0.0.1:$port/" && break
		sleep 0.05
	done
}
rps() { wrk -t2 -c"$conns" -d"${dur}s" -H "Host: $host" "http://127.0.0.1:$1$path" 2>/dev/null | awk '/^Requests\/sec:/ { print $2 }'; }
median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

echo "| page | cache | 1 node req/s | 2 nodes req/s | 2 / 1 |"
echo "|---|---|---:|---:|---:|"
for cache in 0 64; do
	node "$cache"
	n1=$port
	node "$cache"
	n2=$port
	nginx_with "$n1"
	one=$port
	nginx_with "$n1" "$n2"
	two=$port
	a=""
	b=""
	for _ in $(seq "$rounds"); do
		a="$a $(rps "$one")"
		b="$b $(rps "$two")"
	done
	ma=$(echo "$a" | median)
	mb=$(echo "$b" | median)
	echo "| $host$path | $([ "$cache" = 0 ] && echo uncached || echo cached) | $ma | $mb | $(awk -v a="$ma" -v b="$mb" 'BEGIN { printf "%.2f", (a > 0 ? b / a : 0) }') |"
	for p in $pids; do kill "$p" 2>/dev/null || true; done
	for p in $pids; do wait "$p" 2>/dev/null || true; done
	pids=""
done
