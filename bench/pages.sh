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

say() { echo "bench: $*" >&2; }
die() { echo "bench: $*" >&2; exit 1; }

for t in wrk curl sqlite3 python3 awk; do
	command -v "$t" >/dev/null 2>&1 || die "$t is missing: run 'sh scripts/deps.sh bench' as root (make bench does)"
done
[ -x "$cong" ] || die "$cong not found (make cong)"

# ---- the data set ------------------------------------------------------------------------------
if [ -f "$dir/cong.db" ] && [ "$(cat "$dir/articles" 2>/dev/null)" = "$articles" ]; then
	say "reusing the data set in $dir (remove it to generate anew)"
elif [ -f "$dir/cong.db" ] && [ ! -f "$dir/articles" ]; then
	die "$dir/cong.db exists but was not made by gen-corpus (no $dir/articles): not touching it"
else
	t0=$(date +%s)
	python3 "$here/gen-corpus" --data "$dir" --articles "$articles" --cong "$cong" --force
	echo "$articles" >"$dir/articles"
	echo $(($(date +%s) - t0)) >"$dir/gen-seconds"
fi
db=$dir/cong.db
q() { sqlite3 -readonly -batch -noheader -separator '|' "$db" "$1"; }

covers=$(q "SELECT count(*) FROM media")
[ "$covers" -gt 0 ] || say "note: this data set has no cover images (generated before gen-corpus made them);" \
	"'python3 bench/gen-corpus --data $dir --add-covers' adds them (about 30 s for 1,000,000 articles)"

