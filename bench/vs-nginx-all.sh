#!/usr/bin/env bash
# vs-nginx-all.sh — the four pages of bench/pages.sh against nginx serving the same bytes as a
# static file, with ../shared/bench/vs-nginx.sh (beside the repository): first on `cong serve`
# with the page cache, then on a second server started with --cache-mb 0. Prints a Markdown table
# of req/s and ratios (median of the rounds) beside the aims of issue #6 (cached ≥ 0.8 × nginx,
# cache off ≥ 0.25 × nginx). Run by `make bench-nginx`.
#
# usage: bench/vs-nginx-all.sh ARTICLES DIR [CONG]
# environment (defaults): ROUNDS=3, DURATION=5 (seconds of each wrk run), CONNS=32, CACHE_MB=64,
#   VS_NGINX=<repo>/../shared/bench/vs-nginx.sh, LOG=<DIR's parent>/vs-nginx-ARTICLES
set -eu

articles=${1:?usage: bench/vs-nginx-all.sh ARTICLES DIR [CONG]}
dir=${2:?usage: bench/vs-nginx-all.sh ARTICLES DIR [CONG]}
cong=${3:-./cong}
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
case $cong in /*) ;; *) cong=$(pwd)/$cong ;; esac
export CONG_ROOT=${CONG_ROOT:-$root}

rounds=${ROUNDS:-3}
dur=${DURATION:-5}
conns=${CONNS:-32}
cache_mb=${CACHE_MB:-64}
log=${LOG:-$(dirname "$dir")/vs-nginx-$articles}
vs=${VS_NGINX:-$root/../shared/bench/vs-nginx.sh}
if [ ! -f "$vs" ]; then
	echo "bench: $vs is missing: this script runs the shared vs-nginx.sh that lives beside the" >&2
	echo "bench: repository (../shared/bench/vs-nginx.sh) on the project's machines; set VS_NGINX=PATH" >&2
	exit 2
fi

# vs-nginx.sh installs nginx and wrk itself when it runs as root
tools="curl sqlite3 python3 awk"
# shellcheck source=bench/pagelib.sh
. "$here/pagelib.sh"

# vs_page I MODE: runs vs-nginx.sh on page I; prints "ratio A B"
vs_page() {
	local out=$log/vs-$2-$1.txt
	bash "$vs" -H "Host: ${hosts[$1]}" -r "$rounds" -d "$dur" -c "$conns" "http://127.0.0.1:$srv_port${paths[$1]}" \
		>"$out" 2>&1 || die "vs-nginx.sh failed on ${labels[$1]}: $(tail -3 "$out" | tr '\n' ' ')"
	sed -n 's/^ratio median \([0-9.]*\) (A=\([0-9.]*\) req\/s, B=\([0-9.]*\) req\/s)$/\1 \2 \3/p' "$out" | tail -1
}

declare -a cached uncached
say "cached: cong serve --cache-mb $cache_mb"
start_server "$cache_mb" "$log/serve-cached.log"
for i in 0 1 2 3; do
	resolve "$i"
done
for i in 0 1 2 3; do
	say "cached: ${labels[i]}: $rounds rounds of ${dur}s"
	cached[i]=$(vs_page "$i" cached)
	[ "$(xcache "$i")" = HIT ] || say "warning: ${labels[i]} is not served from the cache (X-Cache: $(xcache "$i"))"
done
stop_server
say "uncached: cong serve --cache-mb 0"
start_server 0 "$log/serve-uncached.log"
for i in 0 1 2 3; do
	say "uncached: ${labels[i]}: $rounds rounds of ${dur}s"
	uncached[i]=$(vs_page "$i" uncached)
done
stop_server

row() { # label bytes "ratio A B" "ratio A B"
	echo "$1|$2|$3|$4" | awk -F'|' '
	function commas(n,   s, r) { s = sprintf("%d", n + 0.5); r = "";
		while (length(s) > 3) { r = "," substr(s, length(s) - 2) r; s = substr(s, 1, length(s) - 3) } return s r }
	{ split($3, c, " "); split($4, u, " ")
	  printf "| %s | %s | %s | %s | %.3f | %s | %s | %.3f |\n", $1, commas($2), commas(c[2]), commas(c[3]), c[1],
		commas(u[2]), commas(u[3]), u[1] }'
}
{
	echo "## Cổng against nginx: $total published articles on $nsites sites, $(nproc) cores, $(date -u +%Y-%m-%d)"
	echo
	echo "\`vs-nginx.sh -r $rounds -d $dur -c $conns\` (wrk -t1, A = Cổng, B = nginx serving the same bytes"
	echo "as a static file, ratio = median of the rounds' A/B) for each page, on \`cong serve --quiet\`"
	echo "with \`--cache-mb $cache_mb\`, then on a second server with \`--cache-mb 0\`; data set $dir."
	echo
	echo "| page | bytes | cached req/s | nginx req/s | ratio | uncached req/s | nginx req/s | ratio |"
	echo "|---|---|---|---|---|---|---|---|"
	for i in 0 1 2 3; do
		row "${labels[i]}" "${sizes[i]}" "${cached[i]}" "${uncached[i]}"
	done
	echo
	echo "Aims (issue #6): cached ratio ≥ 0.8; cache off ratio ≥ 0.25 (on the 1,000,000-article set)."
	for i in 0 1 2 3; do
		echo "- ${labels[i]}: \`${hosts[i]}\` \`${paths[i]}\`"
	done
} >"$log/report.md"
echo
cat "$log/report.md"
say "vs-nginx.sh outputs and server logs: $log"
