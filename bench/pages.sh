#!/usr/bin/env bash
# pages.sh — the page benchmark of issue #6 end to end: reuses (or generates with bench/gen-corpus)
# the data set of ARTICLES articles in DIR, picks four real pages from its database (the main
# portal's home, a component site's home, that site's busiest category, its newest article with a
# cover), and loads each with wrk on loopback: first on `cong serve` with the page cache (warmed),
# then on a second server started with --cache-mb 0. Also measures the start-up time (exec to the
# first 200, bench/startup_time.py), the resident memory after each load (/proc/PID/status) and
# the publish-to-visible time (bench/publish_latency.py, on the cached server). Prints Markdown.
# Run by `make bench` (ARTICLES=100000 by default; `make bench ARTICLES=1000000`).
#
# usage: bench/pages.sh ARTICLES DIR [CONG]
# environment (defaults): DURATION=10 (seconds of each wrk run), CONNS=32, WRK_THREADS=2,
#   WARM=2 (seconds of wrk before each measured run), CACHE_MB=64, STARTS=5 (start-up runs),
#   PUBLISHES=5 (publish runs; 0 leaves the data set untouched), LOG=<DIR's parent>/pages-ARTICLES
#   (raw wrk outputs, server logs, the report)
# The publish step writes to the data set: an approver `bench.duyet` and PUBLISHES published
# articles on the last commune site per run (see bench/publish_latency.py).
set -eu

