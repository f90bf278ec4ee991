#!/bin/sh
# durability.sh — publish latency of two builds of cong, side by side (e.g. synchronous=NORMAL
# before, FULL after): for each, a fresh demo data folder under WORK (put it on the disk the
# portal would use, not a tmpfs), `cong serve`, then bench/publish_latency.py RUNS publications
# (an approver's "publish" action on a cached category page). The builds take turns, ROUNDS
# times, so that load on the machine falls on both. Prints the median of the publish action's
# answer time (the transaction and its sync) and of publish-to-visible, per build.
#
# usage: bench/durability.sh CONG_A CONG_B [WORK] [RUNS] [ROUNDS]
set -eu
here=$(cd "$(dirname "$0")" && pwd)
a=$1 b=$2 work=${3:-$(pwd)/build/bench-durability} runs=${4:-10} rounds=${5:-2}
rm -rf "$work"
mkdir -p "$work"
pids=""
cleanup() { for p in $pids; do kill "$p" 2>/dev/null || :; done; }
trap cleanup EXIT INT TERM
port_of() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
for which in a b; do
	eval bin=\$$which
	"$bin" demo --data "$work/$which" >/dev/null 2>&1
	port=$(port_of)
	CONG_ROOT="$here/.." "$bin" serve --data "$work/$which" --listen "127.0.0.1:$port" --quiet >"$work/$which.log" 2>&1 &
	pids="$pids $!"
	eval port_$which=$port
done
sleep 1
site=$("$a" site list --data "$work/a" 2>/dev/null | awk 'NR==2 {print $1}')
for r in $(seq 1 "$rounds"); do
	for which in a b; do
		eval bin=\$$which port=\$port_$which
		python3 "$here/publish_latency.py" --data "$work/$which" --port "$port" --site "$site" --runs "$runs" \
			--cong "$bin" >>"$work/$which.out"
	done
done
for which in a b; do
	eval bin=\$$which
	python3 - "$work/$which.out" "$bin" <<'PY'
import re, statistics, sys
text = open(sys.argv[1]).read()
ans = [float(x) for x in re.findall(r"publish answered in ([\d.]+) ms", text)]
vis = [float(x) for x in re.findall(r"visible after ([\d.]+) ms", text)]
print("%s: %d publications: publish answered median %.1f ms (p90 %.1f), publish-to-visible median %.1f ms" % (
    sys.argv[2], len(ans), statistics.median(ans), sorted(ans)[int(len(ans) * 0.9) - 1], statistics.median(vis)))
PY
done
