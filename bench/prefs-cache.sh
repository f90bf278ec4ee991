#!/bin/bash
# prefs-cache.sh BASE_CONG DATA PATH HOST [ROUNDS] — a cached page's CPU per request (cpu-split.sh)
# with the display preferences' cookie and without it (docs/accessibility.md), against an older
# build BASE_CONG: the three servers in turn, one at a time, on the data folder DATA, ROUNDS (3)
# times. The figures of docs/benchmarks.md, "display preferences and the page cache".
#   git archive de72136 | tar -x -C /tmp/base && make -C /tmp/base cong
#   bench/prefs-cache.sh /tmp/base/build/cong /tmp/demo /tin/<slug>-44 snv.localhost 5
set -u
base=${1:?usage: bench/prefs-cache.sh BASE_CONG DATA PATH HOST [ROUNDS]}
data=${2:?}
page=${3:?}
host=${4:?}
rounds=${5:-3}
port=18940
here=$(cd "$(dirname "$0")" && pwd)
for round in $(seq "$rounds"); do
	for which in before after after+cookie; do
		bin=$here/../build/cong
		[ "$which" = before ] && bin=$base
		"$bin" serve --data "$data" --listen 127.0.0.1:$port --quiet --threads 2 >/dev/null 2>&1 &
		spid=$!
		for _ in $(seq 50); do curl -s -o /dev/null http://127.0.0.1:$port/healthz && break; sleep 0.1; done
		if [ "$which" = after+cookie ]; then
			out=$(CPU_SPLIT_HEADER="Cookie: tuy-chon=lon.cao" "$here/cpu-split.sh" $port "$host" "$page" 5)
		else
			out=$("$here/cpu-split.sh" $port "$host" "$page" 5)
		fi
		echo "$round $which: $out"
		kill "$spid"
		wait "$spid" 2>/dev/null
	done
done