articles=${1:?usage: bench/pages.sh ARTICLES DIR [CONG]}
dir=${2:?usage: bench/pages.sh ARTICLES DIR [CONG]}
cong=${3:-./cong}
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
case $cong in /*) ;; *) cong=$(pwd)/$cong ;; esac
export CONG_ROOT=${CONG_ROOT:-$root}

dur=${DURATION:-10}
conns=${CONNS:-32}
wthreads=${WRK_THREADS:-2}
warm=${WARM:-2}
cache_mb=${CACHE_MB:-64}
starts=${STARTS:-5}
publishes=${PUBLISHES:-5}
log=${LOG:-$(dirname "$dir")/pages-$articles}

tools="wrk curl sqlite3 python3 awk"
# shellcheck source=bench/pagelib.sh
. "$here/pagelib.sh"

# wrk_page I OUTFILE
wrk_page() {
	wrk -t"$wthreads" -c"$conns" -d"${dur}s" --latency -H "Host: ${hosts[$1]}" \
		"http://127.0.0.1:$srv_port${paths[$1]}" >"$2"
}
warm_page() {
	curl -s -o /dev/null -H "Host: ${hosts[$1]}" "http://127.0.0.1:$srv_port${paths[$1]}"
	curl -s -o /dev/null -H "Host: ${hosts[$1]}" "http://127.0.0.1:$srv_port${paths[$1]}"
	[ "$warm" = 0 ] || wrk -t"$wthreads" -c"$conns" -d"${warm}s" -H "Host: ${hosts[$1]}" \
		"http://127.0.0.1:$srv_port${paths[$1]}" >/dev/null
}

# wrk_field FILE: "req/s p50_ms p99_ms errors" (errors: non-2xx/3xx answers + socket errors)
wrk_fields() {
	awk '
	function ms(v) {
		if (v ~ /us$/) return substr(v, 1, length(v) - 2) / 1000
		if (v ~ /ms$/) return substr(v, 1, length(v) - 2) + 0
		if (v ~ /m$/) return substr(v, 1, length(v) - 1) * 60000
		if (v ~ /s$/) return substr(v, 1, length(v) - 1) * 1000
		return v + 0
	}
	/^Requests\/sec:/ { rps = $2 }
	$1 == "50%" { p50 = ms($2) }
	$1 == "99%" { p99 = ms($2) }
	/Non-2xx or 3xx responses:/ { err += $NF }
	/Socket errors:/ { gsub(/,/, ""); err += $4 + $6 + $8 + $10 }
	END { printf "%s %s %s %d\n", rps, p50, p99, err }' "$1"
}

# ---- 1. start-up -------------------------------------------------------------------------------
say "start-up: $starts starts of cong serve on $dir"
python3 "$here/startup_time.py" --cong "$cong" --data "$dir" --host "$base" --runs "$starts" \
	-- --cache-mb "$cache_mb" 2>&1 | tee "$log/startup.txt" >&2
startup=$(awk '/^start-up median/{print $3}' "$log/startup.txt")
startup_runs=$(sed -n 's/^start-up median .*(runs: \(.*\))$/\1/p' "$log/startup.txt")

# ---- 2. with the page cache --------------------------------------------------------------------
say "cached: cong serve --cache-mb $cache_mb"
start_server "$cache_mb" "$log/serve-cached.log"
cached_pid=$srv_pid
for i in 0 1 2 3; do
	resolve "$i"
done
declare -a c_res u_res c_x u_x
for i in 0 1 2 3; do
	warm_page "$i"
	c_x[i]=$(xcache "$i")
	[ "${c_x[$i]}" = HIT ] || say "warning: ${labels[$i]} is not served from the cache after warming (X-Cache: ${c_x[$i]})"
	say "cached: ${labels[$i]}: wrk ${dur}s"
	wrk_page "$i" "$log/wrk-cached-$i.txt"
	c_res[i]=$(wrk_fields "$log/wrk-cached-$i.txt")
done
c_mem=$(mem_of "$cached_pid")
pub_line="not measured (PUBLISHES=0)"
if [ "$publishes" -gt 0 ]; then
	say "publish-to-visible: $publishes publications on $pub_slug.$base"
	python3 "$here/publish_latency.py" --data "$dir" --port "$srv_port" --site "$pub_slug" --runs "$publishes" \
		--cong "$cong" 2>&1 | tee "$log/publish.txt" >&2
	pub_line=$(sed -n 's/^publish-to-visible median \([0-9.]*\) ms (runs: \(.*\))$/\1 ms (runs: \2)/p' "$log/publish.txt")
	[ -n "$pub_line" ] || pub_line="failed: $(tail -1 "$log/publish.txt")"
fi
stop_server

# ---- 3. without it -----------------------------------------------------------------------------
say "uncached: cong serve --cache-mb 0"
start_server 0 "$log/serve-uncached.log"
uncached_pid=$srv_pid
for i in 0 1 2 3; do
	warm_page "$i"
	u_x[i]=$(xcache "$i")
	say "uncached: ${labels[$i]}: wrk ${dur}s"
	wrk_page "$i" "$log/wrk-uncached-$i.txt"
	u_res[i]=$(wrk_fields "$log/wrk-uncached-$i.txt")
done
u_mem=$(mem_of "$uncached_pid")
stop_server

# ---- the report --------------------------------------------------------------------------------
fmt() { # req/s p50 p99 errors -> "| 12,345 | 1.23 ms | 4.56 ms"
	echo "$1 $2 $3 $4" | awk '
	function commas(n,   s, r) { s = sprintf("%d", n + 0.5); r = "";
		while (length(s) > 3) { r = "," substr(s, length(s) - 2) r; s = substr(s, 1, length(s) - 3) } return s r }
	function lat(v) {
		if (v >= 100) return sprintf("%.0f ms", v)
		if (v >= 10) return sprintf("%.1f ms", v)
		return sprintf("%.2f ms", v)
	}
	{ e = ""; if ($4 > 0) e = " (" $4 " errors)"; printf "| %s%s | %s | %s", commas($1), e, lat($2), lat($3) }'
}
{
	echo "## Page benchmark: $total published articles on $nsites sites, $(nproc) cores, $(date -u +%Y-%m-%d)"
	echo
	echo "\`wrk -t$wthreads -c$conns -d${dur}s --latency\` on loopback, each page after ${warm} s of warm-up;"
	echo "\`cong serve --quiet --rate-limit-scale 100\` (default threads) with \`--cache-mb $cache_mb\`, then a"
	echo "second server with \`--cache-mb 0\`; data set $dir ($covers media rows)."
	echo
	echo "| page | cached req/s | p50 | p99 | uncached req/s | p50 | p99 |"
	echo "|---|---|---|---|---|---|---|"
	for i in 0 1 2 3; do
		# shellcheck disable=SC2086
		echo "| ${labels[$i]} $(fmt ${c_res[$i]}) $(fmt ${u_res[$i]}) |"
	done
	echo
	echo "Pages (Host header, path, bytes; X-Cache cached/uncached):"
	echo
	for i in 0 1 2 3; do
		echo "- ${labels[$i]}: \`${hosts[$i]}\` \`${paths[$i]}\`, ${sizes[$i]} bytes; ${c_x[$i]}/${u_x[$i]}"
	done
	echo
	echo "| measure | value |"
	echo "|---|---|"
	if [ -n "$startup" ]; then
		echo "| start-up, exec to the first 200 of the main home (median of $starts) | $startup ms (runs: $startup_runs) |"
	else
		echo "| start-up, exec to the first 200 of the main home | failed: $(tail -1 "$log/startup.txt") |"
	fi
	read -r rss hwm <<EOF
$u_mem
EOF
	echo "| resident memory after the uncached load (VmRSS / VmHWM) | $rss MiB / $hwm MiB |"
	read -r rss hwm <<EOF
$c_mem
EOF
	echo "| resident memory after the cached load (VmRSS / VmHWM) | $rss MiB / $hwm MiB |"
	echo "| publish-to-visible on $pub_slug.$base, cached category page (median of $publishes) | $pub_line |"
} >"$log/report.md"
echo
cat "$log/report.md"
say "raw wrk outputs and server logs: $log"
