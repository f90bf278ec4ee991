#!/usr/bin/env bash
# vs-build.sh — two builds of cong side by side on the same pages: A (e.g. the release before a
# change, on its own copy of the data) and B (the change, on a copy of the same data it upgraded).
# For the page cache off (--cache-mb 0) and on (--cache-mb 64), both servers run at once and
# each page is loaded in turn A B A B … (wrk -t2 -c32 --latency), with the servers' CPU time
# per request from /proc/PID/stat; prints per page the medians of req/s, p50, p99 and CPU µs per
# request of each side and the median of the rounds' B/A req/s ratios.
#
# usage: bench/vs-build.sh A_CONG A_DIR B_CONG B_DIR
# environment (defaults): ROUNDS=3, DURATION=5, CONNS=32, MODES="0 64" (--cache-mb values),
#   LOG=<B_DIR's parent>/vs-build, PAGES (file of "label|host|path" lines; default: the four pages
#   of bench/pages.sh picked from B_DIR's database)
set -eu
a_cong=${1:?usage: bench/vs-build.sh A_CONG A_DIR B_CONG B_DIR}
a_dir=${2:?}
b_cong=${3:?}
b_dir=${4:?}
rounds=${ROUNDS:-3}
dur=${DURATION:-5}
conns=${CONNS:-32}
modes=${MODES:-0 64}
log=${LOG:-$(dirname "$b_dir")/vs-build}
mkdir -p "$log"
say() { echo "vs-build: $*" >&2; }
die() { echo "vs-build: $*" >&2; exit 1; }

q() { sqlite3 -readonly -batch -noheader -separator '|' "$b_dir/cong.db" "$1"; }
base=$(q "SELECT value FROM settings WHERE key = 'base_domain'")
[ -n "$base" ] || base=localhost
declare -a labels hosts paths
if [ -n "${PAGES:-}" ]; then
	while IFS='|' read -r l h p; do
		[ -n "$l" ] || continue
		labels+=("$l"); hosts+=("$h"); paths+=("$p")
	done <"$PAGES"
