#!/bin/bash
# pg-vs-sqlite.sh ARTICLES DIR URL [CONG] — one data set on both engines, side by side in one run:
# DIR/cong.db (SQLite) and the PostgreSQL database URL holding the same rows (`cong migrate --from
# DIR --db URL`). For the four pages of bench/pages.sh and a search page, uncached (--cache-mb 0)
# and cached, wrk's requests per second on each engine, the rounds alternating between the two;
# prints medians and the ratio PostgreSQL / SQLite. Both servers use DIR's media.
# Environment: ROUNDS (3), DURATION (5 s), CONNS (8), THREADS (2).
set -eu
articles=${1:?usage: bench/pg-vs-sqlite.sh ARTICLES DIR URL [CONG]}
dir=${2:?}
url=${3:?}
cong=$(cd "$(dirname "${4:-./cong}")" && pwd)/$(basename "${4:-./cong}")
here=$(cd "$(dirname "$0")" && pwd)
rounds=${ROUNDS:-3}
dur=${DURATION:-5}
conns=${CONNS:-8}
threads=${THREADS:-2}
log=${TMPDIR:-/tmp}/cong-pg-vs-sqlite
tools="wrk curl sqlite3 python3"
# shellcheck source=bench/pagelib.sh
. "$here/pagelib.sh"

# a search page: the first single-word query of the corpus's list
word=$(awk -F'\t' '$1 == "word" { print $2; exit }' "$dir/queries.tsv" 2>/dev/null || true)
[ -n "$word" ] || word="tin"
labels+=("search page (main portal, \"$word\")")
hosts+=("$base")
paths+=("/tim-kiem?q=$(python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$word")")

# serve ENGINE CACHE_MB: sets port_<engine>
serve() {
	local extra=() i code
	[ "$1" = pg ] && extra=(--db "$url")
	local port
	port=$(free_port)
	"$cong" serve --data "$dir" "${extra[@]}" --listen "127.0.0.1:$port" --quiet --cache-mb "$2" \
		--rate-limit-scale 1000 >>"$log/$1-$2.log" 2>&1 &
	pids="$pids $!"
	for i in $(seq 600); do
		code=$(curl -s -o /dev/null -w '%{http_code}' -H "Host: $base" "http://127.0.0.1:$port/healthz" || true)
		[ "$code" = 200 ] && break
		sleep 0.1
	done
	[ "$code" = 200 ] || die "cong serve ($1) does not start: $(tail -3 "$log/$1-$2.log")"
	eval "port_$1=$port"
}

rps() { # PORT I: requests per second of page I
	wrk -t"$threads" -c"$conns" -d"${dur}s" -H "Host: ${hosts[$2]}" "http://127.0.0.1:$1${paths[$2]}" 2>/dev/null |
		awk '/^Requests\/sec:/ { print $2 }'
}

median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

echo "## PostgreSQL and SQLite side by side: $(cat "$dir/articles" 2>/dev/null || echo "$articles") items, $(nproc) cores, $(date -u +%Y-%m-%d)"
echo
echo "wrk -t$threads -c$conns -d${dur}s, $rounds rounds alternating; medians of requests/s"
echo
echo "| page | cache | SQLite req/s | PostgreSQL req/s | PostgreSQL / SQLite |"
echo "|---|---|---:|---:|---:|"
for cache in 0 64; do
	serve sqlite "$cache"
	serve pg "$cache"
	for i in "${!paths[@]}"; do
		# both answer 200 and the same size (the same page)
		for e in sqlite pg; do
			p=$(eval echo "\$port_$e")
			code=$(curl -s -o /dev/null -w '%{http_code}' -H "Host: ${hosts[$i]}" "http://127.0.0.1:$p${paths[$i]}")
			[ "$code" = 200 ] || die "${labels[$i]} on $e: $code"
		done
		s=""
		g=""
		for r in $(seq "$rounds"); do
			s="$s $(rps "$port_sqlite" "$i")"
			g="$g $(rps "$port_pg" "$i")"
		done
		ms=$(echo "$s" | median)
		mg=$(echo "$g" | median)
		ratio=$(awk -v a="$mg" -v b="$ms" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')
		echo "| ${labels[$i]} | $([ "$cache" = 0 ] && echo uncached || echo cached) | $ms | $mg | $ratio |"
	done
	cleanup
	pids=""
done
