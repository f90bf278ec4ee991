#!/bin/bash
# cpu-split.sh PORT HOST PATH [SECONDS] — CPU time per request, split between the `cong serve`
# listening on PORT and the PostgreSQL server processes (every process of the system user
# postgres), over one wrk run of SECONDS (5) with 8 connections: the figures docs/scaling.md
# builds its model on (what a node costs, what the database costs, per request).
# Prints: requests, req/s, cong µs/request, postgres µs/request.
# CPU_SPLIT_HEADER="Name: value" adds one request header (a cookie: docs/benchmarks.md, "display
# preferences and the page cache").
set -eu
port=${1:?usage: bench/cpu-split.sh PORT HOST PATH [SECONDS]}
host=${2:?}
path=${3:?}
secs=${4:-5}
tick=$(getconf CLK_TCK)
hdr=(-H "Host: $host")
[ -z "${CPU_SPLIT_HEADER:-}" ] || hdr+=(-H "$CPU_SPLIT_HEADER")
pid=$(ss -ltnp "sport = :$port" | awk -F'pid=' 'NR > 1 { split($2, a, ","); print a[1]; exit }')
[ -n "$pid" ] || { echo "cpu-split: nothing listens on port $port" >&2; exit 1; }

cpu_of() { # PID...: utime + stime in ticks, summed (processes gone meanwhile count 0)
	local t=0 p f
	for p in "$@"; do
		f=$(cat "/proc/$p/stat" 2>/dev/null) || continue
		f=${f##*) }
		set -- $f
		t=$((t + ${12} + ${13}))
	done
	echo "$t"
}
pg_pids() { pgrep -u postgres 2>/dev/null | tr '\n' ' ' || true; }

# warm: every worker thread has its connection (and its PostgreSQL backend) before counting
wrk -t2 -c8 -d1s "${hdr[@]}" "http://127.0.0.1:$port$path" >/dev/null 2>&1
c0=$(cpu_of "$pid")
pgs=$(pg_pids)
p0=$(cpu_of $pgs)
out=$(wrk -t2 -c8 -d"${secs}s" "${hdr[@]}" "http://127.0.0.1:$port$path" 2>/dev/null)
c1=$(cpu_of "$pid")
p1=$(cpu_of $pgs)
n=$(echo "$out" | awk '/requests in/ { print $1 }')
rps=$(echo "$out" | awk '/^Requests\/sec:/ { print $2 }')
awk -v n="$n" -v rps="$rps" -v c=$((c1 - c0)) -v p=$((p1 - p0)) -v t="$tick" 'BEGIN {
	printf "%d requests, %.0f req/s, cong %.0f µs/request, postgres %.0f µs/request\n",
		n, rps, n ? c / t * 1e6 / n : 0, n ? p / t * 1e6 / n : 0 }'