else
	comp=$(q "SELECT id || '|' || slug FROM sites WHERE kind <> 'main' ORDER BY kind <> 'department', id LIMIT 1")
	comp_id=${comp%%|*}; comp_slug=${comp#*|}
	cat=$(q "SELECT c.id || '|' || c.slug FROM categories c WHERE c.site_id = $comp_id ORDER BY (SELECT count(*)
		FROM items a WHERE a.category_id = c.id AND a.state = 'published') DESC, c.id LIMIT 1")
	art=$(q "SELECT id || '|' || slug FROM items WHERE site_id = $comp_id AND state = 'published' AND kind = 'article'
		ORDER BY cover_id IS NULL, published_at DESC LIMIT 1")
	labels=("main portal home" "component home ($comp_slug)" "category page ($comp_slug)" "article page ($comp_slug)")
	hosts=("$base" "$comp_slug.$base" "$comp_slug.$base" "$comp_slug.$base")
	paths=("/" "/" "/chuyen-muc/${cat#*|}-${cat%%|*}" "/tin/${art#*|}-${art%%|*}")
fi

pids=""
cleanup() { for p in $pids; do kill "$p" 2>/dev/null || true; done; for p in $pids; do wait "$p" 2>/dev/null || true; done; }
trap cleanup EXIT
trap 'exit 130' INT TERM
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
# start CONG DIR CACHE LOG: echoes "pid port"
start() {
	local port pid i
	port=$(free_port)
	"$1" serve --data "$2" --listen "127.0.0.1:$port" --quiet --cache-mb "$3" --rate-limit-scale 100 >>"$4" 2>&1 &
	pid=$!
	for i in $(seq 600); do
		kill -0 "$pid" 2>/dev/null || die "$1 serve stopped: $(tail -3 "$4" | tr '\n' ' ')"
		[ "$(curl -s -o /dev/null -w '%{http_code}' -H "Host: $base" "http://127.0.0.1:$port/healthz")" = 200 ] && break
		sleep 0.1
	done
	echo "$pid $port"
}
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
# load PID PORT I: one wrk run on page I; echoes "req/s p50_ms p99_ms cpu_us_per_req"
load() {
	local t0 t1 out
	t0=$(cpu_ticks "$1")
	out=$(wrk -t2 -c"$conns" -d"${dur}s" --latency -H "Host: ${hosts[$3]}" "http://127.0.0.1:$2${paths[$3]}")
	t1=$(cpu_ticks "$1")
	echo "$out" >>"$log/wrk.txt"
	echo "$out" | awk -v ticks=$((t1 - t0)) -v hz="$(getconf CLK_TCK)" '
		function ms(s) { if (s ~ /us$/) return s / 1000; if (s ~ /ms$/) return s + 0; if (s ~ /s$/) return s * 1000; return s }
		/requests in/ { n = $1 } /Requests\/sec/ { r = $2 } /Socket errors/ { to = $NF } $1 == "50%" { p50 = ms($2) } $1 == "99%" { p99 = ms($2) }
		END { printf "%s %.2f %.2f %.0f\n", r, p50, p99, n ? ticks * 1e6 / hz / n : 0 }'
}
check() { # PORT I: the status and size of page I
	curl -s -o /dev/null -w '%{http_code} %{size_download}\n' -H "Host: ${hosts[$2]}" "http://127.0.0.1:$1${paths[$2]}"
}

report=$log/report.md
: >"$report"
{
	echo "A = $a_cong on $a_dir; B = $b_cong on $b_dir; $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(date -u '+%Y-%m-%d %H:%M') UTC"
	echo "wrk -t2 -c$conns -d${dur}s --latency, $rounds rounds A B A B …; medians of the rounds; CPU µs/req = the server's utime+stime over the requests wrk completed"
} >>"$report"
for mode in $modes; do
	read -r a_pid a_port < <(start "$a_cong" "$a_dir" "$mode" "$log/serve-a-$mode.log")
	pids="$pids $a_pid"
	read -r b_pid b_port < <(start "$b_cong" "$b_dir" "$mode" "$log/serve-b-$mode.log")
	pids="$pids $b_pid"
	{
		echo
		echo "### --cache-mb $mode"
		echo
		echo "| page | bytes A / B | A req/s | B req/s | B/A (rounds) | A p50 / p99 ms | B p50 / p99 ms | A CPU µs/req | B CPU µs/req |"
		echo "|---|---|---:|---:|---|---|---|---:|---:|"
	} >>"$report"
	for i in "${!labels[@]}"; do
		read -r ca sa < <(check "$a_port" "$i")
		read -r cb sb < <(check "$b_port" "$i")
		[ "$ca" = 200 ] && [ "$cb" = 200 ] || die "${labels[i]}: ${hosts[i]}${paths[i]}: A $ca, B $cb"
		wrk -t2 -c"$conns" -d2s -H "Host: ${hosts[i]}" "http://127.0.0.1:$a_port${paths[i]}" >/dev/null
		wrk -t2 -c"$conns" -d2s -H "Host: ${hosts[i]}" "http://127.0.0.1:$b_port${paths[i]}" >/dev/null
		ra=(); rb=()
		for r in $(seq "$rounds"); do
			ra+=("$(load "$a_pid" "$a_port" "$i")")
			rb+=("$(load "$b_pid" "$b_port" "$i")")
			say "--cache-mb $mode ${labels[i]} round $r: A ${ra[-1]} | B ${rb[-1]}"
		done
		python3 - "${labels[i]}" "$sa" "$sb" "$(printf '%s;' "${ra[@]}")" "$(printf '%s;' "${rb[@]}")" >>"$report" <<'PY'
import statistics as st, sys
label, sa, sb, ra, rb = sys.argv[1:6]
A = [list(map(float, x.split())) for x in ra.split(";") if x]
B = [list(map(float, x.split())) for x in rb.split(";") if x]
med = lambda rows, k: st.median(r[k] for r in rows)
ratios = [b[0] / a[0] if a[0] else float("inf") for a, b in zip(A, B)]  # A answered nothing in time: wrk's 2 s timeout
print(f"| {label} | {int(sa):,} / {int(sb):,} | {med(A,0):,.0f} | {med(B,0):,.0f} | **{st.median(ratios):.2f}** ({', '.join(f'{x:.2f}' for x in ratios)}) "
      f"| {med(A,1):.2f} / {med(A,2):.2f} | {med(B,1):.2f} / {med(B,2):.2f} | {med(A,3):.0f} | {med(B,3):.0f} |")
PY
	done
	{
		echo
		echo "VmRSS after the loads: A $(awk '/^VmRSS/{printf "%.1f MiB", $2/1024}' /proc/$a_pid/status), B $(awk '/^VmRSS/{printf "%.1f MiB", $2/1024}' /proc/$b_pid/status)"
	} >>"$report"
	kill "$a_pid" "$b_pid"; wait "$a_pid" "$b_pid" 2>/dev/null || true
	pids=""
done
{
	echo
	for i in "${!labels[@]}"; do echo "- ${labels[i]}: \`${hosts[i]}\` \`${paths[i]}\`"; done
} >>"$report"
cat "$report"
