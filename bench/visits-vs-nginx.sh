#!/usr/bin/env bash
# visits-vs-nginx.sh — does counting views (#17, docs/visits.md) slow the cached pages? Two
# builds side by side, each page against nginx serving the same bytes with
# ../shared/bench/vs-nginx.sh, the builds in turn (A B A B …), and the median ratios.
#
# Every request carries a browser's User-Agent: wrk sends none, and a request without one is
# taken for a crawler and not counted, so without it the counting path would not be measured.
# The pages are the main portal's (Host "localhost", the demo's base domain, so that the one -H
# of vs-nginx.sh is free for the User-Agent): its home and its first article.
#
#   usage: bench/visits-vs-nginx.sh A_CONG A_DATA B_CONG B_DATA [ROUNDS]
#   A_DATA, B_DATA: `cong demo --data DIR` made by each build (a build may not open a newer
#   build's database); environment: DURATION=5 (seconds of each wrk run), VS_NGINX
#   (default <repo>/../shared/bench/vs-nginx.sh)
set -euo pipefail

a_cong=${1:?usage: bench/visits-vs-nginx.sh A_CONG A_DATA B_CONG B_DATA [ROUNDS]}
a_data=${2:?}
b_cong=${3:?}
b_data=${4:?}
rounds=${5:-5}
dur=${DURATION:-5}
here=$(cd "$(dirname "$0")" && pwd)
vs=${VS_NGINX:-$here/../../shared/bench/vs-nginx.sh}
ua="User-Agent: Mozilla/5.0 (X11; Linux x86_64; rv:120.0) Gecko/20100101 Firefox/120.0"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT
start() { # CONG DATA: the port it listens on
	local port
	port=$(free_port)
	"$1" serve --data "$2" --listen "127.0.0.1:$port" --quiet --scheduler-interval 60 >/dev/null 2>&1 &
	pids+=($!)
	for _ in $(seq 100); do curl -s -o /dev/null "http://localhost:$port/" && break; sleep 0.1; done
	echo "$port"
}
pa=$(start "$a_cong" "$a_data")
pb=$(start "$b_cong" "$b_data")
article() { curl -s "http://localhost:$1/" | grep -o 'href="/tin/[^"]*"' | head -1 | cut -d'"' -f2; }
declare -A path=([home]=/ [article]=$(article "$pa"))
echo "A: $a_cong on $pa; B: $b_cong on $pb; article ${path[article]}; $rounds rounds of ${dur}s"

declare -A ratios
for i in $(seq "$rounds"); do
	for page in home article; do
		for side in A B; do
			port=$pa
			[ "$side" = B ] && port=$pb
			r=$("$vs" -H "$ua" -r 1 -d "$dur" "http://localhost:$port${path[$page]}" | awk '/^ratio median/{print $3}')
			echo "round $i $page $side: ratio $r"
			ratios[$page$side]="${ratios[$page$side]:-} $r"
		done
	done
done
for page in home article; do
	python3 - "$page" "${ratios[${page}A]}" "${ratios[${page}B]}" <<'EOF'
import statistics, sys
page, a, b = sys.argv[1], [float(x) for x in sys.argv[2].split()], [float(x) for x in sys.argv[3].split()]
print(f"{page}: A median {statistics.median(a):.3f} ({', '.join(f'{x:.2f}' for x in a)}); "
      f"B median {statistics.median(b):.3f} ({', '.join(f'{x:.2f}' for x in b)})")
EOF
done
