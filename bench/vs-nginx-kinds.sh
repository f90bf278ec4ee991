#!/usr/bin/env bash
# vs-nginx-kinds.sh — every kind's public list and one of its items, with the page cache off,
# against nginx serving the same bytes (../shared/bench/vs-nginx.sh): the speed aim of the kinds
# (≥ 0.25 × nginx uncached). Reads the kinds from `cong kinds --json`; the list is /<segment> on
# the main portal, the item the main portal's newest published one of that kind. Prints a Markdown
# table: page, bytes, cong req/s, nginx req/s, ratio (median of the rounds).
#
# usage: bench/vs-nginx-kinds.sh DIR [CONG]   (DIR: a corpus, bench/gen-corpus + bench/gen-kinds)
# environment (defaults): ROUNDS=3, DURATION=5, CONNS=32, PORT=8961, KINDS="" (names, comma-
#   separated: only these), VS_NGINX=<repo>/../shared/bench/vs-nginx.sh, HOST (the main portal's
#   domain, read from the corpus)
set -eu

dir=${1:?usage: bench/vs-nginx-kinds.sh DIR [CONG]}
cong=${2:-./cong}
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
case $cong in /*) ;; *) cong=$(pwd)/$cong ;; esac
rounds=${ROUNDS:-3}
dur=${DURATION:-5}
conns=${CONNS:-32}
port=${PORT:-8961}
vs=${VS_NGINX:-$root/../shared/bench/vs-nginx.sh}
[ -f "$vs" ] || { echo "bench: $vs is missing (set VS_NGINX=PATH)" >&2; exit 2; }
db=$dir/cong.db
host=${HOST:-$(sqlite3 "$db" "SELECT d.domain FROM site_domains d JOIN sites s ON s.id = d.site_id WHERE s.kind = 'main' ORDER BY length(d.domain), d.domain LIMIT 1")}
host=${host:-bench.localhost}

"$cong" serve --data "$dir" --listen "127.0.0.1:$port" --quiet --cache-mb 0 --rate-limit-scale 100 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null' EXIT
for _ in $(seq 1 100); do
	curl -s -o /dev/null -H "Host: $host" "http://127.0.0.1:$port/healthz" && break
	sleep 0.2
done

pages=$(python3 - "$cong" "$db" "${KINDS:-}" <<'EOF'
import json, sqlite3, subprocess, sys
cong, db, only = sys.argv[1], sys.argv[2], set(x for x in sys.argv[3].split(",") if x)
kinds = json.loads(subprocess.run([cong, "kinds", "--json"], capture_output=True, text=True, check=True).stdout)
con = sqlite3.connect(db)
main = con.execute("SELECT id FROM sites WHERE kind = 'main'").fetchone()[0]
for k in kinds:
    if k["name"] == "article" or (only and k["name"] not in only):
        continue
    print(f"{k['name']} list|/{k['segment']}")
    row = con.execute("SELECT id, slug FROM items WHERE site_id = ? AND kind = ? AND state = 'published'"
                      " ORDER BY id DESC LIMIT 1", (main, k["name"])).fetchone()
    if row:
        print(f"{k['name']} item|/{k['segment']}/{row[1]}-{row[0]}")
EOF
)

echo "| page | bytes | cong req/s | nginx req/s | ratio |"
echo "|---|---:|---:|---:|---:|"
while IFS='|' read -r label path; do
	[ -n "$label" ] || continue
	# the item's own address (another slug answers with a 301 to it)
	loc=$(curl -s -o /dev/null -w '%{redirect_url}' -H "Host: $host" "http://127.0.0.1:$port$path")
	[ -n "$loc" ] && path=/${loc#*://*/}
	final="http://127.0.0.1:$port$path"
	bytes=$(curl -s -H "Host: $host" "$final" | wc -c)
	out=$(bash "$vs" -H "Host: $host" -r "$rounds" -d "$dur" -c "$conns" "$final" 2>&1 | tail -1)
	# "ratio median R (A=... req/s, B=... req/s)"
	ratio=$(echo "$out" | sed -n 's/.*ratio median \([0-9.]*\).*/\1/p')
	a=$(echo "$out" | sed -n 's/.*A=\([0-9.]*\).*/\1/p')
	b=$(echo "$out" | sed -n 's/.*B=\([0-9.]*\).*/\1/p')
	echo "| $label \`$path\` | $bytes | ${a:-?} | ${b:-?} | ${ratio:-$out} |"
done <<<"$pages"