base=$(q "SELECT value FROM settings WHERE key = 'base_domain'")
[ -n "$base" ] || base=localhost
# the component site: the first department (else the first site that is not the main portal)
comp=$(q "SELECT id || '|' || slug FROM sites WHERE kind <> 'main' ORDER BY kind <> 'department', id LIMIT 1")
[ -n "$comp" ] || die "no component site in $db"
comp_id=${comp%%|*}
comp_slug=${comp#*|}
# its category with the most published articles (a leaf: the parents list their own)
cat=$(q "SELECT c.id || '|' || c.slug || '|' || (SELECT count(*) FROM articles a WHERE a.category_id = c.id
	AND a.state = 'published') AS n FROM categories c WHERE c.site_id = $comp_id ORDER BY n DESC, c.id LIMIT 1")
[ -n "$cat" ] || die "site $comp_slug has no category"
IFS='|' read -r cat_id cat_slug cat_n <<EOF
$cat
EOF
# its newest published article, with a cover when there are covers
art=$(q "SELECT id || '|' || slug FROM articles WHERE site_id = $comp_id AND state = 'published'
	ORDER BY cover_id IS NULL, published_at DESC LIMIT 1")
[ -n "$art" ] || die "site $comp_slug has no published article"
art_id=${art%%|*}
art_slug=${art#*|}
# publishing goes to another site than the measured ones: the last commune (else the last site)
pub_slug=$(q "SELECT slug FROM sites WHERE kind <> 'main' AND id <> $comp_id ORDER BY kind = 'commune' DESC, id DESC LIMIT 1")
[ -n "$pub_slug" ] || pub_slug=$comp_slug
total=$(q "SELECT count(*) FROM articles WHERE state = 'published'")
nsites=$(q "SELECT count(*) FROM sites")

# the four pages: label, host, path
labels=("main portal home" "component home ($comp_slug)" "category page ($comp_slug, $cat_n articles)" "article page ($comp_slug)")
hosts=("$base" "$comp_slug.$base" "$comp_slug.$base" "$comp_slug.$base")
paths=("/" "/" "/chuyen-muc/$cat_slug-$cat_id" "/tin/$art_slug-$art_id")

rm -rf "$log"
mkdir -p "$log"

# ---- servers -----------------------------------------------------------------------------------
pids=""
cleanup() {
	for p in $pids; do
		kill "$p" 2>/dev/null || true
	done
	for p in $pids; do
		wait "$p" 2>/dev/null || true
	done
}
trap cleanup EXIT
trap 'exit 130' INT TERM

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# start_server CACHE_MB LOGFILE: sets srv_pid and srv_port once /healthz answers 200
start_server() {
	local try i code
	for try in 1 2 3 4 5; do
		srv_port=$(free_port)
		"$cong" serve --data "$dir" --listen "127.0.0.1:$srv_port" --quiet --cache-mb "$1" \
			--rate-limit-scale 100 >>"$2" 2>&1 &
		srv_pid=$!
		pids="$pids $srv_pid"
		for i in $(seq 600); do
			kill -0 "$srv_pid" 2>/dev/null || break
			code=$(curl -s -o /dev/null -w '%{http_code}' -H "Host: $base" "http://127.0.0.1:$srv_port/healthz" || true)
			[ "$code" = 200 ] && return 0
			sleep 0.1
		done
		kill "$srv_pid" 2>/dev/null || true
		wait "$srv_pid" 2>/dev/null || true
		say "cong serve did not start on port $srv_port (try $try): $(tail -2 "$2" | tr '\n' ' ')"
	done
	die "cong serve does not start; its log: $2"
}

stop_server() {
	kill "$srv_pid" 2>/dev/null || true
	wait "$srv_pid" 2>/dev/null || true
	pids=$(echo "$pids" | tr ' ' '\n' | grep -vx "$srv_pid" | tr '\n' ' ' || true)
}

# mem_of PID: "VmRSS VmHWM" in MiB
mem_of() {
	awk '/^VmRSS:/{r=$2} /^VmHWM:/{h=$2} END{printf "%.1f %.1f", r/1024, h/1024}' "/proc/$1/status"
}

# resolve I: checks page I answers 200 (following one redirect on the same host: a slug that
# changed), records its size and X-Cache
declare -a sizes
resolve() {
	local i=$1 out code loc size
	out=$(curl -s -o /dev/null -w '%{http_code} %{size_download} %{redirect_url}' -H "Host: ${hosts[$i]}" \
		"http://127.0.0.1:$srv_port${paths[$i]}")
	read -r code size loc <<EOF
$out
EOF
	if [ "$code" = 301 ] || [ "$code" = 302 ] || [ "$code" = 308 ]; then
		paths[$i]=/${loc#*://*/}
		say "${labels[$i]}: redirected to ${paths[$i]}"
		out=$(curl -s -o /dev/null -w '%{http_code} %{size_download}' -H "Host: ${hosts[$i]}" \
			"http://127.0.0.1:$srv_port${paths[$i]}")
		read -r code size <<EOF
$out
EOF
	fi
	[ "$code" = 200 ] || die "${labels[$i]}: GET http://${hosts[$i]}${paths[$i]} answered $code"
	sizes[$i]=$size
}

xcache() {
	curl -s -o /dev/null -D - -H "Host: ${hosts[$1]}" "http://127.0.0.1:$srv_port${paths[$1]}" |
		awk -F': *' 'tolower($1)=="x-cache"{sub(/\r$/,"",$2); v=$2} END{print v==""?"-":v}'
}

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
	-- --cache-mb "$cache_mb" | tee "$log/startup.txt" >&2
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
	c_x[$i]=$(xcache "$i")
	[ "${c_x[$i]}" = HIT ] || say "warning: ${labels[$i]} is not served from the cache after warming (X-Cache: ${c_x[$i]})"
	say "cached: ${labels[$i]}: wrk ${dur}s"
	wrk_page "$i" "$log/wrk-cached-$i.txt"
	c_res[$i]=$(wrk_fields "$log/wrk-cached-$i.txt")
done
c_mem=$(mem_of "$cached_pid")
pub_line="not measured (PUBLISHES=0)"
if [ "$publishes" -gt 0 ]; then
	say "publish-to-visible: $publishes publications on $pub_slug.$base"
	python3 "$here/publish_latency.py" --data "$dir" --port "$srv_port" --site "$pub_slug" --runs "$publishes" \
		--cong "$cong" | tee "$log/publish.txt" >&2
	pub_line=$(sed -n 's/^publish-to-visible median \([0-9.]*\) ms (runs: \(.*\))$/\1 ms (runs: \2)/p' "$log/publish.txt")
fi
stop_server

# ---- 3. without it -----------------------------------------------------------------------------
say "uncached: cong serve --cache-mb 0"
start_server 0 "$log/serve-uncached.log"
uncached_pid=$srv_pid
for i in 0 1 2 3; do
	warm_page "$i"
	u_x[$i]=$(xcache "$i")
	say "uncached: ${labels[$i]}: wrk ${dur}s"
	wrk_page "$i" "$log/wrk-uncached-$i.txt"
	u_res[$i]=$(wrk_fields "$log/wrk-uncached-$i.txt")
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
	echo "| start-up, exec to the first 200 of the main home (median of $starts) | $startup ms (runs: $startup_runs) |"
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
